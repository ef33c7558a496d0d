package org.sstc.exchange.cli.internal;

import java.io.PrintWriter;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.internal.report.Reporter;
import org.sstc.exchange.core.internal.report.Tally;

/**
 * Prints each issue as soon as it is found, {@code file:pointer: severity code: message}, and a
 * summary line at the end. Nothing is kept in memory.
 */
public final class TextReporter implements Reporter {
  private final PrintWriter out;
  private final Progress progress;
  private String file = "";

  public TextReporter(PrintWriter out, Progress progress) {
    this.out = out;
    this.progress = progress;
  }

  @Override
  public void startFile(String name) {
    this.file = name;
  }

  @Override
  public void issue(Issue issue) {
    progress.clear();
    // Issue.toString() is "pointer: severity code: message", with "/" for the whole document.
    out.println(file + ":" + issue);
    if (progress.active()) {
      out.flush(); // so that the bar, on stderr, is redrawn below the issue and not through it
    }
  }

  @Override
  public void endFile() {
    out.flush();
  }

  @Override
  public void finish(Tally tally) {
    progress.clear();
    out.println(tally.summary());
    out.flush();
  }
}
