package org.sstc.exchange.report.internal;

import org.sstc.exchange.core.Issue;

/**
 * The two issues that say a file was not checked at all, as {@code sstc validate}, {@code sstc
 * report} and {@code sstc:validate} report them; the SARIF and JUnit writers recognise them by
 * their codes.
 */
public final class FileProblems {
  /** The code of a file that cannot be read. */
  public static final String UNREADABLE = "io.unreadable";

  /** The code of a file the validator failed on. */
  public static final String VALIDATOR_FAILED = "internal.error";

  private FileProblems() {}

  /** True for the issue that says the file could not be read, or the validator failed on it. */
  public static boolean isFileProblem(Issue issue) {
    return issue.code().equals(UNREADABLE) || issue.code().equals(VALIDATOR_FAILED);
  }

  /**
   * The file cannot be read.
   *
   * @param reason why, in a few words, e.g. {@code no such file}
   * @return the error, at the file's root
   */
  public static Issue unreadable(String reason) {
    return Issue.error(UNREADABLE, "", "cannot read the file: " + reason);
  }

  /**
   * The validator failed on the file: a bug in the SDK, reported as an issue of the file rather
   * than a stack trace.
   *
   * @param failure what the validator threw
   * @return the error, at the file's root
   */
  public static Issue validatorFailed(RuntimeException failure) {
    return Issue.error(VALIDATOR_FAILED, "",
        "the validator failed on this file (" + failure + "); this is a bug in the SDK, please report it");
  }
}
