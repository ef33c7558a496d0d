package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid document of the standard's own test corpus survives reading into the model and
 * writing back: the written JSON is still valid, reads back to an equal object, and keeps every
 * member of the original (the model drops nothing a user wrote).
 */
class FixtureRoundTripTest {
  private static final Path VALID = Path.of("../schema/test-fixtures/valid");
  private final SstcJson json = SstcJson.standard();

  static Stream<Path> validRecords() throws IOException {
    try (Stream<Path> files = Files.list(VALID)) {
      // The validation report is not a record: it has no model type to round-trip through.
      return files.filter(file -> !file.getFileName().toString().startsWith("validation-report")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("validRecords")
  void readingAndWritingAValidRecordKeepsItValidAndWhole(Path file) throws IOException {
    byte[] original = Files.readAllBytes(file);
    SstcRecord record = json.read(original);
    byte[] written = json.write(record);

    assertThat(Validator.standard().validate(written).errors()).as(new String(written, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    assertThat(json.read(written)).isEqualTo(record);
    assertThat(json.readTree(written)).isEqualTo(json.readTree(original));

    // Validating and reading at once hands over the same record (a package included) as read().
    Validator.Checked checked = Validator.standard().validateAndRead(original);
    assertThat(checked.valid()).isTrue();
    assertThat(checked.record()).contains(record);
  }
}
