package org.sstc.exchange.client;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * 429: the hub asks the client to slow down. Safe requests were already retried within the
 * deadline; wait {@link #retryAfter()} before trying again.
 *
 * @since 1.0
 */
public final class RateLimitedException extends SstcException {
  private static final long serialVersionUID = 1L;

  /** How long the hub asked to wait, when it said. */
  private final @Nullable Duration retryAfter;

  RateLimitedException(
      String message, @Nullable String requestId, @Nullable Problem problem,
      @Nullable Duration retryAfter) {
    super(message, 429, requestId, problem, null);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the hub asked to wait ({@code Retry-After}), when it said.
   *
   * @return the wait the hub asked for, or empty when it did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
