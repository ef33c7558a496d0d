package org.sstc.exchange.cli.internal;

import java.io.PrintWriter;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.report.ValidationRun;

/**
 * What {@code sstc validate} tells as the run goes: in the text format, each issue as soon as it
 * is found, {@code file:pointer: severity code: message}, and a summary line at the end; in every
 * format, the files that cannot be read and internal errors on stderr, and a progress bar there
 * for large input on a terminal. Nothing is kept in memory.
 */
public final class TextReporter implements ValidationRun.Listener {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean text;
  private final boolean terminal;
  private Progress progress = Progress.none();

  /**
   * A listener.
   *
   * @param out stdout
   * @param err stderr
   * @param text whether the issues and the summary are printed on {@code out} (the text format)
   * @param terminal whether stderr is a terminal (a progress bar, for large input)
   */
  public TextReporter(PrintWriter out, PrintWriter err, boolean text, boolean terminal) {
    this.out = out;
    this.err = err;
    this.text = text;
    this.terminal = terminal;
  }

  /** The progress bar: none until the run starts. */
  public Progress progress() {
    return progress;
  }

  @Override
  public void starting(int files, long totalBytes) {
    progress = Progress.of(err, terminal ? totalBytes : 0, terminal);
  }

  @Override
  public void issue(String file, Issue issue) {
    if (!text) {
      return;
    }
    progress.clear();
    // Issue.toString() is "pointer: severity code: message", with "/" for the whole document.
    out.println(file + ":" + issue);
    if (progress.active()) {
      out.flush(); // so that the bar, on stderr, is redrawn below the issue and not through it
    }
  }

  @Override
  public void unreadable(String file, String reason) {
    progress.clear();
    err.println("sstc: cannot read " + file + ": " + reason);
    err.flush();
  }

  @Override
  public void failed(String file, RuntimeException failure) {
    progress.clear();
    err.println("sstc: internal error while validating " + file + ": " + failure);
    err.flush();
  }

  @Override
  public void omitted(String file, long errors, long warnings) {
    if (!text) {
      return;
    }
    progress.clear();
    long total = errors + warnings;
    out.println(file + ": " + total + (total == 1 ? " more issue" : " more issues") + " not shown ("
        + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings")
        + "): raise --max-issues, or 0 for all");
  }

  @Override
  public void endFile(String file) {
    out.flush();
  }

  /** The run is done: clears the bar and, in the text format, prints the summary line. */
  public void finish(ValidationRun.Result result) {
    progress.clear();
    if (text) {
      out.println(result.summary());
    }
    out.flush();
  }
}
