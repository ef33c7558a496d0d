package org.sstc.exchange.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.sstc.exchange.client.internal.RetrySchedule;
import org.sstc.exchange.client.internal.Timer;

/**
 * How the client retries and how long a call may take, all attempts and waits included.
 *
 * <pre>{@code
 * SstcClient client = SstcClient.builder()
 *     .baseUrl("https://hub.example.org")
 *     .retryPolicy(RetryPolicy.builder().maxRetries(5).deadline(Duration.ofMinutes(5)).build())
 *     .build();
 * }</pre>
 *
 * <p>Only requests that cannot write twice are retried (reads, replaces and deletes with {@code
 * If-Match}, creates and bulk uploads with an {@code Idempotency-Key}), after a connection
 * failure, a 5xx other than 501/505, or a 429. The wait before retry {@code n} is random between
 * 0 and {@code min(cap, base * 2^(n-1))} ("full jitter"), or the hub's {@code Retry-After} when it
 * sends one; a wait that would end past the deadline is not started and the last failure is
 * reported instead.
 *
 * <p>Defaults ({@link #defaults()}): 3 retries, backoff from 100 ms to 5 s, deadline 2 min, bulk
 * deadline 30 min, 10 update attempts. Timeouts of a single attempt (connect, read, write, call)
 * belong to OkHttp: see {@link SstcClient.Builder#okHttpClient}.
 *
 * @since 1.0
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();

  private final int maxRetries;
  private final Duration backoffBase;
  private final Duration backoffCap;
  private final Duration deadline;
  private final Duration bulkDeadline;
  private final int updateAttempts;
  private final Timer timer;
  private final RandomGenerator random;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.backoffBase = builder.backoffBase;
    this.backoffCap = builder.backoffCap;
    this.deadline = builder.deadline;
    this.bulkDeadline = builder.bulkDeadline;
    this.updateAttempts = builder.updateAttempts;
    this.timer = builder.timer;
    this.random = builder.random;
  }

  /**
   * The policy a client has when none is given.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A new builder, starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this policy.
   *
   * @return a new builder with this policy's values
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.maxRetries = maxRetries;
    builder.backoffBase = backoffBase;
    builder.backoffCap = backoffCap;
    builder.deadline = deadline;
    builder.bulkDeadline = bulkDeadline;
    builder.updateAttempts = updateAttempts;
    builder.timer = timer;
    builder.random = random;
    return builder;
  }

  /**
   * Retries after the first attempt.
   *
   * @return the most retries, 0 for none
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * The longest wait before the first retry; each retry doubles it, up to {@link #backoffCap()}.
   *
   * @return the backoff base
   */
  public Duration backoffBase() {
    return backoffBase;
  }

  /**
   * The longest wait before any retry (unless the hub's {@code Retry-After} asks for more).
   *
   * @return the backoff cap
   */
  public Duration backoffCap() {
    return backoffCap;
  }

  /**
   * The longest a call may take, all attempts and waits included; zero for no limit.
   *
   * @return the deadline of a call
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * The longest a bulk upload ({@link SstcClient#publish}) may take, all attempts included; zero
   * for no limit. It replaces OkHttp's call timeout and {@link #deadline()}, which suit single
   * records; OkHttp's read timeout still bounds every wait for the next bytes.
   *
   * @return the deadline of a bulk upload
   */
  public Duration bulkDeadline() {
    return bulkDeadline;
  }

  /**
   * How many read-apply-write rounds {@link Records#update} makes when other writers keep winning
   * (412) before it gives up.
   *
   * @return the most rounds, at least 1
   */
  public int updateAttempts() {
    return updateAttempts;
  }

  RetrySchedule schedule() {
    return new RetrySchedule(maxRetries, backoffBase, backoffCap, deadline, timer, random);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RetryPolicy that
        && maxRetries == that.maxRetries
        && backoffBase.equals(that.backoffBase)
        && backoffCap.equals(that.backoffCap)
        && deadline.equals(that.deadline)
        && bulkDeadline.equals(that.bulkDeadline)
        && updateAttempts == that.updateAttempts
        && timer.equals(that.timer)
        && random.equals(that.random);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, backoffBase, backoffCap, deadline, bulkDeadline, updateAttempts);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", backoff=" + backoffBase + ".." + backoffCap
        + ", deadline=" + deadline + ", bulkDeadline=" + bulkDeadline
        + ", updateAttempts=" + updateAttempts + "}";
  }

  /** Builds a {@link RetryPolicy}; every value starts at its default. */
  public static final class Builder {
    /** Jitter from the calling thread's own generator: no contention between threads. */
    private static final RandomGenerator THREAD_LOCAL = new RandomGenerator() {
      @Override
      public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
      }

      @Override
      public long nextLong(long bound) {
        return ThreadLocalRandom.current().nextLong(bound);
      }
    };

    private int maxRetries = 3;
    private Duration backoffBase = Duration.ofMillis(100);
    private Duration backoffCap = Duration.ofSeconds(5);
    private Duration deadline = Duration.ofMinutes(2);
    private Duration bulkDeadline = Duration.ofMinutes(30);
    private int updateAttempts = 10;
    private Timer timer = Timer.SYSTEM;
    private RandomGenerator random = THREAD_LOCAL;

    private Builder() {}

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
     * The backoff between retries: a random wait up to {@code base * 2^(retry-1)}, capped at
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
     * The longest a whole call may take, all attempts and waits included (default 2 min; zero for
     * none). Each attempt is also bounded by OkHttp's call timeout, if set.
     *
     * @param deadline the time budget of a call
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = nonNegative(deadline, "deadline");
      return this;
    }

    /**
     * The longest a bulk upload may take, all attempts included (default 30 min; zero for none),
     * in place of {@link #deadline} and OkHttp's call timeout.
     *
     * @param deadline the time budget of a bulk upload
     * @return this builder
     */
    public Builder bulkDeadline(Duration deadline) {
      this.bulkDeadline = nonNegative(deadline, "bulkDeadline");
      return this;
    }

    /**
     * How many times {@link Records#update} reads, re-applies and writes when other writers keep
     * winning (412), before it gives up (default 10). Raise it for records many writers change
     * at once.
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

    /** The clock and the waits; tests give one that advances when the client sleeps. */
    Builder timer(Timer timer) {
      this.timer = Objects.requireNonNull(timer, "timer");
      return this;
    }

    /** The source of the jitter; tests give a fixed one. */
    Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The policy.
     *
     * @return the policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
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
