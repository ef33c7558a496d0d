package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages are for people at a terminal: they name flags and environment variables, never Java
 * methods, never print "null", and a mistake in the command line is a usage error (status 2).
 */
class MessagesTest {
  private static final Pattern JAVA_ISMS = Pattern.compile(
      "builder\\(|allowInsecureHttp|SstcClient|token\\(|\\bnull\\b|Exception:|\\tat ");

  @TempDir Path dir;

  private final MockWebServer server = new MockWebServer();
  private final List<CliRun> seen = new ArrayList<>();

  @AfterEach
  void stop() {
    server.close();
    HubOptions.environment = System::getenv;
    for (CliRun run : seen) {
      assertFalse(JAVA_ISMS.matcher(run.err).find(), () -> "a message for Java developers: " + run);
      assertFalse(JAVA_ISMS.matcher(run.out).find(), () -> "a message for Java developers: " + run);
    }
  }

  private CliRun sstc(String... args) {
    CliRun run = CliRun.sstc(args);
    seen.add(run);
    return run;
  }

  private static void token(String value) {
    HubOptions.environment = name -> name.equals(HubOptions.TOKEN_VARIABLE) ? value : System.getenv(name);
  }

  private String record() throws Exception {
    Path file = dir.resolve("initiative.json");
    Files.writeString(file, PullCommandTest.initiativeJson("XM-DAC-41301-MSG-1"), StandardCharsets.UTF_8);
    return file.toString();
  }

  private String hub(MockResponse... responses) throws Exception {
    for (MockResponse response : responses) {
      server.enqueue(response);
    }
    server.start();
    return "http://127.0.0.1:" + server.getPort();
  }

  @Test
  void aTokenWithALineBreakIsAUsageErrorThatDoesNotShowTheToken() throws Exception {
    token("secret-part-one\nsecret-part-two");

    CliRun run = sstc("publish", "--hub", "http://127.0.0.1:9", record());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.startsWith("sstc: SSTC_TOKEN holds a line break at position 16"), run::toString);
    assertFalse(run.err.contains("secret-part"), run::toString);
  }

  @Test
  void aUserAndPasswordInTheHubUrlIsAUsageErrorThatDoesNotShowThem() throws Exception {
    token("t");

    CliRun run = sstc("publish", "--hub", "https://alice:pa55word@hub.example.org", record());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("--hub must not hold a user name or password"), run::toString);
    assertFalse(run.err.contains("pa55word") || run.err.contains("alice"), run::toString);
  }

  @Test
  void plainHttpToAnotherMachineNamesTheFlagThatAllowsIt() throws Exception {
    token("t");

    CliRun run = sstc("publish", "--hub", "http://hub.example.org", record());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("add --insecure-http"), run::toString);
  }

  @Test
  void aMissingTokenNamesTheVariable() throws Exception {
    token("");

    CliRun run = sstc("publish", "--hub", "http://127.0.0.1:9", record());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("set the SSTC_TOKEN environment variable"), run::toString);
  }

  @Test
  void aTokenTheHubRefusesNamesTheVariable() throws Exception {
    token("wrong");
    String hub = hub(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/problem+json")
        .body("{\"type\":\"https://sstc.example/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401}").build());

    CliRun run = sstc("publish", "--hub", hub, record());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("Check SSTC_TOKEN"), run::toString);
  }

  @Test
  void aHubFailureWithoutARequestIdSaysSoInsteadOfNull() throws Exception {
    MockResponse unavailable = new MockResponse.Builder().code(503).body("").build();
    String hub = hub(unavailable, unavailable, unavailable, unavailable, unavailable, unavailable, unavailable,
        unavailable, unavailable, unavailable);

    CliRun run = sstc("pull", "--hub", hub, "--out", dir.resolve("mirror").toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("the hub sent no request id"), run::toString);
  }

  @Test
  void aHubThatIsNotThereIsSaidInWords() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }

    CliRun run = sstc("pull", "--hub", "http://127.0.0.1:" + port, "--out", dir.resolve("mirror").toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("no answer from the hub, even after 8 retries: the connection was refused"),
        run::toString);
  }

  @Test
  void aBadReadTimeoutIsAUsageError() {
    CliRun run = sstc("pull", "--hub", "http://127.0.0.1:9", "--read-timeout", "soon", "--out", dir.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.startsWith("sstc: --read-timeout (or SSTC_READ_TIMEOUT) must be a number of seconds"),
        run::toString);
  }

  @Test
  void aUsageErrorIsTheErrorAndOneLineAboutHelp() {
    CliRun run = sstc("pull", "--hub", "http://127.0.0.1:9");

    assertEquals(2, run.status, run::toString);
    assertEquals(List.of("sstc: Missing required option: '--out=DIR'", "Run 'sstc pull --help' for its usage."),
        run.err.lines().toList());
  }

  @Test
  void countsAreSingularForOne() throws Exception {
    token("fao-secret");
    try (org.sstc.exchange.hub.SstcHub real = org.sstc.exchange.hub.SstcHub.builder()
        .token("XM-DAC-41301", "fao-secret").build().start()) {
      CliRun run = sstc("publish", "--hub", real.baseUrl().toString(), record());

      assertEquals(0, run.status, run::toString);
      assertTrue(run.out.contains("initiative.json: 1 record: 1 created"), run::toString);
      assertTrue(run.out.endsWith("1 record accepted, 0 refused\n"), run::toString);
    }
  }

  @Test
  void aHubExportThatCannotBeWrittenOrAFileThatIsNoExportIsSaidPlainly() throws Exception {
    String data = dir.resolve("hub").toString();
    java.io.InputStream before = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("a-token-of-sixteen-chars".getBytes(StandardCharsets.UTF_8)));
      assertEquals(Sstc.OK, sstc("tokens", "add", "--org", "XM-DAC-41301", "--data", data).status);
    } finally {
      System.setIn(before);
    }
    Path nowhere = dir.resolve("no-such-folder").resolve("export.ndjson");

    CliRun export = sstc("hub", "export", "--data", data, "--out", nowhere.toString());
    assertEquals(Sstc.USAGE_OR_IO, export.status, export::toString);
    assertEquals("sstc: cannot write " + nowhere + ": no such file", export.err.strip(), export::toString);

    CliRun notAnExport = sstc("hub", "import", "--data", dir.resolve("other").toString(), "--in", record());
    assertEquals(Sstc.USAGE_OR_IO, notAnExport.status, notAnExport::toString);
    assertTrue(notAnExport.err.contains("line 1 of the export is not JSON: an export holds one JSON object a line"),
        notAnExport::toString);
    assertFalse(notAnExport.err.contains("Source:"), "no parser excerpts: " + notAnExport);
  }
}
