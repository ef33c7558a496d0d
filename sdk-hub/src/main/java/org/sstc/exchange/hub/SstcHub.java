package org.sstc.exchange.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.hub.internal.HubServer;
import org.sstc.exchange.hub.internal.HubSettings;
import org.sstc.exchange.hub.internal.ServerSettings;
import org.sstc.exchange.hub.internal.TrustedProxies;

/**
 * A hub that serves the whole SSTC Exchange API (as {@code docs/exchange-api.md} and {@code
 * schema/openapi.yaml} describe it) on a port, on loopback unless {@link Builder#bind(String)}
 * says otherwise: in memory for tests of clients and tools (the default), or on a {@link
 * HubStorage} that keeps its data (an embedded database, PostgreSQL), as {@code sstc serve} runs it.
 *
 * <p>It validates every record with the core {@code Validator}, keeps versions, history and a
 * change feed in its storage, and behaves as the contract says on every error path: ETags and
 * preconditions, idempotency keys, authorisation per organisation, size limits, problem details.
 * With the default memory storage nothing is written to disk, and closing the hub forgets
 * everything.
 *
 * <pre>{@code
 * try (SstcHub hub = SstcHub.builder()
 *     .token("XM-DAC-41301", "fao-secret-token")
 *     .build()
 *     .start()) {
 *   URI initiatives = hub.baseUrl().resolve("/initiatives");  // http://127.0.0.1:PORT/initiatives
 *   // ... point a client at hub.baseUrl() with "Authorization: Bearer fao-secret-token"
 * }
 * }</pre>
 *
 * <p>A hub is thread-safe and serves many requests at once; it listens on 127.0.0.1 unless
 * {@link Builder#bind(String)} says otherwise. It runs on Jetty 12 with header, idle and body
 * read timeouts and a connection limit, so that slow or idle clients cannot stop it from answering
 * others; every error, Jetty's own included, is {@code application/problem+json}. Besides the
 * exchange API it serves {@code /health/live}, {@code /health/ready} and {@code /metrics}
 * (Prometheus text format).
 *
 * @since 1.0
 */
public final class SstcHub implements AutoCloseable {
  private final int requestedPort;
  private final String bind;
  private final HubServer server;
  private final int organisations;
  private final HubStorage storage;
  private final boolean ownsStorage;
  private final Object lifecycle = new Object();
  private boolean started;
  private boolean closed;

  private SstcHub(Builder builder) {
    this.requestedPort = builder.port;
    this.bind = builder.bind;
    this.organisations = (int) builder.organisationByToken.values().stream().distinct().count();
    HubStorage given = builder.storage;
    this.ownsStorage = given == null;
    this.storage = given == null ? HubStorage.memory() : given;
    this.server = new HubServer(new HubSettings(builder.port, builder.organisationByToken,
        builder.maxRecordBytes, builder.maxBulkBytes, builder.threads),
        new ServerSettings(builder.bind, builder.trustedProxies, builder.idleTimeout, builder.headerTimeout,
            builder.bodyReadTimeout, builder.maxConnections, builder.maxRequestHeaderBytes, builder.threads,
            builder.gracePeriod, builder.accessLog),
        storage.store());
  }

