package org.sstc.exchange.maven.internal;

import java.io.IOException;
import org.sstc.exchange.core.Issue;

/**
 * A report file being written, file by file: {@link #startFile}, any number of {@link #issue},
 * {@link #endFile}; then {@link #finish} once. The same protocol as the command line's reporters,
 * so that their SARIF and JUnit writers can be adapted to it.
 */
public interface ReportWriter {
  /** A file starts; {@code name} is how the report names it. */
  void startFile(String name) throws IOException;

  /** One issue in the current file. */
  void issue(Issue issue) throws IOException;

  /** The current file is done. */
  void endFile() throws IOException;

  /** Every file is done: completes and closes the report. */
  void finish() throws IOException;
}
