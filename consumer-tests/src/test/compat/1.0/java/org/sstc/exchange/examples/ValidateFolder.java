package org.sstc.exchange.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.sstc.exchange.core.Validator;

/**
 * Validates every {@code .json}, {@code .ndjson} and {@code .jsonl} file below a folder, as a
 * data team would in CI, and prints each issue with its file and JSON Pointer.
 *
 * <pre>
 * java ... org.sstc.exchange.examples.ValidateFolder data/
 * </pre>
 *
 * <p>Exit status: 0 when every file is valid (warnings allowed), 1 when some file is invalid, 2
 * when the folder cannot be read. (The {@code sstc validate} command line does the same, with
 * JSON, SARIF and JUnit output.)
 */
public final class ValidateFolder {
  private ValidateFolder() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ValidateFolder FOLDER");
      System.exit(2);
    }
    System.exit(run(Path.of(args[0]), System.out));
  }

  /** Validates the folder's files in name order; returns the exit status. */
  public static int run(Path folder, PrintStream out) {
    List<Path> files;
    try (Stream<Path> found = Files.walk(folder)) {
      files = found.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().matches(".*\\.(json|ndjson|jsonl)"))
          .sorted()
          .toList();
    } catch (IOException e) {
      out.println("Cannot read " + folder + ": " + e);
      return 2;
    }
    int invalid = 0;
    for (Path file : files) {
      String name = folder.relativize(file).toString();
      // The streaming form: one record at a time, so a file of any size fits in memory.
      try (InputStream in = Files.newInputStream(file)) {
        Validator.Summary summary = Validator.standard().validateStream(in, Validator.Format.of(file),
            issue -> out.println(name + ":" + issue));
        if (summary.errors() > 0) {
          invalid++;
        }
      } catch (IOException e) {
        out.println(name + ": cannot be read: " + e.getMessage());
        return 2;
      }
    }
    out.printf("%d file(s), %d invalid%n", files.size(), invalid);
    return invalid == 0 ? 0 : 1;
  }
}
