import org.jspecify.annotations.NullMarked;

/**
 * The SSTC Exchange hub: the exchange API served over HTTP from a store (memory, an embedded
 * SQLite file, or PostgreSQL). {@link org.sstc.exchange.hub.SstcHub} starts one and {@link
 * org.sstc.exchange.hub.HubStorage} says where it keeps its data; only {@code
 * org.sstc.exchange.hub} is public API.
 */
@NullMarked
module org.sstc.exchange.hub {
  requires transitive org.sstc.exchange.core;
  requires org.eclipse.jetty.server;
  requires micrometer.core;
  requires micrometer.registry.prometheus;
  requires java.sql;
  requires com.zaxxer.hikari;
  requires flyway.core;
  requires org.xerial.sqlitejdbc;
  requires org.postgresql.jdbc;

  exports org.sstc.exchange.hub;
}
