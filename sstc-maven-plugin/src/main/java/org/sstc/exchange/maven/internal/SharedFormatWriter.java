package org.sstc.exchange.maven.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.internal.report.FileProblems;
import org.sstc.exchange.core.internal.report.Reporter;
import org.sstc.exchange.core.internal.report.Tally;

/**
 * A report format shared with the command line (SARIF, JUnit XML: sdk-core's {@code
 * internal.report} writers), adapted to {@link ReportWriter}: the writer's bytes are what {@code
 * sstc validate --format sarif|junit} prints for the same files, in UTF-8.
 *
 * <p>The shared writers print to a {@link PrintWriter}, which keeps write failures to itself; they
 * are asked for after every file and at the end, and become the {@link IOException} that
 * {@link ValidationRun} reports as "cannot write the ... report".
 */
final class SharedFormatWriter implements ReportWriter {
  private final PrintWriter out;
  private final Reporter reporter;
  private final Tally tally = new Tally();
  private long fileErrors;
  private boolean unreadable;

  /**
   * A writer on {@code out}.
   *
   * @param out the report file, closed by {@link #finish}
   * @param reporter makes the shared writer on the given print writer
   */
  SharedFormatWriter(OutputStream out, Function<PrintWriter, Reporter> reporter) {
    this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    this.reporter = reporter.apply(this.out);
  }

  @Override
  public void startFile(String name) throws IOException {
    fileErrors = 0;
    unreadable = false;
    reporter.startFile(name);
  }

  @Override
  public void issue(Issue issue) {
    tally.issue(issue);
    if (issue.isError()) {
      fileErrors++;
    }
    if (issue.code().equals(FileProblems.UNREADABLE)) {
      unreadable = true;
    }
    reporter.issue(issue);
  }

  @Override
  public void endFile() throws IOException {
    // Counted as the command line counts: an unreadable file is not "invalid" but "unreadable",
    // which is what SARIF's invocation (exit code, executionSuccessful) reports.
    if (unreadable) {
      tally.unreadable();
    } else {
      tally.file(fileErrors == 0);
    }
    reporter.endFile();
    check();
  }

  @Override
  public void finish() throws IOException {
    reporter.finish(tally);
    out.close();
    check();
  }

  private void check() throws IOException {
    if (out.checkError()) {
      throw new IOException("write failed (disk full, or the file was removed?)");
    }
  }
}
