package org.sstc.exchange.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.client.internal.HttpEngine;
import org.sstc.exchange.client.internal.Json;
import org.sstc.exchange.client.internal.RetrySchedule;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Severity;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.SstcJson;
import tools.jackson.databind.JsonNode;

/** Turns a failed exchange into the exception that says what happened and what to do. */
final class Failures {
  private static final int ISSUES_IN_MESSAGE = 5;

  private Failures() {}

  /** The exception for an error status; {@code body} is what could be read of the body. */
  static SstcException fromResponse(Request request, Response response, byte[] body) {
    int status = response.code();
    String requestId = response.header("X-Request-Id");
    Problem problem = problem(response, body);
    if (requestId == null && problem != null) {
      requestId = member(problem, "requestId").filter(JsonNode::isString)
          .map(JsonNode::stringValue).orElse(null);
    }
    String what = HttpEngine.describe(request) + ": " + status
        + (problem != null && !problem.title().isEmpty() ? " " + problem.title() : "")
        + (problem != null && problem.detail().isPresent() ? ": " + problem.detail().get() : "");
    String slug = problem == null ? "" : problem.slug();
    switch (status) {
      case 400:
        return new BadRequestException(
            what + invalidParams(problem) + ". Fix the request as the hub says.", status, requestId,
            problem);
      case 401:
        return new UnauthorizedException(
            what + ". Writes need a bearer token the hub knows; check the token this client sends.",
            status, requestId, problem);
      case 403:
        return new ForbiddenException(
            what + ". The token's organisation may write only its own records"
                + " (an initiative's reportingOrg.id must be that organisation).",
            status, requestId, problem);
      case 404:
        return new NotFoundException(
            what + ". Check the id (or use find(id), which returns empty).", status, requestId,
            problem);
      case 409:
        return new ConflictException(
            what + (slug.equals("idempotency-key-in-flight")
                ? ". The same request is still running on the hub: try again shortly."
                : ". The id is taken (deleted ids stay taken): choose another id, or replace"
                    + " the stored record."),
            status, requestId, problem);
      case 412: {
        long current = currentVersion(problem);
        return new PreconditionFailedException(
            what + ". The record changed since you read it"
                + (current > 0 ? " (current version " + current + ")" : "")
                + ": read it again and re-apply your change, or use update(id, change).",
            requestId, problem, current);
      }
      case 422: {
        Optional<JsonNode> report = problem == null ? Optional.empty() : member(problem, "report");
        if (report.isPresent() || slug.equals("validation-failed")) {
          ValidationReport parsed = report.map(Failures::report)
              .orElseGet(() -> ValidationReport.of(List.of()));
          return new ValidationFailedException(
              what + ". The hub refused the record" + issues(parsed)
                  + "\nFix these and send it again.",
              status, requestId, problem, parsed);
        }
        return new SstcException(what + ". " + hint(slug), status, requestId, problem, null);
      }
      case 429: {
        Duration wait = RetrySchedule.retryAfter(response, java.time.Instant.now());
        return new RateLimitedException(
            what + ". The hub asks to slow down" + (wait != null
                ? ": wait " + wait.toMillis() + " ms before trying again."
                : ": wait before trying again."),
            requestId, problem, wait);
      }
      default:
        break;
    }
    if (status >= 500) {
      return new ServerException(
          what + ". The hub failed; if the request was safe to repeat it was already retried."
              + (requestId != null
                  ? " Try later, and quote the request id " + requestId + " to the hub's operators."
                  : " Try later; the hub sent no request id, so tell its operators the time of the failure."),
          status, requestId, problem);
    }
    if (status >= 300 && status < 400) {
      HttpUrl location = locationOf(request, response);
      return new SstcException(
          what + ". The hub redirected to " + (location == null ? "(no Location)"
              : location.scheme() + "://" + location.host() + ":" + location.port()
                  + location.encodedPath())
              + "; the client follows no redirects (one could carry the token elsewhere):"
              + " use that URL as the base URL if you trust it.",
          status, requestId, problem, null);
    }
    return new SstcException(what + ". " + hint(slug), status, requestId, problem, null);
  }

  static TransportException transport(Request request, String what, int status,
      @Nullable String requestId, Throwable cause) {
    return new TransportException(
        HttpEngine.describe(request) + ": " + what + ". " + (status == 0
            ? "Check the network and the hub; the request can be repeated safely only if it was"
                + " a read, a create (same idempotency key) or carried If-Match."
            : "The hub's answer could not be used; try again, and report it to the hub's"
                + " operators if it persists."),
        status, requestId, cause);
  }

