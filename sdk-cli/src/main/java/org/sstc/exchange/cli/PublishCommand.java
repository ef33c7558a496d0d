package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.BulkResult;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.client.SstcException;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.report.Inputs.Input;
import org.sstc.exchange.report.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sstc publish --hub URL PATH...}: validates files, then sends each valid one to a hub in one
 * bulk request (gzip NDJSON), and prints the hub's per-record report.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Publishes SSTC Exchange files to a hub: a package, a single record, or NDJSON records. "
          + "Each file is validated first and sent only if it is valid; records are created, "
          + "updated, or left unchanged when the hub already has them as they are, so publishing "
          + "the same file twice is safe.",
      "The bearer token is read from the SSTC_TOKEN environment variable."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every record was accepted (created, updated or unchanged)",
      "1:some file is invalid or some record was rejected",
      "2:usage error, a file cannot be read, or the hub cannot be reached or refused the token",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  SSTC_TOKEN=... sstc publish --hub https://hub.example.org package.json",
      "  SSTC_TOKEN=... sstc publish --hub http://127.0.0.1:8080 data/"
    })
final class PublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HubOptions hubOptions;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A file, or a directory: every *.json, *.ndjson and *.jsonl file below it.")
  List<String> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Input> inputs = Inputs.expand(paths);
    if (inputs.isEmpty()) {
      err.println("sstc: no *.json, *.ndjson or *.jsonl files found in " + String.join(", ", paths));
      return Sstc.USAGE_OR_IO;
    }
    Validator validator = Validator.standard();
    SstcJson json = SstcJson.standard();
    long accepted = 0;
    long refused = 0;
    boolean ioFailure = false;
    try (SstcClient client = hubOptions.client(true)) {
      for (Input input : inputs) {
        String problem = input.problem();
        if (problem != null) {
          err.println("sstc: cannot read " + input.name() + ": " + problem);
          ioFailure = true;
          continue;
        }
        Path path = Objects.requireNonNull(input.path(), "an input without a problem has a path");
        long errors;
        try {
          errors = validateFirst(validator, input, out);
        } catch (IOException e) {
          err.println("sstc: cannot read " + input.name() + ": " + Inputs.reason(e));
          ioFailure = true;
          continue;
        }
        if (errors > 0) {
          out.println(input.name() + ": not sent: " + errors + (errors == 1 ? " error" : " errors")
              + " (fix them, then publish again)");
          refused++;
          continue;
        }
        BulkReport report;
        try {
          report = send(client, json, path);
        } catch (IOException | UncheckedIOException e) {
          err.println("sstc: cannot read " + input.name() + ": "
              + Inputs.reason(e instanceof IOException io ? io : ((UncheckedIOException) e).getCause()));
          ioFailure = true;
          continue;
        } catch (SstcException e) {
          err.println("sstc: " + input.name() + " was not published: " + e.getMessage());
          return Sstc.USAGE_OR_IO;
        }
        out.println(input.name() + ": " + report.received() + " records: " + report.created() + " created, "
            + report.updated() + " updated, " + report.unchanged() + " unchanged, "
            + report.rejected() + " rejected");
        for (BulkResult result : report.results()) {
          for (Issue issue : result.issues()) {
            out.println(input.name() + "#" + result.index()
                + (result.id().isPresent() ? " (" + result.id().get() + ")" : "") + " " + issue);
          }
        }
        accepted += report.received() - report.rejected();
        refused += report.rejected();
        out.flush();
      }
    }
    out.println(accepted + " records accepted, " + refused + " refused");
    out.flush();
    if (ioFailure) {
      return Sstc.USAGE_OR_IO;
    }
    return refused > 0 ? Sstc.INVALID : Sstc.OK;
  }

  /** Validates a file as a stream, printing its errors; returns how many there are. */
  private static long validateFirst(Validator validator, Input input, PrintWriter out) throws IOException {
    Path path = Objects.requireNonNull(input.path(), "an input without a problem has a path");
    try (InputStream in = Files.newInputStream(path)) {
      return validator.validateStream(in, Validator.Format.of(path), issue -> {
        if (issue.isError()) {
          out.println(input.name() + ":" + issue);
        }
      }).errors();
    }
  }

  /**
   * Sends one file that {@link #validateFirst} found valid: a package as it is, records (one or
   * an NDJSON stream) as a bulk upload. It is bound without being validated again.
   */
  private static BulkReport send(SstcClient client, SstcJson json, Path path) throws IOException {
    if (Validator.Format.of(path) == Validator.Format.NDJSON) {
      // Read lazily, one line at a time: the client streams them out as they are read.
      try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
        return client.publish(lines.filter(line -> !line.isBlank())
            .map(line -> json.bind(json.readTree(line.getBytes(StandardCharsets.UTF_8)), SstcRecord.class)));
      }
    }
    SstcRecord record = json.bind(json.readTree(Files.readAllBytes(path)), SstcRecord.class);
    if (record instanceof RecordPackage pkg) {
      return client.publish(pkg);
    }
    return client.publish(Stream.of(record));
  }
}
