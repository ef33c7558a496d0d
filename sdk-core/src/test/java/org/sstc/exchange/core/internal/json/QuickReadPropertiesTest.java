package org.sstc.exchange.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The quick reader accepts exactly the records the strict parser accepts, and reads them to the
 * same tree: a duplicate key anywhere (first or later value null, empty names, deep in arrays) is
 * refused by both.
 */
class QuickReadPropertiesTest {
  private static final JsonSupport JSON = new JsonSupport(JsonLimits.DEFAULT);
  // Few names, so that duplicates come often; the empty name too.
  private static final String[] NAMES = {"a", "b", "", "a~1", "é"};
  private static final String[] LEAVES = {"null", "1", "\"x\"", "true", "2.50", "{}", "[]", "tru", "01"};

  /** A JSON text from a list of choices: objects and arrays a few levels deep, some leaves broken. */
  private static String text(List<Integer> choices, int[] at, int depth) {
    int choice = at[0] < choices.size() ? choices.get(at[0]++) : 0;
    if (depth > 3 || choice % 4 == 3) {
      return LEAVES[choice % LEAVES.length];
    }
    int members = 1 + choice % 3;
    StringBuilder out = new StringBuilder(choice % 2 == 0 ? "{" : "[");
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        out.append(',');
      }
      if (choice % 2 == 0) {
        int name = at[0] < choices.size() ? choices.get(at[0]++) : i;
        out.append('"').append(NAMES[name % NAMES.length]).append("\":");
      }
      out.append(text(choices, at, depth + 1));
    }
    return out.append(choice % 2 == 0 ? "}" : "]").toString();
  }

  private static Gen<String> records() {
    return lists().of(integers().between(0, 59)).ofSizeBetween(1, 40)
        .map(choices -> "{\"recordType\":\"initiative\",\"x\":" + text(choices, new int[] {0}, 0) + "}");
  }

  private static JsonNode strict(byte[] record) {
    try (JsonParser parser = JSON.recordParser(record)) {
      parser.nextToken();
      JsonNode tree = parser.readValueAsTree();
      return parser.nextToken() == null ? tree : null;
    } catch (JacksonException | NumberFormatException refused) {
      return null;
    }
  }

  @Test
  void acceptsWhatTheStrictParserAccepts() {
    int[] refused = {0};
    qt().withExamples(5_000).forAll(records()).checkAssert(record -> {
      byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
      JsonNode expected = strict(bytes);
      refused[0] += expected == null ? 1 : 0;
      assertThat(JSON.quickRecord(bytes)).as(record).isEqualTo(expected);
    });
    // Both kinds of record were generated: the property says something about each.
    assertThat(refused[0]).isBetween(500, 4_500);
  }
}
