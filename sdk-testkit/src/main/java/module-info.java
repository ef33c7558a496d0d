import org.jspecify.annotations.NullMarked;

/**
 * The SSTC Exchange test kit: a JUnit 5 extension that hands each test class (or each test) a
 * running, seeded in-memory hub ({@code org.sstc.exchange.hub}) and clients, and a proxy that
 * injects network faults. Only {@code org.sstc.exchange.testkit} is public API.
 */
@NullMarked
module org.sstc.exchange.testkit {
  requires transitive org.sstc.exchange.hub;
  requires transitive org.sstc.exchange.client;
  requires transitive org.junit.jupiter.api;

  exports org.sstc.exchange.testkit;
}
