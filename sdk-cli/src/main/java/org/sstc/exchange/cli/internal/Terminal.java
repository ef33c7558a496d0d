package org.sstc.exchange.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person watches standard error, where the progress bar goes. */
public final class Terminal {
  private Terminal() {}

  /**
   * True if standard error is a terminal. Java 17 only tells whether standard input and output are
   * ({@code System.console()}), which is false for {@code sstc validate data/ > report.txt} although
   * the bar on stderr is then just what the person at the terminal wants. On Linux the file behind
   * descriptor 2 says it; elsewhere the console's answer stands.
   */
  public static boolean stderr() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // not Linux, or not allowed to look: fall back on the console
    }
    return System.console() != null;
  }
}
