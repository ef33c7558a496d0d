package org.sstc.exchange.core.internal.validation;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Work done on every core, its results handed on in the order it was submitted: the records of an
 * NDJSON stream are checked in parallel while their issues still come out line by line, on the
 * caller's thread. At most {@link #window()} pieces are in flight, so memory is bounded by that
 * many records whatever the stream's length.
 *
 * <p>One pool of daemon threads, one a core, is shared by every validator of the JVM: it is made
 * on first use (a run that checks one document never starts it).
 */
final class OrderedPool<T> implements AutoCloseable {
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** The shared workers; a holder so that the threads start only when a stream needs them. */
  private static final class Workers {
    static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, new ThreadFactoryImpl());
  }

  private static final class ThreadFactoryImpl implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "sstc-validate-" + count.incrementAndGet());
      thread.setDaemon(true); // never keeps a JVM alive
      return thread;
    }
  }

  private final ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
  private final Consumer<T> inOrder;

  /** Work whose results go to {@code inOrder}, in submission order, on the submitting thread. */
  OrderedPool(Consumer<T> inOrder) {
    this.inOrder = inOrder;
  }

  /** Whether the machine has more than one core: on one, the work is done in line instead. */
  static boolean worthIt() {
    return THREADS > 1;
  }

  /** How many pieces may be in flight: a few per core, so that no core waits on a slow one. */
  static int window() {
    return THREADS * 8;
  }

  /** Submits one piece; first hands on the oldest results if the window is full. */
  void submit(Callable<T> work) {
    while (inFlight.size() >= window()) {
      handOnOldest();
    }
    inFlight.add(Workers.POOL.submit(work));
  }

  /** Hands on every result still in flight, in order. */
  void drain() {
    while (!inFlight.isEmpty()) {
      handOnOldest();
    }
  }

  private void handOnOldest() {
    Future<T> oldest = inFlight.poll();
    T result;
    try {
      result = oldest.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("validation interrupted"));
    } catch (ExecutionException e) {
      // The work failed as it would have in line: the same exception, on the caller's thread.
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof java.lang.Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
    inOrder.accept(result);
  }

  /** Cancels what is still in flight (after a failure: nobody will read it). */
  @Override
  public void close() {
    Future<T> left;
    while ((left = inFlight.poll()) != null) {
      left.cancel(false);
    }
  }
}
