/**
 * The typed HTTP client of the SSTC Exchange API. Only {@code org.sstc.exchange.client} is public
 * API.
 */
module org.sstc.exchange.client {
  requires transitive org.sstc.exchange.core;
  requires transitive okhttp3;

  exports org.sstc.exchange.client;
}
