package org.sstc.exchange.cli;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.cli.internal.PathArgument;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
  /** A bulk request carries at most this many bytes of record JSON (the hub takes far more). */
  static final long BATCH_BYTES = 8L << 20;

  @Spec CommandSpec spec;

  @Mixin HubOptions hubOptions;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "500",
      description = "Records in one bulk request, from as many files as it takes (default "
          + "${DEFAULT-VALUE}; at most 8 MiB of JSON). A lost response costs one request again.")
  int batchSize;

  @Option(
      names = "--progress",
      description = "Print progress on standard error (shown anyway when it is a terminal).")
  boolean progress;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A file, or a directory: every *.json, *.ndjson and *.jsonl file below it; - "
          + "reads a package, a record or NDJSON records from standard input.")
  List<String> paths;

  /** What the hub did with one file's records; printed once every record of it is reported. */
  private static final class FileReport {
    final String name;
    long records = -1; // -1 while the file is still being read
    long reported;
    long created;
    long updated;
    long unchanged;
    long rejected;
    final List<String> issues = new ArrayList<>();

    FileReport(String name) {
      this.name = name;
    }

    boolean complete() {
      return records >= 0 && reported == records;
    }
  }

  /** Where a record of a batch came from: its file and its position there. */
  private record Origin(FileReport file, int index) {}

  /** Records on their way, from one file or many, sent as one replayable bulk request. */
  private final class Batch {
    final List<SstcRecord> records = new ArrayList<>();
    final List<Origin> origins = new ArrayList<>();
    long bytes;
  }

  private @Nullable SstcClient client;
  private final Deque<FileReport> pending = new ArrayDeque<>();
  private Batch batch = new Batch();
  private long accepted;
  private long refused;
  private long sent;
  private long requests;
  /** Records this command validated (each once: the client sends them without checking again). */
  private long validated;
  private int filesDone;
  private int filesTotal;
  private boolean showProgress;
  private boolean terminal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (batchSize < 1 || batchSize > 10_000) {
      throw new ParameterException(spec.commandLine(), "--batch-size must be 1 to 10000, not " + batchSize);
    }
    PathArgument.refuseRepeatedDash(spec, paths);
    List<Input> inputs = Inputs.expand(paths);
    if (inputs.isEmpty()) {
      err.println("sstc: no *.json, *.ndjson or *.jsonl files found in " + String.join(", ", paths)
          + ": name the files, or a folder that holds some");
      return Sstc.USAGE_OR_IO;
    }
    filesTotal = inputs.size();
    terminal = System.console() != null;
    showProgress = progress || terminal;
    Validator validator = Validator.standard();
    SstcJson json = SstcJson.standard();
    boolean ioFailure = false;
    try (SstcClient opened = hubOptions.writer()) {
      client = opened;
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
          if (PathArgument.isDash(path) && standardInput == null) {
            standardInput = PathArgument.readAll(path, MAX_STANDARD_INPUT, "save it to a file and publish that");
          }
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
          filesDone++;
          continue;
        }
        FileReport file = new FileReport(input.name());
        pending.add(file);
        try {
          file.records = queue(json, path, file);
        } catch (IOException | UncheckedIOException e) {
          err.println("sstc: cannot read " + input.name() + ": "
              + Inputs.reason(e instanceof IOException io ? io : ((UncheckedIOException) e).getCause()));
          ioFailure = true;
          file.records = file.reported; // what was queued before the failure is still reported
          file.records += batch.origins.stream().filter(origin -> origin.file() == file).count();
        }
        printFinished(out, err);
      }
      send(out, err);
    } catch (SstcException e) {
      clearProgress(err);
      err.println("sstc: the bulk upload of " + describePending() + " failed: " + HubOptions.explain(e)
          + " (publishing again is safe: records the hub already has are left unchanged)");
      out.flush();
      return Sstc.USAGE_OR_IO;
    }
    clearProgress(err);
    if (showProgress) {
      err.println("sstc: " + validated + (validated == 1 ? " record" : " records")
          + " validated, each once, before sending (the hub checks what it receives itself)");
    }
    out.println(accepted + (accepted == 1 ? " record" : " records") + " accepted, " + refused + " refused"
        + (requests > 1 ? " (" + requests + " bulk requests)" : ""));
    out.flush();
    if (ioFailure) {
      return Sstc.USAGE_OR_IO;
    }
    return refused > 0 ? Sstc.INVALID : Sstc.OK;
  }

  /** The most standard input read: it is kept in memory (validated, then sent); larger input belongs in a file. */
  static final int MAX_STANDARD_INPUT = 64 << 20;

  /** Standard input, read once for {@code -} and kept for the second reading. */
  private byte @Nullable [] standardInput;

  /** The file, or standard input as read for {@code -}. */
  private InputStream open(Path path) throws IOException {
    byte[] stdin = standardInput;
    if (stdin != null && PathArgument.isDash(path)) {
      return new ByteArrayInputStream(stdin);
    }
    return PathArgument.open(path);
  }

  /** NDJSON by its name; standard input by its content. */
  private Validator.Format format(Path path) {
    byte[] stdin = standardInput;
    return PathArgument.format(path, stdin != null && PathArgument.isDash(path) ? stdin : new byte[0]);
  }

  /** Validates a file as a stream, printing its errors; returns how many there are. */
  private long validateFirst(Validator validator, Input input, PrintWriter out) throws IOException {
    Path path = Objects.requireNonNull(input.path(), "an input without a problem has a path");
    try (InputStream in = open(path)) {
      Validator.Summary summary = validator.validateStream(in, format(path), issue -> {
        if (issue.isError()) {
          out.println(input.name() + ":" + issue);
        }
      });
      validated += summary.records();
      return summary.errors();
    }
  }

  /**
   * Adds the records of a file that {@link #validateFirst} found valid to the batch (sending full
   * batches on the way): a package's initiatives, then its organisations; a single record; or an
   * NDJSON file's records, read line by line. They are bound without being validated again.
   *
   * @return how many records the file holds
   */
  private long queue(SstcJson json, Path path, FileReport file) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int index = 0;
    if (format(path) == Validator.Format.NDJSON) {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
          add(json.bind(json.readTree(bytes), SstcRecord.class), new Origin(file, index++), bytes.length, out, err);
        }
      }
      return index;
    }
    byte[] bytes;
    try (InputStream in = open(path)) {
      bytes = in.readAllBytes();
    }
    SstcRecord record = json.bind(json.readTree(bytes), SstcRecord.class);
    List<SstcRecord> records = new ArrayList<>();
    if (record instanceof RecordPackage pkg) {
      records.addAll(pkg.initiatives());
      records.addAll(pkg.organisations());
    } else {
      records.add(record);
    }
    long share = records.isEmpty() ? 0 : bytes.length / records.size();
    for (SstcRecord each : records) {
      add(each, new Origin(file, index++), share, out, err);
    }
    return index;
  }

  private void add(SstcRecord record, Origin origin, long bytes, PrintWriter out, PrintWriter err) {
    if (!batch.records.isEmpty() && (batch.records.size() >= batchSize || batch.bytes + bytes > BATCH_BYTES)) {
      send(out, err);
    }
    batch.records.add(record);
    batch.origins.add(origin);
    batch.bytes += bytes;
  }

  /** Sends the batch (retried with one idempotency key), files its results, prints what is done. */
  private void send(PrintWriter out, PrintWriter err) {
    if (batch.records.isEmpty()) {
      return;
    }
    Batch sending = batch;
    SstcClient hub = Objects.requireNonNull(client, "send() runs inside call()");
    BulkReport report = hub.publish(sending.records);
    batch = new Batch();
    requests++;
    sent += sending.records.size();
    for (BulkResult result : report.results()) {
      if (result.index() < 0 || result.index() >= sending.origins.size()) {
        for (Issue issue : result.issues()) {
          out.println("sstc: the hub reports on the request: " + issue);
        }
        continue;
      }
      Origin origin = sending.origins.get((int) result.index());
      FileReport file = origin.file();
      file.reported++;
      switch (result.status()) {
        case CREATED -> file.created++;
        case UPDATED -> file.updated++;
        case UNCHANGED -> file.unchanged++;
        default -> file.rejected++;
      }
      for (Issue issue : result.issues()) {
        file.issues.add(file.name + "#" + origin.index()
            + (result.id().isPresent() ? " (" + result.id().get() + ")" : "") + " " + issue);
      }
    }
    printFinished(out, err);
    if (showProgress) {
      err.print((terminal ? "\r" : "") + "sstc: " + sent + (sent == 1 ? " record" : " records") + " sent in " + requests
          + (requests == 1 ? " request" : " requests") + ", " + filesDone + " of " + filesTotal + " files done" + (terminal ? " " : "\n"));
      err.flush();
    }
  }

  /** Prints every file at the head of the queue whose records are all reported. */
  private void printFinished(PrintWriter out, PrintWriter err) {
    while (!pending.isEmpty() && pending.peekFirst().complete()) {
      FileReport file = pending.removeFirst();
      clearProgress(err);
      out.println(file.name + ": " + file.records + (file.records == 1 ? " record: " : " records: ")
          + file.created + " created, " + file.updated + " updated, " + file.unchanged + " unchanged, "
          + file.rejected + " rejected");
      file.issues.forEach(out::println);
      accepted += file.records - file.rejected;
      refused += file.rejected;
      filesDone++;
      out.flush();
    }
  }

  private void clearProgress(PrintWriter err) {
    if (showProgress && terminal) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private String describePending() {
    List<String> names = pending.stream().map(file -> file.name).toList();
    return names.isEmpty() ? "the last records"
        : names.size() == 1 ? names.get(0)
        : names.get(0) + " and " + (names.size() - 1) + (names.size() == 2 ? " other file" : " other files");
  }
}
