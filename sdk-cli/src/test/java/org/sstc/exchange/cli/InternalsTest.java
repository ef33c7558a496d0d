package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.cli.internal.CountingInputStream;
import org.sstc.exchange.cli.internal.Progress;

class InternalsTest {
  @TempDir Path dir;

  @Test
  void countingStreamCountsEveryByteRead() throws IOException {
    AtomicLong told = new AtomicLong();
    byte[] data = new byte[10_000];
    try (CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data), told::addAndGet)) {
      assertEquals(0, in.read());
      assertEquals(4096, in.read(new byte[4096]));
      assertEquals(100, in.skip(100));
      in.readAllBytes();
      assertEquals(10_000, in.count());
    }
    assertEquals(10_000, told.get());
  }

  @Test
  void progressDrawsAtMostEveryQuarterSecondAndClearsItself() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    Progress progress = Progress.always(new PrintWriter(err), 100L * 1024 * 1024, () -> now[0]);

    progress.advance(50L * 1024 * 1024);
    assertEquals("\r[###############...............]  50%  50.0 MiB / 100.0 MiB", err.toString());
    now[0] += 100_000_000L; // 0.1 s later: not redrawn
    progress.advance(10L * 1024 * 1024);
    assertEquals(1, err.toString().chars().filter(c -> c == '\r').count());
    now[0] += 200_000_000L;
    progress.advance(40L * 1024 * 1024);
    assertTrue(err.toString().endsWith("\r[##############################] 100%  100.0 MiB / 100.0 MiB"), err::toString);

    int before = err.toString().length();
    progress.clear();
    String cleared = err.toString().substring(before);
    assertTrue(cleared.matches("\r +\r"), cleared);
    progress.clear(); // twice is harmless
    assertEquals(before + cleared.length(), err.toString().length());
  }

  @Test
  void progressIsShownOnlyOnATerminalForLargeInput() {
    PrintWriter err = new PrintWriter(new StringWriter());
    assertFalse(Progress.of(err, Progress.THRESHOLD_BYTES + 1, false).active());
    assertFalse(Progress.of(err, Progress.THRESHOLD_BYTES, true).active());
    assertTrue(Progress.of(err, Progress.THRESHOLD_BYTES + 1, true).active());
    assertSame(Progress.none(), Progress.of(err, 1, true));
  }

  @Test
  void theVersionFileIsPackaged() throws IOException {
    try (InputStream in = Sstc.class.getResourceAsStream("version.properties")) {
      assertTrue(in != null);
    }
  }
}
