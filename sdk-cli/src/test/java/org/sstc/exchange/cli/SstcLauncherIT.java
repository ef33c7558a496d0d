package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.sstc.exchange.cli.CliRun.fixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher the build puts beside the jar, {@code target/sstc}, as a user would: it must
 * answer exactly as {@code java -jar target/sstc.jar} does, and its class-data archive must be one
 * this Java maps (else the launcher would start, silently, at the jar's speed).
 */
class SstcLauncherIT {
  private static final Path TARGET = Path.of(System.getProperty("sstc.jar", "target/sstc.jar")).toAbsolutePath().getParent();

  @TempDir Path dir;

  private record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @BeforeEach
  void posixOnly() {
    assumeFalse(System.getProperty("os.name").startsWith("Windows"), "the launcher is a POSIX shell script");
  }

  private Result run(Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("SSTC_JAVA_OPTS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish: " + command);
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Result launcher(Path launcher, Map<String, String> environment, String... args) throws Exception {
    assertTrue(Files.isExecutable(launcher), "build first (mvn package): " + launcher);
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return run(environment, command);
  }

  private Result jar(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", TARGET.resolve("sstc.jar").toString()));
    command.addAll(List.of(args));
    return run(Map.of(), command);
  }

  @Test
  void theLauncherAnswersAsTheJarDoes() throws Exception {
    Path valid = fixture("initiative-full.json", dir.resolve("in/initiative.json"));
    Path broken = fixture("package-third-broken.json", dir.resolve("in/broken.json"));
    String[][] runs = {
        {"validate", valid.toString()},
        {"validate", "--format", "json", valid.toString(), broken.toString()},
        {"validate", valid.toString(), dir.resolve("no-such-file.json").toString()},
        {"--version"},
        {"validate", "--no-such-option"},
    };
    for (String[] args : runs) {
      Result viaJar = jar(args);
      Result viaLauncher = launcher(TARGET.resolve("sstc"), Map.of(), args);
      assertEquals(viaJar, viaLauncher, String.join(" ", args));
    }
    assertEquals(1, launcher(TARGET.resolve("sstc"), Map.of(), runs[1]).status());
  }

  @Test
  void theBuildsArchiveIsOneThisJavaMaps() throws Exception {
    Path valid = fixture("initiative-full.json", dir.resolve("in/initiative.json"));
    assertTrue(Files.isRegularFile(TARGET.resolve("sstc.jsa")), "the build makes target/sstc.jsa");
    Path loaded = dir.resolve("classes.txt");
    // -Xshare:on turns an archive the JVM cannot use (another Java, a rebuilt jar) into a failure;
    // the class-load log says where each class came from.
    Result result = launcher(TARGET.resolve("sstc"),
        Map.of("SSTC_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + loaded), "validate", valid.toString());
    assertEquals(new Result(0, "1 file, 1 valid, 0 invalid: 0 errors, 0 warnings\n", ""), result);
    // The SDK's own classes come from the build's archive (the "top" layer over the JDK's).
    assertTrue(Files.readAllLines(loaded).stream().anyMatch(line ->
        line.contains(" org.sstc.exchange.core.Issue source: shared objects file (top)")), "read from sstc.jsa");
  }

  @Test
  void aMissingJavaIsNamedWithTheVariableThatChoseIt() throws Exception {
    Result result = launcher(TARGET.resolve("sstc"), Map.of("JAVA_HOME", dir.resolve("no-java").toString()), "--version");
    assertEquals(2, result.status(), result::toString);
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("sstc: no Java found (JAVA_HOME is " + dir.resolve("no-java")), result::toString);
  }

  @Test
  void aLinkedLauncherInAFolderWithSpacesFindsItsJarAndPassesArgumentsWhole() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("tools with spaces"));
    Files.copy(TARGET.resolve("sstc"), folder.resolve("sstc"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(TARGET.resolve("sstc.jar"), folder.resolve("sstc.jar"));
    Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("sstc"), folder.resolve("sstc"));
    Path valid = fixture("initiative-full.json", dir.resolve("my records/first record.json"));

    // No archive beside this copy: the launcher starts as java -jar does, and says nothing of it.
    Result result = launcher(link, Map.of(), "validate", valid.toString());

    assertEquals(new Result(0, "1 file, 1 valid, 0 invalid: 0 errors, 0 warnings\n", ""), result);
  }
}
