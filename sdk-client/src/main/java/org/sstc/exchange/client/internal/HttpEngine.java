package org.sstc.exchange.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Sends requests with the client's headers and retries them when that is safe.
 *
 * <p>A request is retried (after a connection failure, a 5xx other than 501/505, or a 429) only
 * when repeating it cannot write twice: {@code GET}/{@code HEAD}, {@code PUT}/{@code DELETE}
 * with {@code If-Match}, and {@code POST} with an {@code Idempotency-Key}; and only when its body
 * can be sent again (a one-shot body that started to be written cannot). The whole logical call
 * lives within the policy's deadline: a wait that would end past it is not started, and the last
 * failure is reported instead.
 *
 * <p>OkHttp's own silent retry ({@code retryOnConnectionFailure}) is switched off by the caller
 * that builds the {@link OkHttpClient}, so that this class is the one place that decides.
 */
public final class HttpEngine {
  private static final System.Logger LOG = System.getLogger("org.sstc.exchange.client");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final @Nullable Supplier<String> token;
  private final String userAgent;
  private final RetrySchedule policy;

  public HttpEngine(
      OkHttpClient http,
      HttpUrl base,
      @Nullable Supplier<String> token,
      String userAgent,
      RetrySchedule policy) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = Objects.requireNonNull(base, "base");
    this.token = token;
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** {@code GET /initiatives/x}: what messages and logs name — never the query or a header. */
  public static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /** True when sending this request twice has the effect of sending it once. */
  public static boolean isIdempotent(Request request) {
    switch (request.method()) {
      case "GET":
      case "HEAD":
      case "OPTIONS":
        return true;
      case "PUT":
      case "DELETE":
        return request.header("If-Match") != null;
      case "POST":
        return request.header("Idempotency-Key") != null;
      default:
        return false;
    }
  }

  /**
   * Sends and retries; the caller closes the response. With {@code bodyLimit} of 0 or more, a
   * successful response's body is read before it is returned, and a failure while reading it is
   * retried as a lost answer would be.
   *
   * @throws BodyReader.TooLargeException if that body is larger than {@code bodyLimit}
   */
  public Response execute(Request request, long bodyLimit) throws IOException {
    Request prepared = prepare(request);
    long deadline = deadlineFrom(policy.timer().nanoTime(), prepared);
    for (int attempt = 1; ; attempt++) {
      Call call = newCall(prepared, deadline);
      Response response;
      try {
        response = call.execute();
      } catch (IOException failure) {
        long delay = retryDelay(prepared, attempt, null, failure, deadline);
        if (delay < 0) {
          throw failure;
        }
        policy.sleep(delay);
        continue;
      }
      long delay = retryDelay(prepared, attempt, response, null, deadline);
      if (delay < 0) {
        if (bodyLimit < 0 || !response.isSuccessful()) {
          return response;
        }
        // The answer is read here, inside the retries: one cut after its headers (the hub acted,
        // the body was lost) is retried like a lost answer, which an idempotent request allows.
        try {
          return buffered(response, bodyLimit);
        } catch (BodyReader.TooLargeException tooLarge) {
          throw tooLarge;
        } catch (IOException failure) {
          long again = retryDelay(prepared, attempt, null, failure, deadline);
          if (again < 0) {
            throw failure;
          }
          policy.sleep(again);
          continue;
        }
      }
      response.close();
      policy.sleep(delay);
    }
  }

  /** Sends and retries; the caller closes the response. */
  public Response execute(Request request) throws IOException {
    return execute(request, -1);
  }

  /** The response with its whole body read into memory (at most {@code limit} bytes). */
  private static Response buffered(Response response, long limit) throws IOException {
    try (response) {
      byte[] bytes = BodyReader.read(response, limit);
      okhttp3.MediaType type = response.body().contentType();
      return response.newBuilder().body(okhttp3.ResponseBody.create(bytes, type)).build();
    }
  }

