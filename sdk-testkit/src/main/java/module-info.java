/**
 * The SSTC Exchange test kit: an in-memory reference hub and a JUnit 5 extension. Only {@code
 * org.sstc.exchange.testkit} is public API.
 */
module org.sstc.exchange.testkit {
  requires transitive org.sstc.exchange.core;
  requires transitive org.sstc.exchange.client;
  requires transitive org.junit.jupiter.api;
  requires jdk.httpserver;

  exports org.sstc.exchange.testkit;
}
