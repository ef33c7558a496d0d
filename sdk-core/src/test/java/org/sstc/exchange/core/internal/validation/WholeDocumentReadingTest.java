package org.sstc.exchange.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.internal.json.JsonLimits;
import org.sstc.exchange.core.internal.json.JsonSupport;
import org.sstc.exchange.testing.Generators;

/**
 * A document small enough to be read whole (a record file, a small package) gets exactly the
 * issues and counts of the strict streaming read, which a document over a mebibyte still gets:
 * each generated document is validated by the engine as the validator builds it and by one that
 * streams every document. Records and packages, compact and pretty, with faults in the records,
 * a package's recordType after its arrays, duplicate names, broken syntax, trailing data.
 */
class WholeDocumentReadingTest {
  private static final JsonSupport JSON = new JsonSupport(JsonLimits.DEFAULT);
  private static final Engine QUICK = new Engine(JSON, BundledRecords.SCHEMAS);
  private static final Engine STREAMING = new Engine(JSON, BundledRecords.SCHEMAS, 0);

  private record Outcome(List<Issue> issues, long records, long errors, long warnings) {
    boolean valid() {
      return errors == 0;
    }
  }

  private static Outcome validate(Engine engine, String document) {
    List<Issue> issues = new ArrayList<>();
    Engine.Counts counts = engine.validateDocument(
        new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), issues::add);
    return new Outcome(issues, counts.records, counts.errors, counts.warnings);
  }

  private static String record(Random random) {
    Initiative initiative = Generators.initiative(random);
    if (random.nextBoolean()) {
      initiative = Generators.FAULTS.get(random.nextInt(Generators.FAULTS.size())).inject().apply(initiative);
    }
    return random.nextBoolean() ? SstcJson.standard().writeString(initiative) : SstcJson.standard().writePretty(initiative);
  }

  /** A package of one to three initiatives; its recordType first (streamed) or after the array. */
  private static String pkg(Random random) {
    List<String> initiatives = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      initiatives.add(record(random));
    }
    // The records' own version mostly, so that valid packages come too.
    String version = random.nextInt(4) == 0 ? "1.0" : "1.1";
    String array = "\"initiatives\":[" + String.join(",\n", initiatives) + "]";
    String envelope = "\"schemaVersion\":\"" + version + "\",\n\"publisher\":{\"id\":\"XM-DAC-41301\",\"name\":\"FAO\"},\n"
        + "\"publishedAt\":\"2024-05-03T06:00:00Z\",\n"
        + "\"license\":\"https://creativecommons.org/licenses/by/4.0/\"";
    return random.nextInt(4) == 0
        ? "{" + envelope + ",\n" + array + ",\n\"recordType\":\"package\"}"
        : "{\"recordType\":\"package\",\n" + envelope + ",\n" + array + "}";
  }

  /** The document, perhaps broken in one way a careless or hostile writer breaks JSON. */
  private static String document(long seed) {
    Random random = new Random(seed);
    String document = random.nextInt(3) == 0 ? pkg(random) : record(random);
    int at = 1 + random.nextInt(document.length() - 1);
    switch (random.nextInt(9)) {
      case 0 -> document = document.substring(0, at); // truncated
      case 1 -> document = document + "\n{}"; // more after the end
      case 2 -> document = document.substring(0, at) + "#" + document.substring(at); // a stray character
      case 3 -> document = "{\"schemaVersion\":\"1.0\"," + document.substring(1); // a duplicate name at the top
      case 4 -> { // a duplicate name inside, wherever an object opens after the cut
        int open = document.indexOf("{\"", at);
        if (open > 0) {
          int colon = document.indexOf("\":", open);
          String name = document.substring(open + 1, colon + 1);
          document = document.substring(0, open + 1) + name + ":null," + document.substring(open + 1);
        }
      }
      case 5 -> document = "[" + document + "]"; // not an object
      default -> { } // as written
    }
    return document;
  }

  @Test
  void aDocumentReadWholeGetsTheIssuesOfTheStreamingRead() {
    int[] valid = {0};
    int[] refused = {0};
    qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
      String document = document(seed);
      Outcome whole = validate(QUICK, document);
      Outcome streamed = validate(STREAMING, document);
      assertThat(whole).as("seed %d:%n%s", seed, document).isEqualTo(streamed);
      valid[0] += whole.valid() ? 1 : 0;
      refused[0] += whole.issues().stream().anyMatch(issue -> issue.code().startsWith("json.")) ? 1 : 0;
    });
    // Valid documents, records with issues and unreadable documents were all generated.
    assertThat(valid[0]).isBetween(40, 360);
    assertThat(refused[0]).isBetween(40, 360);
  }
}
