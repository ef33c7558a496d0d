package org.sstc.exchange.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sstc.exchange.hub.SstcHub;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sstc serve [--port N] [--token ORG_ID=TOKEN]...}: runs the in-memory reference hub on
 * loopback until interrupted.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Runs an in-memory SSTC Exchange hub on 127.0.0.1 until Ctrl-C: the whole exchange API, "
          + "with validation of every write, versions (ETag/If-Match), the change feed and bulk "
          + "upload. Data lives in memory and is gone when the hub stops.",
      "Reads are open; writes need 'Authorization: Bearer TOKEN', and a token writes only its own "
          + "organisation's records."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc serve --port 8080 --token XM-DAC-41301=fao-token --token XM-DAC-41114=undp-token",
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

  @Option(
      names = "--token",
      paramLabel = "ORG_ID=TOKEN",
      mapFallbackValue = "",
      description = {
        "A bearer token and the organisation (org-id) it writes for; repeat for more organisations.",
        "Without any, every write is refused (401)."
      })
  Map<String, String> tokens = new LinkedHashMap<>();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, not " + port);
    }
    SstcHub.Builder builder = SstcHub.builder().port(port);
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
      err.println("sstc: cannot start the hub on port " + port + ": " + rootMessage(e)
          + " (is another program using it? try --port 0)");
      return Sstc.USAGE_OR_IO;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      hub.close();
      stopped.countDown();
    }, "sstc-serve-shutdown"));
    out.println("SSTC hub listening on " + hub.baseUrl() + " ("
        + tokens.size() + (tokens.size() == 1 ? " organisation" : " organisations")
        + " with a token: " + String.join(", ", tokens.keySet()) + "). Ctrl-C stops it.");
    if (tokens.isEmpty()) {
      out.println("No --token given: reads work, every write will be refused with 401.");
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
