package org.sstc.exchange.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.hub.internal.HubServer;
import org.sstc.exchange.hub.internal.HubSettings;

/**
 * A hub that serves the whole SSTC Exchange API (as {@code docs/exchange-api.md} and {@code
 * schema/openapi.yaml} describe it) on a loopback port: in memory for tests of clients and tools
 * (the default), or on a {@link HubStorage} that keeps its data (an embedded database, PostgreSQL).
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
 * <p>A hub is thread-safe and serves many requests at once; it listens on 127.0.0.1 only.
 *
 * @since 1.0
 */
public final class SstcHub implements AutoCloseable {
  private final int requestedPort;
  private final HubServer server;
  private final int organisations;
  private final HubStorage storage;
  private final boolean ownsStorage;
  private final Object lifecycle = new Object();
  private boolean started;
  private boolean closed;

  private SstcHub(Builder builder) {
    this.requestedPort = builder.port;
    this.organisations = (int) builder.organisationByToken.values().stream().distinct().count();
    HubStorage given = builder.storage;
    this.ownsStorage = given == null;
    this.storage = given == null ? HubStorage.memory() : given;
    this.server = new HubServer(new HubSettings(builder.port, builder.organisationByToken,
        builder.maxRecordBytes, builder.maxBulkBytes, builder.threads), storage.store());
  }

  /**
   * A builder; by default any free port, no tokens, 1 MiB records, 256 MiB bulk bodies.
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
        throw new UncheckedIOException("cannot listen on 127.0.0.1:" + requestedPort + ": " + e.getMessage()
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
   * @return the base URL, on 127.0.0.1
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
   * Stops the server; a memory storage of its own is forgotten, a storage given to the builder
   * stays open (close it yourself). Calling it again does nothing.
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
    private int threads = 32;
    private @Nullable HubStorage storage;

    private Builder() {}

    /**
     * The loopback port; 0 (the default) picks a free one, see {@link SstcHub#port()}.
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