  static ValidationFailedException notSent(String what, ValidationReport report) {
    return new ValidationFailedException(
        "Not sent: " + what + " is not valid" + issues(report) + "\nFix these and send it again.",
        0, null, null, report);
  }

  private static String hint(String slug) {
    switch (slug) {
      case "precondition-required":
        return "PUT and DELETE need the version you read (If-Match): use replace/delete with it.";
      case "payload-too-large":
        return "The body is larger than the hub accepts: send records in smaller parts.";
      case "idempotency-key-reused":
        return "An idempotency key was used with another request: use a fresh key.";
      case "unsupported-media-type":
        return "The hub does not accept this content type.";
      default:
        return "See problem() for the hub's details.";
    }
  }

  private static @Nullable HttpUrl locationOf(Request request, Response response) {
    String location = response.header("Location");
    return location == null ? null : request.url().resolve(location);
  }

  private static String invalidParams(@Nullable Problem problem) {
    if (problem == null) {
      return "";
    }
    return member(problem, "invalidParams").filter(JsonNode::isArray)
        .map(params -> params.values().stream()
            .map(param -> param.path("name").asString("?") + ": " + param.path("reason").asString("?"))
            .collect(Collectors.joining("; ", " (", ")")))
        .orElse("");
  }

  private static long currentVersion(@Nullable Problem problem) {
    if (problem == null) {
      return 0;
    }
    return member(problem, "currentVersion").filter(JsonNode::canConvertToLong)
        .map(JsonNode::longValue).orElse(0L);
  }

  static String issues(ValidationReport report) {
    List<Issue> errors = report.errors();
    String shown = errors.stream().limit(ISSUES_IN_MESSAGE).map(Issue::toString)
        .collect(Collectors.joining("\n  ", "\n  ", ""));
    String more = errors.size() > ISSUES_IN_MESSAGE
        ? "\n  … and " + (errors.size() - ISSUES_IN_MESSAGE) + " more (see report())"
        : "";
    return " (" + errors.size() + " error(s)):" + (errors.isEmpty() ? "" : shown) + more;
  }

  /** The problem in the body, if the body is one (or at least a JSON object). */
  static @Nullable Problem problem(Response response, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    JsonNode tree;
    try {
      tree = SstcJson.standard().readTree(body);
    } catch (RuntimeException e) {
      return null; // an HTML error page from a proxy, say: the status still speaks
    }
    if (!tree.isObject()) {
      return null;
    }
    Map<String, String> extensions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : tree.properties()) {
      switch (member.getKey()) {
        case "type":
        case "title":
        case "status":
        case "detail":
        case "instance":
          break;
        default:
          extensions.put(member.getKey(), member.getValue().toString());
      }
    }
    return new Problem(
        tree.path("type").asString("about:blank"),
        tree.path("title").asString(response.message()),
        tree.path("status").asInt(response.code()),
        Optional.ofNullable(tree.path("detail").isString() ? tree.path("detail").stringValue() : null),
        Optional.ofNullable(tree.path("instance").isString() ? tree.path("instance").stringValue() : null),
        extensions);
  }

  /** A validation report as JSON ({@code validation-report.schema.json}) back to the core's type. */
  static ValidationReport report(JsonNode node) {
    List<Issue> issues = new ArrayList<>();
    for (JsonNode issue : node.path("issues").values()) {
      Severity severity = "warning".equals(issue.path("severity").asString("error"))
          ? Severity.WARNING : Severity.ERROR;
      JsonNode value = issue.get("value");
      JsonNode line = issue.get("line");
      issues.add(new Issue(
          severity,
          issue.path("code").asString("unknown"),
          issue.path("pointer").asString(""),
          issue.path("message").asString(""),
          value,
          line != null && line.canConvertToLong() ? line.longValue() : null));
    }
    ValidationReport computed = ValidationReport.of(issues);
    String schemaVersion = node.path("schemaVersion").asString(computed.schemaVersion());
    return new ValidationReport(computed.valid(), schemaVersion, computed.issues());
  }

  /** One extension member of a problem, parsed; empty when absent or not JSON. */
  private static Optional<JsonNode> member(Problem problem, String name) {
    return problem.extension(name).flatMap(text -> {
      try {
        return Optional.of(Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    });
  }
}
