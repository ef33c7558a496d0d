package org.sstc.exchange.maven.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.core.internal.report.FileProblems;
import org.sstc.exchange.core.internal.report.RecordFiles;

/**
 * One run of the goal: finds the files, validates each as a stream, prints every issue as {@code
 * file:pointer: severity code: message} and feeds the report writers. Kept apart from the Mojo so
 * that it can be tested without Maven.
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
  public record Outcome(int files, int invalidFiles, long errors, long warnings) {
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

    /** Why the build fails, for the failure message. */
    public String failureMessage(FailOn threshold) {
      if (errors > 0) {
        return invalidFiles + " of " + files + " SSTC file(s) invalid (" + errors + " error(s), "
            + warnings + " warning(s)); the issues are listed above";
      }
      return warnings + " warning(s) in " + files + " SSTC file(s), and failOn is " + threshold
          + "; the issues are listed above";
    }

    /** The summary line. */
    public String summary() {
      return "sstc: " + files + " file(s) checked, " + (files - invalidFiles) + " valid, "
          + invalidFiles + " invalid; " + errors + " error(s), " + warnings + " warning(s)";
    }
  }

  private final Path basedir;
  private final Path reportDirectory;
  private final List<ReportFormat> formats;
  private final Console console;
  private final Validator validator = Validator.standard();

  /**
   * A run.
   *
   * @param basedir file names are printed relative to it
   * @param reportDirectory where report files go
   * @param formats the report files to write
   * @param console where issues and the summary are printed
   */
  public ValidationRun(Path basedir, Path reportDirectory, List<ReportFormat> formats, Console console) {
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
    Map<Path, String> inputs = new LinkedHashMap<>();
    for (Path file : files) {
      inputs.put(file.toAbsolutePath().normalize(), null);
    }
    for (Path directory : directories) {
      if (!Files.isDirectory(directory)) {
        console.info("sstc: no directory " + name(directory) + ", nothing to check there");
        continue;
      }
      for (Path found : walk(directory)) {
        inputs.putIfAbsent(found.toAbsolutePath().normalize(), null);
      }
    }
    if (inputs.isEmpty()) {
      console.info("sstc: no *.json, *.ndjson or *.jsonl files to check");
    }

    Reports reports = new Reports(openWriters());
    int invalid = 0;
    long errors = 0;
    long warnings = 0;
    for (Path path : inputs.keySet()) {
      String name = name(path);
      FileIssues issues = new FileIssues(name, reports);
      reports.each(w -> w.startFile(name));
      validateOne(path, issues);
      reports.each(ReportWriter::endFile);
      if (issues.errors > 0) {
        invalid++;
      }
      errors += issues.errors;
      warnings += issues.warnings;
    }
    Outcome outcome = new Outcome(inputs.size(), invalid, errors, warnings);
    reports.each(ReportWriter::finish);
    if (reports.failure != null) {
      throw failed(reports.failedFormat, reports.failure);
    }
    for (ReportFormat format : reports.writers.keySet()) {
      console.info("sstc: " + format + " report in " + reportDirectory.resolve(format.fileName()));
    }
    if (errors > 0) {
      console.error(outcome.summary());
    } else if (warnings > 0) {
      console.warning(outcome.summary());
    } else {
      console.info(outcome.summary());
    }
    return outcome;
  }

  private void validateOne(Path path, FileIssues issues) {
    try (InputStream in = Files.newInputStream(path)) {
      validator.validateStream(in, Validator.Format.of(path), issues);
    } catch (IOException e) {
      issues.accept(FileProblems.unreadable(reason(e)));
    } catch (UncheckedIOException e) {
      issues.accept(FileProblems.unreadable(reason(e.getCause())));
    } catch (RuntimeException e) {
      // Bad input never ends the build with a stack trace: it becomes an issue of the file.
      issues.accept(FileProblems.validatorFailed(e));
    }
  }

  private Map<ReportFormat, ReportWriter> openWriters() throws ReportException {
    Map<ReportFormat, ReportWriter> writers = new LinkedHashMap<>();
    for (ReportFormat format : formats) {
      if (writers.containsKey(format)) {
        continue;
      }
      Path file = reportDirectory.resolve(format.fileName());
      try {
        Files.createDirectories(reportDirectory);
        OutputStream out = Files.newOutputStream(file);
        writers.put(format, format.open(out, basedir));
      } catch (IOException | UncheckedIOException e) {
        throw failed(format, e);
      }
    }
    return writers;
  }

  private ReportException failed(ReportFormat format, Exception e) {
    IOException cause = e instanceof IOException ? (IOException) e
        : e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getMessage(), e);
    return new ReportException("cannot write the " + format + " report "
        + reportDirectory.resolve(format.fileName()) + ": " + reason(cause), cause);
  }

  /** An action on a writer. */
  private interface WriterAction {
    void apply(ReportWriter writer) throws IOException;
  }

  /**
   * The open report writers. A writer that fails is dropped and its failure kept for the end of
   * the run: it must not pass for an issue of the file being validated (the validator's callback
   * is where most writes happen), nor stop the other writers and the log.
   */
  private static final class Reports {
    final Map<ReportFormat, ReportWriter> writers;
    final Map<ReportFormat, ReportWriter> working;
    @Nullable Exception failure;
    @Nullable ReportFormat failedFormat;

    Reports(Map<ReportFormat, ReportWriter> writers) {
      this.writers = writers;
      this.working = new LinkedHashMap<>(writers);
    }

    void each(WriterAction action) {
      for (var writer : List.copyOf(working.entrySet())) {
        try {
          action.apply(writer.getValue());
        } catch (IOException | RuntimeException e) { // Jackson's write errors are unchecked
          working.remove(writer.getKey());
          if (failure == null) {
            failure = e;
            failedFormat = writer.getKey();
          }
        }
      }
    }
  }

  /** The file's name in the log: relative to the project when it is inside it. */
  private String name(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(basedir) ? basedir.relativize(absolute) : absolute;
    return shown.toString().isEmpty() ? "." : shown.toString();
  }

  private static List<Path> walk(Path directory) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<Path>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if ((attributes.isRegularFile() || Files.isRegularFile(file)) && RecordFiles.isRecordFile(file)) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
          // Kept, so that the failure is reported as io.unreadable when the file is opened.
          found.add(file);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      found.add(directory);
    }
    found.sort(Comparator.comparing(Path::toString));
    return found;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** One file's issues: printed, counted and handed to the writers as they are found. */
  private final class FileIssues implements Consumer<Issue> {
    private final String file;
    private final Reports reports;
    long errors;
    long warnings;

    FileIssues(String file, Reports reports) {
      this.file = file;
      this.reports = reports;
    }

    @Override
    public void accept(Issue issue) {
      // Issue.toString() is "pointer: severity code: message", as the command line prints it.
      String line = file + ":" + issue;
      if (issue.isError()) {
        errors++;
        console.error(line);
      } else {
        warnings++;
        console.warning(line);
      }
      reports.each(w -> w.issue(issue));
    }
  }
}
