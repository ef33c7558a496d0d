package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's nullness check is real: javac with Error Prone and NullAway, given the flags the
 * parent pom compiles main code with ({@code errorprone.common.flags} and {@code nullaway.flags},
 * handed over by surefire), refuses a {@code @NullMarked} source in which a null reaches a
 * non-null parameter, and accepts it once the null is checked.
 */
class NullAwayBuildTest {

  private static final String HEADER = """
      package org.sstc.exchange.probe;

      import org.jspecify.annotations.NullMarked;
      import org.jspecify.annotations.Nullable;

      @NullMarked
      final class Probe {
        static int length(String text) {
          return text.length();
        }

      """;

  @Test
  void aNullPassedToANonNullParameterFailsTheCompilation(@TempDir Path dir) throws Exception {
    Compilation result = compile(dir, HEADER + """
          static int caller(@Nullable String maybe) {
            return length(maybe);
          }
        }
        """);

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output())
        .contains("Probe.java:13: error: [NullAway] passing @Nullable parameter 'maybe' where @NonNull is required");
  }

  @Test
  void theSameCallAfterANullCheckCompiles(@TempDir Path dir) throws Exception {
    Compilation result = compile(dir, HEADER + """
          static int caller(@Nullable String maybe) {
            return maybe == null ? 0 : length(maybe);
          }
        }
        """);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).doesNotContain("NullAway");
  }

  @Test
  void jspecifyModeChecksTypeArgumentsWhereItsJavacIsThere(@TempDir Path dir) throws Exception {
    String javac = System.getProperty("nullaway.jspecify.javac", "");
    Assumptions.assumeTrue(!javac.isBlank() && Files.isExecutable(Path.of(javac)),
        "JSpecify mode runs only where the nullaway-jspecify-fork profile found its javac");
    Compilation result = compile(dir, javac, System.getProperty("errorprone.flags")
        + " -XepOpt:NullAway:JSpecifyMode=true", HEADER + """
          static java.util.List<String> strings(java.util.List<@Nullable String> maybe) {
            return maybe;
          }
        }
        """);

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("Probe.java:13: error: [NullAway]").contains("@Nullable String");
  }

  private record Compilation(int exitCode, String output) {}

  /** Compiles one source with the JDK's javac in its own process, as the build's compiler does. */
  private static Compilation compile(Path dir, String source) throws IOException, InterruptedException {
    return compile(dir, Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        System.getProperty("errorprone.flags"), source);
  }

  private static Compilation compile(Path dir, String javacPath, String flags, String source)
      throws IOException, InterruptedException {
    assertThat(flags).as("surefire passes the build's Error Prone flags").isNotBlank().contains("NullAway:ERROR");
    Path file = dir.resolve("Probe.java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>();
    command.add(javacPath);
    for (String pkg : List.of("api", "file", "main", "model", "parser", "processing", "tree", "util")) {
      command.add("-J--add-exports=jdk.compiler/com.sun.tools.javac." + pkg + "=ALL-UNNAMED");
    }
    for (String pkg : List.of("code", "comp")) {
      command.add("-J--add-opens=jdk.compiler/com.sun.tools.javac." + pkg + "=ALL-UNNAMED");
    }
    command.addAll(List.of(
        "--release", "17",
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-classpath", classPath,
        "-processorpath", classPath,
        "-d", dir.resolve("classes").toString(),
        "-Xplugin:ErrorProne " + flags,
        file.toString()));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(javac.waitFor(2, TimeUnit.MINUTES)).as("javac finished").isTrue();
    return new Compilation(javac.exitValue(), output);
  }
}
