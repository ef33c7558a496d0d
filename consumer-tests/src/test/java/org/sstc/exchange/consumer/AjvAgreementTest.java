package org.sstc.exchange.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Validator;

/**
 * A team without Java checks its files with any JSON Schema tool: Ajv (ajv-cli, draft 2020-12,
 * formats asserted by ajv-formats) must reach the same verdict as the SDK on every file of the
 * schema's test corpus and on the sample package.
 *
 * <p>The SDK's verdict is restricted to what JSON Schema can say: its {@code json.*} and {@code
 * schema.*} errors. Its codelist and rule checks go beyond JSON Schema and are left out. Every
 * document goes through {@code record.schema.json}, which picks the schema by {@code recordType}
 * as the SDK does. The validation-report fixtures are not records: both must refuse them as
 * records, and Ajv must also give them the verdict of their own directory against {@code
 * validation-report.schema.json}.
 *
 * <p>Ajv comes from {@code tools/api} (pinned in its package-lock.json, installed by the build);
 * {@code -Dajv.skip=true} skips this test and the install.
 */
class AjvAgreementTest {
  private static final Path REPO = Path.of(System.getProperty("sstc.repo", "..")).toAbsolutePath().normalize();
  private static final Path TOOLS = REPO.resolve("tools/api");
  private static final Path AJV = TOOLS.resolve("node_modules/ajv-cli/dist/index.js");
  private static final Path SCHEMAS = REPO.resolve("schema/1.0");
  private static final Path FIXTURES = REPO.resolve("schema/test-fixtures");
  private static final Path SAMPLE =
      REPO.resolve("sdk-examples/src/main/resources/org/sstc/exchange/examples/sample-package.json");

  @BeforeAll
  static void ajvIsInstalled() {
    assumeFalse(Boolean.getBoolean("ajv.skip"), "ajv.skip is set");
    assertThat(AJV).as("ajv-cli is not installed: run  node tools/api/ensure-installed.mjs").isRegularFile();
  }

  @Test
  void ajvAndTheSdkGiveEveryFileTheSameSchemaVerdict() throws Exception {
    List<Path> files = corpus();
    Map<Path, Boolean> ajv = ajv("record.schema.json", files);
    Map<Path, Boolean> sdk = new LinkedHashMap<>();
    Map<Path, List<Issue>> sdkIssues = new LinkedHashMap<>();
    for (Path file : files) {
      List<Issue> schemaErrors = Validator.standard().validate(file).issues().stream()
          .filter(Issue::isError)
          .filter(issue -> issue.code().startsWith("json.") || issue.code().startsWith("schema."))
          .toList();
      sdkIssues.put(file, schemaErrors);
      sdk.put(file, schemaErrors.isEmpty());
    }

    List<String> disagreements = new ArrayList<>();
    for (Path file : files) {
      if (!ajv.get(file).equals(sdk.get(file))) {
        disagreements.add(REPO.relativize(file) + ": ajv says " + verdict(ajv.get(file))
            + ", the SDK says " + verdict(sdk.get(file)) + " " + sdkIssues.get(file));
      }
    }
    assertThat(disagreements).as("files on which ajv and the SDK disagree").isEmpty();

    // And both are right: valid/ and the sample are valid; invalid/ records are not; a validation
    // report is not a record.
    for (Path file : files) {
      boolean expected = file.startsWith(FIXTURES.resolve("valid")) && !isReport(file) || file.equals(SAMPLE);
      assertThat(sdk.get(file)).as("verdict on %s", REPO.relativize(file)).isEqualTo(expected);
    }
    long valid = sdk.values().stream().filter(v -> v).count();
    System.out.printf("ajv and the SDK agree on %d files: %d valid, %d invalid%n",
        files.size(), valid, files.size() - valid);
    assertThat(files).hasSizeGreaterThan(40);
  }

  @Test
  void ajvGivesTheValidationReportFixturesTheirDirectorysVerdict() throws Exception {
    List<Path> reports = corpus().stream().filter(AjvAgreementTest::isReport).toList();
    Map<Path, Boolean> ajv = ajv("validation-report.schema.json", reports);
    for (Path report : reports) {
      assertThat(ajv.get(report)).as("ajv on %s", REPO.relativize(report))
          .isEqualTo(report.startsWith(FIXTURES.resolve("valid")));
    }
    assertThat(reports).hasSize(4);
  }

  private static boolean isReport(Path file) {
    return file.getFileName().toString().startsWith("validation-report");
  }

  private static String verdict(boolean valid) {
    return valid ? "valid" : "invalid";
  }

  /** Every fixture, valid and invalid, and the sample package. */
  private static List<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("valid", "invalid")) {
      try (Stream<Path> listed = Files.list(FIXTURES.resolve(dir))) {
        files.addAll(listed.filter(f -> f.toString().endsWith(".json")).sorted().toList());
      }
    }
    files.add(SAMPLE);
    return files;
  }

  /**
   * One run of {@code ajv validate} over {@code files} against {@code schema} (every other schema
   * of 1.0 added with {@code -r}, so that references resolve locally): file → valid.
   */
  private static Map<Path, Boolean> ajv(String schema, List<Path> files) throws Exception {
    return ajv(SCHEMAS.resolve(schema), List.of(SCHEMAS), files);
  }

  /**
   * One run of {@code ajv validate} over {@code files} against {@code schema}, every other
   * {@code *.schema.json} of {@code schemaDirs} added with {@code -r}: file → valid.
   */
  static Map<Path, Boolean> ajv(Path schema, List<Path> schemaDirs, List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", AJV.toString(), "validate",
        // Strict mode, but for strictRequired: the schema says "plannedStart or actualStart" with
        // anyOf: [{required: [plannedStart]}, ...], naming properties defined beside the anyOf.
        "--spec=draft2020", "--strict=true", "--strict-required=false", "-c", "ajv-formats", "--errors=line",
        "-s", schema.toString()));
    for (Path dir : schemaDirs) {
      try (Stream<Path> schemas = Files.list(dir)) {
        for (Path other : schemas.filter(s -> s.toString().endsWith(".schema.json")).sorted().toList()) {
          if (!other.equals(schema)) {
            command.addAll(List.of("-r", other.toString()));
          }
        }
      }
    }
    for (Path file : files) {
      command.addAll(List.of("-d", file.toString()));
    }
    Process process = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    Map<Path, Boolean> verdicts = new LinkedHashMap<>();
    for (String line : output.split("\\R")) {
      for (Path file : files) {
        if (line.equals(file + " valid")) {
          verdicts.put(file, true);
        } else if (line.equals(file + " invalid")) {
          verdicts.put(file, false);
        }
      }
    }
    // ajv exits 1 when a file is invalid, and otherwise for a schema or usage error: then some
    // file has no verdict and its output says why.
    assertThat(verdicts.keySet()).as("ajv's verdicts; its output:%n%s", output)
        .containsExactlyInAnyOrderElementsOf(files);
    assertThat(process.exitValue()).as(output)
        .isEqualTo(verdicts.containsValue(false) ? 1 : 0);
    return verdicts.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
