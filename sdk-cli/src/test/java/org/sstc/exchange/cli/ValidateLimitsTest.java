package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code sstc validate} on input that would exhaust memory or never end: every format streams, a
 * file's issues are listed up to --max-issues, and pipes are refused.
 */
class ValidateLimitsTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path huge;
  private static Path hugeValid;
  /**
   * Valid records in {@link #hugeValid}, validated under {@link #SMALL_HEAP}: a few hundred bytes
   * kept a record (what the JUnit writer kept before it streamed) would not fit. Half a million
   * rather than millions keeps the four runs to seconds each; the heap is what makes it a test.
   */
  private static final int VALID_RECORDS = 500_000;
  private static final String SMALL_HEAP = "-Xmx64m";

  /**
   * 9 MB: three million lines of {@code {}}, each a record that lacks everything; and 72 MB: half
   * a million valid organisation records, one a line.
   */
  @BeforeAll
  static void writeTheHugeFiles() throws Exception {
    huge = shared.resolve("empty-records.ndjson");
    try (BufferedWriter out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 3_000_000; i++) {
        out.write("{}\n");
      }
    }
    hugeValid = shared.resolve("valid-organisations.ndjson");
    try (BufferedWriter out = Files.newBufferedWriter(hugeValid, StandardCharsets.UTF_8)) {
      for (int i = 0; i < VALID_RECORDS; i++) {
        out.write("{\"recordType\":\"organisation\",\"id\":\"XM-DAC-7-" + i + "\",\"schemaVersion\":\"1.0\","
            + "\"name\":{\"en\":\"A\"},\"orgType\":\"10\",\"lastUpdated\":\"2024-04-11T08:00:00Z\"}\n");
      }
    }
  }

  /**
   * Half a million valid records under {@code -Xmx64m}, in every format: the same verdict, and for
   * JUnit XML a testcase a record (the format's promise), streamed from the file rather than kept.
   * The output goes to a file and is read back as a stream: JUnit's is 38 MB.
   */
  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "junit"})
  void halfAMillionValidRecordsUnder64MegabytesStreamInEveryFormat(String format) throws Exception {
    Path out = dir.resolve("out." + format);
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        SMALL_HEAP, "-cp", System.getProperty("java.class.path"), Sstc.class.getName(),
        "validate", "--format", format, hugeValid.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(15, TimeUnit.MINUTES), "finished");
    String errors = Files.readString(err, StandardCharsets.UTF_8);

    assertEquals(0, process.exitValue(), errors);
    assertFalse(errors.contains("Exception") || errors.contains("OutOfMemory"), errors);
    switch (format) {
      case "text" -> assertEquals("1 file, 1 valid, 0 invalid: 0 errors, 0 warnings", Files.readString(out).strip());
      case "json" -> assertTrue(CliRun.JSON.readTree(out.toFile()).get(0).get("valid").asBoolean());
      case "sarif" -> assertEquals(0, CliRun.JSON.readTree(out.toFile()).get("runs").get(0).get("results").size());
      default -> {
        long testcases = 0;
        String declared = null;
        javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newDefaultFactory();
        factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        try (java.io.InputStream in = Files.newInputStream(out)) {
          javax.xml.stream.XMLStreamReader xml = factory.createXMLStreamReader(in);
          while (xml.hasNext()) {
            if (xml.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
              if (xml.getLocalName().equals("testsuite")) {
                declared = xml.getAttributeValue(null, "tests");
                assertEquals("0", xml.getAttributeValue(null, "failures"));
              } else if (xml.getLocalName().equals("testcase")) {
                testcases++;
              }
            }
          }
        }
        assertEquals(VALID_RECORDS, testcases, "a testcase a record");
        assertEquals(Integer.toString(VALID_RECORDS), declared, "the count that comes first agrees");
      }
    }
  }

  private CliRun.Process sstcUnder256m(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), Sstc.class.getName()));
    command.addAll(List.of(args));
    return CliRun.process(dir, Map.of(), command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "junit"})
  void threeMillionBadRecordsUnder256MegabytesGiveTheVerdictAndABoundedReport(String format) throws Exception {
    CliRun.Process run = sstcUnder256m("validate", "--format", format, huge.toString());

    assertEquals(1, run.status(), () -> run.toString().substring(0, Math.min(4000, run.toString().length())));
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    assertTrue(run.out().length() < 1_000_000, "a readable report: " + run.out().length() + " characters");
    switch (format) {
      case "text" -> {
        assertTrue(run.out().contains(" more issues not shown ("), run.out().substring(0, 2000));
        assertTrue(run.out().strip().endsWith("1 file, 0 valid, 1 invalid: " + countOf(run.out()) + " errors, 0 warnings"),
            run.out().substring(run.out().length() - 500));
      }
      case "json" -> {
        JsonNode report = CliRun.JSON.readTree(run.out()).get(0);
        assertFalse(report.get("valid").asBoolean());
        assertEquals(100, report.get("issues").size());
        assertTrue(report.get("omittedIssues").asLong() >= 2_999_900, report.get("omittedIssues").toString());
      }
      case "sarif" -> {
        JsonNode log = CliRun.JSON.readTree(run.out());
        JsonNode sarifRun = log.get("runs").get(0);
        assertEquals(100, sarifRun.get("results").size());
        assertEquals(1, sarifRun.get("invocations").get(0).get("exitCode").asInt());
        assertTrue(sarifRun.get("invocations").get(0).get("toolExecutionNotifications").get(0)
            .get("message").get("text").asString().contains("more issues of"));
      }
      default -> {
        assertTrue(run.out().contains("<testcase name=\"(more issues)\""), run.out().substring(0, 2000));
        assertTrue(run.out().strip().endsWith("</testsuites>"));
      }
    }
  }

  /** The error count of the text summary: every issue is counted, listed or not. */
  private static String countOf(String out) {
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    return last.substring(last.indexOf("invalid: ") + "invalid: ".length(), last.indexOf(" errors"));
  }

  @Test
  void maxIssuesZeroListsEveryIssue() throws Exception {
    Path file = dir.resolve("three.ndjson");
    Files.writeString(file, "{}\n{}\n{}\n{}\n{}\n");

    CliRun all = CliRun.sstc("validate", "--max-issues", "0", file.toString());
    CliRun two = CliRun.sstc("validate", "--max-issues", "2", file.toString());

    assertEquals(1, all.status, all::toString);
    long listed = all.outLines().stream().filter(line -> line.startsWith(file + ":/")).count();
    assertTrue(listed > 2, all::toString);
    assertEquals(2, two.outLines().stream().filter(line -> line.startsWith(file + ":/")).count(), two::toString);
    assertTrue(two.out.contains(file + ": " + (listed - 2) + " more issues not shown"), two::toString);
    assertEquals(all.outLines().get(all.outLines().size() - 1), two.outLines().get(two.outLines().size() - 1),
        "the summary counts every issue");
  }

  @Test
  void aFifoIsRefusedInsteadOfHanging() throws Exception {
    Path fifo = dir.resolve("fifo.json");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");

    CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        () -> CliRun.sstc("validate", fifo.toString()));

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("not a regular file (a pipe, socket or device)"), run::toString);
  }

  @Test
  void unflattenRefusesSheetsTooLargeForItsMemoryWithCsvLimit() throws Exception {
    Path sheets = dir.resolve("sheets");
    CliRun flattened = CliRun.sstc("flatten", CliRun.fixture("package.json", dir.resolve("package.json")).toString(),
        "--out", sheets.toString());
    assertEquals(0, flattened.status, flattened::toString);
    Path sdgs = sheets.resolve("sdgs.csv");
    String header = Files.readAllLines(sdgs, StandardCharsets.UTF_8).get(0);
    try (BufferedWriter out = Files.newBufferedWriter(sdgs, StandardCharsets.UTF_8)) {
      out.write(header + "\n");
      for (int i = 1; i <= 440_000; i++) {
        out.write("XM-DAC-41301-SSTC-2021-0042," + i + ",2,2.3,2.3.1,principal\n");
      }
    }
    assertTrue(Files.size(sdgs) > 24_000_000);

    CliRun.Process run = sstcUnder256m("unflatten", sheets.toString(), "--out", dir.resolve("back.json").toString());

    assertEquals(1, run.status(), run::toString);
    assertTrue(run.out().contains("error csv.limit: the sheets hold 2"), run::toString);
    assertFalse(run.err().contains("OutOfMemoryError"), run::toString);
    assertFalse(Files.exists(dir.resolve("back.json")));
  }

  @Test
  void aDashReadsStandardInputOnce() throws Exception {
    byte[] record = PullCommandTest.initiativeJson("XM-DAC-41301-STDIN-1").getBytes(StandardCharsets.UTF_8);
    java.io.InputStream before = System.in;
    CliRun run;
    try {
      System.setIn(new java.io.ByteArrayInputStream(record));
      run = CliRun.sstc("validate", "--format", "json", "-");
    } finally {
      System.setIn(before);
    }

    assertEquals(0, run.status, run::toString);
    assertEquals("-", run.json().get(0).get("file").asString());
    assertTrue(run.json().get(0).get("valid").asBoolean(), run::toString);
  }
}
