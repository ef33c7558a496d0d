package org.sstc.exchange.hub.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Validator;

/**
 * The running hub: Jetty 12 (its core API, no servlets) with the hub's timeouts and limits, the
 * store, the validator and the operations routes.
 *
 * <p>The validator compiles the standard's schemas when it is first used, which takes a while on
 * a slow machine; it warms up on a background thread from {@link #start()} on, and the first
 * write waits for it, so that starting a hub stays fast.
 */
public final class HubServer {
  private static final AtomicInteger HUBS = new AtomicInteger();

  private final HubSettings settings;
  private final ServerSettings server;
  private final HubStore store;
  private final CompletableFuture<Validator> validator = new CompletableFuture<>();
  private final Operations operations;
  private @Nullable Server jetty;
  private @Nullable Watchdog watchdog;
  private @Nullable ExecutorService bulkWorkers;
  private volatile @Nullable URI baseUrl;

  /** A server over {@code store}, which the caller closes after {@link #stop()}. */
  public HubServer(HubSettings settings, ServerSettings server, HubStore store) {
    this.settings = settings;
    this.server = server;
    this.store = store;
    this.operations = new Operations(store::ready, server.accessLog());
    store.bindMetrics(operations.registry());
  }

  /** Where the store binds its own meters (a connection pool's, for instance). */
  public MeterRegistry meters() {
    return operations.registry();
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

    InetAddress bind = InetAddress.getByName(server.bind());
    QueuedThreadPool pool = new QueuedThreadPool(server.threads(), Math.min(8, server.threads()));
    pool.setName("sstc-hub-" + hub);
    pool.setDaemon(true);
    Server http = new Server(pool);
    http.setStopTimeout(server.gracePeriod().toMillis());
    http.setStopAtShutdown(false);

    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setRequestHeaderSize(server.maxRequestHeaderBytes());
    config.setIdleTimeout(server.idleTimeout().toMillis());
    config.setHttpCompliance(HttpCompliance.RFC9110);
    // The hub decodes path segments itself (Call): an encoded '/' or '%' in an id is its business.
    config.setUriCompliance(UriCompliance.UNSAFE);
    ServerConnector connector = new ServerConnector(http, 1, 1, new HttpConnectionFactory(config));
    connector.setHost(bind.getHostAddress());
    connector.setPort(settings.port());
    connector.setIdleTimeout(server.idleTimeout().toMillis());
    connector.setAcceptQueueSize(128);
    connector.setReuseAddress(true);
    Watchdog dog = new Watchdog(server.headerTimeout(), server.bodyReadTimeout(), "sstc-hub-" + hub + "-watchdog");
    connector.addEventListener(dog);
    http.addConnector(connector);
    http.addBean(new NetworkConnectionLimit(server.maxConnections(), connector));

    // Bulk uploads validate records on every core while their request thread reads ahead.
    ExecutorService bulk = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
        daemonThreads("sstc-hub-" + hub + "-bulk-"));
    URI local = URI.create("http://" + host(bind) + ":");
    Edge[] edge = new Edge[1];
    GracefulHandler graceful = new GracefulHandler();
    http.setHandler(graceful);
    http.setErrorHandler(new ProblemErrors());
    try {
      // The port is known once the connector is open; the edge needs it for links.
      connector.open();
      URI base = URI.create(local + Integer.toString(connector.getLocalPort()));
      edge[0] = new Edge(new HubHandler(settings, store, validator::join, bulk), operations,
          new TrustedProxies(server.trustedProxies()), dog, base, settings.maxRecordBytes(), pool);
      graceful.setHandler(edge[0]);
      http.start();
      this.baseUrl = base;
    } catch (IOException e) {
      stopQuietly(http, dog, bulk);
      throw e;
    } catch (Exception e) {
      stopQuietly(http, dog, bulk);
      throw new IOException(e.getMessage(), e);
    }
    this.jetty = http;
    this.watchdog = dog;
    this.bulkWorkers = bulk;
  }

  /** The host part of the base URL: a wildcard address is reachable on loopback. */
  private static String host(InetAddress bind) {
    if (bind.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String text = bind.getHostAddress();
    return text.indexOf(':') >= 0 ? "[" + text + "]" : text;
  }

  private static void stopQuietly(Server http, Watchdog dog, ExecutorService bulk) {
    try {
      http.stop();
    } catch (Exception ignored) {
      // it did not start
    }
    dog.stop();
    bulk.shutdownNow();
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

  /** {@code http://HOST:PORT}, without a trailing slash. */
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

  /**
   * Stops accepting connections, lets the requests in flight finish within the grace period
   * (new requests on open connections get 503), then stops the server and its threads.
   */
  public void stop() {
    Server http = jetty;
    if (http != null) {
      try {
        http.stop();
      } catch (Exception e) {
        // the grace period ran out: the requests still running were cut off
      }
    }
    Watchdog dog = watchdog;
    if (dog != null) {
      dog.stop();
    }
    ExecutorService bulk = bulkWorkers;
    if (bulk != null) {
      bulk.shutdownNow();
      try {
        bulk.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    operations.close();
  }
}
