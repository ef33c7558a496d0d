package org.sstc.exchange.client.internal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * When to try again: full-jitter exponential backoff (AWS's "full jitter": a uniform delay
 * between 0 and {@code min(cap, base * 2^(attempt-1))}), or the server's {@code Retry-After} on
 * 429 and 503, within an overall deadline. The public {@code RetryPolicy} is turned into one of
 * these, with its clock and random source.
 *
 * @param maxRetries retries after the first attempt (0 = never retry)
 * @param baseDelay the first backoff ceiling
 * @param maxDelay the largest backoff ceiling
 * @param deadline the time allowed for a whole logical call, all attempts and waits included;
 *     {@link Duration#ZERO} for none
 * @param timer the clock and the waits
 * @param random the source of the jitter
 */
public record RetrySchedule(
    int maxRetries,
    Duration baseDelay,
    Duration maxDelay,
    Duration deadline,
    Timer timer,
    RandomGenerator random) {
  /** The longest {@code Retry-After} honoured when there is no deadline to bound it. */
  static final Duration MAX_RETRY_AFTER_WITHOUT_DEADLINE = Duration.ofMinutes(1);

  public RetrySchedule {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative() || deadline.isNegative()) {
      throw new IllegalArgumentException("delays and the deadline cannot be negative");
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "the backoff cap (" + maxDelay + ") is below its base (" + baseDelay + ")");
    }
    Objects.requireNonNull(timer, "timer");
    Objects.requireNonNull(random, "random");
  }

  /** A random backoff before the retry that follows {@code attempt} (1-based), in nanoseconds. */
  public long backoffNanos(int attempt) {
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long ceiling = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
    return ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
  }

  /**
   * The pause before read-modify-write round {@code attempt} (2 and up) after a 412: full jitter
   * over a window that grows with the attempt (up to 2, 4, 8 ... 64 ms), enough for writers that
   * collided to spread out, far below a network round trip's cost. In nanoseconds.
   */
  public long conflictPauseNanos(int attempt) {
    long window = 1L << Math.min(attempt, 6);
    return TimeUnit.MILLISECONDS.toNanos(random.nextLong(window + 1));
  }

  /** Blocks for {@code nanos} on the timer. */
  public void sleep(long nanos) throws InterruptedIOException {
    try {
      timer.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  /**
   * The server's {@code Retry-After}, in either form (delta-seconds or an HTTP-date), on a 429
   * or 503; empty when absent or unreadable.
   */
  public @Nullable Duration retryAfter(Response response) {
    return retryAfter(response, timer.now());
  }

  /** {@link #retryAfter(Response)}, an HTTP-date read against {@code now}. */
  public static @Nullable Duration retryAfter(Response response, Instant now) {
    if (response.code() != 429 && response.code() != 503) {
      return null;
    }
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(trimmed));
      } catch (NumberFormatException e) { // more digits than a long: treat as unreadable
        return null;
      }
    }
    Date date = response.headers().getDate("Retry-After");
    if (date == null) {
      return null;
    }
    Duration wait = Duration.between(now, date.toInstant());
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
