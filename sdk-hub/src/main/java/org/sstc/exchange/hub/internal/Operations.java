package org.sstc.exchange.hub.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The operations routes ({@code /health/live}, {@code /health/ready}, {@code /metrics}) and what
 * the hub records of every request: the metrics (Micrometer, Prometheus text format) and the access
 * log line.
 */
final class Operations implements AutoCloseable {
  private static final System.Logger ACCESS = System.getLogger("org.sstc.exchange.hub.access");
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
  private static final Set<String> SECRET_PARAMS = Set.of("token", "access_token", "key", "apikey", "api_key",
      "secret", "password", "auth", "authorization");
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final BooleanSupplier ready;
  private final boolean accessLog;

  Operations(BooleanSupplier ready, boolean accessLog) {
    this.ready = ready;
    this.accessLog = accessLog;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Where the store (and anything else) binds its own meters, e.g. a connection pool's. */
  MeterRegistry registry() {
    return registry;
  }

  /** The answer of an operations route, or null for a path of the exchange API. */
  @Nullable Reply answer(String method, String rawPath, String requestId) {
    switch (rawPath) {
      case "/health/live":
      case "/health/ready":
      case "/metrics":
        break;
      default:
        return null;
    }
    if (!method.equals("GET")) {
      return Reply.problem(Problem.methodNotAllowed(method, "GET"), rawPath, requestId);
    }
    switch (rawPath) {
      case "/health/live":
        return Reply.json(200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
      case "/health/ready":
        boolean up;
        try {
          up = ready.getAsBoolean();
        } catch (RuntimeException e) {
          up = false;
        }
        if (up) {
          return Reply.json(200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
        }
        return Reply.problem(new Problem(503, "not-ready", "Not ready",
            "the hub's store is not ready to answer (starting, migrating or unreachable); retry later")
            .header("Retry-After", "5").header("Cache-Control", "no-store"), rawPath, requestId);
      default:
        return new Reply(200, Map.of("Content-Type", PROMETHEUS_TEXT, "Cache-Control", "no-store"),
            registry.scrape().getBytes(StandardCharsets.UTF_8), false);
    }
  }

  /** Records a request that has been answered: metrics, and the access log line if it is on. */
  void served(String method, String rawPath, Reply reply, long nanos, String client, @Nullable String rawQuery,
      String requestId) {
    String route = route(rawPath);
    Timer.builder("http.server.requests")
        .description("requests answered, by route template, method and status")
        .tags("method", METHODS.contains(method) ? method : "other", "route", route,
            "status", Integer.toString(reply.status()))
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    if (route.equals("/packages") && reply.status() == 200) {
      countBulk(reply.body());
    }
    if (accessLog && ACCESS.isLoggable(System.Logger.Level.INFO)) {
      ACCESS.log(System.Logger.Level.INFO, accessLine(Instant.now(), client, method, rawPath, rawQuery,
          reply.status(), reply.body().length, nanos, requestId));
    }
  }

  private void countBulk(byte[] body) {
    try {
      JsonNode summary = Json.tree(body);
      for (String outcome : new String[] {"created", "updated", "unchanged", "rejected"}) {
        long count = summary.path(outcome).asLong(0);
        if (count > 0) {
          Counter.builder("sstc.hub.bulk.records")
              .description("records received in bulk uploads, by outcome")
              .tag("outcome", outcome)
              .register(registry)
              .increment(count);
        }
      }
    } catch (RuntimeException e) {
      // not a bulk summary: nothing to count
    }
  }

  /** The route template of a raw path: ids become {@code {id}}, so that a metric has few series. */
  static String route(String rawPath) {
    String[] parts = rawPath.split("/", -1);
    if (parts.length < 2 || !parts[0].isEmpty()) {
      return "other";
    }
    String first = parts[1];
    switch (first) {
      case "initiatives":
      case "organisations":
        if (parts.length == 2) {
          return "/" + first;
        }
        if (parts.length == 3 && !parts[2].isEmpty()) {
          return "/" + first + "/{id}";
        }
        if (parts.length == 4 && !parts[2].isEmpty() && parts[3].equals("history")) {
          return "/" + first + "/{id}/history";
        }
        return "other";
      case "packages":
      case "changes":
      case "metrics":
        return parts.length == 2 ? "/" + first : "other";
      case "codelists":
        return parts.length == 2 ? "/codelists" : parts.length == 3 && !parts[2].isEmpty() ? "/codelists/{name}" : "other";
      case "health":
        return parts.length == 3 && (parts[2].equals("live") || parts[2].equals("ready")) ? rawPath : "other";
      default:
        return "other";
    }
  }

  /**
   * {@code TIME CLIENT "METHOD PATH?QUERY" STATUS BYTES DURATIONms REQUEST_ID}; values of query
   * parameters that look like secrets are masked. Headers and bodies are never logged.
   */
  static String accessLine(Instant at, String client, String method, String rawPath, @Nullable String rawQuery,
      int status, long bytes, long nanos, String requestId) {
    StringBuilder line = new StringBuilder(160).append(at).append(' ').append(client).append(" \"")
        .append(printable(method)).append(' ').append(printable(rawPath));
    if (rawQuery != null && !rawQuery.isEmpty()) {
      line.append('?');
      boolean first = true;
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        line.append(first ? "" : "&").append(printable(name));
        if (eq >= 0) {
          line.append('=').append(SECRET_PARAMS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? "***" : printable(pair.substring(eq + 1)));
        }
        first = false;
      }
    }
    return line.append("\" ").append(status).append(' ').append(bytes).append(' ')
        .append(nanos / 1_000_000).append("ms ").append(printable(requestId)).toString();
  }

  /** No control characters, quotes or spaces in a log line: a client cannot forge a line. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c > 0x20 && c < 0x7F && c != '"' ? c : '?');
    }
    return out.toString();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
