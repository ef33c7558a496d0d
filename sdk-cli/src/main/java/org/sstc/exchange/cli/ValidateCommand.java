package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sstc.exchange.cli.internal.CountingInputStream;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.cli.internal.Terminal;
import org.sstc.exchange.cli.internal.TextReporter;
import org.sstc.exchange.cli.internal.WarmUp;
import org.sstc.exchange.report.ReportFormat;
import org.sstc.exchange.report.ValidationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sstc validate [--format text|json] PATH...}: checks files against the standard, streaming,
 * so that a file of any size is checked in constant memory.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Checks SSTC Exchange files: JSON syntax and limits, the JSON Schema, the codelists and "
          + "the standard's rules.",
      "A file holds one record or a package; *.ndjson and *.jsonl files hold one record a line. "
          + "Files of any size are read as a stream."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every file is valid (warnings allowed)",
      "1:some file is invalid",
      "2:usage error, or a file cannot be read",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc validate package.json",
      "  sstc validate --format json data/ > report.json",
      "  sstc validate --format sarif data/ > sstc.sarif",
      "  sstc validate --format junit data/ > TEST-sstc.xml",
      "  sstc validate initiatives.ndjson organisations.ndjson"
    })
final class ValidateCommand implements Callable<Integer> {

  /** The output formats. */
  enum OutputFormat {
    text,
    json,
    sarif,
    junit
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = {
        "${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.",
        "text: one line an issue, 'file:pointer: severity code: message', then a summary.",
        "json: one JSON array on stdout, an object a file: "
            + "{file, valid, schemaVersion, issues: [{severity, code, pointer, message, value?, line?}]}.",
        "sarif: one SARIF 2.1.0 log (code scanning, e.g. GitHub): a rule a code, a result an issue, "
            + "located by line and column.",
        "junit: JUnit XML (CI test reports): a testsuite a file, a testcase a record, a failure a "
            + "record with errors."
      })
  OutputFormat format = OutputFormat.text;

  @Option(
      names = "--max-issues",
      paramLabel = "N",
      defaultValue = "100",
      description = "Report at most N issues of each file (default ${DEFAULT-VALUE}; 0 for all): the "
          + "rest are counted, not listed, so a file with millions of issues gives a readable report "
          + "in constant memory. The exit status counts every issue.")
  long maxIssues;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = {
        "A file (validated whatever its name), or a directory: every *.json, *.ndjson and "
            + "*.jsonl file below it, in sorted order; - reads one JSON document from standard input."
      })
  List<String> paths;

  @Override
  public Integer call() {
    WarmUp.finish(); // from here this thread alone readies the SDK (see WarmUp)
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TextReporter text = new TextReporter(out, err, format == OutputFormat.text, Terminal.stderr());
    if (maxIssues < 0) {
      throw new ParameterException(spec.commandLine(), "--max-issues must be 0 (all) or more, not " + maxIssues);
    }
    PathArgument.refuseRepeatedDash(spec, paths);
    ValidationRun.Builder run = ValidationRun.builder()
        .maxIssues(maxIssues)
        .tool(null, Sstc.sdkVersion())
        .listener(text)
        .reading(in -> new CountingInputStream(in, text.progress()::advance));
    switch (format) {
      case json -> run.report(ReportFormat.JSON, out);
      case sarif -> run.report(ReportFormat.SARIF, out);
      case junit -> run.report(ReportFormat.JUNIT, out);
      case text -> { }
    }
    ValidationRun.Result result;
    try {
      result = run.build().run(paths);
    } catch (IOException e) {
      text.progress().clear();
      err.println("sstc: cannot write the output");
      return Sstc.USAGE_OR_IO;
    }
    text.finish(result);
    if (out.checkError()) {
      err.println("sstc: cannot write the output");
      return Sstc.USAGE_OR_IO;
    }
    if (result.files() == 0) {
      err.println("sstc: nothing to validate: no *.json, *.ndjson or *.jsonl files found in "
          + String.join(", ", paths) + " (name the files, or a folder that holds some)");
      return Sstc.USAGE_OR_IO;
    }

    if (result.unreadableFiles() > 0) {
      return Sstc.USAGE_OR_IO;
    }
    return result.invalidFiles() > 0 ? Sstc.INVALID : Sstc.OK;
  }
}
