package org.sstc.exchange.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.client.internal.HttpEngine;
import org.sstc.exchange.client.internal.Hosts;
import org.sstc.exchange.client.internal.Json;
import org.sstc.exchange.client.internal.NdjsonBody;
import org.sstc.exchange.client.internal.RetryPolicy;
import org.sstc.exchange.client.internal.TimeBudget;
import org.sstc.exchange.client.internal.UserAgent;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcRecord;
import tools.jackson.databind.JsonNode;

/**
 * The client of an SSTC Exchange hub: publish, update, search and follow initiatives and
 * organisations, with retries that never write twice.
 *
 * <pre>{@code
 * try (SstcClient client = SstcClient.builder()
 *     .baseUrl("https://hub.example.org")
 *     .token(System.getenv("SSTC_TOKEN"))
 *     .build()) {
 *   Versioned<Initiative> stored = client.initiatives().create(initiative);
 *   client.initiatives().update(stored.record().id(), i -> i.toBuilder().status("2").build());
 *   for (Initiative found : client.initiatives().search(Query.builder().sdgGoal(2).build())) {
 *     System.out.println(found.id());
 *   }
 *   BulkReport report = client.publish(pkg);
 * }
 * }</pre>
 *
 * <p><b>Retries.</b> A request is retried after a connection failure, a 5xx or a 429 only when
 * repeating it is harmless: reads, {@code PUT}/{@code DELETE} with {@code If-Match}, and creates
 * and bulk uploads, which carry an {@code Idempotency-Key} generated once per call and reused on
 * every attempt. Waits use full-jitter exponential backoff, or the hub's {@code Retry-After};
 * no wait runs past the {@link Builder#deadline deadline}. A bulk upload from a {@code Stream}
 * is retried only if its body was not started (the stream can be read once).
 *
 * <p>A client is thread-safe; share one. {@link #close()} releases its connections and threads
 * (unless the {@link OkHttpClient} was yours).
 */
public final class SstcClient implements AutoCloseable {
  private static final Set<String> INITIATIVE_FILTERS = Set.of(
      "modality", "sdgGoal", "sdgTarget", "country", "participant", "status", "updatedSince");
  private static final Set<String> ORGANISATION_FILTERS = Set.of("country", "orgType", "updatedSince");

  private final HttpUrl baseUrl;
  private final boolean hasToken;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Exchange exchange;
  private final Records<Initiative> initiatives;
  private final Records<Organisation> organisations;
  private final ChangeFeed changes;
  private final boolean gzipUploads;
  private final Duration bulkTimeout;

  private SstcClient(Builder builder, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.hasToken = builder.token != null;
    this.ownsHttp = builder.okHttpClient == null;
    OkHttpClient.Builder http = builder.okHttpClient == null
        ? new OkHttpClient.Builder()
            .connectTimeout(builder.connectTimeout)
            .readTimeout(builder.readTimeout)
            .writeTimeout(builder.readTimeout)
            .callTimeout(builder.callTimeout)
        : builder.okHttpClient.newBuilder(); // shares the user's pool and dispatcher
    if (builder.okHttpClient != null) {
      if (builder.connectTimeoutSet) {
        http.connectTimeout(builder.connectTimeout);
      }
      if (builder.readTimeoutSet) {
        http.readTimeout(builder.readTimeout).writeTimeout(builder.readTimeout);
      }
      if (builder.callTimeoutSet) {
        http.callTimeout(builder.callTimeout);
      }
    }
    this.http = http
        // A redirect could carry the token to another host; the API never redirects.
        .followRedirects(false)
        .followSslRedirects(false)
        // The engine alone decides what is retried: OkHttp's silent retry would resend a POST.
        .retryOnConnectionFailure(false)
        .build();
    RetryPolicy policy = new RetryPolicy(
        builder.maxRetries, builder.backoffBase, builder.backoffCap, builder.deadline);
    HttpEngine engine = new HttpEngine(this.http, baseUrl, builder.token, UserAgent.value(), policy);
    this.exchange = new Exchange(engine, baseUrl, builder.maxResponseBytes, builder.validateBeforeSend);
    this.initiatives = new Records<>(
        exchange, "initiatives", Initiative.class, Initiative::id, INITIATIVE_FILTERS,
        builder.updateAttempts);
    this.organisations = new Records<>(
        exchange, "organisations", Organisation.class, Organisation::id, ORGANISATION_FILTERS,
        builder.updateAttempts);
    this.changes = new ChangeFeed(exchange, builder.changePageSize);
    this.gzipUploads = builder.gzipUploads;
    this.bulkTimeout = builder.bulkTimeout;
  }

