import org.jspecify.annotations.NullMarked;

/**
 * The SSTC Exchange hub: the exchange API served over HTTP from a store. {@link
 * org.sstc.exchange.hub.SstcHub} starts one; only {@code org.sstc.exchange.hub} is public API.
 */
@NullMarked
module org.sstc.exchange.hub {
  requires transitive org.sstc.exchange.core;
  requires org.eclipse.jetty.server;
  requires micrometer.core;
  requires micrometer.registry.prometheus;

  exports org.sstc.exchange.hub;
}
