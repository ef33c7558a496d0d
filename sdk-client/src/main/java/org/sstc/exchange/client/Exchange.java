package org.sstc.exchange.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.sstc.exchange.client.internal.BodyReader;
import org.sstc.exchange.client.internal.HttpEngine;
import org.sstc.exchange.client.internal.MalformedResponseException;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;

/**
 * One logical call: send (with the engine's retries), then read the body within the limit and
 * turn it into a value, or turn the failure into the exception that names the request.
 */
final class Exchange {
  static final MediaType JSON = MediaType.get("application/json");
  /** Enough of an error body to read its problem details. */
  private static final long PROBLEM_LIMIT = 1 << 20;

  private static final System.Logger LOG = System.getLogger("org.sstc.exchange.client");

  private final HttpEngine engine;
  private final HttpUrl base;
  private final long maxResponseBytes;
  private final boolean validateBeforeSend;

  Exchange(HttpEngine engine, HttpUrl base, long maxResponseBytes, boolean validateBeforeSend) {
    this.engine = engine;
    this.base = base;
    this.maxResponseBytes = maxResponseBytes;
    this.validateBeforeSend = validateBeforeSend;
  }

  /** Reads a successful response into a value. */
  @FunctionalInterface
  interface Reader<R> {
    R read(Response response, byte[] body);
  }

  HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder builder = base.newBuilder();
    for (String segment : segments) {
      builder.addPathSegment(segment);
    }
    return builder;
  }

  HttpEngine engine() {
    return engine;
  }

  static RequestBody json(SstcRecord record) {
    return RequestBody.create(SstcJson.standard().write(record), JSON);
  }

  static String newIdempotencyKey() {
    return UUID.randomUUID().toString();
  }

  /** Validates with the core validator before a write, unless switched off. */
  void checkBeforeSend(SstcRecord record, String what) {
    if (!validateBeforeSend) {
      return;
    }
    ValidationReport report = Validator.standard().validate(record);
    // One line per record checked here, so that a caller who validated already can see (at
    // DEBUG) that it is checked a second time, and switch validateBeforeSend off.
    LOG.log(System.Logger.Level.DEBUG, () -> "validated " + what + " before sending");
    if (!report.valid()) {
      throw Failures.notSent(what, report);
    }
  }

  <R> R call(Request request, Reader<R> reader) {
    Response response;
    try {
      response = engine.execute(request, maxResponseBytes);
    } catch (BodyReader.TooLargeException e) {
      throw tooLarge(request, e);
    } catch (IOException e) {
      throw sendFailure(request, e);
    }
    return handle(request, response, reader);
  }

  /** A successful answer larger than the client takes (read inside the retries, so no status is at hand but 200). */
  private static TransportException tooLarge(Request request, BodyReader.TooLargeException e) {
    return Failures.transport(request, e.getMessage()
        + " (the client's limit on a response, maxResponseBytes: raise it if this is expected)", 200, null, e);
  }

  <R> CompletableFuture<R> callAsync(Request request, Reader<R> reader) {
    CompletableFuture<R> result = new CompletableFuture<>();
    engine.executeAsync(request, maxResponseBytes).whenComplete((response, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        if (cause instanceof BodyReader.TooLargeException tooLarge) {
          result.completeExceptionally(tooLarge(request, tooLarge));
        } else {
          result.completeExceptionally(cause instanceof IOException io ? sendFailure(request, io) : cause);
        }
        return;
      }
      try {
        result.complete(handle(request, response, reader));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private <R> R handle(Request request, Response response, Reader<R> reader) {
    try (response) {
      String requestId = response.header("X-Request-Id");
      if (!response.isSuccessful()) {
        byte[] body;
        try {
          body = BodyReader.read(response, PROBLEM_LIMIT);
        } catch (IOException e) {
          body = new byte[0]; // the status still says what happened
        }
        throw Failures.fromResponse(request, response, body);
      }
      byte[] body;
      try {
        body = BodyReader.read(response, maxResponseBytes);
      } catch (BodyReader.TooLargeException e) {
        throw Failures.transport(request, e.getMessage()
            + " (the client's limit on a response, maxResponseBytes: raise it if this is expected)",
            response.code(), requestId, e);
      } catch (IOException e) {
        throw Failures.transport(request, "reading the response body failed ("
            + describe(e) + ")", response.code(), requestId, e);
      }
      try {
        return reader.read(response, body);
      } catch (MalformedResponseException e) {
        throw Failures.transport(request, Objects.requireNonNullElse(e.getMessage(), "the response is malformed"),
            response.code(), requestId, e);
      }
    }
  }

  private static TransportException sendFailure(Request request, IOException e) {
    return Failures.transport(request, "no usable response (" + describe(e) + ")", 0, null, e);
  }

  private static String describe(IOException e) {
    String kind = e instanceof InterruptedIOException ? "timed out or interrupted: " : "";
    return kind + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