  /**
   * A new builder; {@link Builder#baseUrl} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The hub's initiatives.
   *
   * @return the initiatives collection
   */
  public Records<Initiative> initiatives() {
    return initiatives;
  }

  /**
   * The hub's organisations.
   *
   * @return the organisations collection
   */
  public Records<Organisation> organisations() {
    return organisations;
  }

  /**
   * The hub's change feed.
   *
   * @return the change feed
   */
  public ChangeFeed changes() {
    return changes;
  }

  /**
   * Publishes a package's initiatives, then its organisations, as one bulk upload (gzip NDJSON,
   * written record by record). The package is validated first (nothing is sent if it has
   * errors). It can be sent again, so the upload is retried like any idempotent request; the
   * hub's per-record processing makes a repeat change nothing anyway.
   *
   * @param pkg the package to publish
   * @return the hub's report; records it refused are {@code rejected} there, not thrown
   * @throws ValidationFailedException if the package is not valid (nothing is sent)
   */
  public BulkReport publish(RecordPackage pkg) {
    Objects.requireNonNull(pkg, "pkg");
    exchange.checkBeforeSend(pkg, "the package");
    NdjsonBody body = NdjsonBody.replayable(() -> Stream.<SstcRecord>concat(
        pkg.initiatives().stream(), pkg.organisations().stream()).iterator(), gzipUploads);
    return bulk(body);
  }

  /**
   * Publishes records as they come from a stream, in constant memory (gzip NDJSON written record
   * by record). The records are not validated by the client first, which would need them all in
   * memory: the hub validates each one and reports the ones it refused as {@code rejected}.
   *
   * <p>A stream can be read only once: the upload is retried only if the connection failed
   * before its body started; after that a failure is thrown, and sending the same records again
   * (from a new stream) is safe, since the hub leaves records that are already stored unchanged.
   * The caller closes the stream.
   *
   * @param records the records, read once, in order
   * @return what the hub did with each record
   */
  public BulkReport publish(Stream<? extends SstcRecord> records) {
    Objects.requireNonNull(records, "records");
    Iterator<? extends SstcRecord> iterator = records.iterator();
    return bulk(NdjsonBody.oneShot(iterator, gzipUploads));
  }

  private BulkReport bulk(NdjsonBody body) {
    Request.Builder builder = new Request.Builder();
    if (body.gzip()) {
      builder.header("Content-Encoding", "gzip");
    }
    Request request = builder
        .url(exchange.url("packages").build())
        .header("Idempotency-Key", Exchange.newIdempotencyKey())
        .tag(TimeBudget.class, new TimeBudget(bulkTimeout))
        .post(body)
        .build();
    return exchange.call(request, (response, bytes) -> bulkReport(Json.parse(bytes)));
  }

  private static BulkReport bulkReport(JsonNode report) {
    List<BulkResult> results = new java.util.ArrayList<>();
    for (JsonNode result : Json.array(report, "results").values()) {
      String status = Json.string(result, "status");
      BulkResult.Status parsed;
      try {
        parsed = BulkResult.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new org.sstc.exchange.client.internal.MalformedResponseException(
            "unknown bulk status \"" + status + "\"", e);
      }
      List<Issue> issues = result.has("issues")
          ? Failures.report(result).issues()
          : List.of();
      results.add(new BulkResult(
          Json.integer(result, "index"),
          Json.optionalInteger(result, "line"),
          Json.string(result, "recordType"),
          java.util.Optional.ofNullable(Json.optionalString(result, "id")),
          parsed,
          Json.optionalInteger(result, "version"),
          issues));
    }
    return new BulkReport(
        Json.integer(report, "received"),
        Json.integer(report, "created"),
        Json.integer(report, "updated"),
        Json.integer(report, "unchanged"),
        Json.integer(report, "rejected"),
        results);
  }

