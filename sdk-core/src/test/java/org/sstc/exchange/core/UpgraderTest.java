package org.sstc.exchange.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@link Upgrader}: 1.0 documents become 1.1, nothing lost, and what changed is said. */
class UpgraderTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path VALID = Path.of("../schema/test-fixtures/valid");

  @Test
  void aPackageAndEveryRecordInItBecomeOnePointOneWithNothingElseChanged() throws IOException {
    byte[] original = Files.readAllBytes(VALID.resolve("package.json"));

    Upgraded upgraded = Upgrader.to("1.1").upgrade(original);

    assertEquals("1.0", upgraded.fromVersion());
    assertEquals(
        List.of(
            "/schemaVersion: \"1.0\" -> \"1.1\"",
            "/initiatives/0/schemaVersion: \"1.0\" -> \"1.1\"",
            "/initiatives/1/schemaVersion: \"1.0\" -> \"1.1\"",
            "/organisations/0/schemaVersion: \"1.0\" -> \"1.1\"",
            "/organisations/1/schemaVersion: \"1.0\" -> \"1.1\""),
        upgraded.changes());
    assertTrue(upgraded.report().valid());
    // Put the versions back: what remains is the original, member for member, in order.
    ObjectNode back = (ObjectNode) JSON.readTree(upgraded.json());
    back.put("schemaVersion", "1.0");
    for (String array : List.of("initiatives", "organisations")) {
      back.get(array).forEach(record -> ((ObjectNode) record).put("schemaVersion", "1.0"));
    }
    assertEquals(JSON.writeValueAsString(JSON.readTree(original)), JSON.writeValueAsString(back));
  }

  @Test
  void extensionsAndEveryMemberSurviveInTheirOrder() throws IOException {
    byte[] original = Files.readAllBytes(VALID.resolve("initiative-full.json"));
    JsonNode before = JSON.readTree(original);

    JsonNode after = JSON.readTree(Upgrader.to("1.1").upgrade(original).json());

    List<String> namesBefore = List.copyOf(before.propertyNames());
    assertEquals(namesBefore, List.copyOf(after.propertyNames()));
    for (String name : namesBefore) {
      if (!name.equals("schemaVersion")) {
        assertEquals(before.get(name), after.get(name), name);
      }
    }
  }

  @Test
  void aDocumentAlreadyAtTheTargetIsUnchanged() throws IOException {
    ObjectNode record = (ObjectNode) JSON.readTree(Files.readAllBytes(VALID.resolve("initiative-minimal.json")));
    record.put("schemaVersion", "1.1");

    Upgraded upgraded = Upgrader.to("1.1").upgrade(JSON.writeValueAsBytes(record));

    assertEquals(List.of(), upgraded.changes());
    assertEquals(record, JSON.readTree(upgraded.json()));
  }

  @Test
  void anInvalidDocumentIsRefusedWithItsReport() throws IOException {
    ObjectNode record = (ObjectNode) JSON.readTree(Files.readAllBytes(VALID.resolve("initiative-minimal.json")));
    record.put("modality", "bilaterale");

    ValidationException refused =
        assertThrows(ValidationException.class, () -> Upgrader.to("1.1").upgrade(JSON.writeValueAsBytes(record)));

    assertEquals("/modality", refused.report().errors().get(0).pointer());
    assertTrue(refused.getMessage().contains("is not valid"), refused.getMessage());
  }

  @Test
  void anUnknownTargetNamesTheVersionsThisSdkWrites() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Upgrader.to("1.7"));
    assertTrue(refused.getMessage().contains("1.0 to 1.1"), refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Upgrader.to("2.0"));
    assertThrows(IllegalArgumentException.class, () -> Upgrader.to("latest"));
  }

  @Test
  void anUpgradeNeverGoesBack() throws IOException {
    ObjectNode record = (ObjectNode) JSON.readTree(Files.readAllBytes(VALID.resolve("initiative-minimal.json")));
    record.put("schemaVersion", "1.1");

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> Upgrader.to("1.0").upgrade(JSON.writeValueAsBytes(record)));
    assertTrue(refused.getMessage().contains("never goes back"), refused.getMessage());
  }

  @Test
  void anNdjsonFileIsUpgradedLineByLineAndStaysNdjson(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    String first = JSON.writeValueAsString(JSON.readTree(Files.readAllBytes(VALID.resolve("initiative-minimal.json"))));
    String second = JSON.writeValueAsString(JSON.readTree(Files.readAllBytes(VALID.resolve("organisation.json"))));
    Path file = dir.resolve("records.ndjson");
    Files.writeString(file, first + "\n\n" + second + "\n");

    Upgraded upgraded = Upgrader.to("1.1").upgrade(file);

    assertEquals(List.of("/0/schemaVersion: \"1.0\" -> \"1.1\"", "/2/schemaVersion: \"1.0\" -> \"1.1\""),
        upgraded.changes());
    String[] lines = upgraded.jsonText().split("\n", -1);
    assertEquals(4, lines.length);
    assertEquals(first.replace("\"1.0\"", "\"1.1\""), lines[0]);
    assertEquals("", lines[1]);
    assertEquals(second.replace("\"1.0\"", "\"1.1\""), lines[2]);
    assertEquals("", lines[3]);
  }

  @Test
  void anNdjsonFileWithABrokenLineIsRefusedNamingTheLine(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    String first = JSON.writeValueAsString(JSON.readTree(Files.readAllBytes(VALID.resolve("initiative-minimal.json"))));
    Path file = dir.resolve("records.ndjson");
    Files.writeString(file, first + "\n" + first.replace("\"bilateral\"", "\"bilaterale\"") + "\n");

    ValidationException refused = assertThrows(ValidationException.class, () -> Upgrader.to("1.1").upgrade(file));

    assertEquals("/1/modality", refused.report().errors().get(0).pointer());
    assertEquals(2L, refused.report().errors().get(0).line());
  }

  @Test
  void aFileTooLargeToHoldIsRefusedBeforeItIsRead(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path huge = dir.resolve("huge.ndjson");
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(Upgrader.MAX_FILE_BYTES + 1); // sparse: nothing is written
    }

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Upgrader.to("1.1").upgrade(huge));

    assertTrue(refused.getMessage().contains("split it"), refused.getMessage());
  }
}
