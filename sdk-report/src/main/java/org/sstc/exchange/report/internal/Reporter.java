package org.sstc.exchange.report.internal;

import org.sstc.exchange.core.Issue;

/**
 * Where validation findings go, file by file: {@link #startFile}, any number of
 * {@link #issue}, {@link #endFile}; then {@link #finish} once. Implemented by the SARIF and JUnit
 * XML writers here, and by {@code sstc validate}'s text and JSON output in sdk-cli;
 * sstc-maven-plugin adapts it to its report files.
 */
public interface Reporter {
  /** A file starts; {@code name} is how the output names it. */
  void startFile(String name);

  /** One issue in the current file, as the validator finds it. */
  void issue(Issue issue);

  /**
   * Issues of the current file past the run's limit were counted but not given to {@link #issue}
   * (told once, before {@link #endFile}).
   */
  default void omitted(long errors, long warnings) {}

  /** The current file is done. */
  void endFile();

  /** Every file is done. */
  void finish(Tally tally);
}