  /**
   * Sends any request through the client: adds the token (only for the hub's own origin), the
   * {@code User-Agent} and an {@code X-Request-Id}, and retries under the same rules as every
   * other call (only idempotent requests; a {@code POST} only with an {@code Idempotency-Key}).
   * Error statuses are returned, not thrown. The caller closes the response.
   *
   * @param request the request, to the hub or anywhere else
   * @return the response, whatever its status
   * @throws TransportException if no response arrived
   */
  public Response execute(Request request) {
    Objects.requireNonNull(request, "request");
    try {
      return exchange.engine().execute(request);
    } catch (IOException e) {
      throw Failures.transport(request, "no usable response (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", 0, null, e);
    }
  }

  /**
   * Releases the client's connections and threads. Does nothing to an {@link OkHttpClient} given
   * to {@link Builder#okHttpClient}: its owner closes it.
   */
  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The base URL and whether a token is set — never the token. */
  @Override
  public String toString() {
    return "SstcClient{baseUrl=" + baseUrl + ", token=" + (hasToken ? "(set)" : "(none)") + "}";
  }

  /**
   * Configures an {@link SstcClient}. Defaults: connect timeout 10 s, read timeout 30 s, call
   * timeout (per attempt) 60 s, deadline (all attempts) 2 min, 3 retries with backoff from
   * 100 ms to 5 s, responses up to 32 MiB, validation before sending on.
   */
  public static final class Builder {
    private @Nullable HttpUrl baseUrl;
    private @Nullable String baseUrlText;
    private @Nullable Supplier<String> token;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private boolean connectTimeoutSet;
    private boolean readTimeoutSet;
    private boolean callTimeoutSet;
    private Duration deadline = Duration.ofMinutes(2);
    private Duration bulkTimeout = Duration.ofMinutes(30);
    private int maxRetries = 3;
    private Duration backoffBase = Duration.ofMillis(100);
    private Duration backoffCap = Duration.ofSeconds(5);
    private long maxResponseBytes = 32L << 20;
    private int changePageSize = 500;
    private int updateAttempts = 10;
    private boolean gzipUploads = true;
    private boolean allowInsecureHttp;
    private boolean validateBeforeSend = true;
    private @Nullable OkHttpClient okHttpClient;

    private Builder() {}

