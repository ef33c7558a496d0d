package org.sstc.exchange.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Validator;

/**
 * Validates a file — a record, a package, or NDJSON (one record a line, by the {@code .ndjson}
 * or {@code .jsonl} extension) — and prints one line per issue and a summary.
 *
 * <pre>
 * java ... org.sstc.exchange.examples.ValidateFile my-package.json
 * java ... org.sstc.exchange.examples.ValidateFile            (the bundled sample)
 * </pre>
 *
 * <p>Exit status: 0 valid (warnings allowed), 1 invalid, 2 the file cannot be read.
 */
public final class ValidateFile {
  private ValidateFile() {}

  public static void main(String[] args) {
    int status = run(args, System.out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Validates {@code args[0]}, or the bundled sample package without arguments. */
  public static int run(String[] args, PrintStream out) {
    // Each issue prints as "pointer: severity code: message", e.g.
    // /initiatives/2/sdgs/0/target: error rule.sdg-target-goal: ...
    Consumer<Issue> print = out::println;

    // The streaming form checks one record at a time, so files of any size fit in memory.
    Validator.Summary summary;
    String name;
    if (args.length == 0) {
      name = "the bundled " + SamplePackage.RESOURCE;
      try (InputStream in = SamplePackage.open()) {
        summary = Validator.standard().validateStream(in, Validator.Format.JSON, print);
      } catch (IOException e) {
        out.println("Cannot read " + name + ": " + e.getMessage());
        return 2;
      }
    } else {
      Path file = Path.of(args[0]);
      name = file.toString();
      try (InputStream in = Files.newInputStream(file)) {
        summary = Validator.standard().validateStream(in, Validator.Format.of(file), print);
      } catch (IOException e) {
        out.println("Cannot read " + name + ": " + e);
        return 2;
      }
    }

    out.println(name + ": " + (summary.valid() ? "valid" : "INVALID") + " (" + summary.records()
        + " record(s), " + summary.errors() + " error(s), " + summary.warnings() + " warning(s))");
    return summary.valid() ? 0 : 1;
  }
}
