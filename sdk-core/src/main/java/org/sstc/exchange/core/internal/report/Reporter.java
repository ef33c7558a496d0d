package org.sstc.exchange.core.internal.report;

import org.sstc.exchange.core.Issue;

/**
 * Where the validate command's findings go, file by file: {@link #startFile}, any number of
 * {@link #issue}, {@link #endFile}; then {@link #finish} once.
 */
public interface Reporter {
  /** A file starts; {@code name} is how the output names it. */
  void startFile(String name);

  /** One issue in the current file, as the validator finds it. */
  void issue(Issue issue);

  /** The current file is done. */
  void endFile();

  /** Every file is done. */
  void finish(Tally tally);
}
