package org.sstc.exchange.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.report.Inputs.Input;
import org.sstc.exchange.report.internal.FileProblems;
import org.sstc.exchange.report.internal.JUnitReporter;
import org.sstc.exchange.report.internal.JsonReporter;
import org.sstc.exchange.report.internal.Reporter;
import org.sstc.exchange.report.internal.SarifReporter;
import org.sstc.exchange.report.internal.StandardInput;
import org.sstc.exchange.report.internal.Tally;

/**
 * One "validate these paths" run, as {@code sstc validate} and {@code sstc:validate} (the Maven
 * plugin) do it: every file named, and every {@code *.json}, {@code *.ndjson} and {@code *.jsonl}
 * file below every directory named (in sorted order), is validated as a stream with {@link
 * Validator#standard()}; each issue goes to the {@link Listener} as it is found and to the reports
 * ({@link ReportFormat}). A file that cannot be read is an {@code io.unreadable} issue of that file,
 * and a failure of the validator an {@code internal.error} issue: bad input never ends a run.
 * Files up to 1 MiB are checked ahead on every core, a few per core at a time; the listener and
 * the reports still get the files one after another, in the run's order, on the calling thread.
 *
 * <pre>{@code
 * ValidationRun.Result result = ValidationRun.builder()
 *     .report(ReportFormat.SARIF, sarifWriter)
 *     .listener((file, issue) -> System.out.println(file + ":" + issue))
 *     .build()
 *     .run(List.of("data/"));
 * System.out.println(result.summary());
 * }</pre>
 *
 * @since 1.0
 */
public final class ValidationRun {

  /** What a run tells as it goes, file by file: all methods but {@link #issue} do nothing by default. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Called once, before the first file.
     *
     * @param files how many files the run will check
     * @param totalBytes their size, as far as it is known before they are opened
     */
    default void starting(int files, long totalBytes) {}

    /**
     * A file starts.
     *
     * @param file the file's name, as the reports name it
     */
    default void startFile(String file) {}

    /**
     * One issue of the current file, as soon as it is found.
     *
     * @param file the file's name
     * @param issue the issue
     */
    void issue(String file, Issue issue);

    /**
     * The file cannot be read (told before its {@code io.unreadable} issue).
     *
     * @param file the file's name
     * @param reason why, in a few words ({@code no such file})
     */
    default void unreadable(String file, String reason) {}

    /**
     * The validator failed on the file (told before its {@code internal.error} issue).
     *
     * @param file the file's name
     * @param failure what the validator threw
     */
    default void failed(String file, RuntimeException failure) {}

    /**
     * Issues of the current file were left out of the reports and of {@link #issue}, past the
     * run's {@link Builder#maxIssues} (told once, just before {@link #endFile}); they are counted
     * in the {@link Result} all the same.
     *
     * @param file the file's name
     * @param errors how many errors were left out
     * @param warnings how many warnings were left out
     * @since 1.1
     */
    default void omitted(String file, long errors, long warnings) {}

