package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import org.sstc.exchange.sheets.Spreadsheets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sstc flatten PACKAGE.json --out DIR}: writes a package as CSV files for a spreadsheet,
 * one a repeated part. Only a valid package is flattened: its issues are printed as {@code
 * validate} prints them, and nothing is written.
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
      "'sstc unflatten' reads them back into the same package."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the sheets were written",
      "1:the file is not a valid package (its issues are printed; nothing is written)",
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
    if (!report.valid()) {
      stdout.println(input + " is not a valid package (" + Plural.count(report.errors().size(), "error")
          + "): fix it first; 'sstc validate' explains each issue; nothing was written");
      return Sstc.INVALID;
    }
    SstcRecord record = checked.record().orElseThrow();
    if (!(record instanceof RecordPackage pkg)) {
      stdout.println(input + ":" + Issue.error("schema.const", "/recordType", "this is an "
          + record.recordType() + ", not a package; only a package can be flattened"));
      return Sstc.INVALID;
    }
    Spreadsheets sheets = Spreadsheets.builder()
        .headers(headers == HeaderStyle.paths ? Spreadsheets.Headers.PATHS : Spreadsheets.Headers.TITLES)
        .build();
    List<Path> written;
    try {
      written = sheets.flatten(pkg, out);
    } catch (UncheckedIOException e) {
      err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e.getCause()));
      return Sstc.USAGE_OR_IO;
    }
    stdout.println("wrote " + Plural.count(written.size(), "sheet") + " to " + out + ": "
        + Plural.count(pkg.initiatives().size(), "initiative") + ", " + Plural.count(pkg.organisations().size(), "organisation")
        + (pkg.solutions().isEmpty() ? "" : ", " + Plural.count(pkg.solutions().size(), "solution")));
    return Sstc.OK;
  }
}
