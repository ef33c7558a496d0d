package org.sstc.exchange.hub.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Validator;

/**
 * The running hub: the JDK's HTTP server on the loopback interface, a fixed pool of request
 * threads, the store and the validator.
 *
 * <p>The validator compiles the standard's schemas when it is first used, which takes a while on
 * a slow machine; it warms up on a background thread from {@link #start()} on, and the first
 * write waits for it, so that starting a hub stays fast.
 */
public final class HubServer {
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private static final AtomicInteger HUBS = new AtomicInteger();

  private final HubSettings settings;
  private final HubStore store;
  private final CompletableFuture<Validator> validator = new CompletableFuture<>();
  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;
  private @Nullable ExecutorService bulkWorkers;
  private volatile @Nullable URI baseUrl;

  public HubServer(HubSettings settings) {
    this(settings, new MemoryStore());
  }

  /** A server over {@code store}, which the caller closes after {@link #stop()}. */
  public HubServer(HubSettings settings, HubStore store) {
    this.settings = settings;
    this.store = store;
  }

  /** Binds the port and starts serving. */
  public void start() throws IOException {
    int hub = HUBS.incrementAndGet();
    Thread warmer = new Thread(() -> {
      try {
        validator.complete(Validator.standard());
      } catch (RuntimeException | Error failure) {
        validator.completeExceptionally(failure);
      }
    }, "sstc-hub-" + hub + "-validator");
    warmer.setDaemon(true);
    warmer.start();

    // The JDK server leaves Nagle's algorithm on unless told otherwise: its separate writes of
    // headers and body then wait for the client's delayed ACK, about 40 ms a response. The flag
    // is read once per JVM, when the first server is made, so it is set before that.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 128);
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), daemonThreads("sstc-hub-" + hub + "-"));
    http.setExecutor(pool);
    // Bulk uploads validate records on every core while their request thread reads ahead.
    ExecutorService bulk = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
        daemonThreads("sstc-hub-" + hub + "-bulk-"));
    http.createContext("/", new HubHandler(settings, store, validator::join, this::baseUrl, bulk));
    http.start();
    this.server = http;
    this.executor = pool;
    this.bulkWorkers = bulk;
    this.baseUrl = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Numbered daemon threads ({@code prefix1}, {@code prefix2} ...): a hub never keeps a JVM alive. */
  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public URI baseUrl() {
    URI url = baseUrl;
    if (url == null) {
      throw new IllegalStateException("the hub is not started");
    }
    return url;
  }

  public int port() {
    return baseUrl().getPort();
  }

  /** The number of live (not deleted) records. */
  public int liveRecords() {
    return store.liveRecords();
  }

  /** Stops the server at once and its threads; requests in progress are cut off. */
  public void stop() {
    HttpServer http = server;
    if (http != null) {
      http.stop(0);
    }
    for (ExecutorService pool : new ExecutorService[] {executor, bulkWorkers}) {
      if (pool != null) {
        pool.shutdownNow();
        try {
          pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
