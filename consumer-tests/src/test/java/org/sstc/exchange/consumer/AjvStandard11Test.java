package org.sstc.exchange.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A team without Java checks 1.1 files, and files that mix 1.0 and 1.1, with any JSON Schema tool:
 * Ajv (draft 2020-12, strict, formats asserted) accepts every fixture of {@code
 * schema/test-fixtures/1.1/valid} and refuses every one of {@code 1.1/invalid} against {@code
 * schema/record.schema.json}, the entry schema that picks the version by {@code schemaVersion};
 * and that entry schema gives every 1.0 file the verdict 1.0's own {@code record.schema.json}
 * gives it.
 *
 * <p>Ajv only: the SDK does not know 1.1 yet, so {@link AjvAgreementTest} (SDK and Ajv agree)
 * reads the 1.0 folders alone. When the SDK learns 1.1, its fixture tests add the {@code 1.1}
 * folders (see {@code schema/test-fixtures/1.1/README.md}).
 */
class AjvStandard11Test {
  private static final Path REPO = Path.of(System.getProperty("sstc.repo", "..")).toAbsolutePath().normalize();
  private static final Path SCHEMA = REPO.resolve("schema");
  private static final Path ENTRY = SCHEMA.resolve("record.schema.json");
  private static final List<Path> ALL_VERSIONS = List.of(SCHEMA, SCHEMA.resolve("1.0"), SCHEMA.resolve("1.1"));
  private static final Path FIXTURES = SCHEMA.resolve("test-fixtures");
  private static final Path FIXTURES_11 = FIXTURES.resolve("1.1");

  @BeforeAll
  static void ajvIsInstalled() {
    AjvAgreementTest.ajvIsInstalled();
  }

  @Test
  void ajvAcceptsEvery11ValidFixtureAndRefusesEvery11InvalidOne() throws Exception {
    List<Path> valid = list(FIXTURES_11.resolve("valid"));
    List<Path> invalid = list(FIXTURES_11.resolve("invalid"));
    List<Path> files = new ArrayList<>(valid);
    files.addAll(invalid);

    Map<Path, Boolean> ajv = AjvAgreementTest.ajv(ENTRY, ALL_VERSIONS, files);

    List<String> wrong = new ArrayList<>();
    for (Path file : files) {
      boolean expected = valid.contains(file);
      if (ajv.get(file) != expected) {
        wrong.add(REPO.relativize(file) + ": ajv says " + (ajv.get(file) ? "valid" : "invalid"));
      }
    }
    assertThat(wrong).as("1.1 fixtures that ajv does not give their directory's verdict").isEmpty();
    assertThat(valid).hasSizeGreaterThanOrEqualTo(4);
    assertThat(invalid).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void theVersionPickingEntrySchemaGivesEvery10FileThe10Verdict() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("valid", "invalid")) {
      list(FIXTURES.resolve(dir)).stream()
          .filter(f -> !f.getFileName().toString().startsWith("validation-report"))
          .forEach(files::add);
    }

    Map<Path, Boolean> entry = AjvAgreementTest.ajv(ENTRY, ALL_VERSIONS, files);
    Map<Path, Boolean> only10 =
        AjvAgreementTest.ajv(SCHEMA.resolve("1.0/record.schema.json"), List.of(SCHEMA.resolve("1.0")), files);

    assertThat(entry).isEqualTo(only10);
    assertThat(entry).containsValue(true).containsValue(false);
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> listed = Files.list(dir)) {
      return listed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }
}
