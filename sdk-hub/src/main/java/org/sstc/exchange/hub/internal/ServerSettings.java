package org.sstc.exchange.hub.internal;

import java.time.Duration;
import java.util.List;

/**
 * How the hub's HTTP server runs: where it listens, whom it believes, its timeouts and limits.
 *
 * @param bind the address to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param trustedProxies the proxies whose {@code Forwarded} / {@code X-Forwarded-*} headers count
 * @param idleTimeout how long a connection may stay silent (both ways) before it is closed
 * @param headerTimeout how long a request's head (line and headers) may take once it has begun
 * @param bodyReadTimeout how long a request body may stall (no byte arriving) before it is closed
 * @param maxConnections the most connections served at once; more wait to be accepted
 * @param maxRequestHeaderBytes the largest request head (line and headers); larger ones get 431
 * @param threads the most request threads
 * @param gracePeriod how long {@code close()} lets requests in flight finish
 * @param accessLog whether one line per request goes to the {@code org.sstc.exchange.hub.access} logger
 */
public record ServerSettings(
    String bind,
    List<TrustedProxies.Range> trustedProxies,
    Duration idleTimeout,
    Duration headerTimeout,
    Duration bodyReadTimeout,
    int maxConnections,
    int maxRequestHeaderBytes,
    int threads,
    Duration gracePeriod,
    boolean accessLog) {
  public ServerSettings {
    trustedProxies = List.copyOf(trustedProxies);
  }
}
