package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.cli.internal.Plural;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.report.Inputs;
import org.sstc.exchange.sheets.SheetIssue;
import org.sstc.exchange.sheets.Spreadsheets;
import org.sstc.exchange.sheets.Unflattened;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sstc unflatten DIR --out package.json}: reads the CSV files of {@code sstc flatten} (as
 * edited in a spreadsheet) back into a package, validates it, and writes it only if it is valid.
 * Every issue is printed with its file, row and column.
 */
@Command(
    name = "unflatten",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Reads a folder of CSV files in the layout of 'sstc flatten' back into a package and checks "
          + "it against the standard. Each issue is printed as "
          + "'DIR/file.csv row R column C (header): severity code: message'.",
      "The package is written only when there is no error (warnings allowed), or, with "
          + "--incomplete, when every cell could be read: a package still to complete (an import "
          + "flattened with its issues.csv) comes back as it is. issues.csv is not read: the sheets "
          + "are checked afresh."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the package was written (warnings allowed)",
      "1:the sheets hold errors (printed); nothing is written, except with --incomplete when "
          + "the errors are the standard's only (no csv.* error): then the package is written",
      "2:usage error, the folder cannot be read, or the output cannot be written",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sstc unflatten sheets/ --out package.json", "  sstc unflatten sheets/ --out - | sstc publish --hub URL -"})
final class UnflattenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The folder of CSV files (package.csv, initiatives.csv, …). A folder: - (standard input) "
          + "cannot stand for it.")
  Path dir;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "The package file to write (JSON); replaced atomically if it exists. - writes it to "
          + "standard output (and the issues and the summary to standard error).")
  Path out;

  @Option(
      names = "--incomplete",
      description = "Write the package even if it breaks the standard (an import still to complete), "
          + "as long as the sheets could be read throughout (no csv.* error); the exit status is 1 then.")
  boolean incomplete;

  /** Heap a byte of CSV takes once unflattened, validated and written (measured: about 15). */
  static final long MEMORY_PER_CSV_BYTE = 24;
  /** The sheets' own limit on one file (Spreadsheets' default). */
  private static final long MAX_FILE_BYTES = 32L << 20;

  private static long mebibytes(long bytes) {
    return (bytes + (1 << 19)) >> 20;
  }

  @Override
  public Integer call() {
    PathArgument.refuseDashForFolder(spec, "DIR", dir);
    boolean toStdout = PathArgument.isDash(out);
    PrintWriter err = spec.commandLine().getErr();
    // With --out -, standard output carries the package alone: what is said goes to standard error.
    PrintWriter messages = toStdout ? err : spec.commandLine().getOut();
    String outName = toStdout ? "the package" : out.toString();
    if (!Files.isDirectory(dir)) {
      err.println("sstc: " + dir + " is not a folder; give the folder 'sstc flatten' wrote");
      return Sstc.USAGE_OR_IO;
    }
    // The package is built in memory: sheets larger than this Java can hold are refused before
    // they are read (csv.limit), rather than failing half-way with an out-of-memory error.
    long budget = Runtime.getRuntime().maxMemory() / MEMORY_PER_CSV_BYTE;
    long total;
    try (Stream<Path> files = Files.list(dir)) {
      total = files.filter(file -> file.getFileName().toString().endsWith(".csv") && Files.isRegularFile(file))
          .mapToLong(file -> {
            try {
              return Files.size(file);
            } catch (IOException e) {
              return 0; // reported when it is read
            }
          }).sum();
    } catch (IOException e) {
      err.println("sstc: cannot read " + dir + ": " + Inputs.reason(e));
      return Sstc.USAGE_OR_IO;
    }
    if (total > budget) {
      messages.println(dir + ": error csv.limit: the sheets hold " + mebibytes(total) + " MiB, more than this Java "
          + "can unflatten with its memory (" + mebibytes(budget) + " MiB of sheets for a heap of "
          + mebibytes(Runtime.getRuntime().maxMemory()) + " MiB): give Java more memory (java -Xmx4g -jar sstc.jar ...) "
          + "or split the package");
      messages.println(outName + " not written: 1 error, 0 warnings");
      return Sstc.INVALID;
    }
    Unflattened result;
    try {
      result = Spreadsheets.builder().maxFileBytes(Math.max(1, Math.min(MAX_FILE_BYTES, budget))).build().unflatten(dir);
    } catch (UncheckedIOException e) {
      err.println("sstc: cannot read " + dir + ": " + Inputs.reason(e.getCause()));
      return Sstc.USAGE_OR_IO;
    }
    for (SheetIssue issue : result.issues()) {
      messages.println(located(issue));
    }
    int errors = result.report().errors().size();
    int warnings = result.report().warnings().size();
    if (result.pkg().isEmpty() && incomplete && result.readable()) {
      byte[] json = result.packageJson().orElseThrow();
      String text = JsonStreams.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(SstcJson.standard().readTree(json)) + "\n";
      if (!emit(text, toStdout, err)) {
        return Sstc.USAGE_OR_IO;
      }
      messages.println("wrote " + (toStdout ? "the package to standard output" : out) + " (--incomplete): not valid yet, "
          + Plural.count(errors, "error") + ", " + Plural.count(warnings, "warning"));
      return Sstc.INVALID;
    }
    if (result.pkg().isEmpty()) {
      messages.println(outName + " not written: " + Plural.count(errors, "error") + ", " + Plural.count(warnings, "warning"));
      return Sstc.INVALID;
    }
    RecordPackage pkg = result.pkg().get();
    String text = SstcJson.standard().writePretty(pkg) + "\n";
    if (!emit(text, toStdout, err)) {
      return Sstc.USAGE_OR_IO;
    }
    messages.println("wrote " + (toStdout ? "the package to standard output" : out) + ": "
        + Plural.count(pkg.initiatives().size(), "initiative") + ", " + Plural.count(pkg.organisations().size(), "organisation") + ", "
        + (pkg.solutions().isEmpty() ? "" : Plural.count(pkg.solutions().size(), "solution") + ", ")
        + Plural.count(warnings, "warning"));
    return Sstc.OK;
  }

  /** Writes the package to --out (or standard output); false, with the reason said, when it cannot. */
  private boolean emit(String text, boolean toStdout, PrintWriter err) {
    if (toStdout) {
      if (!PathArgument.print(spec.commandLine().getOut(), text)) {
        err.println("sstc: cannot write the package to standard output");
        return false;
      }
      return true;
    }
    try {
      write(text);
      return true;
    } catch (IOException e) {
      err.println("sstc: cannot write " + out + ": " + Inputs.reason(e));
      return false;
    }
  }

  /** The issue with its file named as it is on disk, under the folder given. */
  private String located(SheetIssue issue) {
    String text = issue.toString();
    if (issue.file().isEmpty()) {
      return dir + text.substring("(folder)".length());
    }
    return dir.resolve(issue.file()) + text.substring(issue.file().length());
  }

  private void write(String text) throws IOException {
    Path target = out.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
