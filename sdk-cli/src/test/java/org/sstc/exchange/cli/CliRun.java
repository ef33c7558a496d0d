package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code sstc} in-process and keeps what it printed; plus fixture helpers. */
final class CliRun {
  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  final int status;
  final String out;
  final String err;

  private CliRun(int status, String out, String err) {
    this.status = status;
    this.out = out;
    this.err = err;
  }

  /** Runs the configured command line, as {@code main} would: with only the named subcommand. */
  static CliRun sstc(String... args) {
    return run(Sstc.newCommandLine(args.length == 0 ? null : args[0]), args);
  }

  /** Runs {@code sstc} in-process with {@code input} as its standard input (as {@code < file} would). */
  static CliRun sstcWithInput(byte[] input, String... args) {
    InputStream before = System.in;
    System.setIn(new java.io.ByteArrayInputStream(input));
    try {
      return sstc(args);
    } finally {
      System.setIn(before);
    }
  }

  static CliRun run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int status = commandLine.execute(args);
    return new CliRun(status, out.toString(), err.toString());
  }

  /** stdout as one JSON array; fails if there is anything else on stdout. */
  JsonNode json() {
    JsonNode tree = JSON.readTree(out);
    if (!tree.isArray()) {
      throw new AssertionError("stdout is not a JSON array: " + out);
    }
    return tree;
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  static List<String> names(JsonNode object) {
    return new ArrayList<>(object.propertyNames());
  }

  /** Copies a fixture from {@code src/test/resources/fixtures} to {@code target}. */
  static Path fixture(String name, Path target) {
    try (InputStream in = CliRun.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a child process did: its status and what it printed. */
  record Process(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code command} as a child process in {@code dir}, without SSTC_TOKEN unless given; waits up to 5 minutes. */
  static Process process(Path dir, java.util.Map<String, String> environment, List<String> command) throws Exception {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("SSTC_TOKEN");
    builder.environment().putAll(environment);
    java.lang.Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish: " + command);
    }
    return new Process(process.exitValue(), Files.readString(out, java.nio.charset.StandardCharsets.UTF_8),
        Files.readString(err, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
