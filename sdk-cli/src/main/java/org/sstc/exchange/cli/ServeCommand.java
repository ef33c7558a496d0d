package org.sstc.exchange.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.hub.HubStorage;
import org.sstc.exchange.hub.SstcHub;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sstc serve (--data DIR | --database URL | --memory [--token ORG_ID=TOKEN]...) [--port N]}:
 * runs the hub until interrupted.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    defaultValueProvider = ServeCommand.Environment.class,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {Sstc.EXIT_DONE, Sstc.EXIT_USAGE_OR_STORE, Sstc.EXIT_INTERNAL},
    description = {
      "Runs an SSTC Exchange hub on 127.0.0.1 (or --bind) until Ctrl-C: the whole exchange API, "
          + "with validation of every write, versions (ETag/If-Match), the change feed and bulk "
          + "upload. Its data is kept in DIR (--data), in PostgreSQL (--database), or in memory and "
          + "gone when it stops (--memory).",
      "Reads are open; writes need 'Authorization: Bearer TOKEN', and a token writes only its own "
          + "organisation's records.",
      "Every option can also be set in the environment: SSTC_ and its long name in capitals, '-' as"
          + " '_' (SSTC_PORT, SSTC_BIND, SSTC_TRUSTED_PROXY=ADDR,ADDR, ...; SSTC_TOKENS=ORG_ID=TOKEN,..."
          + " keeps tokens out of the process arguments). An option on the command line wins. The same holds"
          + " for sstc tokens and sstc hub (SSTC_DATA, SSTC_DATABASE, SSTC_ORG, SSTC_OUT, SSTC_IN)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc serve --data hub-data --port 8080      (tokens: sstc tokens add --org ORG_ID --data hub-data)",
      "  sstc serve --memory --port 8080 --token XM-DAC-41301=fao-token --token XM-DAC-41114=undp-token",
      "  SSTC_TOKEN=fao-token sstc publish --hub http://127.0.0.1:8080 package.json"
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port; 0 picks a free one. Default ${DEFAULT-VALUE}; env SSTC_PORT.")
  int port;

  @Mixin StorageOptions storage;

  @Option(
      names = "--memory",
      description = "Keep everything in memory, gone when the hub stops (tests, demos); tokens from --token.")
  boolean memory;

  @Option(
      names = "--token",
      paramLabel = "ORG_ID=TOKEN",
      mapFallbackValue = "",
      description = {
        "With --memory: a bearer token and the organisation (org-id) it writes for; repeat for more.",
        "A hub with --data or --database takes its tokens from its store: sstc tokens add. Env"
            + " SSTC_TOKENS, entries separated by ','."
      })
  Map<String, String> tokens = new LinkedHashMap<>();

  // ---- the HTTP server (env SSTC_<NAME> for each, see Environment) ----

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for every interface (in a container). Default ${DEFAULT-VALUE}; env SSTC_BIND.")
  String bind = "127.0.0.1";

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDR",
      split = ",",
      description = {
        "A proxy (IP address or network, e.g. 10.0.0.0/8) whose X-Forwarded-Proto/Host/Port/For or"
            + " Forwarded headers are believed, so that links say the public https URL; repeatable."
            + " From other peers the headers are ignored. Env SSTC_TRUSTED_PROXY, ',' between entries."
      })
  List<String> trustedProxies = new ArrayList<>();

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "A connection silent this long is closed. Default ${DEFAULT-VALUE}; env SSTC_IDLE_TIMEOUT.")
  int idleTimeout = 30;

  @Option(
      names = "--header-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "A request head (line and headers) must arrive within this. Default ${DEFAULT-VALUE}; env SSTC_HEADER_TIMEOUT.")
  int headerTimeout = 10;

  @Option(
      names = "--body-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "A request body stalled this long is closed. Default ${DEFAULT-VALUE}; env SSTC_BODY_TIMEOUT.")
  int bodyTimeout = 10;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Connections served at once; more wait. Default ${DEFAULT-VALUE}; env SSTC_MAX_CONNECTIONS.")
  int maxConnections = 1000;

  @Option(
      names = "--shutdown-grace",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "On Ctrl-C or SIGTERM, requests in flight get this long to finish. Default ${DEFAULT-VALUE}; env SSTC_SHUTDOWN_GRACE.")
  int shutdownGrace = 10;

  @Option(
      names = "--access-log",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "One line per request on stderr (never a token or a body); --no-access-log for none."
          + " Default ${DEFAULT-VALUE}; env SSTC_ACCESS_LOG.")
  boolean accessLog = true;

  // ---- limits (env SSTC_<NAME> for each) ----

  @Option(
      names = "--pool-size",
      paramLabel = "N",
      defaultValue = "10",
      description = "With --database only (a usage error with --data or --memory): connections this node keeps open"
          + " to PostgreSQL (N nodes need N times this from the server's max_connections). Default ${DEFAULT-VALUE};"
          + " env SSTC_POOL_SIZE.")
  int poolSize = HubStorage.DEFAULT_POOL_SIZE;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "200",
      description = "Request threads: requests handled at once. Default ${DEFAULT-VALUE}; env SSTC_THREADS.")
  int threads = 200;

  @Option(
      names = "--max-record-bytes",
      paramLabel = "BYTES",
      defaultValue = "1048576",
      description = "Largest body of a single-record write (POST, PUT); larger ones get 413. Default"
          + " ${DEFAULT-VALUE} (1 MiB); env SSTC_MAX_RECORD_BYTES.")
  int maxRecordBytes = 1 << 20;

  @Option(
      names = "--max-bulk-bytes",
      paramLabel = "BYTES",
      defaultValue = "268435456",
      description = "Largest bulk upload (POST /packages), after decompression; larger ones get 413. Default"
          + " ${DEFAULT-VALUE} (256 MiB); env SSTC_MAX_BULK_BYTES.")
  long maxBulkBytes = 256L << 20;

  /** True when --pool-size was on the command line or SSTC_POOL_SIZE in the environment. */
  private boolean poolSizeGiven() {
    return spec.commandLine().getParseResult().hasMatchedOption("--pool-size")
        || environment.apply(Environment.variable("--pool-size")) != null;
  }

  /** Where the options' environment variables are read; tests replace it. */
  static Function<String, @Nullable String> environment = System::getenv;

  /**
   * Each option's default from the environment: {@code --trusted-proxy} from {@code
   * SSTC_TRUSTED_PROXY} and so on (picocli splits a repeatable option's value at its {@code split}).
   */
  static final class Environment implements CommandLine.IDefaultValueProvider {
    @Override
    public @Nullable String defaultValue(CommandLine.Model.ArgSpec argSpec) {
      if (!(argSpec instanceof CommandLine.Model.OptionSpec option) || option.usageHelp() || option.versionHelp()) {
        return null;
      }
      if (option.longestName().equals("--token")) {
        return null; // a map: read by tokensFromEnvironment, which splits it
      }
      return environment.apply(variable(option.longestName()));
    }

    static String variable(String longName) {
      return "SSTC_" + longName.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }
  }

  /**
   * {@code SSTC_TOKENS=ORG_ID=TOKEN,ORG_ID=TOKEN}, used when no --token is given; not {@code
   * SSTC_TOKEN}, which {@code sstc publish} reads as the one token it writes with.
   */
  void tokensFromEnvironment() {
    String value = environment.apply("SSTC_TOKENS");
    if (!tokens.isEmpty() || value == null || value.isBlank()) {
      return;
    }
    for (String entry : value.split(",")) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new ParameterException(spec.commandLine(),
            "SSTC_TOKENS takes ORG_ID=TOKEN entries separated by ',' (an entry has no '=' or nothing after it)");
      }
      tokens.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
    }
  }

  /** The hub these options describe, not started. */
  SstcHub.Builder hubBuilder() {
    SstcHub.Builder builder = SstcHub.builder().port(port);
    positive(threads, "--threads", "threads");
    positive(maxRecordBytes, "--max-record-bytes", "bytes");
    positive(maxBulkBytes, "--max-bulk-bytes", "bytes");
    try {
      builder.bind(bind)
          .trustedProxies(trustedProxies.toArray(new String[0]))
          .idleTimeout(seconds(idleTimeout, "--idle-timeout"))
          .headerTimeout(seconds(headerTimeout, "--header-timeout"))
          .bodyReadTimeout(seconds(bodyTimeout, "--body-timeout"))
          .maxConnections(maxConnections)
          .shutdownGracePeriod(Duration.ofSeconds(Math.max(0, shutdownGrace)))
          .accessLog(accessLog)
          .threads(threads)
          .maxRecordBytes(maxRecordBytes)
          .maxBulkBytes(maxBulkBytes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return builder;
  }

  private void positive(long value, String option, String unit) {
    if (value <= 0) {
      throw new ParameterException(spec.commandLine(), option + " takes a number of " + unit + " above 0, not " + value
          + " (env " + Environment.variable(option) + ")");
    }
  }

  private Duration seconds(int value, String option) {
    if (value <= 0) {
      throw new ParameterException(spec.commandLine(), option + " takes a number of seconds above 0, not " + value);
    }
    return Duration.ofSeconds(value);
  }

  /** Access log lines, one per request, to stderr as they are (the JDK logger's format takes two lines). */
  private static void accessLogTo(PrintWriter err) {
    java.util.logging.Logger access = java.util.logging.Logger.getLogger("org.sstc.exchange.hub.access");
    access.setUseParentHandlers(false);
    access.setLevel(java.util.logging.Level.INFO);
    access.addHandler(new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        synchronized (err) {
          err.println(record.getMessage());
          err.flush();
        }
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
        err.flush();
      }
    });
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, not " + port);
    }
    tokensFromEnvironment();
    // Where the data is: exactly one of --data, --database, --memory; --token only with --memory
    // (a persistent hub's tokens are hashes in its store, never arguments every user can read).
    if (memory == !storage.absent()) {
      throw new ParameterException(spec.commandLine(), memory
          ? "give --memory, or --data DIR / --database URL, not both"
          : "say where the hub keeps its data: --data DIR (an embedded database in DIR, kept across restarts),"
              + " --database postgresql://HOST:PORT/DB, or --memory (gone when the hub stops)");
    }
    if (!memory && !tokens.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--token (or SSTC_TOKENS) is for --memory only; a hub with"
          + " --data or --database keeps its tokens as hashes in its store: sstc tokens add --org ORG_ID"
          + " (--data DIR | --database URL)");
    }
    if (poolSize < 1 || poolSize > 1000) {
      throw new ParameterException(spec.commandLine(), "--pool-size takes 1 to 1000 connections, not " + poolSize
          + " (env SSTC_POOL_SIZE)");
    }
    // The pool is PostgreSQL's alone (an embedded or memory hub has no connections to size): an
    // operator who sets it elsewhere expects it to act, so say it does not rather than ignore it.
    if (storage.database == null && poolSizeGiven()) {
      throw new ParameterException(spec.commandLine(), "--pool-size (or SSTC_POOL_SIZE) is for --database only: "
          + (memory ? "a --memory hub" : "a --data hub (one embedded database file)") + " has no connection pool;"
          + " leave it out, or keep the data in PostgreSQL with --database postgresql://HOST:PORT/DB");
    }
    SstcHub.Builder builder = hubBuilder();
    HubStorage store = memory ? HubStorage.memory() : storage.open(spec, poolSize);
    builder.storage(store);
    if (accessLog) {
      accessLogTo(err);
    }
    for (Map.Entry<String, String> token : tokens.entrySet()) {
      if (token.getKey().isBlank() || token.getValue().isBlank()) {
        throw new ParameterException(spec.commandLine(),
            "--token takes ORG_ID=TOKEN, e.g. --token XM-DAC-41301=s3cret (the org-id, '=', then the token)");
      }
      builder.token(token.getKey(), token.getValue());
    }
    SstcHub hub = builder.build();
    try {
      hub.start();
    } catch (RuntimeException e) {
      store.close();
      err.println("sstc: cannot start the hub on " + bind + ":" + port + ": " + rootMessage(e)
          + " (is another program using it? try --port 0)");
      return Sstc.USAGE_OR_IO;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      err.println("sstc: stopping; requests in flight get up to " + shutdownGrace + " s to finish");
      err.flush();
      hub.close();
      store.close();
      stopped.countDown();
    }, "sstc-serve-shutdown"));
    String bound = bind.equals("127.0.0.1") ? "" : " (bound to " + bind + ")";
    if (memory) {
      out.println("SSTC hub listening on " + hub.baseUrl() + bound + ", in memory ("
          + tokens.size() + (tokens.size() == 1 ? " organisation" : " organisations")
          + " with a token: " + String.join(", ", tokens.keySet()) + "). Ctrl-C stops it.");
      if (tokens.isEmpty()) {
        out.println("No --token given: reads work, every write will be refused with 401.");
      }
    } else {
      int stored;
      try {
        stored = store.tokens().size();
      } catch (RuntimeException e) {
        hub.close();
        store.close();
        throw storage.failed("reading its tokens", e);
      }
      out.println("SSTC hub " + store.hubId() + " listening on " + hub.baseUrl() + bound + ", data in "
          + (storage.data != null ? storage.data : "PostgreSQL") + " (" + stored + (stored == 1 ? " token" : " tokens")
          + "). Ctrl-C stops it.");
      if (stored == 0) {
        out.println("No tokens yet: reads work, every write will be refused with 401 until sstc tokens add.");
      }
    }
    out.flush();
    stopped.await();
    return Sstc.OK;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
