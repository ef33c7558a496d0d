package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.report.HtmlReport;

/**
 * Renders the report of the sample package in headless Chromium: a screenshot, and the DOM as the
 * browser built it. Skipped when Chromium is absent on a developer's machine; fails when it is
 * absent in CI ({@code CI} set), so that a missing install cannot pass silently.
 */
class ReportInChromiumTest {
  @TempDir Path dir;

  private static Path chromium() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  private String browse(Path chromium, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(Arrays.asList(args));
    Path out = dir.resolve("chromium.out");
    Process process = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + command);
    }
    assertEquals(0, process.exitValue(), () -> "chromium failed: " + read(dir.resolve("chromium.err")));
    return read(out);
  }

  @Test
  void theSampleReportRendersWithItsFigures() throws Exception {
    Path chromium = chromium();
    if (chromium == null) {
      String ci = System.getenv("CI");
      if (ci != null && !ci.isBlank()) {
        throw new AssertionError("CI is set but Chromium is missing: install it (apt-get install -y chromium)");
      }
      Assumptions.abort("Chromium is not installed (apt-get install -y chromium); CI is unset, so skipped");
    }
    Path pkg = ReportCommandTest.sample(dir.resolve("sample.json"));
    Path page = dir.resolve("report.html");
    HtmlReport.builder().add(pkg).build().writeTo(page);
    String url = page.toUri().toString();

    Path png = dir.resolve("report.png");
    browse(chromium, "--screenshot=" + png, "--window-size=1280,2000", url);
    byte[] image = Files.readAllBytes(png);
    assertTrue(image.length > 30_000, "a blank page compresses to a few kB: " + image.length + " bytes");
    assertEquals("\u0089PNG", new String(image, 0, 4, StandardCharsets.ISO_8859_1));
    ByteBuffer header = ByteBuffer.wrap(image, 16, 8); // IHDR: width, height
    assertEquals(1280, header.getInt());
    assertEquals(2000, header.getInt());

    String dom = browse(chromium, "--dump-dom", url);
    assertTrue(dom.contains("<td class=\"num\" data-modality=\"triangular\">8</td>"), dom);
    assertTrue(dom.contains("<td class=\"num\" data-modality=\"bilateral\">3</td>"), dom);
    assertTrue(dom.contains("<td class=\"num\" data-modality=\"regional\">7</td>"), dom);
    assertTrue(dom.contains("<span class=\"name\">Zero hunger</span><span class=\"n\">11 initiatives</span>"), dom);
    assertTrue(dom.contains("id=\"sdg-17\""), dom);
    assertTrue(dom.contains("data-currency=\"USD\" data-kind=\"budgets\">17,540,000.00"), dom);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