    /**
     * The current file is done.
     *
     * @param file the file's name
     */
    default void endFile(String file) {}
  }

  /** What a run found, over all files. */
  public static final class Result {
    private final Tally tally;
    private final long errors;
    private final long warnings;

    private Result(Tally tally, long errors, long warnings) {
      this.tally = tally;
      this.errors = errors;
      this.warnings = warnings;
    }

    /**
     * The files checked or found unreadable.
     *
     * @return how many files the run took
     */
    public long files() {
      return tally.files();
    }

    /**
     * The files read to the end with at least one error.
     *
     * @return how many files are invalid
     */
    public long invalidFiles() {
      return tally.invalid();
    }

    /**
     * The files that could not be read.
     *
     * @return how many files are unreadable
     */
    public long unreadableFiles() {
      return tally.unreadableFiles();
    }

    /**
     * The errors over all files, {@code io.unreadable} and {@code internal.error} included.
     *
     * @return how many errors
     */
    public long errors() {
      return errors;
    }

    /**
     * The warnings over all files.
     *
     * @return how many warnings
     */
    public long warnings() {
      return warnings;
    }

    /**
     * The summary line, {@code 3 files, 2 valid, 1 invalid: 4 errors, 1 warning} (and the
     * unreadable files when there are some).
     *
     * @return the summary
     */
    public String summary() {
      return tally.summary();
    }

    /** The summary line. */
    @Override
    public String toString() {
      return summary();
    }
  }

  private final @Nullable Path basedir;
  private final Map<ReportFormat, Writer> reports;
  private final @Nullable String toolName;
  private final String toolVersion;
  private final Listener listener;
  private final UnaryOperator<InputStream> reading;
  private final Validator validator = Validator.standard();
  private final long maxIssues;

  private ValidationRun(Builder builder) {
    this.basedir = builder.basedir;
    this.reports = new LinkedHashMap<>(builder.reports);
    this.toolName = builder.toolName;
    this.toolVersion = builder.toolVersion;
    this.listener = builder.listener;
    this.reading = builder.reading;
    this.maxIssues = builder.maxIssues;
  }

  /**
   * A new builder: no reports, a listener that ignores issues, names as given.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates the files and directories, telling the listener and writing the reports as it goes.
   * The reports' writers are flushed, not closed.
   *
   * @param paths files (validated whatever their names) and directories (every record file below);
   *     since 1.1, {@code -} is standard input, read once as one JSON document (SARIF and JUnit
   *     then give no line and column, which need a second reading)
   * @return what the run found
   * @throws IOException when a report cannot be written; its message names the format
   */
  public Result run(List<String> paths) throws IOException {
    List<Input> inputs = Inputs.expand(paths);
    Map<ReportFormat, PrintWriter> outs = new LinkedHashMap<>();
    List<Reporter> reporters = new ArrayList<>();
    for (Map.Entry<ReportFormat, Writer> report : reports.entrySet()) {
      Writer writer = report.getValue();
      PrintWriter out = writer instanceof PrintWriter ? (PrintWriter) writer : new PrintWriter(writer);
      outs.put(report.getKey(), out);
      reporters.add(open(report.getKey(), out));
    }
    // One look at each file (a stat), for the progress total and for choosing where it is checked.
    long[] sizes = regularFileSizes(inputs);
    listener.starting(inputs.size(), Arrays.stream(sizes).filter(size -> size > 0).sum());
    Tally tally = new Tally();
    long errors = 0;
    long warnings = 0;
    // Small files are checked ahead on every core, a bounded window of them at a time; their
    // issues are handed on here, file by file in the run's order, as if checked one after another.
    ArrayDeque<Ahead> ahead = new ArrayDeque<>();
    int next = 0;
    try {
      for (int i = 0; i < inputs.size(); i++) {
        while (next < inputs.size() && next < i + AHEAD) {
          ahead.add(ahead(inputs.get(next), sizes[next]));
          next++;
        }
        Ahead current = Objects.requireNonNull(ahead.poll());
        Input input = current.input;
        String name = name(input);
        reporters.forEach(r -> r.startFile(name));
        listener.startFile(name);
        FileIssues issues = new FileIssues(name, reporters, tally);
        String unreadable = input.problem();
        if (unreadable == null) {
          unreadable = current.checked == null ? validate(input, name, issues) : replay(current.checked, name, issues);
        }
        if (unreadable != null) {
          listener.unreadable(name, unreadable);
          issues.accept(FileProblems.unreadable(unreadable));
          tally.unreadable();
        } else {
          tally.file(issues.errors == 0);
        }
        errors += issues.errors;
        warnings += issues.warnings;
        if (issues.omittedErrors + issues.omittedWarnings > 0) {
          listener.omitted(name, issues.omittedErrors, issues.omittedWarnings);
          reporters.forEach(r -> r.omitted(issues.omittedErrors, issues.omittedWarnings));
        }
        reporters.forEach(Reporter::endFile);
        listener.endFile(name);
        check(outs);
      }
    } finally {
      // A report that cannot be written ends the run: what was checked ahead is not wanted.
      ahead.forEach(left -> {
        if (left.checked != null) {
          left.checked.cancel(false);
        }
      });
    }
    reporters.forEach(r -> r.finish(tally));
    check(outs);
    return new Result(tally, errors, warnings);
  }

  private Reporter open(ReportFormat format, PrintWriter out) {
    switch (format) {
      case JSON:
        return new JsonReporter(out);
      case SARIF:
        return toolName == null
            ? new SarifReporter(out, toolVersion) // the command line's driver, names as given
            : new SarifReporter(out, toolName, toolVersion, basedir == null ? Path.of("") : basedir);
      case JUNIT:
        return basedir == null ? new JUnitReporter(out) : new JUnitReporter(out, basedir);
      default:
        throw new IllegalStateException(format + " has no writer");
    }
  }

  private static void check(Map<ReportFormat, PrintWriter> outs) throws IOException {
    for (Map.Entry<ReportFormat, PrintWriter> out : outs.entrySet()) {
      if (out.getValue().checkError()) {
        throw new IOException("cannot write the " + out.getKey()
            + " report (disk full, the file removed, or the output closed?)");
      }
    }
  }

  /** Validates one file; returns why it could not be read, or null if it was read to the end. */
  private @Nullable String validate(Input input, String name, FileIssues issues) {
    Path path = Objects.requireNonNull(input.path());
    // "-" is standard input, read once (as one JSON document; an NDJSON stream needs a file name).
    InputStream source;
    try {
      source = StandardInput.open(input.name(), path);
    } catch (IOException e) {
      return Inputs.reason(e);
    }
    try (InputStream in = reading.apply(source)) {
      validator.validateStream(in, Validator.Format.of(path), issues);
      return null;
    } catch (IOException e) {
      return Inputs.reason(e);
    } catch (UncheckedIOException e) {
      return Inputs.reason(e.getCause());
    } catch (RuntimeException e) {
      // Bad input never ends a run with a stack trace: the failure becomes an issue of the file.
      listener.failed(name, e);
      issues.accept(FileProblems.validatorFailed(e));
      return null;
    }
  }

  /** Files up to this size are checked ahead on the workers; larger ones stream on the run's thread. */
  private static final long SMALL_FILE_BYTES = 1 << 20;

  /** How many files may be checked ahead of the one being reported: a few per core (bounded memory). */
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final int AHEAD = 8 * CORES;

  /** One file of the run and, for a small one, its check under way on a worker. */
  private record Ahead(Input input, @Nullable Future<Checked> checked) {}

  /**
   * Starts checking {@code input} on a worker if it is a small regular file ({@code size}, or -1);
   * else it is checked in turn.
   */
  private Ahead ahead(Input input, long size) {
    Path path = input.path();
    if (path == null || input.problem() != null || StandardInput.isDash(input.name()) || CORES == 1
        || size < 0 || size > SMALL_FILE_BYTES) {
      return new Ahead(input, null);
    }
    return new Ahead(input, Workers.POOL.submit(() -> check(path)));
  }

  /** The shared workers, one a core, started by the first run that has small files to check. */
  private static final class Workers {
    static final ExecutorService POOL = Executors.newFixedThreadPool(
        CORES, task -> {
          Thread thread = new Thread(task, "sstc-validation-run");
          thread.setDaemon(true); // never keeps a JVM alive
          return thread;
        });
  }

  /** What checking one small file on a worker found, kept until its turn comes. */
  private final class Checked implements Consumer<Issue> {
    final List<Issue> kept = new ArrayList<>();
    long shown;
    long omittedErrors;
    long omittedWarnings;
    @Nullable String unreadable;
    @Nullable RuntimeException failure;

    @Override
    public void accept(Issue issue) {
      // The same cut as FileIssues makes, so that only what will be reported is kept.
      if (maxIssues > 0 && shown >= maxIssues) {
        if (issue.isError()) {
          omittedErrors++;
        } else {
          omittedWarnings++;
        }
        return;
      }
      shown++;
      kept.add(issue);
    }
  }

  private Checked check(Path path) {
    Checked checked = new Checked();
    InputStream source;
    try {
      source = Files.newInputStream(path);
    } catch (IOException e) {
      checked.unreadable = Inputs.reason(e);
      return checked;
    }
    try (InputStream in = reading.apply(source)) {
      validator.validateStream(in, Validator.Format.of(path), checked);
    } catch (IOException e) {
      checked.unreadable = Inputs.reason(e);
    } catch (UncheckedIOException e) {
      checked.unreadable = Inputs.reason(e.getCause());
    } catch (RuntimeException e) {
      checked.failure = e;
    }
    return checked;
  }

  /** Hands on what a worker found in a file, as {@link #validate} would have as it went. */
  private @Nullable String replay(Future<Checked> work, String name, FileIssues issues) {
    Checked checked;
    try {
      checked = work.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "the run was interrupted";
    } catch (ExecutionException e) {
      // check() catches every RuntimeException: what is left is an Error, thrown as in line.
      if (e.getCause() instanceof java.lang.Error error) {
        throw error;
      }
      RuntimeException failure = new IllegalStateException(e.getCause());
      listener.failed(name, failure);
      issues.accept(FileProblems.validatorFailed(failure));
      return null;
    }
    checked.kept.forEach(issues);
    issues.omitted(checked.omittedErrors, checked.omittedWarnings);
    if (checked.failure != null) {
      listener.failed(name, checked.failure);
      issues.accept(FileProblems.validatorFailed(checked.failure));
    }
    return checked.unreadable;
  }

  /** The file's name: as given, or relative to the base directory when the file is inside it. */
  private String name(Input input) {
    if (basedir == null || input.path() == null) {
      return input.name();
    }
    Path absolute = input.path().toAbsolutePath().normalize();
    Path shown = absolute.startsWith(basedir) ? basedir.relativize(absolute) : absolute;
    return shown.toString().isEmpty() ? "." : shown.toString();
  }

  /** Each input's size if it is a regular file (links followed), else -1. */
  private static long[] regularFileSizes(List<Input> inputs) {
    long[] sizes = new long[inputs.size()];
    for (int i = 0; i < sizes.length; i++) {
      Input input = inputs.get(i);
      sizes[i] = -1;
      if (input.path() != null && input.problem() == null) {
        try {
          BasicFileAttributes attributes = Files.readAttributes(input.path(), BasicFileAttributes.class);
          sizes[i] = attributes.isRegularFile() ? attributes.size() : -1;
        } catch (IOException | SecurityException e) {
          // unreadable: reported when it is opened
        }
      }
    }
    return sizes;
  }

  /** One file's issues: counted and handed to the reporters and the listener as they are found. */
  private final class FileIssues implements Consumer<Issue> {
    private final String file;
    private final List<Reporter> reporters;
    private final Tally tally;
    long errors;
    long warnings;
    long omittedErrors;
    long omittedWarnings;

    FileIssues(String file, List<Reporter> reporters, Tally tally) {
      this.file = file;
      this.reporters = reporters;
      this.tally = tally;
    }

    @Override
    public void accept(Issue issue) {
      if (issue.isError()) {
        errors++;
      } else {
        warnings++;
      }
      tally.issue(issue);
      if (maxIssues > 0 && errors + warnings > maxIssues && !FileProblems.isFileProblem(issue)) {
        // Past the limit an issue is counted, not kept: memory and output stay bounded.
        if (issue.isError()) {
          omittedErrors++;
        } else {
          omittedWarnings++;
        }
        return;
      }
      for (Reporter reporter : reporters) {
        reporter.issue(issue);
      }
      listener.issue(file, issue);
    }

    /** Counts issues a worker already left out, past the limit, as {@link #accept} would have. */
    void omitted(long moreErrors, long moreWarnings) {
      errors += moreErrors;
      warnings += moreWarnings;
      omittedErrors += moreErrors;
      omittedWarnings += moreWarnings;
      tally.issues(moreErrors, moreWarnings);
    }
  }

  /** Builds a {@link ValidationRun}. */
  public static final class Builder {
    private @Nullable Path basedir;
    private final Map<ReportFormat, Writer> reports = new LinkedHashMap<>();
    private @Nullable String toolName;
    private String toolVersion = "unknown";
    private Listener listener = (file, issue) -> {};
    private UnaryOperator<InputStream> reading = UnaryOperator.identity();
    private long maxIssues;

    private Builder() {}

    /**
     * Reports at most {@code issues} issues of each file (0, the default, for all of them); the
     * rest are counted, in the {@link Result} and in each report (JSON {@code omittedIssues},
     * a SARIF notification, a JUnit testcase), but neither kept nor written, so that a file with
     * millions of issues is reported in constant memory and readable length.
     *
     * @param issues the most issues reported for one file, or 0 for no limit
     * @return this builder
     * @since 1.1
     */
    public Builder maxIssues(long issues) {
      if (issues < 0) {
        throw new IllegalArgumentException("maxIssues is 0 (no limit) or more: " + issues);
      }
      this.maxIssues = issues;
      return this;
    }

    /**
     * Names files relative to this directory when they are inside it (else absolute), and makes
     * it the reports' root (SARIF's {@code %SRCROOT%}). Without it, files are named as given.
     *
     * @param basedir the project's directory
     * @return this builder
     */
    public Builder basedir(Path basedir) {
      this.basedir = basedir.toAbsolutePath().normalize();
      return this;
    }

    /**
     * Also writes a report of that format to {@code out}, which the run flushes but does not close.
     * A format given twice is written once, to the last writer.
     *
     * @param format the format
     * @param out where the report goes (UTF-8 is the caller's choice of writer)
     * @return this builder
     */
    public Builder report(ReportFormat format, Writer out) {
      reports.put(Objects.requireNonNull(format, "format"), Objects.requireNonNull(out, "out"));
      return this;
    }

    /**
     * The tool the SARIF report names as its driver: {@code sstc} and version {@code unknown}
     * unless set.
     *
     * @param fullName the driver's full name, e.g. {@code sstc:validate (SSTC Exchange Maven plugin)},
     *     or null for the command line's (whose file names are then as given, whatever the basedir)
     * @param version the tool's version, e.g. {@code 1.0.0}
     * @return this builder
     */
    public Builder tool(@Nullable String fullName, String version) {
      this.toolName = fullName;
      this.toolVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Where the run tells what it finds as it goes.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Wraps each file's stream as it is opened, e.g. to count the bytes read for a progress bar.
     * Since 1.2 small files are read ahead on every core, so {@code reading} and the streams it
     * returns may be used on several threads at once: make what they share thread-safe.
     *
     * @param reading given the file's stream, returns the stream to validate
     * @return this builder
     */
    public Builder reading(UnaryOperator<InputStream> reading) {
      this.reading = Objects.requireNonNull(reading, "reading");
      return this;
    }

    /**
     * The run.
     *
     * @return a run, which can be run more than once
     */
    public ValidationRun build() {
      return new ValidationRun(this);
    }
  }
}
