package org.sstc.exchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.report.HtmlReport;

class BuildReportTest {
  @TempDir Path dir;

  @Test
  void theSampleBecomesOneSelfContainedPageWithItsFigures() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Path page = dir.resolve("report.html");
    HtmlReport report = BuildReport.build(page, new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertEquals(SamplePackage.read().initiatives().size(), report.initiativeCount());
    assertEquals(0, report.errorCount());
    String html = Files.readString(page);
    assertTrue(html.contains("South-South and triangular cooperation"), "the title");
    assertTrue(html.contains("Zero hunger"), "SDG 2's short name");
    assertTrue(!html.contains("<script src") && !html.contains("https://cdn"), "nothing fetched");
    assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("18 initiative(s) from 1 file(s), 0 error(s)"),
        buffer.toString(StandardCharsets.UTF_8));
  }
}
