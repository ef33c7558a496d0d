package org.sstc.exchange.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import org.sstc.exchange.client.internal.Timer;

/**
 * A clock that stands still until the client "sleeps", then jumps by the wait: retries, backoff
 * and deadlines run at once, and the waits the client asked for are recorded.
 */
final class FakeTimer implements Timer {
  /** A whole second, so that an HTTP-date (second precision) is exact against it. */
  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private long elapsed;
  private final List<Duration> waits = new ArrayList<>();

  /** Jitter that always takes the longest wait of the window: the wait is the backoff ceiling. */
  static final RandomGenerator LONGEST = new RandomGenerator() {
    @Override
    public long nextLong() {
      return 0;
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  };

  /** A policy on this clock with {@link #LONGEST} jitter. */
  RetryPolicy.Builder policy() {
    return RetryPolicy.builder().timer(this).random(LONGEST);
  }

  synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  @Override
  public synchronized long nanoTime() {
    return 1_000_000_000L + elapsed;
  }

  @Override
  public synchronized Instant now() {
    return START.plusNanos(elapsed);
  }

  @Override
  public synchronized void sleep(long nanos) {
    waits.add(Duration.ofNanos(nanos));
    elapsed += nanos;
  }

  @Override
  public Executor after(long nanos) {
    sleep(nanos);
    return ForkJoinPool.commonPool();
  }
}
