package org.sstc.exchange.report.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The path {@code -}, which names standard input in {@code ValidationRun} and {@code HtmlReport}
 * (read once, as one JSON document), and the stream that reads it without closing it.
 */
public final class StandardInput {
  /** The path that names standard input. */
  public static final String DASH = "-";

  private StandardInput() {}

  /** True when the path as given is {@code -}. */
  public static boolean isDash(String name) {
    return name.equals(DASH);
  }

  /** Standard input for {@code -} (closing it leaves it open: it is not ours), else the file. */
  public static InputStream open(String name, Path path) throws IOException {
    if (isDash(name)) {
      return new FilterInputStream(System.in) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return Files.newInputStream(path);
  }
}