  /**
   * Sends and retries on OkHttp's dispatcher ({@link Call#enqueue}); waits between attempts are
   * scheduled with {@link CompletableFuture#delayedExecutor}, so no thread sleeps. Cancelling the
   * returned future cancels the call in flight. With {@code bodyLimit} of 0 or more, a successful
   * response's body is read before the future completes, and a failure while reading it is retried
   * as a lost answer would be (as {@link #execute(Request, long)} does).
   */
  public CompletableFuture<Response> executeAsync(Request request, long bodyLimit) {
    Request prepared = prepare(request);
    long deadline = deadlineFrom(policy.timer().nanoTime(), prepared);
    CompletableFuture<Response> result = new CompletableFuture<>();
    AtomicReference<@Nullable Call> current = new AtomicReference<>();
    result.whenComplete(
        (response, failure) -> {
          Call call = current.get();
          if (result.isCancelled() && call != null) {
            call.cancel();
          }
        });
    attemptAsync(prepared, bodyLimit, 1, deadline, result, current);
    return result;
  }

  private void attemptAsync(
      Request prepared,
      long bodyLimit,
      int attempt,
      long deadline,
      CompletableFuture<Response> result,
      AtomicReference<@Nullable Call> current) {
    if (result.isDone()) {
      return;
    }
    Call call;
    try {
      call = newCall(prepared, deadline);
    } catch (RuntimeException | InterruptedIOException e) {
      result.completeExceptionally(e);
      return;
    }
    current.set(call);
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call failed, IOException failure) {
            long delay = retryDelay(prepared, attempt, null, failure, deadline);
            if (delay < 0) {
              result.completeExceptionally(failure);
            } else {
              policy.timer().after(delay)
                  .execute(() -> attemptAsync(prepared, bodyLimit, attempt + 1, deadline, result, current));
            }
          }

