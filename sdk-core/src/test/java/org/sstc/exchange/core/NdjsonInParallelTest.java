package org.sstc.exchange.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.testing.Generators;

/**
 * NDJSON is checked on every core, but its issues come out as a line-by-line pass gives them: in
 * line order, each line's issues exactly those of that line checked alone, placed at its line, and
 * {@code rule.duplicate-id} on every later line with an id seen before.
 */
class NdjsonInParallelTest {
  private static final Validator VALIDATOR = Validator.standard();
  private static final SstcJson JSON = SstcJson.standard();

  /** What a line may be: valid, broken by a rule, broken JSON, blank, or a copy of an earlier line. */
  private enum Kind { VALID, FAULT, NOT_JSON, BLANK, NOT_AN_OBJECT, COPY }

  @Test
  void eachLineGetsTheIssuesItGetsAloneInLineOrder() {
    qt().withExamples(6)
        .forAll(lists().of(integers().between(0, Kind.values().length * 1000 - 1)).ofSizeBetween(1, 60))
        .checkAssert(NdjsonInParallelTest::agreesLineByLine);
  }

  @Test
  void aLongStreamKeepsItsOrderPastTheWindowOfRecordsInFlight() {
    List<Integer> seeds = new ArrayList<>();
    Random random = new Random(14);
    for (int i = 0; i < 400; i++) {
      seeds.add(random.nextInt(Kind.values().length * 1000));
    }
    agreesLineByLine(seeds);
  }

  @Test
  void aFailingSinkStopsTheStreamWithItsOwnException() {
    byte[] ndjson = lines(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).getBytes(StandardCharsets.UTF_8);
    List<Issue> seen = new ArrayList<>();
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
        VALIDATOR.validateStream(new ByteArrayInputStream(appendFaults(ndjson)), Validator.Format.NDJSON, issue -> {
          seen.add(issue);
          throw new IllegalStateException("the sink is full");
        }));
    assertEquals("the sink is full", thrown.getMessage());
    assertEquals(1, seen.size());
  }

  private static byte[] appendFaults(byte[] ndjson) {
    return (new String(ndjson, StandardCharsets.UTF_8) + "{\"recordType\": 1}\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void agreesLineByLine(List<Integer> seeds) {
    String ndjson = lines(seeds);
    List<Issue> expected = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    long records = 0;
    String[] lines = ndjson.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String prefix = "/" + i;
      long lineNumber = i + 1;
      for (Issue issue : VALIDATOR.validate(line.getBytes(StandardCharsets.UTF_8)).issues()) {
        expected.add(issue.under(prefix).atLine(lineNumber));
      }
      records++;
      String id = initiativeId(line);
      if (id != null && ids.contains(id)) {
        expected.add(new Issue(Severity.ERROR, "rule.duplicate-id", "/id",
            "the initiative '" + id + "' appears on an earlier line too: keep one record per id",
            tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(id), null)
            .under(prefix).atLine(lineNumber));
      }
      if (id != null) {
        ids.add(id);
      }
    }
    List<Issue> streamed = new ArrayList<>();
    Validator.Summary summary = VALIDATOR.validateStream(
        new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), Validator.Format.NDJSON, streamed::add);
    assertEquals(expected, streamed);
    assertEquals(records, summary.records());
    assertEquals(expected.stream().filter(Issue::isError).count(), summary.errors());
  }

  /** The id of a line that is an initiative with an id, else null. */
  private static @org.jspecify.annotations.Nullable String initiativeId(String line) {
    try {
      tools.jackson.databind.JsonNode tree = JsonStreams.mapper().readTree(line);
      return tree.path("recordType").asString("").equals("initiative") ? tree.path("id").asString(null) : null;
    } catch (tools.jackson.core.JacksonException notJson) {
      return null;
    }
  }

  /** One line per seed: the seed picks the kind of line and the record it is made from. */
  private static String lines(List<Integer> seeds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> written = new ArrayList<>();
    for (int n = 0; n < seeds.size(); n++) {
      int seed = seeds.get(n);
      Kind kind = Kind.values()[seed % Kind.values().length];
      Random random = new Random(seed);
      Initiative initiative = Generators.initiative(random);
      // Distinct ids, so that only a COPY line repeats one.
      initiative = initiative.toBuilder().id(initiative.reportingOrg().id() + "-line-" + n).build();
      String line = switch (kind) {
        case VALID -> JSON.writeString(initiative);
        case FAULT -> JSON.writeString(
            Generators.FAULTS.get(random.nextInt(Generators.FAULTS.size())).inject().apply(initiative));
        case NOT_JSON -> JSON.writeString(initiative).substring(0, 40 + random.nextInt(60));
        case BLANK -> " ";
        case NOT_AN_OBJECT -> "[1, 2]";
        case COPY -> written.isEmpty() ? JSON.writeString(initiative) : written.get(random.nextInt(written.size()));
      };
      written.add(line);
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
