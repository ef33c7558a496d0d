package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.cli.internal.Plural;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.report.Inputs;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.sheets.Flattened;
import org.sstc.exchange.sheets.Spreadsheets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sstc flatten PACKAGE.json --out DIR}: writes a package as CSV files for a spreadsheet,
 * one a repeated part. A package that is not valid yet (an import still to complete) is flattened
 * too, with its issues in {@code issues.csv}, so that it can be completed in a spreadsheet; a file
 * that is not a package's JSON is not.
 */
@Command(
    name = "flatten",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Writes a package as CSV files that open in a spreadsheet: package.csv, initiatives.csv, "
          + "participants.csv, sdgs.csv, budgets.csv, … and organisations.csv; rows keyed by the "
          + "initiative id and the item's id or position. UTF-8 with a byte-order mark, RFC 4180.",
      "A package that is not valid yet (an import still to complete) is written too: its issues "
          + "are printed, and listed in issues.csv with the file, row and column to fix; a warning on "
          + "stderr says so. 'sstc unflatten' reads the sheets back into the same package (ignoring "
          + "issues.csv and checking afresh; --incomplete writes a package still to complete)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the sheets were written, and the package is valid",
      "1:the sheets were written, but the package is not valid yet (its issues are printed and in "
          + "issues.csv); or the file is not a package's JSON (nothing is written)",
      "2:usage error, the file cannot be read, or the folder cannot be written",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc flatten package.json --out sheets/",
      "  sstc flatten package.json --out sheets/ --headers paths"
    })
final class FlattenCommand implements Callable<Integer> {

  /** The header rows. */
  enum HeaderStyle {
    titles,
    paths
  }

  /** A package is held in memory whole (as the sheets are built from it). */
  static final int MAX_PACKAGE_BYTES = 256 << 20;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PACKAGE.json", description = "The package to flatten (a JSON file); - reads it from standard input.")
  Path input;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "The folder to write the CSV files into; created if absent. Sheets already there are replaced. "
          + "A folder: - (standard output) cannot stand for it.")
  Path out;

  @Option(
      names = "--headers",
      paramLabel = "STYLE",
      defaultValue = "titles",
      description = "${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}. titles: 'Initiative ID', "
          + "'Amount', 'Title (en)'. paths: flatten-tool's JSON paths, 'id' (the "
          + "initiative's), 'budgets/0/value/amount', 'title/en'. unflatten reads both.")
  HeaderStyle headers = HeaderStyle.titles;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PathArgument.refuseDashForFolder(spec, "--out", out);
    byte[] bytes;
    try {
      bytes = PathArgument.readAll(input, MAX_PACKAGE_BYTES, "split the package");
    } catch (IOException e) {
      err.println("sstc: cannot read " + input + ": " + Inputs.reason(e));
      return Sstc.USAGE_OR_IO;
    }
    // One parse: the verdict, and the record it was checked on when it is valid.
    Validator.Checked checked = Validator.standard().validateAndRead(bytes);
    ValidationReport report = checked.report();
    report.issues().forEach(issue -> stdout.println(input + ":" + issue));
    Spreadsheets sheets = Spreadsheets.builder()
        .headers(headers == HeaderStyle.paths ? Spreadsheets.Headers.PATHS : Spreadsheets.Headers.TITLES)
        .build();
    if (!report.valid()) {
      return incomplete(bytes, report, sheets, stdout, err);
    }
    SstcRecord record = checked.record().orElseThrow();
    if (!(record instanceof RecordPackage pkg)) {
      stdout.println(input + ":" + notAPackage(record.recordType()));
      return Sstc.INVALID;
    }
    try {
      Files.deleteIfExists(out.resolve(ISSUES)); // the issues of an earlier, incomplete version
    } catch (IOException e) {
      err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e));
      return Sstc.USAGE_OR_IO;
    }
    List<Path> written;
    try {
      written = sheets.flatten(pkg, out);
    } catch (UncheckedIOException e) {
      err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e.getCause()));
      return Sstc.USAGE_OR_IO;
    }
    stdout.println(wrote(written.size(), pkg.initiatives().size(), pkg.organisations().size(), pkg.solutions().size()));
    return Sstc.OK;
  }

  private static final String ISSUES = "issues.csv";

  /** What was written, as both a valid and an incomplete package say it. */
  private String wrote(int sheets, int initiatives, int organisations, int solutions) {
    return "wrote " + Plural.count(sheets, "sheet") + " to " + out + ": " + Plural.count(initiatives, "initiative")
        + ", " + Plural.count(organisations, "organisation") + (solutions == 0 ? "" : ", " + Plural.count(solutions, "solution"));
  }

  private static Issue notAPackage(String recordType) {
    return Issue.error("schema.const", "/recordType", "this is an " + recordType
        + ", not a package; only a package can be flattened");
  }

  /** A package that breaks the standard: written with its issues, unless it is no package's JSON. */
  private int incomplete(byte[] bytes, ValidationReport report, Spreadsheets sheets, PrintWriter stdout, PrintWriter err) {
    boolean readable = report.issues().stream().noneMatch(issue -> issue.code().startsWith("json."));
    // Read once: its record type decides, and its counts are what the summary says.
    JsonNode tree = readable ? SstcJson.standard().readTree(bytes) : MissingNode.getInstance();
    String recordType = tree.path("recordType").asString("");
    if (!readable || !recordType.equals(RecordPackage.RECORD_TYPE)) {
      if (readable && !recordType.isEmpty() && report.issues().stream().noneMatch(issue -> issue.pointer().equals("/recordType"))) {
        stdout.println(input + ":" + notAPackage(recordType));
      }
      stdout.println(input + " is not a package's JSON (" + Plural.count(report.errors().size(), "error")
          + "): 'sstc validate' explains each issue; nothing was written");
      return Sstc.INVALID;
    }
    Flattened written;
    try {
      written = sheets.flatten(bytes, out);
    } catch (IllegalArgumentException e) {
      stdout.println(input + ": " + e.getMessage() + "; nothing was written");
      return Sstc.INVALID;
    } catch (UncheckedIOException e) {
      err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e.getCause()));
      return Sstc.USAGE_OR_IO;
    }
    stdout.println(wrote(written.files().size(), tree.path("initiatives").size(), tree.path("organisations").size(),
        tree.path("solutions").size()) + "; " + Plural.count(written.issues().size(), "issue") + " in " + out.resolve(ISSUES));
    err.println("sstc: warning: " + input + " is not a valid package yet (" + Plural.count(report.errors().size(), "error")
        + "): the sheets are written so that it can be completed; each issue is in "
        + out.resolve(ISSUES) + " with its file, row and column; fix them in the sheets, then "
        + "'sstc unflatten " + out + " --out PACKAGE.json'");
    return Sstc.INVALID;
  }
}
