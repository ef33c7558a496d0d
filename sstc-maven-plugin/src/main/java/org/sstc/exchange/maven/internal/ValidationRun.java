package org.sstc.exchange.maven.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.report.Inputs;
import org.sstc.exchange.report.ReportFormat;

/**
 * One run of the goal: sdk-report's {@link org.sstc.exchange.report.ValidationRun} (the run {@code
 * sstc validate} makes too) on the configured files and directories, every issue printed as {@code
 * file:pointer: severity code: message}, and the report files written in the report directory. Kept
 * apart from the Mojo so that it can be tested without Maven.
 */
public final class ValidationRun {

  /** Where the run prints: the build log in Maven, a list in tests. */
  public interface Console {
    /** An error line. */
    void error(String line);

    /** A warning line. */
    void warning(String line);

    /** An informational line. */
    void info(String line);
  }

  /** A report file could not be written. */
  public static final class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    ReportException(String message, IOException cause) {
      super(message, cause);
    }
  }

  /**
   * What the run found.
   *
   * @param files files checked
   * @param invalidFiles files with at least one error
   * @param errors errors over all files
   * @param warnings warnings over all files
   */
  public record Outcome(int files, int invalidFiles, long errors, long warnings, List<String> listed) {
    /** How many issues a failure message lists: the log may not show them (mvn -q). */
    static final int LISTED = 20;

    /** The outcome; {@code listed} is copied. */
    public Outcome {
      listed = List.copyOf(listed);
    }

    /** An outcome without issue lines. */
    public Outcome(int files, int invalidFiles, long errors, long warnings) {
      this(files, invalidFiles, errors, warnings, List.of());
    }

    /** True when this outcome fails the build at {@code threshold}. */
    public boolean failsOn(FailOn threshold) {
      switch (threshold) {
        case ERROR:
          return errors > 0;
        case WARNING:
          return errors + warnings > 0;
        default:
          return false;
      }
    }

    /**
     * Why the build fails, for the failure message: the counts and the first issues themselves,
     * since under {@code mvn -q} the log above shows no warning (and a CI page may show only the
     * failure).
     */
    public String failureMessage(FailOn threshold) {
      String counts = errors > 0
          ? invalidFiles + " of " + files + " SSTC " + plural(files, "file", "files") + " invalid ("
              + errors + " " + plural(errors, "error", "errors") + ", " + warnings + " "
              + plural(warnings, "warning", "warnings") + ")"
          : warnings + " " + plural(warnings, "warning", "warnings") + " in " + files + " SSTC "
              + plural(files, "file", "files") + ", and failOn is " + threshold;
      long total = threshold == FailOn.WARNING ? errors + warnings : errors;
      StringBuilder message = new StringBuilder(counts).append(':');
      for (String line : listed) {
        message.append("\n  ").append(line);
      }
      if (total > listed.size()) {
        message.append("\n  ... and ").append(total - listed.size())
            .append(" more (in the log above, and in the reports of <formats>)");
      }
      return message.toString();
    }

    /** The summary line. */
    public String summary() {
      return "sstc: " + files + " file(s) checked, " + (files - invalidFiles) + " valid, "
          + invalidFiles + " invalid; " + errors + " error(s), " + warnings + " warning(s)";
    }

    private static String plural(long count, String one, String many) {
      return count == 1 ? one : many;
    }
  }

  /** The SARIF driver's {@code fullName}; its {@code name} is {@code sstc}, as the command line's. */
  static final String TOOL = "sstc:validate (SSTC Exchange Maven plugin)";

  private final Path basedir;
  private final Path reportDirectory;
  private final List<ReportFormat> formats;
  private final Console console;
  private final FailOn threshold;
  private final List<String> listed = new ArrayList<>();

  /**
   * A run that fails on errors.
   *
   * @param basedir file names are printed relative to it
   * @param reportDirectory where report files go
   * @param formats the report files to write
   * @param console where issues and the summary are printed
   */
  public ValidationRun(Path basedir, Path reportDirectory, List<ReportFormat> formats, Console console) {
    this(basedir, reportDirectory, formats, console, FailOn.ERROR);
  }

  /**
   * A run.
   *
   * @param basedir file names are printed relative to it
   * @param reportDirectory where report files go
   * @param formats the report files to write
   * @param console where issues and the summary are printed
   * @param threshold what fails the build: what does not is never logged as an error
   */
  public ValidationRun(Path basedir, Path reportDirectory, List<ReportFormat> formats, Console console,
      FailOn threshold) {
    this.threshold = threshold;
    this.basedir = basedir.toAbsolutePath().normalize();
    this.reportDirectory = reportDirectory;
    this.formats = List.copyOf(formats);
    this.console = console;
  }

  /**
   * Validates {@code files} (each whatever its name) and every record file below {@code
   * directories}.
   */
  public Outcome validate(List<Path> files, List<Path> directories) throws ReportException {
    List<String> paths = new ArrayList<>();
    for (Path file : files) {
      paths.add(file.toAbsolutePath().normalize().toString());
    }
    for (Path directory : directories) {
      if (!Files.isDirectory(directory)) {
        console.info("sstc: no directory " + name(directory) + ", nothing to check there");
        continue;
      }
      paths.add(directory.toAbsolutePath().normalize().toString());
    }

    Map<ReportFormat, Writer> writers = new LinkedHashMap<>();
    try {
      org.sstc.exchange.report.ValidationRun.Builder run = org.sstc.exchange.report.ValidationRun.builder()
          .basedir(basedir)
          .tool(TOOL, PluginVersion.get())
          .listener(this::print);
      for (ReportFormat format : formats) {
        if (!writers.containsKey(format)) {
          Writer writer = open(format);
          writers.put(format, writer);
          run.report(format, writer);
        }
      }
      org.sstc.exchange.report.ValidationRun.Result result;
      try {
        result = run.build().run(paths);
      } catch (IOException e) {
        throw new ReportException(e.getMessage() + " in " + reportDirectory, e);
      }
      for (Map.Entry<ReportFormat, Writer> writer : writers.entrySet()) {
        try {
          writer.getValue().close();
        } catch (IOException e) {
          throw failed(writer.getKey(), e);
        }
      }
      if (result.files() == 0) {
        console.info("sstc: no *.json, *.ndjson or *.jsonl files to check");
      }
      Outcome outcome = new Outcome((int) result.files(),
          (int) (result.invalidFiles() + result.unreadableFiles()), result.errors(), result.warnings(), listed);
      for (ReportFormat format : writers.keySet()) {
        console.info("sstc: " + format + " report in " + reportDirectory.resolve(format.fileName()));
      }
      if (outcome.failsOn(threshold)) {
        console.error(outcome.summary());
      } else if (outcome.errors() > 0) {
        console.warning(outcome.summary());
      } else if (outcome.warnings() > 0) {
        console.warning(outcome.summary());
      } else {
        console.info(outcome.summary());
      }
      return outcome;
    } finally {
      for (Writer writer : writers.values()) {
        try {
          writer.close();
        } catch (IOException ignored) {
          // reported above, or the run failed already
        }
      }
    }
  }

  /** Prints one issue: {@code file:pointer: severity code: message}, as the command line does. */
  private void print(String file, Issue issue) {
    String line = file + ":" + issue;
    boolean fails = issue.isError() ? threshold != FailOn.NEVER : threshold == FailOn.WARNING;
    if (fails && listed.size() < Outcome.LISTED) {
      listed.add(line);
    }
    // By severity, but an issue that does not fail the build is never an [ERROR] (failOn=never).
    if (issue.isError() && threshold != FailOn.NEVER) {
      console.error(line);
    } else {
      console.warning(line);
    }
  }

  private Writer open(ReportFormat format) throws ReportException {
    try {
      Files.createDirectories(reportDirectory);
      return Files.newBufferedWriter(reportDirectory.resolve(format.fileName()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failed(format, e);
    }
  }

  private ReportException failed(ReportFormat format, IOException e) {
    return new ReportException("cannot write the " + format + " report "
        + reportDirectory.resolve(format.fileName()) + ": " + Inputs.reason(e), e);
  }

  /** The file's name in the log: relative to the project when it is inside it. */
  private String name(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(basedir) ? basedir.relativize(absolute) : absolute;
    return shown.toString().isEmpty() ? "." : shown.toString();
  }
}
