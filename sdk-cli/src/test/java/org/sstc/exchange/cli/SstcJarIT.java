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
    assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR.toAbsolutePath());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
        json.writeString(json.read(Files.readAllBytes(pkg), org.sstc.exchange.core.Package.class)),
        json.writeString(json.read(Files.readAllBytes(again), org.sstc.exchange.core.Package.class)));
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
    assertTrue(usage.err().contains("Usage: sstc validate"), usage::toString);
  }
}
