package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sstc.exchange.cli.internal.CountingInputStream;
import org.sstc.exchange.cli.internal.Inputs;
import org.sstc.exchange.cli.internal.Inputs.Input;
import org.sstc.exchange.cli.internal.Progress;
import org.sstc.exchange.cli.internal.TextReporter;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.core.internal.report.FileProblems;
import org.sstc.exchange.core.internal.report.JUnitReporter;
import org.sstc.exchange.core.internal.report.JsonReporter;
import org.sstc.exchange.core.internal.report.Reporter;
import org.sstc.exchange.core.internal.report.SarifReporter;
import org.sstc.exchange.core.internal.report.Tally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = {
        "A file (validated whatever its name), or a directory: every *.json, *.ndjson and "
            + "*.jsonl file below it, in sorted order."
      })
  List<String> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Input> inputs = Inputs.expand(paths);
    boolean terminal = System.console() != null;
    Progress progress = Progress.of(err, terminal ? totalBytes(inputs) : 0, terminal);
    Reporter reporter = switch (format) {
      case json -> new JsonReporter(out);
      case sarif -> new SarifReporter(out, Sstc.sdkVersion());
      case junit -> new JUnitReporter(out);
      case text -> new TextReporter(out, progress);
    };
    Validator validator = Validator.standard();
    Tally tally = new Tally();

    for (Input input : inputs) {
      reporter.startFile(input.name());
      FileIssues issues = new FileIssues(reporter, tally);
      String unreadable = input.problem();
      if (unreadable == null) {
        unreadable = validate(validator, input, issues, progress, err);
      }
      if (unreadable != null) {
        progress.clear();
        err.println("sstc: cannot read " + input.name() + ": " + unreadable);
        err.flush();
        issues.accept(FileProblems.unreadable(unreadable));
        tally.unreadable();
      } else {
        tally.file(issues.errors == 0);
      }
      reporter.endFile();
      if (out.checkError()) {
        progress.clear();
        err.println("sstc: cannot write the output");
        return Sstc.USAGE_OR_IO;
      }
    }
    progress.clear();
    reporter.finish(tally);
    if (inputs.isEmpty()) {
      err.println("sstc: no *.json, *.ndjson or *.jsonl files found in " + String.join(", ", paths));
    }

    if (tally.unreadableFiles() > 0) {
      return Sstc.USAGE_OR_IO;
    }
    return tally.invalid() > 0 ? Sstc.INVALID : Sstc.OK;
  }

  /**
   * Validates one file, streaming its issues to {@code issues}.
   *
   * @return why the file could not be read, or null if it was read to the end
   */
  private static String validate(
      Validator validator, Input input, FileIssues issues, Progress progress, PrintWriter err) {
    Path path = input.path();
    try (InputStream in = new CountingInputStream(Files.newInputStream(path), progress::advance)) {
      validator.validateStream(in, Validator.Format.of(path), issues);
      return null;
    } catch (IOException e) {
      return Inputs.reason(e);
    } catch (UncheckedIOException e) {
      return Inputs.reason(e.getCause());
    } catch (RuntimeException e) {
      // Bad input must never end in a stack trace: the failure becomes an issue of this file.
      progress.clear();
      err.println("sstc: internal error while validating " + input.name() + ": " + e);
      err.flush();
      issues.accept(FileProblems.validatorFailed(e));
      return null;
    }
  }

  private static long totalBytes(List<Input> inputs) {
    long total = 0;
    for (Input input : inputs) {
      if (input.path() != null && input.problem() == null) {
        try {
          total += Files.size(input.path());
        } catch (IOException | SecurityException e) {
          // unreadable: reported when it is opened
        }
      }
    }
    return total;
  }

  /** Hands each issue of one file to the reporter, counting errors and warnings on the way. */
  private static final class FileIssues implements java.util.function.Consumer<Issue> {
    private final Reporter reporter;
    private final Tally tally;
    long errors;

    FileIssues(Reporter reporter, Tally tally) {
      this.reporter = reporter;
      this.tally = tally;
    }

    @Override
    public void accept(Issue issue) {
      if (issue.isError()) {
        errors++;
      }
      tally.issue(issue);
      reporter.issue(issue);
    }
  }
}