          @Override
          public void onResponse(Call answered, Response response) {
            long delay = retryDelay(prepared, attempt, response, null, deadline);
            if (delay < 0) {
              Response answer = response;
              if (bodyLimit >= 0 && response.isSuccessful()) {
                // Read here, on the dispatcher's thread and inside the retries, as execute() does:
                // an answer cut after its headers is retried like a lost one.
                try {
                  answer = buffered(response, bodyLimit);
                } catch (BodyReader.TooLargeException tooLarge) {
                  result.completeExceptionally(tooLarge);
                  return;
                } catch (IOException failure) {
                  onFailure(answered, failure);
                  return;
                }
              }
              if (!result.complete(answer)) {
                answer.close();
              }
            } else {
              response.close();
              policy.timer().after(delay)
                  .execute(() -> attemptAsync(prepared, bodyLimit, attempt + 1, deadline, result, current));
            }
          }
        });
  }

  /** Headers every request carries; the token is added per attempt (a supplier may refresh it). */
  private Request prepare(Request request) {
    Request.Builder builder = request.newBuilder().header("User-Agent", userAgent);
    if (request.header("X-Request-Id") == null) {
      // One id per logical call, kept on every retry, so that one id finds all its attempts.
      builder.header("X-Request-Id", UUID.randomUUID().toString());
    }
    if (request.header("Accept") == null) {
      builder.header("Accept", "application/json, application/problem+json");
    }
    return builder.build();
  }

  private Call newCall(Request prepared, long deadline) throws InterruptedIOException {
    Request.Builder attempt = prepared.newBuilder();
    // The token goes only to the hub's own origin: execute() may be handed any URL.
    if (token != null && prepared.header("Authorization") == null && sameOrigin(prepared.url())) {
      String value = token.get();
      if (value != null && !value.isEmpty()) {
        attempt.header("Authorization", "Bearer " + checkToken(value));
      }
    }
    Call call = http.newCall(attempt.build());
    long remaining = deadline - policy.timer().nanoTime();
    TimeBudget budget = prepared.tag(TimeBudget.class);
    if (remaining <= 0) {
      throw new InterruptedIOException("the deadline of " + (budget != null ? budget.limit() : policy.deadline())
          + " has passed");
    }
    if (budget != null) {
      // A budgeted call is bounded by its budget alone, not by the per-call timeout for single records.
      call.timeout().timeout(deadline == Long.MAX_VALUE ? 0 : remaining, TimeUnit.NANOSECONDS);
    } else if (deadline != Long.MAX_VALUE) {
      long perCall = http.callTimeoutMillis() > 0
          ? Math.min(TimeUnit.MILLISECONDS.toNanos(http.callTimeoutMillis()), remaining)
          : remaining;
      call.timeout().timeout(perCall, TimeUnit.NANOSECONDS);
    }
    return call;
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(base.scheme()) && url.host().equals(base.host())
        && url.port() == base.port();
  }

  private static String checkToken(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        // Never echo the token: say where, not what.
        throw new IllegalArgumentException(
            "The token has a character that cannot go in an HTTP header at index " + i
                + ": check the value given to token(...) or returned by the token supplier");
      }
    }
    return token;
  }

  private long deadlineFrom(long now, Request request) {
    TimeBudget budget = request.tag(TimeBudget.class);
    Duration deadline = budget != null ? budget.limit() : policy.deadline();
    return deadline.isZero() ? Long.MAX_VALUE : now + deadline.toNanos();
  }

  /** The wait before the next attempt, in nanoseconds, or -1 to stop here. */
  /**
   * A 409 saying that this request's idempotency key is still being processed: the first attempt
   * is still running on the hub (its answer was lost, or it outlasted a timeout here). Waiting and
   * sending again gets its answer.
   */
  private static boolean isKeyInFlight(Response response) {
    if (response.code() != 409 || response.request().header("Idempotency-Key") == null) {
      return false;
    }
    try {
      return response.peekBody(4096).string().contains("idempotency-key-in-flight");
    } catch (IOException e) {
      return false;
    }
  }

  private long retryDelay(
      Request request,
      int attempt,
      @Nullable Response response,
      @Nullable IOException failure,
      long deadline) {
    if (attempt > policy.maxRetries() || !isIdempotent(request) || !canResend(request)) {
      return -1;
    }
    String reason;
    long delay;
    if (response != null) {
      int code = response.code();
      boolean retryable = code == 429 || (code >= 500 && code <= 599 && code != 501 && code != 505)
          || isKeyInFlight(response);
      if (!retryable) {
        return -1;
      }
      Duration retryAfter = policy.retryAfter(response);
      if (retryAfter != null) {
        if (deadline == Long.MAX_VALUE
            && retryAfter.compareTo(RetrySchedule.MAX_RETRY_AFTER_WITHOUT_DEADLINE) > 0) {
          return -1;
        }
        delay = retryAfter.toNanos();
        reason = code + " with Retry-After " + retryAfter.toMillis() + " ms";
      } else {
        delay = policy.backoffNanos(attempt);
        reason = "status " + code;
      }
    } else {
      if (failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
        return -1;
      }
      delay = policy.backoffNanos(attempt);
      reason = failure == null ? "a failure" : failure.getClass().getSimpleName();
    }
    long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - policy.timer().nanoTime();
    if (delay >= remaining) {
      LOG.log(Level.DEBUG, "Not retrying {0}: waiting {1} ms would pass the deadline",
          describe(request), TimeUnit.NANOSECONDS.toMillis(delay));
      return -1;
    }
    LOG.log(Level.DEBUG, "Retrying {0} after {1}: attempt {2} of {3} in {4} ms",
        describe(request), reason, attempt + 1, policy.maxRetries() + 1,
        TimeUnit.NANOSECONDS.toMillis(delay));
    return delay;
  }

  /** A body that can be written again; a one-shot body only if it was never started. */
  private static boolean canResend(Request request) {
    RequestBody body = request.body();
    if (body == null || !body.isOneShot()) {
      return true;
    }
    return body instanceof NdjsonBody ndjson && !ndjson.started();
  }
}
