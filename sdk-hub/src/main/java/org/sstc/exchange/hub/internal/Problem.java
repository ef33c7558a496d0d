package org.sstc.exchange.hub.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.ValidationReport;

/**
 * An error answer as RFC 9457 problem details, thrown from deep inside a request and turned into
 * a response by {@link HubHandler}. Its {@code type} is {@code https://sstc-exchange.org/problems/<slug>}.
 */
final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String TYPE_BASE = "https://sstc-exchange.org/problems/";

  /** One entry of {@code invalidParams}. */
  record InvalidParam(String name, String reason) {}

  final int status;
  final String slug;
  final String title;
  final String detail;
  /** Extension members: String, Long, {@link RawJson} or a list of {@link InvalidParam}. */
  final transient Map<String, Object> extensions = new LinkedHashMap<>();
  final transient Map<String, String> headers = new LinkedHashMap<>();
  /** True when the request body was not read, so the connection cannot be reused. */
  boolean closeConnection;

  /** A JSON value written verbatim. */
  record RawJson(String json) {}

  Problem(int status, String slug, String title, String detail) {
    super(status + " " + slug + ": " + detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.detail = detail;
  }

  Problem with(String name, Object value) {
    extensions.put(name, value);
    return this;
  }

  Problem header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  static Problem badRequest(String detail) {
    return new Problem(400, "bad-request", "Bad request", detail);
  }

  static Problem badParams(List<InvalidParam> params) {
    StringBuilder detail = new StringBuilder();
    for (InvalidParam param : params) {
      detail.append(detail.length() == 0 ? "" : "; ").append(param.name()).append(": ").append(param.reason());
    }
    return badRequest(detail.toString()).with("invalidParams", List.copyOf(params));
  }

  static Problem badParam(String name, String reason) {
    return badParams(List.of(new InvalidParam(name, reason)));
  }

  static Problem unauthorized(String detail) {
    return new Problem(401, "unauthorized", "Unauthorized", detail)
        .header("WWW-Authenticate", "Bearer realm=\"sstc\"");
  }

  static Problem forbidden(String detail) {
    return new Problem(403, "forbidden", "Forbidden", detail);
  }

  static Problem notFound(String detail) {
    return new Problem(404, "not-found", "Not found", detail);
  }

  static Problem methodNotAllowed(String method, String allowed) {
    return new Problem(405, "method-not-allowed", "Method not allowed",
        method + " is not allowed here; use " + allowed).header("Allow", allowed);
  }

  static Problem alreadyExists(String recordType, String id, long currentVersion) {
    return new Problem(409, "already-exists", "Already exists",
        "the " + recordType + " '" + id + "' exists already (ids of deleted records stay taken);"
            + " replace it with PUT and If-Match: \"" + currentVersion + "\"")
        .with("currentVersion", currentVersion);
  }

  static Problem keyInFlight() {
    return new Problem(409, "idempotency-key-in-flight", "Idempotency key in flight",
        "a request with this Idempotency-Key is still being processed; retry after it has finished")
        .header("Retry-After", "1");
  }

  static Problem preconditionFailed(long currentVersion, @Nullable String sent) {
    return new Problem(412, "precondition-failed", "Precondition failed",
        "If-Match " + sent + " does not match the current version \"" + currentVersion
            + "\": someone changed the record; read it again, apply your change and retry")
        .with("currentVersion", currentVersion);
  }

  static Problem tooLarge(long limit, String what) {
    Problem problem = new Problem(413, "payload-too-large", "Payload too large",
        what + " is larger than the limit of " + limit + " bytes")
        .with("limit", limit);
    problem.closeConnection = true;
    return problem;
  }

  static Problem unsupportedMediaType(String detail) {
    return new Problem(415, "unsupported-media-type", "Unsupported media type", detail);
  }

  static Problem validationFailed(ValidationReport report) {
    return new Problem(422, "validation-failed", "Validation failed",
        "the record breaks the standard (" + report.errors().size() + " error(s)); see report")
        .with("report", new RawJson(Json.report(report)));
  }

  static Problem keyReused() {
    return new Problem(422, "idempotency-key-reused", "Idempotency key reused",
        "this Idempotency-Key was used for another request; use a new key for a new request");
  }

  static Problem preconditionRequired(String detail) {
    return new Problem(428, "precondition-required", "Precondition required", detail);
  }

  static Problem internal(String detail) {
    return new Problem(500, "internal-error", "Internal error", detail);
  }

  /** The problem document. */
  byte[] toJson(String instance, String requestId) {
    JsonOut json = new JsonOut().beginObject()
        .field("type", TYPE_BASE + slug)
        .field("title", title)
        .field("status", status)
        .field("detail", detail)
        .field("instance", instance)
        .field("requestId", requestId);
    for (Map.Entry<String, Object> extension : extensions.entrySet()) {
      json.name(extension.getKey());
      Object value = extension.getValue();
      if (value instanceof Long number) {
        json.number(number);
      } else if (value instanceof RawJson raw) {
        json.raw(raw.json());
      } else if (value instanceof List<?> list) {
        json.beginArray();
        for (Object item : list) {
          InvalidParam param = (InvalidParam) item;
          json.beginObject().field("name", param.name()).field("reason", param.reason()).endObject();
        }
        json.endArray();
      } else {
        json.string(String.valueOf(value));
      }
    }
    return json.endObject().toBytes();
  }
}
