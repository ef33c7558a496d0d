package org.sstc.exchange.hub.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * Closes connections whose client is too slow: a request head (line and headers) not complete
 * within the header timeout of its first byte, or a request body that has not brought a byte for
 * the body read timeout while the hub waits for one. Jetty's idle timeout alone cannot do this: a
 * client that sends a byte a second is never idle.
 *
 * <p>It looks at every connection a few times a timeout; a slow client is closed within about a
 * quarter of a timeout after it ran out of time.
 */
final class Watchdog implements Connection.Listener {
  private static final class State {
    /** True from the handler's start to the end of its answer. */
    volatile boolean inRequest;
    /** Bytes read when the connection last began waiting for a request head. */
    volatile long mark;
    /** When bytes beyond {@link #mark} were first seen, 0 if not yet. */
    volatile long headBegan;
    /** When the handler began to wait for a body byte, 0 when it is not waiting. */
    volatile long bodyWaitBegan;
  }

  private final long headerNanos;
  private final long bodyNanos;
  private final Map<Connection, State> states = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  Watchdog(java.time.Duration headerTimeout, java.time.Duration bodyReadTimeout, String threadName) {
    this.headerNanos = headerTimeout.toNanos();
    this.bodyNanos = bodyReadTimeout.toNanos();
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, threadName);
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(20, Math.min(headerTimeout.toMillis(), bodyReadTimeout.toMillis()) / 4);
    var unused = timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    states.put(connection, new State());
  }

  @Override
  public void onClosed(Connection connection) {
    states.remove(connection);
  }

  void requestBegan(Connection connection) {
    State state = states.get(connection);
    if (state != null) {
      state.inRequest = true;
      state.headBegan = 0;
      state.bodyWaitBegan = 0;
    }
  }

  void requestEnded(Connection connection) {
    State state = states.get(connection);
    if (state != null) {
      state.mark = connection.getBytesIn();
      state.headBegan = 0;
      state.bodyWaitBegan = 0;
      state.inRequest = false;
    }
  }

  /** The handler waits for a body byte ({@code true}) or got one or stopped waiting ({@code false}). */
  void waitingForBody(Connection connection, boolean waiting) {
    State state = states.get(connection);
    if (state != null) {
      state.bodyWaitBegan = waiting ? Math.max(1, System.nanoTime()) : 0;
    }
  }

  /** A request body read through this stream counts as waiting while a read blocks. */
  InputStream watch(Connection connection, InputStream body) {
    return new FilterInputStream(body) {
      @Override
      public int read() throws IOException {
        waitingForBody(connection, true);
        try {
          return super.read();
        } finally {
          waitingForBody(connection, false);
        }
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        waitingForBody(connection, true);
        try {
          return super.read(buffer, offset, length);
        } finally {
          waitingForBody(connection, false);
        }
      }
    };
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Map.Entry<Connection, State> entry : states.entrySet()) {
      Connection connection = entry.getKey();
      State state = entry.getValue();
      try {
        if (!state.inRequest) {
          if (connection.getBytesIn() > state.mark) {
            long began = state.headBegan;
            if (began == 0) {
              state.headBegan = now;
            } else if (now - began > headerNanos) {
              connection.getEndPoint().close();
            }
          }
        } else {
          long waiting = state.bodyWaitBegan;
          if (waiting != 0 && now - waiting > bodyNanos) {
            connection.getEndPoint().close();
          }
        }
      } catch (RuntimeException e) {
        // a connection closing under us: the next sweep no longer sees it
      }
    }
  }

  void stop() {
    timer.shutdownNow();
  }
}
