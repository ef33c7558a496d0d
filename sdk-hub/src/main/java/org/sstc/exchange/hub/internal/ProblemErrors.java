package org.sstc.exchange.hub.internal;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's error answers (a request it cannot parse, a head too large, a bad method token, a refusal
 * during shutdown) as {@code application/problem+json}, like every other error of the hub: none of
 * Jetty's HTML error pages reaches a client.
 */
final class ProblemErrors implements Request.Handler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer given ? given : response.getStatus();
    if (status < 400) {
      status = 500;
    }
    @Nullable Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    String reason = HttpStatus.getMessage(status);
    String detail = detail(status, message == null ? reason : message.toString());
    String instance;
    try {
      instance = Edge.rawPath(request);
    } catch (RuntimeException e) {
      instance = "/";
    }
    @Nullable String givenId;
    try {
      givenId = request.getHeaders().get("X-Request-Id");
    } catch (RuntimeException e) {
      givenId = null;
    }
    String requestId = Edge.requestId(givenId);
    Problem problem = new Problem(status, slug(status), reason, detail);
    byte[] body = problem.toJson(instance, requestId);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.PROBLEM);
    response.getHeaders().put("X-Request-Id", requestId);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static String detail(int status, String message) {
    String said = message.replaceAll("[^\\x20-\\x7E]", "?");
    switch (status) {
      case 400:
        return "the request is not well-formed HTTP (" + said + "): check the request line, the"
            + " percent-encoding of the URI and headers such as Content-Length";
      case 408:
        return "the request did not arrive in time (" + said + "); send it again";
      case 413:
        return "the request is too large (" + said + ")";
      case 414:
        return "the request URI is too long (" + said + "); page with a cursor instead of long queries";
      case 431:
        return "the request's headers are larger than this hub accepts (" + said + "); send fewer or shorter headers";
      case 503:
        return "the hub is shutting down or overloaded (" + said + "); retry shortly, on another node if there is one";
      default:
        return said;
    }
  }

  private static String slug(int status) {
    switch (status) {
      case 400:
        return "bad-request";
      case 404:
        return "not-found";
      case 405:
        return "method-not-allowed";
      case 408:
        return "request-timeout";
      case 413:
        return "payload-too-large";
      case 414:
        return "uri-too-long";
      case 431:
        return "request-header-fields-too-large";
      case 500:
        return "internal-error";
      case 503:
        return "unavailable";
      default:
        return HttpStatus.getMessage(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
  }
}
