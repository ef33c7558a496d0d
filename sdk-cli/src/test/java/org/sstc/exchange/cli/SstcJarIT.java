package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.fixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Runs the real fat jar, {@code java -jar target/sstc.jar}, as a user would. */
class SstcJarIT {
  @TempDir Path dir;

  private static final Path JAR = Path.of(System.getProperty("sstc.jar", "target/sstc.jar"));

  private record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Result sstc(String... args) throws IOException, InterruptedException {
    return sstc(java.util.Map.of(), args);
  }

  private Result sstc(java.util.Map<String, String> environment, String... args) throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR.toAbsolutePath());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("SSTC_TOKEN");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("sstc did not finish: " + command);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theJarHoldsTheHubButNoTestLibrary() throws IOException {
    assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR.toAbsolutePath());
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> names = jar.stream().map(JarEntry::getName).toList();
      // sstc serve and sstc demo run sdk-hub; the test kit, and with it JUnit, stays out.
      assertTrue(names.contains("org/sstc/exchange/hub/SstcHub.class"), "the hub is in " + JAR);
      assertEquals(List.of(), names.stream()
          .filter(name -> name.startsWith("org/junit/") || name.startsWith("org/opentest4j/")
              || name.startsWith("org/apiguardian/") || name.startsWith("org/sstc/exchange/testkit/"))
          .toList(), "test libraries in " + JAR);
    }
  }

  @Test
  void theJarValidatesFilesAndPrintsOneJsonArray() throws Exception {
    Path valid = fixture("package.json", dir.resolve("in/package.json"));
    Path broken = fixture("package-third-broken.json", dir.resolve("in/broken.json"));
    Path ndjson = fixture("records.ndjson", dir.resolve("in/records.ndjson"));

    Result result = sstc("validate", "--format", "json", valid.toString(), broken.toString(), ndjson.toString());

    assertEquals(1, result.status(), result::toString);
    // Nothing on stderr: no Hibernate Validator start-up line, no SLF4J "no provider" warning.
    assertEquals("", result.err(), result::toString);
    JsonNode reports = CliRun.JSON.readTree(result.out());
    assertEquals(3, reports.size(), result::toString);
    assertTrue(reports.get(0).get("valid").asBoolean());
    assertTrue(reports.get(1).get("issues").get(0).get("pointer").asString().startsWith("/initiatives/2/"));
    assertEquals(2, reports.get(2).get("issues").get(0).get("line").asInt());
  }

  @Test
  void theJarFlattensAPackageAndReadsItBack() throws Exception {
    Path pkg = fixture("package.json", dir.resolve("in/package.json"));
    Path sheets = dir.resolve("sheets");
    Path again = dir.resolve("again.json");

    Result flatten = sstc("flatten", pkg.toString(), "--out", sheets.toString());
    assertEquals(0, flatten.status(), flatten::toString);
    Result unflatten = sstc("unflatten", sheets.toString(), "--out", again.toString());
    assertEquals(0, unflatten.status(), unflatten::toString);
    assertEquals("", unflatten.err(), unflatten::toString);

    org.sstc.exchange.core.SstcJson json = org.sstc.exchange.core.SstcJson.standard();
    assertEquals(
        json.writeString(json.read(Files.readAllBytes(pkg), org.sstc.exchange.core.RecordPackage.class)),
        json.writeString(json.read(Files.readAllBytes(again), org.sstc.exchange.core.RecordPackage.class)));
  }

  @Test
  void theJarExitsZeroOnValidFilesAndTwoOnAMissingOne() throws Exception {
    Path valid = fixture("initiative-full.json", dir.resolve("in/initiative.json"));

    Result ok = sstc("validate", dir.resolve("in").toString());
    assertEquals(0, ok.status(), ok::toString);
    assertEquals("1 file, 1 valid, 0 invalid: 0 errors, 0 warnings\n", ok.out().replace("\r\n", "\n"));

    Result missing = sstc("validate", valid.toString(), "no-such-file.json");
    assertEquals(2, missing.status(), missing::toString);
    assertTrue(missing.err().startsWith("sstc: cannot read no-such-file.json: no such file"), missing::toString);
  }

  @Test
  void theJarPrintsItsVersionAndUsage() throws Exception {
    Result version = sstc("--version");
    assertEquals(0, version.status(), version::toString);
    assertTrue(version.out().startsWith("sstc " + Sstc.sdkVersion()), version::toString);

    Result usage = sstc("validate", "--no-such-option", "x.json");
    assertEquals(2, usage.status(), usage::toString);
    assertEquals("", usage.out());
    assertTrue(usage.err().contains("Run 'sstc validate --help' for its usage."), usage::toString);
  }

  @Test
  void theJarRunsTheDemo() throws Exception {
    Path out = dir.resolve("demo");

    Result demo = sstc("demo", "--out", out.toString());

    assertEquals(0, demo.status(), demo::toString);
    assertEquals("", demo.err(), demo::toString);
    assertTrue(demo.out().contains("REFUSED: HTTP 403 "), demo::toString);
    assertTrue(demo.out().contains("keeps those with a recipient in Africa: 5 found."), demo::toString);
    assertTrue(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8).contains("data-modality=\"triangular\">8<"));
  }

  @Test
  void theJarServesPublishesRefusesAStaleUpdateAndPullsTheChangeFeed() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    String hub = "http://127.0.0.1:" + port;
    Path serveLog = dir.resolve("serve.log");
    // A hub that keeps its data (the embedded store in the jar), with a token made by sstc tokens.
    Path data = dir.resolve("hub-data");
    Result added = sstc("tokens", "add", "--org", "XM-DAC-41301", "--data", data.toString());
    assertEquals(0, added.status(), added::toString);
    String token = added.out().strip();
    Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "serve", "--data", data.toString(), "--port", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(serveLog.toFile()).start();
    try {
      awaitListening(port, serve, serveLog);
      Path pkg = fixture("package.json", dir.resolve("in/package.json"));
      // FAO's token writes FAO's records: the package keeps FAO's own organisation record only.
      tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) CliRun.JSON.readTree(Files.readString(pkg));
      tools.jackson.databind.node.ArrayNode organisations = tree.putArray("organisations");
      CliRun.JSON.readTree(Files.readString(pkg)).path("organisations").forEach(o -> {
        if (o.path("id").asString().equals("XM-DAC-41301")) {
          organisations.add(o);
        }
      });
      Files.writeString(pkg, tree.toString());

      Result noToken = sstc("publish", "--hub", hub, pkg.toString());
      assertEquals(2, noToken.status(), noToken::toString);
      assertTrue(noToken.err().contains("SSTC_TOKEN"), noToken::toString);

      Result published = sstc(java.util.Map.of("SSTC_TOKEN", token), "publish", "--hub", hub, pkg.toString());
      assertEquals(0, published.status(), published::toString);
      assertTrue(published.out().contains("0 rejected"), published::toString);
      assertTrue(!published.out().contains(token) && !published.err().contains(token), "the token is never printed");
      Result again = sstc(java.util.Map.of("SSTC_TOKEN", token), "publish", "--hub", hub, pkg.toString());
      assertTrue(again.out().contains("0 created") && again.out().contains("unchanged"), again::toString);

      // An update based on a version that is no longer current is refused, and changes nothing.
      okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
      String id = "XM-DAC-41301-SSTC-2021-0042";
      String body;
      try (okhttp3.Response current = http.newCall(new okhttp3.Request.Builder().url(hub + "/initiatives/" + id).build()).execute()) {
        assertEquals(200, current.code());
        assertEquals("\"1\"", current.header("ETag"));
        body = current.body().string();
      }
      try (okhttp3.Response stale = http.newCall(new okhttp3.Request.Builder().url(hub + "/initiatives/" + id)
          .header("Authorization", "Bearer " + token).header("If-Match", "\"7\"")
          .put(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json"))).build()).execute()) {
        assertEquals(412, stale.code());
        assertTrue(String.valueOf(stale.header("Content-Type")).startsWith("application/problem+json"));
      }
      http.connectionPool().evictAll();

      Path mirror = dir.resolve("mirror");
      Result pulled = sstc("pull", "--hub", hub, "--out", mirror.toString());
      assertEquals(0, pulled.status(), pulled::toString);
      assertTrue(Files.isRegularFile(mirror.resolve("initiatives").resolve(id + ".json")), pulled::toString);
      assertTrue(Files.isRegularFile(mirror.resolve(".sstc-cursor")), pulled::toString);
      Result pulledAgain = sstc("pull", "--hub", hub, "--out", mirror.toString());
      assertEquals(0, pulledAgain.status(), pulledAgain::toString);
      assertTrue(pulledAgain.out().startsWith("pulled 0 changes"), pulledAgain::toString);
      assertTrue(pulled.out().startsWith("pulled ") && !pulled.out().startsWith("pulled 0 "), pulled::toString);
    } finally {
      serve.destroy();
      serve.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitListening(int port, Process serve, Path log) throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < giveUp) {
      if (!serve.isAlive()) {
        throw new AssertionError("sstc serve exited: " + Files.readString(log));
      }
      try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("sstc serve did not listen: " + Files.readString(log));
  }
}
