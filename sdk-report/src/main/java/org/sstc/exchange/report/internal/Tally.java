package org.sstc.exchange.report.internal;

import org.sstc.exchange.core.Issue;

/** What a run of the validate command saw, over all files. */
public final class Tally {
  private long files;
  private long valid;
  private long invalid;
  private long unreadable;
  private long errors;
  private long warnings;

  /** Counts one issue. */
  public void issue(Issue issue) {
    if (issue.isError()) {
      errors++;
    } else {
      warnings++;
    }
  }

  /** Counts issues that were left out of the reports, by severity. */
  public void issues(long moreErrors, long moreWarnings) {
    errors += moreErrors;
    warnings += moreWarnings;
  }

  /** Counts one file that was read to the end: valid or not. */
  public void file(boolean isValid) {
    files++;
    if (isValid) {
      valid++;
    } else {
      invalid++;
    }
  }

  /** Counts one file that could not be read. */
  public void unreadable() {
    files++;
    unreadable++;
  }

  public long files() {
    return files;
  }

  public long invalid() {
    return invalid;
  }

  public long unreadableFiles() {
    return unreadable;
  }

  /** {@code 3 files, 2 valid, 1 invalid: 4 errors, 1 warning}; unreadable files when there are some. */
  public String summary() {
    StringBuilder line = new StringBuilder();
    line.append(count(files, "file")).append(", ").append(valid).append(" valid, ")
        .append(invalid).append(" invalid");
    if (unreadable > 0) {
      line.append(", ").append(unreadable).append(" unreadable");
    }
    line.append(": ").append(count(errors, "error")).append(", ").append(count(warnings, "warning"));
    return line.toString();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
