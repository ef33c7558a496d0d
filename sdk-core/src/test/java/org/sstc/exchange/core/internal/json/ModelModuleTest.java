package org.sstc.exchange.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model module's serialiser and deserialisers are a speed-up only: with them the mappers
 * write the same bytes and bind the same objects as Jackson's own {@code @JsonValue} and
 * {@code @JsonCreator} paths (the same mappers with the module removed), on every fixture of the
 * standard, valid and invalid, and on language maps with empty texts.
 */
class ModelModuleTest {
  private static final JsonSupport SUPPORT = new JsonSupport(JsonLimits.DEFAULT);
  /** The writer and binder as they were before the module: same settings, Jackson's own paths. */
  private static final JsonMapper JACKSONS_WRITER = SUPPORT.strictMapper().rebuild().removeAllModules().build();
  private static final JsonMapper JACKSONS_BINDER = SUPPORT.lenientBinder().rebuild().removeAllModules().build();

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("../schema/test-fixtures"))) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void everyFixtureFolderIsRead() throws IOException {
    // Both versions, valid and invalid: a moved folder must not leave the comparison empty.
    assertThat(fixtures().map(file -> file.getParent().toString()).distinct().toList())
        .hasSize(4)
        .allMatch(folder -> folder.endsWith("valid"));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void aFixtureBindsAndWritesAsWithJacksonsOwnPaths(Path file) throws IOException {
    JsonNode tree = SUPPORT.readDocument(Files.readAllBytes(file));
    Class<? extends SstcRecord> type = modelClass(tree);
    if (type == null) {
      return; // a validation report, or an invalid fixture with no record type: nothing to bind
    }
    sameOutcome(tree, type);
  }

  @Test
  void anEmptyTextIsWrittenAndAnEmptyMapIsLeftOut() throws IOException {
    // What the SDK wrote before the module (checked against the 1.1.0-SNAPSHOT jar of
    // 2026-12-02 11:19): "" texts are kept, so a GET returns them and the validator reports them.
    Initiative initiative = anyValidInitiative();
    Initiative someEmpty = initiative.toBuilder()
        .title(LanguageMap.of(ordered("en", "", "fr", "Alimentation scolaire", "es", "")))
        .description(LanguageMap.of(ordered("en", "", "fr", "")))
        .build();
    assertThat(sameBothWays(someEmpty))
        .contains("\"title\":{\"en\":\"\",\"fr\":\"Alimentation scolaire\",\"es\":\"\"}")
        .contains("\"description\":{\"en\":\"\",\"fr\":\"\"}");

    Initiative none = initiative.toBuilder().title(LanguageMap.of(Map.of())).description(LanguageMap.of(Map.of())).build();
    assertThat(sameBothWays(none)).doesNotContain("\"title\"").doesNotContain("\"description\"");
  }

  @Test
  void anyLanguageMapIsWrittenAsWithJacksonsOwnPath() throws IOException {
    Initiative initiative = anyValidInitiative();
    Gen<String> tags = strings().betweenCodePoints('a', 'e').ofLengthBetween(1, 2);
    // Mostly empty texts and odd characters: the cases where the two paths could part.
    Gen<String> texts = integers().between(0, 2).zip(strings().allPossible().ofLengthBetween(0, 4),
        (kind, text) -> kind == 0 ? text : "");
    Gen<Map<String, String>> maps = lists().of(tags.zip(texts, Map::entry)).ofSizeBetween(0, 4).map(entries -> {
      Map<String, String> map = new LinkedHashMap<>();
      entries.forEach(entry -> map.putIfAbsent(entry.getKey(), entry.getValue()));
      return map;
    });
    qt().withExamples(300).forAll(maps, maps).checkAssert((title, description) ->
        sameBothWays(initiative.toBuilder()
            .title(LanguageMap.of(title)).description(LanguageMap.of(description)).build()));
  }

  @Test
  void aCodeThatIsNotInTheCodelistOrNotAStringBindsAsBefore() throws IOException {
    for (Object status : List.of("99", 2, true, "1")) {
      ObjectNode tree = (ObjectNode) SUPPORT.readDocument(Files.readAllBytes(
          Path.of("../schema/test-fixtures/valid/initiative-minimal.json")));
      tree.set("status", SUPPORT.strictMapper().valueToTree(status));
      ((ObjectNode) tree.withArray("participants").get(0)).put("role", "nope");
      sameOutcome(tree, Initiative.class);
    }
  }

  @Test
  void aDateInAnyFormBindsAsBefore() throws IOException {
    List<Object> dates = List.of("2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
        "0000-01-01", "9999-12-31", "+2024-01-01", "-0001-01-01", "12024-01-01", "2024-1-01",
        "2024-01-01T10:00:00", "2024-01-01T00:00:00Z", " 2024-01-01", "2024-01-01 ", "2024/01/01",
        "2024-01-0a", "２０２４-01-01", "", 20240101, true, List.of("2024-01-01"));
    for (Object date : dates) {
      ObjectNode tree = (ObjectNode) SUPPORT.readDocument(Files.readAllBytes(
          Path.of("../schema/test-fixtures/valid/initiative-minimal.json")));
      tree.withObject("dates").set("plannedStart", SUPPORT.strictMapper().valueToTree(date));
      sameOutcome(tree, Initiative.class);
    }
  }

  @Test
  void aDateTimeInAnyFormBindsAsBefore() throws IOException {
    List<Object> times = List.of("2024-05-02T09:30:00Z", "2024-05-02T09:30:00+05:30", "2024-05-02T09:30:00-03:00",
        "2024-05-02T09:30:00+00:00", "2024-05-02T09:30:00-00:00", "2024-05-02T09:30:00+18:00", "2024-05-02T09:30:00+18:01",
        "2024-05-02T09:30:00+19:00", "2024-05-02T09:30:00-18:30", "2024-05-02T09:30:00+05:60", "2024-05-02T23:59:60Z",
        "2024-05-02T24:00:00Z", "2024-02-30T09:30:00Z", "2024-05-02T09:30:00z", "2024-05-02t09:30:00Z",
        "2024-05-02T09:30:00.5Z", "2024-05-02T09:30:00.123456789+01:00", "2024-05-02T09:30Z", "2024-05-02 09:30:00Z",
        "2024-05-02T09:30:00", "2024-05-02T09:30:00+0530", "2024-05-02T09:30:00+05", "2024-05-02T09:3a:00Z",
        "+2024-05-02T09:30:00Z", "2024-05-02", "", 1714642200, 1714642200.5, true);
    for (Object time : times) {
      ObjectNode tree = (ObjectNode) SUPPORT.readDocument(Files.readAllBytes(
          Path.of("../schema/test-fixtures/valid/initiative-minimal.json")));
      tree.set("lastUpdated", SUPPORT.strictMapper().valueToTree(time));
      sameOutcome(tree, Initiative.class);
    }
  }

  @Test
  void aPlainDateTimeIsTheMomentTheIsoFormatterReads() {
    Gen<String> two = integers().between(0, 99).map(n -> String.format("%02d", n));
    Gen<String> offsets = integers().between(0, 3).zip(two, two, (kind, hours, minutes) ->
        kind == 0 ? "Z" : (kind == 1 ? "+" : "-") + hours + ":" + minutes);
    Gen<String> texts = integers().between(0, 9999).zip(two, two, (year, month, day) ->
        String.format("%04d-%s-%s", year, month, day)).zip(two, two, two, (day, hour, minute, second) ->
        day + "T" + hour + ":" + minute + ":" + second).zip(offsets, (local, offset) -> local + offset);
    readsAsTheFormatter(texts, text -> java.time.OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        ModelModule.Dates::plainDateTime);
  }

  @Test
  void aPlainDateIsTheDayTheIsoFormatterReads() {
    Gen<String> twoDigits = integers().between(0, 99).map(n -> String.format("%02d", n));
    Gen<String> texts = integers().between(0, 9999).zip(twoDigits, twoDigits,
        (year, month, day) -> String.format("%04d-%s-%s", year, month, day));
    readsAsTheFormatter(texts, text -> java.time.LocalDate.parse(text, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE),
        ModelModule.Dates::plainDate);
  }

  /** On every text, the fast path reads what the JDK's formatter reads, and nothing it refuses. */
  private static <T> void readsAsTheFormatter(Gen<String> texts, java.util.function.Function<String, T> formatter,
      java.util.function.Function<String, @Nullable T> fast) {
    qt().withExamples(20_000).forAll(texts).checkAssert(text -> {
      T expected;
      try {
        expected = formatter.apply(text);
      } catch (java.time.format.DateTimeParseException refused) {
        expected = null;
      }
      assertThat(fast.apply(text)).as(text).isEqualTo(expected);
    });
  }

  /** Binds with and without the module: equal records, or the same failure. */
  private static void sameOutcome(JsonNode tree, Class<? extends SstcRecord> type) {
    SstcRecord ours;
    try {
      ours = SUPPORT.lenientBinder().treeToValue(tree, type);
    } catch (RuntimeException failure) {
      assertThatThrownBy(() -> JACKSONS_BINDER.treeToValue(tree, type))
          .isInstanceOf(failure.getClass())
          .hasMessage(failure.getMessage());
      return;
    }
    SstcRecord jacksons = JACKSONS_BINDER.treeToValue(tree, type);
    assertThat(ours).isEqualTo(jacksons);
    assertThat(text(SUPPORT.strictMapper().writeValueAsBytes(ours)))
        .isEqualTo(text(JACKSONS_WRITER.writeValueAsBytes(jacksons)));
  }

  /** Writes the record with and without the module; the two must be the same bytes. */
  private static String sameBothWays(SstcRecord record) {
    String ours = text(SUPPORT.strictMapper().writeValueAsBytes(record));
    assertThat(ours).isEqualTo(text(JACKSONS_WRITER.writeValueAsBytes(record)));
    return ours;
  }

  private static Initiative anyValidInitiative() throws IOException {
    return SUPPORT.lenientBinder().treeToValue(SUPPORT.readDocument(Files.readAllBytes(
        Path.of("../schema/test-fixtures/valid/initiative-minimal.json"))), Initiative.class);
  }

  private static Map<String, String> ordered(String... tagsAndTexts) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < tagsAndTexts.length; i += 2) {
      map.put(tagsAndTexts[i], tagsAndTexts[i + 1]);
    }
    return map;
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  private static @Nullable Class<? extends SstcRecord> modelClass(JsonNode tree) {
    return switch (tree.path("recordType").asString("")) {
      case Initiative.RECORD_TYPE -> Initiative.class;
      case Organisation.RECORD_TYPE -> Organisation.class;
      case RecordPackage.RECORD_TYPE -> RecordPackage.class;
      case Solution.RECORD_TYPE -> Solution.class;
      default -> null;
    };
  }
}