  /**
   * A builder; by default any free port on 127.0.0.1, no tokens, 1 MiB records, 256 MiB bulk
   * bodies, and the timeouts and limits each setter names.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening. The validator warms up in the background; the first write waits for it.
   *
   * @return this hub
   * @throws UncheckedIOException if the port cannot be bound
   * @throws IllegalStateException if the hub was started or closed already
   */
  public SstcHub start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("this hub is closed; build a new one");
      }
      if (started) {
        throw new IllegalStateException("this hub is started already, on port " + server.port());
      }
      try {
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + bind + ":" + requestedPort + ": " + e.getMessage()
            + (requestedPort == 0 ? "" : "; use port(0) for any free port"), e);
      }
      started = true;
      return this;
    }
  }

  /**
   * The URL the API is served at, {@code http://127.0.0.1:PORT}, without a trailing slash (the
   * API has no version prefix): {@code baseUrl().resolve("/initiatives")}.
   *
   * <p>It names the {@linkplain Builder#bind(String) bind address}; a hub bound to every interface
   * ({@code 0.0.0.0} or {@code ::}, as in a container) is reachable on loopback too, and its base
   * URL says {@code http://127.0.0.1:PORT}. The public URL of a hub behind a proxy is the proxy's:
   * the links the hub writes follow it for requests from {@linkplain Builder#trustedProxies(String...)
   * trusted proxies}.
   *
   * @return the base URL, on 127.0.0.1 or the bind address
   * @throws IllegalStateException if the hub is not started
   */
  public URI baseUrl() {
    return server.baseUrl();
  }

  /**
   * The port the hub listens on.
   *
   * @return the bound port, also when 0 asked for a free one
   * @throws IllegalStateException if the hub is not started
   */
  public int port() {
    return server.port();
  }

  /**
   * The number of records (initiatives and organisations) stored and not deleted.
   *
   * @return the count, 0 for a new hub
   */
  public int recordCount() {
    return server.liveRecords();
  }

  /**
   * Where this hub keeps its data: the storage given to {@link Builder#storage(HubStorage)}, or
   * the hub's own memory storage.
   *
   * @return the storage
   * @since 1.1
   */
  public HubStorage storage() {
    return storage;
  }

  /**
   * Stops the hub gracefully: it stops accepting connections at once, lets the requests in flight
   * finish (up to the {@linkplain Builder#shutdownGracePeriod(Duration) grace period}; new requests
   * on open connections get 503), then stops. A memory storage of its own is forgotten; a storage
   * given to the builder stays open (close it yourself). Calling it again does nothing.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (started) {
        server.stop();
      }
      if (ownsStorage) {
        storage.close();
      }
    }
  }

  /** Where the hub listens and how many organisations have tokens; never the tokens. */
  @Override
  public String toString() {
    synchronized (lifecycle) {
      String where = closed ? "closed" : started ? server.baseUrl().toString() : "not started";
      return "SstcHub[" + where + ", " + organisations + " organisation(s) with tokens]";
    }
  }

  /** Configures a {@link SstcHub}. */
  public static final class Builder {
    private int port;
    private final Map<String, String> organisationByToken = new LinkedHashMap<>();
    private int maxRecordBytes = 1 << 20;
    private long maxBulkBytes = 256L << 20;
    private int threads = 200;
    private String bind = "127.0.0.1";
    private final List<TrustedProxies.Range> trustedProxies = new ArrayList<>();
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration headerTimeout = Duration.ofSeconds(10);
    private Duration bodyReadTimeout = Duration.ofSeconds(10);
    private int maxConnections = 1000;
    private int maxRequestHeaderBytes = 16 * 1024;
    private Duration gracePeriod = Duration.ofSeconds(10);
    private boolean accessLog;
    private @Nullable HubStorage storage;

    private Builder() {}

    /**
     * The address to listen on (default {@code 127.0.0.1}): an IP address of this machine, or
     * {@code 0.0.0.0} (every interface, as in a container). A host name is looked up once, at start.
     *
     * @param address the address
     * @return this builder
     * @since 1.1
     */
    public Builder bind(String address) {
      Objects.requireNonNull(address, "address");
      if (address.isBlank()) {
        throw new IllegalArgumentException("the bind address is blank; use 127.0.0.1, or 0.0.0.0 for every interface");
      }
      this.bind = address.trim();
      return this;
    }

    /**
     * Proxies whose {@code Forwarded} or {@code X-Forwarded-Proto/Host/Port/For} headers the hub
     * believes: the links it writes (search and change pages' {@code next}) then use the public
     * scheme, host and port, and the access log the client's address. From any other peer those
     * headers are ignored. Repeatable; none by default.
     *
     * @param addresses IP addresses ({@code 10.0.0.5}, {@code ::1}) or networks ({@code 10.0.0.0/8})
     * @return this builder
     * @throws IllegalArgumentException for a host name or a malformed address
     * @since 1.1
     */
    public Builder trustedProxies(String... addresses) {
      for (String address : addresses) {
        trustedProxies.add(TrustedProxies.parse(Objects.requireNonNull(address, "address")));
      }
      return this;
    }

    /**
     * How long a connection may be silent both ways before it is closed (default 30 s), also
     * between the requests of a kept-alive connection.
     *
     * @param timeout a positive duration
     * @return this builder
     * @since 1.1
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /**
     * How long a request's head (request line and headers) may take from its first byte (default
     * 10 s); a slower client's connection is closed.
     *
     * @param timeout a positive duration
     * @return this builder
     * @since 1.1
     */
    public Builder headerTimeout(Duration timeout) {
      this.headerTimeout = positive(timeout, "headerTimeout");
      return this;
    }

    /**
     * How long a request body may stall, no byte arriving while the hub waits for one, before its
     * connection is closed (default 10 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @since 1.1
     */
    public Builder bodyReadTimeout(Duration timeout) {
      this.bodyReadTimeout = positive(timeout, "bodyReadTimeout");
      return this;
    }

    /**
     * The most connections served at once (default 1000); beyond, new connections wait to be
     * accepted until others close.
     *
     * @param connections at least 1
     * @return this builder
     * @since 1.1
     */
    public Builder maxConnections(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1: " + connections);
      }
      this.maxConnections = connections;
      return this;
    }

    /**
     * The largest request head, request line and headers together, in bytes (default 16 KiB);
     * larger ones get 431.
     *
     * @param bytes at least 1024
     * @return this builder
     * @since 1.1
     */
    public Builder maxRequestHeaderBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxRequestHeaderBytes must be at least 1024: " + bytes);
      }
      this.maxRequestHeaderBytes = bytes;
      return this;
    }

    /**
     * The most request threads (default 200). Waiting for a slow client takes no thread, except
     * a bulk upload's body, which streams through one.
     *
     * @param threads at least 8
     * @return this builder
     * @since 1.1
     */
    public Builder threads(int threads) {
      if (threads < 8) {
        throw new IllegalArgumentException("threads must be at least 8 (Jetty takes some for accepting): " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * How long {@link SstcHub#close()} lets requests in flight finish (default 10 s); zero stops
     * at once.
     *
     * @param grace zero or a positive duration
     * @return this builder
     * @since 1.1
     */
    public Builder shutdownGracePeriod(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("shutdownGracePeriod must not be negative: " + grace);
      }
      this.gracePeriod = grace;
      return this;
    }

    /**
     * Whether the hub writes one line per request to the {@code System.Logger} named {@code
     * org.sstc.exchange.hub.access} at INFO (default off): time, client, method, path and query
     * (secret-looking values masked), status, bytes, duration, request id; never a header or a body.
     *
     * @param on true to log requests
     * @return this builder
     * @since 1.1
     */
    public Builder accessLog(boolean on) {
      this.accessLog = on;
      return this;
    }

    private static Duration positive(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + timeout);
      }
      return timeout;
    }

    /**
     * The port; 0 (the default) picks a free one, see {@link SstcHub#port()}.
     *
     * @param port the port, 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Lets {@code token} write for the organisation {@code orgId} ({@code Authorization: Bearer
     * token}). Repeat for more tokens; an organisation may have several, a token has one.
     *
     * @param orgId the organisation's identifier, e.g. {@code "XM-DAC-41301"}
     * @param token the bearer token it writes with
     * @return this builder
     * @throws IllegalArgumentException if the token is blank or already given to another
     *     organisation
     */
    public Builder token(String orgId, String token) {
      Objects.requireNonNull(orgId, "orgId");
      Objects.requireNonNull(token, "token");
      if (orgId.isBlank()) {
        throw new IllegalArgumentException("orgId is blank; give an org-id such as XM-DAC-41301");
      }
      if (token.isBlank() || !token.equals(token.trim())) {
        throw new IllegalArgumentException("a token must not be blank or start or end with spaces (for " + orgId + ")");
      }
      @Nullable String before = organisationByToken.putIfAbsent(token, orgId);
      if (before != null && !before.equals(orgId)) {
        throw new IllegalArgumentException("this token is already given to " + before
            + "; a token writes for one organisation (" + orgId + " needs its own)");
      }
      return this;
    }

    /**
     * Where the hub keeps its data (default: a new {@link HubStorage#memory()} storage of its own,
     * gone when the hub closes). Tokens of the storage write as those given to {@link #token} do;
     * the latter are kept in the heap only, never in the storage.
     *
     * @param storage the storage; the hub does not close it
     * @return this builder
     * @since 1.1
     */
    public Builder storage(HubStorage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * The largest single-record request body, in bytes (default 1 MiB); larger ones get 413.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder maxRecordBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxRecordBytes must be positive: " + bytes);
      }
      this.maxRecordBytes = bytes;
      return this;
    }

    /**
     * The largest bulk body after decompression, in bytes (default 256 MiB); beyond, 413.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder maxBulkBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxBulkBytes must be positive: " + bytes);
      }
      this.maxBulkBytes = bytes;
      return this;
    }

    /**
     * The hub, not yet started.
     *
     * @return the hub; call {@link SstcHub#start()}
     */
    public SstcHub build() {
      return new SstcHub(this);
    }
  }
}