    /**
     * The hub's address, e.g. {@code https://hub.example.org} (a path prefix is kept).
     *
     * @param baseUrl the base URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      HttpUrl parsed = HttpUrl.parse(baseUrl);
      if (parsed == null) {
        throw new IllegalArgumentException(
            "The base URL must be an absolute http:// or https:// URL: \"" + baseUrl + "\"");
      }
      return baseUrl(parsed, baseUrl);
    }

    /**
     * The hub's address.
     *
     * @param baseUrl the base URL
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      return baseUrl(Objects.requireNonNull(baseUrl, "baseUrl").toString());
    }

    private Builder baseUrl(HttpUrl parsed, String text) {
      if (parsed.querySize() > 0 || parsed.fragment() != null) {
        throw new IllegalArgumentException("The base URL cannot have a query or fragment: \"" + text + "\"");
      }
      if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
        throw new IllegalArgumentException("The base URL cannot carry credentials: use token(...)");
      }
      // Drop a trailing slash so that segments append cleanly.
      List<String> segments = parsed.pathSegments();
      HttpUrl.Builder normal = parsed.newBuilder().encodedPath("/");
      for (String segment : segments) {
        if (!segment.isEmpty()) {
          normal.addPathSegment(segment);
        }
      }
      this.baseUrl = normal.build();
      this.baseUrlText = parsed.scheme() + "://" + parsed.host() + ":" + parsed.port();
      return this;
    }

    /**
     * A bearer token for writes (reads are open).
     *
     * @param token the token, sent as {@code Authorization: Bearer}
     * @return this builder
     */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("The token is blank");
      }
      this.token = () -> token;
      return this;
    }

    /**
     * Where to get the token for each attempt, for tokens that are refreshed.
     *
     * @param tokenSupplier gives the current token; called before each attempt
     * @return this builder
     */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      this.token = Objects.requireNonNull(tokenSupplier, "tokenSupplier");
      return this;
    }

    /**
     * How long to wait for a connection (default 10 s).
     *
     * @param timeout the connect timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      this.connectTimeoutSet = true;
      return this;
    }

    /**
     * How long to wait for the next bytes, reading or writing (default 30 s).
     *
     * @param timeout the read and write timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      this.readTimeoutSet = true;
      return this;
    }

    /**
     * The longest one attempt may take, from connecting to the last byte (default 60 s; 0 = none).
     *
     * @param timeout the timeout of one attempt
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout, "callTimeout");
      this.callTimeoutSet = true;
      return this;
    }

    /**
     * The longest a whole call may take, all attempts and waits included (default 2 min; 0 = none).
     *
     * @param deadline the time budget of a whole call
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = nonNegative(deadline, "deadline");
      return this;
    }

    /**
     * The longest a bulk upload ({@link SstcClient#publish}) may take, all attempts included
     * (default 30 min; 0 = none). It replaces {@link #callTimeout} and {@link #deadline}, which
     * suit single records, for bulk uploads only; {@link #readTimeout} still bounds every wait for
     * the next bytes.
     *
     * @param timeout the time budget of a bulk upload
     * @return this builder
     */
    public Builder bulkTimeout(Duration timeout) {
      this.bulkTimeout = nonNegative(timeout, "bulkTimeout");
      return this;
    }

    /**
     * Retries after the first attempt, for requests that are safe to repeat (default 3).
     *
     * @param maxRetries retries after the first attempt, 0 for none
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries cannot be negative: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The backoff between retries: a random wait up to {@code base * 2^(attempt-1)}, capped at
     * {@code cap} (defaults 100 ms and 5 s).
     *
     * @param base the first retry's longest wait
     * @param cap the longest wait
     * @return this builder
     */
    public Builder backoff(Duration base, Duration cap) {
      nonNegative(base, "base");
      nonNegative(cap, "cap");
      if (cap.compareTo(base) < 0) {
        throw new IllegalArgumentException("the backoff cap " + cap + " is below its base " + base);
      }
      this.backoffBase = base;
      this.backoffCap = cap;
      return this;
    }

    /**
     * The largest response body read (default 32 MiB); a larger one fails the call.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive: " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Events per change-feed page, 1 to 1000 (default 500).
     *
     * @param events events per page
     * @return this builder
     */
    public Builder changePageSize(int events) {
      if (events < 1 || events > 1000) {
        throw new IllegalArgumentException("a change page is 1 to 1000 events: " + events);
      }
      this.changePageSize = events;
      return this;
    }

    /**
     * Whether bulk uploads are gzip-compressed (default true). Turn it off for a proxy or gateway
     * that mishandles {@code Content-Encoding: gzip} request bodies.
     *
     * @param gzip false to send bulk bodies uncompressed
     * @return this builder
     */
    public Builder gzipUploads(boolean gzip) {
      this.gzipUploads = gzip;
      return this;
    }

    /**
     * How many times {@link Records#update} reads, re-applies and writes when other writers keep
     * winning (412), before it gives up (default 10). Raise it for records many writers change at
     * once.
     *
     * @param attempts the most read-apply-write rounds
     * @return this builder
     */
    public Builder updateAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("updateAttempts must be at least 1: " + attempts);
      }
      this.updateAttempts = attempts;
      return this;
    }

    /**
     * Allows plain {@code http://} to a host other than this machine. The token would cross the
     * network in clear text: only for a trusted network.
     *
     * @param allow true to allow it
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Whether records are validated before create, replace and publish (default true).
     *
     * @param validate false to leave validation to the hub
     * @return this builder
     */
    public Builder validateBeforeSend(boolean validate) {
      this.validateBeforeSend = validate;
      return this;
    }

    /**
     * An OkHttp client to share its connection pool and dispatcher with. The SDK derives its own
     * from it ({@code newBuilder()}: no redirects, its own retries, timeouts set here) and does
     * not shut it down on {@link SstcClient#close()}.
     *
     * @param client the client to derive from
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The client.
     *
     * @return the client; close it when done
     * @throws IllegalStateException if no base URL was set
     * @throws IllegalArgumentException if the base URL is plain http:// to another machine and
     *     {@link #allowInsecureHttp} was not set
     */
    public SstcClient build() {
      HttpUrl url = baseUrl;
      if (url == null) {
        throw new IllegalStateException("Set the hub's address with baseUrl(...)");
      }
      if (url.scheme().equals("http") && !allowInsecureHttp && !Hosts.isLoopback(url)) {
        throw new IllegalArgumentException(
            "Refusing plain http:// to " + baseUrlText + ": the token would cross the network"
                + " unencrypted. Use https://, or allowInsecureHttp(true) on a trusted network.");
      }
      return new SstcClient(this, url);
    }

    private static Duration nonNegative(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " cannot be negative: " + duration);
      }
      return duration;
    }
  }
}
