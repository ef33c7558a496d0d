package org.sstc.exchange.client;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.client.internal.HttpEngine;
import org.sstc.exchange.client.internal.Hosts;
import org.sstc.exchange.client.internal.Json;
import org.sstc.exchange.client.internal.NdjsonBody;
import org.sstc.exchange.client.internal.RetrySchedule;
import org.sstc.exchange.client.internal.TimeBudget;
import org.sstc.exchange.client.internal.UserAgent;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Solution;
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
 *   client.initiatives().update(stored.record().id(), i -> i.toBuilder().status(ActivityStatus.IMPLEMENTATION).build());
 *   for (Initiative found : client.initiatives().search(InitiativeQuery.builder().sdgGoal(2).build())) {
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
 * no wait runs past the {@link RetryPolicy#deadline() deadline}. A bulk upload from a {@code Stream}
 * is retried only if its body was not started (the stream can be read once).
 *
 * <p>A client is thread-safe; share one. {@link #close()} releases its connections and threads
 * (unless the {@link OkHttpClient} was yours).
 *
 * @since 1.0
 */
public final class SstcClient implements AutoCloseable {
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final HttpUrl baseUrl;
  private final boolean hasToken;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Exchange exchange;
  private final Records<Initiative, InitiativeQuery> initiatives;
  private final Records<Organisation, OrganisationQuery> organisations;
  private final Records<Solution, SolutionQuery> solutions;
  private final ChangeFeed changes;
  private final boolean gzipUploads;
  private final Duration bulkDeadline;

  private SstcClient(Builder builder, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.hasToken = builder.token != null;
    this.ownsHttp = builder.okHttpClient == null;
    OkHttpClient.Builder http = builder.okHttpClient == null
        ? new OkHttpClient.Builder()
            .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
            .readTimeout(DEFAULT_READ_TIMEOUT)
            .writeTimeout(DEFAULT_READ_TIMEOUT)
            .callTimeout(DEFAULT_CALL_TIMEOUT)
        : builder.okHttpClient.newBuilder(); // shares the user's pool, dispatcher and settings
    this.http = http
        // A redirect could carry the token to another host; the API never redirects.
        .followRedirects(false)
        .followSslRedirects(false)
        // The engine alone decides what is retried: OkHttp's silent retry would resend a POST.
        .retryOnConnectionFailure(false)
        .build();
    RetryPolicy policy = builder.retryPolicy;
    RetrySchedule schedule = policy.schedule();
    HttpEngine engine = new HttpEngine(this.http, baseUrl, builder.token, UserAgent.value(), schedule);
    this.exchange = new Exchange(engine, baseUrl, builder.maxResponseBytes, builder.validateBeforeSend);
    this.initiatives = new Records<>(
        exchange, "initiatives", Initiative.class, Initiative::id, InitiativeQuery::params,
        policy.updateAttempts(), schedule);
    this.organisations = new Records<>(
        exchange, "organisations", Organisation.class, Organisation::id, OrganisationQuery::params,
        policy.updateAttempts(), schedule);
    this.solutions = new Records<>(
        exchange, "solutions", Solution.class, Solution::id, SolutionQuery::params,
        policy.updateAttempts(), schedule);
    this.changes = new ChangeFeed(exchange, ChangeFeed.DEFAULT_PAGE_SIZE);
    this.gzipUploads = builder.gzipUploads;
    this.bulkDeadline = policy.bulkDeadline();
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
  public Records<Initiative, InitiativeQuery> initiatives() {
    return initiatives;
  }

  /**
   * The hub's organisations.
   *
   * @return the organisations collection
   */
  public Records<Organisation, OrganisationQuery> organisations() {
    return organisations;
  }

  /**
   * The hub's solutions (standard 1.1; {@code /solutions}).
   *
   * @return the solutions collection
   * @since 1.1
   */
  public Records<Solution, SolutionQuery> solutions() {
    return solutions;
  }

  /**
   * The solutions that best fit a stored initiative ({@code GET /solutions?matchInitiative=ID}):
   * those that share SDG targets or goals, sectors or countries with it, or name it, best first,
   * each with the reasons. As a brokering question wants the few best answers, this is one page:
   * at most {@code 100} ({@link #matchSolutions(String, SolutionQuery)} sets another size).
   *
   * @param initiativeId the id of an initiative stored on the hub
   * @return the matches, best first; empty when no solution shares anything with it
   * @throws NotFoundException if the hub has no such initiative
   * @since 1.1
   */
  public List<SolutionMatch> matchSolutions(String initiativeId) {
    return matchSolutions(initiativeId, SolutionQuery.all());
  }

  /**
   * As {@link #matchSolutions(String)}, among the solutions that pass {@code filters}, at most
   * {@code filters}' page size of them.
   *
   * @param initiativeId the id of an initiative stored on the hub
   * @param filters the filters that narrow the candidates, and how many matches to return
   * @return the matches, best first
   * @throws NotFoundException if the hub has no such initiative
   * @since 1.1
   */
  public List<SolutionMatch> matchSolutions(String initiativeId, SolutionQuery filters) {
    Objects.requireNonNull(initiativeId, "initiativeId");
    QueryParams params = Objects.requireNonNull(filters, "filters").params();
    HttpUrl.Builder url = exchange.url("solutions");
    params.filters().forEach(url::addQueryParameter);
    url.addQueryParameter("matchInitiative", initiativeId);
    url.addQueryParameter("limit", Integer.toString(params.pageSize()));
    Request request = new Request.Builder().url(url.build()).get().build();
    return exchange.call(request, (response, body) -> {
      List<SolutionMatch> matches = new java.util.ArrayList<>();
      for (JsonNode item : Json.array(Json.parse(body), "items").values()) {
        List<SolutionMatch.Reason> reasons = new java.util.ArrayList<>();
        for (JsonNode reason : Json.array(item, "reasons").values()) {
          reasons.add(new SolutionMatch.Reason(Json.string(reason, "kind"), Json.string(reason, "code"),
              (int) Json.integer(reason, "weight"), Json.string(reason, "text")));
        }
        matches.add(new SolutionMatch(Json.record(Json.object(item, "solution"), Solution.class),
            (int) Json.integer(item, "score"), reasons));
      }
      return List.copyOf(matches);
    });
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

  /**
   * Publishes records held in memory as one bulk upload (gzip NDJSON, written record by record).
   * Unlike a {@code Stream}, a list can be sent again, so the upload is retried like a package:
   * after a lost response the same body goes again with the same {@code Idempotency-Key}, and the
   * hub answers with the report of the first attempt instead of storing anything twice. Each
   * record is validated first unless {@link Builder#validateBeforeSend} is off (nothing is sent if
   * one has errors). Keep each list to what one request should carry (a few thousand records).
   *
   * @param records the records, sent in this order; the list is copied
   * @return what the hub did with each record, {@link BulkResult#index()} being the position in
   *     {@code records}
   * @throws ValidationFailedException if a record is not valid (nothing is sent)
   * @since 1.1
   */
  public BulkReport publish(List<? extends SstcRecord> records) {
    List<SstcRecord> copy = List.copyOf(Objects.requireNonNull(records, "records"));
    for (int i = 0; i < copy.size(); i++) {
      exchange.checkBeforeSend(copy.get(i), "record " + i);
    }
    return bulk(NdjsonBody.replayable(copy::iterator, gzipUploads));
  }

  private BulkReport bulk(NdjsonBody body) {
    Request.Builder builder = new Request.Builder();
    if (body.gzip()) {
      builder.header("Content-Encoding", "gzip");
    }
    Request request = builder
        .url(exchange.url("packages").build())
        .header("Idempotency-Key", Exchange.newIdempotencyKey())
        .tag(TimeBudget.class, new TimeBudget(bulkDeadline))
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
   * Configures an {@link SstcClient}: where the hub is, the token, and how to retry. Transport
   * (timeouts of one attempt, proxies, TLS, interceptors, the connection pool) is OkHttp's: give
   * a configured {@link OkHttpClient} to {@link #okHttpClient}. Defaults: {@link
   * RetryPolicy#defaults()}, responses up to 32 MiB, gzip bulk uploads, validation before
   * sending on, and, without an OkHttp client of yours, connect timeout 10 s, read and write
   * timeouts 30 s, call timeout (one attempt) 60 s.
   */
  public static final class Builder {
    private @Nullable HttpUrl baseUrl;
    private @Nullable String baseUrlText;
    private @Nullable Supplier<String> token;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private long maxResponseBytes = 32L << 20;
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
     * @param token gives the current token; called before each attempt
     * @return this builder
     */
    public Builder token(Supplier<String> token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /**
     * How to retry, and how long a call may take in all (default {@link RetryPolicy#defaults()}).
     *
     * @param policy the retry policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
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
     * The OkHttp client to send with: configure timeouts, proxies, TLS, interceptors, the pool
     * and the dispatcher on it. The SDK derives its own from it ({@code newBuilder()}), keeping
     * every setting but three that it overrides: no redirects ({@code followRedirects} and {@code
     * followSslRedirects} off, so the token goes nowhere else) and no silent retries ({@code
     * retryOnConnectionFailure} off, since the client alone decides what is safe to repeat). Its
     * call timeout bounds each attempt (bulk uploads excepted), within {@link
     * RetryPolicy#deadline()}. It is shared, not owned: {@link SstcClient#close()} leaves it open.
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
  }
}
