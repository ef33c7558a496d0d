package org.sstc.exchange.client.internal;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Time as the retry logic sees it: the monotonic clock that deadlines are measured on, the wall
 * clock that {@code Retry-After} dates are read against, and the waits between attempts. Tests
 * give a clock that advances when the client "sleeps", so that no test waits for real.
 */
public interface Timer {
  /** The real clock and real waits. */
  Timer SYSTEM = new Timer() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }

    @Override
    public Executor after(long nanos) {
      return CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
      return "Timer.SYSTEM";
    }
  };

  /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** The current instant, as {@link Instant#now()}. */
  Instant now();

  /** Blocks the calling thread for {@code nanos}. */
  void sleep(long nanos) throws InterruptedException;

  /** Runs tasks after {@code nanos}, without blocking the caller. */
  Executor after(long nanos);
}
