package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid document of the standard's own test corpus survives reading into the model and
 * writing back: the written JSON is still valid, reads back to an equal object, and keeps every
 * member of the original (the model drops nothing a user wrote).
 */
class FixtureRoundTripTest {
  /** The valid fixtures of every version the SDK knows: 1.0, and 1.1 in its own folder. */
  private static final List<Path> VALID = List.of(
      Path.of("../schema/test-fixtures/valid"), Path.of("../schema/test-fixtures/1.1/valid"));
  private final SstcJson json = SstcJson.standard();

  static Stream<Path> validRecords() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path folder : VALID) {
      try (Stream<Path> files = Files.list(folder)) {
        // The validation report is not a record: it has no model type to round-trip through.
        files.filter(file -> !file.getFileName().toString().startsWith("validation-report")).sorted().forEach(all::add);
      }
    }
    return all.stream();
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
    // Byte for byte what the SDK's mapper writes for the original tree, with each object's
    // members in the model's order (two 1.1 fixtures list a participant's orgId after its role):
    // no number or decimal changes its digits, no text changes.
    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo(JsonStreams.mapper().writeValueAsString(inOrderOf(json.readTree(original), json.readTree(written))));
    assertThat(json.write(json.read(written))).isEqualTo(written);

    // Validating and reading at once hands over the same record (a package included) as read().
    Validator.Checked checked = Validator.standard().validateAndRead(original);
    assertThat(checked.valid()).isTrue();
    assertThat(checked.record()).contains(record);
  }

  /** {@code tree} with the members of each object in the order {@code order} has them. */
  static JsonNode inOrderOf(JsonNode tree, JsonNode order) {
    if (tree instanceof ObjectNode object && order instanceof ObjectNode model) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      for (String name : model.propertyNames()) {
        if (object.has(name)) {
          sorted.set(name, inOrderOf(object.get(name), model.get(name)));
        }
      }
      for (String name : object.propertyNames()) {
        if (!sorted.has(name)) {
          sorted.set(name, object.get(name));
        }
      }
      return sorted;
    }
    if (tree instanceof ArrayNode array && order instanceof ArrayNode model && array.size() == model.size()) {
      ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < array.size(); i++) {
        sorted.add(inOrderOf(array.get(i), model.get(i)));
      }
      return sorted;
    }
    return tree;
  }
}
