package org.sstc.exchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadsheetTest {
  @TempDir Path dir;

  @Test
  void theSampleComesBackFromItsSheetsAndABrokenCellIsReportedWhereItIs() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    int status = Spreadsheet.run(dir, new PrintStream(buffer, true, StandardCharsets.UTF_8));

    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    List<String> lines = printed.lines().toList();
    assertEquals("wrote 17 files to " + dir, lines.get(0));
    assertEquals("read back: the same package", lines.get(1));
    assertTrue(lines.get(2).startsWith("sdgs.csv row 2 column D (SDG target): error rule.sdg-target-goal: "), printed);
  }
}
