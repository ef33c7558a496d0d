package org.sstc.exchange.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sstc.exchange.hub.HubStorage;
import org.sstc.exchange.hub.SstcHub;
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
    description = {
      "Runs an SSTC Exchange hub on 127.0.0.1 until Ctrl-C: the whole exchange API, "
          + "with validation of every write, versions (ETag/If-Match), the change feed and bulk "
          + "upload. Its data is kept in DIR (--data), in PostgreSQL (--database), or in memory and "
          + "gone when it stops (--memory).",
      "Reads are open; writes need 'Authorization: Bearer TOKEN', and a token writes only its own "
          + "organisation's records."
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
      description = "Port on 127.0.0.1; 0 picks a free one. Default ${DEFAULT-VALUE}.")
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
        "A hub with --data or --database takes its tokens from its store: sstc tokens add."
      })
  Map<String, String> tokens = new LinkedHashMap<>();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, not " + port);
    }
    // Where the data is: exactly one of --data, --database, --memory; --token only with --memory
    // (a persistent hub's tokens are hashes in its store, never arguments every user can read).
    if (memory == !storage.absent()) {
      throw new ParameterException(spec.commandLine(), memory
          ? "give --memory, or --data DIR / --database URL, not both"
          : "say where the hub keeps its data: --data DIR (an embedded database in DIR, kept across restarts),"
              + " --database postgresql://HOST:PORT/DB, or --memory (gone when the hub stops)");
    }
    if (!memory && !tokens.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--token is for --memory only; a hub with --data or"
          + " --database keeps its tokens as hashes in its store: sstc tokens add --org ORG_ID (--data DIR | --database URL)");
    }
    HubStorage store = memory ? HubStorage.memory() : storage.open(spec);
    SstcHub.Builder builder = SstcHub.builder().port(port).storage(store);
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
      err.println("sstc: cannot start the hub on port " + port + ": " + rootMessage(e)
          + " (is another program using it? try --port 0)");
      return Sstc.USAGE_OR_IO;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      hub.close();
      store.close();
      stopped.countDown();
    }, "sstc-serve-shutdown"));
    if (memory) {
      out.println("SSTC hub listening on " + hub.baseUrl() + ", in memory ("
          + tokens.size() + (tokens.size() == 1 ? " organisation" : " organisations")
          + " with a token: " + String.join(", ", tokens.keySet()) + "). Ctrl-C stops it.");
      if (tokens.isEmpty()) {
        out.println("No --token given: reads work, every write will be refused with 401.");
      }
    } else {
      int stored = store.tokens().size();
      out.println("SSTC hub " + store.hubId() + " listening on " + hub.baseUrl() + ", data in "
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
