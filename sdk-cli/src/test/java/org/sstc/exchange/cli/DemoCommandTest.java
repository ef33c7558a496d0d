package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.sstc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  private static long files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  @Test
  void theDemoRunsEveryStepAndCanRunAgainInTheSameFolder() throws IOException {
    Path out = dir.resolve("demo");

    CliRun run = sstc("demo", "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals("", run.err, run::toString);
    String text = run.out;
    assertTrue(text.contains("1. Start a hub"), text);
    assertTrue(text.contains("2. Publish as FAO (XM-DAC-41301)"), text);
    assertTrue(text.contains("answers 3 created, 0 rejected."), text);
    assertTrue(text.contains("the hub now holds 29 records (18 initiatives, 11 organisations)"), text);
    assertTrue(text.contains("REFUSED: HTTP 403 "), text);
    assertTrue(text.contains("Nothing changed: the record is still version 1."), text);
    // Triangular, SDG 2, a recipient in Africa: CG, KE, UG, MG, MZ in the sample.
    assertTrue(text.contains("keeps those with a recipient in Africa: 5 found."), text);
    assertTrue(text.contains("  XM-DAC-701-8-TRI-BR-MZ-2016-01  MZ  "), text);
    assertTrue(text.contains("29 events, 29 files in "), text);
    assertTrue(text.contains("Open the report: " + out.resolve("report.html").toAbsolutePath().normalize().toUri()), text);
    assertEquals(18, files(out.resolve("mirror/initiatives")));
    assertEquals(11, files(out.resolve("mirror/organisations")));
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("<td class=\"num\" data-modality=\"triangular\">8</td>"), "the report shows the mirror");

    CliRun again = sstc("demo", "--out", out.toString());
    assertEquals(0, again.status, again::toString);
    assertEquals(29, files(out.resolve("mirror")));
  }

  @Test
  void aFolderTheDemoDidNotMakeIsLeftAlone() throws IOException {
    Path mine = dir.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("notes.txt"), "keep me");

    CliRun run = sstc("demo", "--out", mine.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("holds files the demo did not make"), run::toString);
    assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
  }

  @Test
  void aPortInUseIsAUsageErrorNotACrash() throws IOException {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun run = sstc("demo", "--out", dir.resolve("demo").toString(), "--port", Integer.toString(taken.getLocalPort()));

      assertEquals(2, run.status, run::toString);
      assertTrue(run.err.startsWith("sstc: cannot start the hub on port " + taken.getLocalPort()), run::toString);
    }
  }
}
