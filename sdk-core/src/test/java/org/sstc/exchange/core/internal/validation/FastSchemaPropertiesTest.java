package org.sstc.exchange.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.internal.validation.BundledRecords.Case;
import org.sstc.exchange.core.internal.validation.FastSchema.Verdict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid records, broken at random: whatever the fast check is certain of, networknt agrees with.
 * Fast VALID means networknt reports nothing; fast INVALID means networknt reports something.
 */
class FastSchemaPropertiesTest {
  private static final long SEED = 20261202L;
  private static final int EXAMPLES = Integer.getInteger("sstc.examples.fast-schema", 4000);

  private static final List<Case> VALID = BundledRecords.cases().stream().filter(Case::networkntAccepts).toList();

  /** Values that sit at the edges of the standard's keywords: formats, patterns, bounds, enums, types. */
  private static final List<String> EDGES =
      List.of(
          "\"\"", "\" \"", "\"x\"", "\"a\\n\"", "\"ABC\\n\"", "\"USD\"", "\"usd\"", "\"BR\"", "\"BRA\"",
          "\"2024-02-29\"", "\"2023-02-29\"", "\"2024-13-01\"", "\"2024-1-01\"", "\"0000-01-01\"", "\"9999-12-31\"",
          "\"2024-05-02\\n\"", "\"2024-05-02T09:30:00Z\"", "\"2024-05-02t09:30:00z\"", "\"2024-05-02T24:00:00Z\"",
          "\"2024-05-02T09:30:60Z\"", "\"2024-05-02T09:30:00.123456789+05:30\"", "\"2024-05-02T09:30:00+18:00\"",
          "\"2024-05-02T09:30:00-00:00\"", "\"2024-05-02 09:30:00Z\"", "\"2024-05-02T09:30Z\"",
          "\"https://example.org/a b\"", "\"https://example.org/a?x=[1]\"", "\"http://example.org\"",
          "\"https://example.org/%zz\"", "\"urn:isbn:0451450523\"", "\"ftp://example.org/x\"", "\"example.org\"",
          "\"https://exämple.org/\"", "\"mailto:someone@example.org\"", "\"XM-DAC-41114\"", "\"XM-DAC-41114\\n\"",
          "\"XM-DAC-\"", "\"1\"", "\"99\"", "\"2\"", "\"0\"", "\"12\"", "\"13\"", "\"1.0\"", "\"1.1\"", "\"2.0\"",
          "\"12.5\"", "\"-1\"", "\"10.50\"", "\"en\"", "\"EN\"", "\"e\"", "\"fr-CA\"", "\"\\u202E\"", "\"😀\"",
          "\" a\"", "\"a \"", "\"\\t\"", "\"technical-cooperation\"", "\"principal\"", "\"provider\"", "\"P1Y2M\"",
          "\"P\"", "\"PT1H\"", "\"initiative\"", "\"solution\"", "\"organisation\"", "\"4.1\"", "\"4.a\"", "\"4.1.1\"",
          "\"application/pdf\"", "\"A1\"", "\"sstc:note\"", "\"Bad:Name\"", "0", "-1", "1", "2", "90", "-90", "90.0",
          "90.00001", "-90.5", "180", "-180", "180.1", "100", "100.0", "100.01", "1900", "2100", "2100.5", "1899",
          "1900.0", "2.5", "1e2", "-0.0", "123456789012345678901234567890", "true", "false", "null", "{}", "[]",
          "[\"x\"]", "{\"en\":\"x\"}", "{\"en\":\"\"}", "{\"EN\":\"x\"}", "[1, 1.0]", "[\"a\", \"a\"]");

  private static final List<String> NAMES = List.of("unknown", "extensions", "x", "sstc:note", "id", "title", "code");

  @Test
  void whatTheFastCheckIsSureOfNetworkntAgreesWith() {
    Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
    AtomicInteger explanations = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(integers().between(0, VALID.size() - 1), lists().of(longs().all()).ofSizeBetween(1, 3))
        .checkAssert((index, mutations) -> {
          Case valid = VALID.get(index);
          JsonNode broken = valid.record().deepCopy();
          for (long mutation : mutations) {
            broken = mutate(broken, new Random(mutation));
          }
          Case record = valid.with(broken);
          Verdict fast = record.fast();
          seen.merge(fast, 1, Integer::sum);
          if (fast != Verdict.UNKNOWN) {
            assertThat(record.networkntAccepts()).as(fast + ": " + broken).isEqualTo(fast == Verdict.VALID);
          }
          List<Issue> explained = record.explained();
          if (explained != null) {
            explanations.incrementAndGet();
            assertThat(explained).as("explained: " + broken).containsExactlyElementsOf(record.networkntIssues());
          }
        });
    // Many broken records are explained without networknt, issue for issue as networknt words them.
    assertThat(explanations.get()).isGreaterThan(EXAMPLES / 20);
    // Mutations leave many records valid and break many for certain: both claims were tested.
    assertThat(seen.getOrDefault(Verdict.VALID, 0)).isGreaterThan(EXAMPLES / 20);
    assertThat(seen.getOrDefault(Verdict.INVALID, 0)).isGreaterThan(EXAMPLES / 20);
  }

  /**
   * Strings near the formats the schemas use (date, date-time, uri), in a record that is valid
   * otherwise: when the fast check accepts one, networknt does too.
   */
  @Test
  void formatStringsTheFastCheckAcceptsNetworkntAccepts() {
    Case full =
        VALID.stream()
            .filter(c -> c.name().endsWith("test-fixtures/valid/initiative-full.json") && c.minor() == 0)
            .findFirst()
            .orElseThrow();
    int[] accepted = new int[3];
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(integers().between(0, 2), longs().all())
        .checkAssert((format, seed) -> {
          Random random = new Random(seed);
          ObjectNode record = (ObjectNode) full.record().deepCopy();
          String text;
          switch (format) {
            case 0 -> {
              text = date(random);
              ((ObjectNode) record.get("dates")).put("plannedStart", text);
            }
            case 1 -> {
              text = dateTime(random);
              record.put("lastUpdated", text);
            }
            default -> {
              text = uri(random);
              ((ObjectNode) record.get("documents").get(0)).put("url", text);
            }
          }
          Case one = full.with(record);
          if (one.fast() == Verdict.VALID) {
            accepted[format]++;
            assertThat(one.networkntAccepts()).as(text).isTrue();
          }
        });
    assertThat(java.util.Arrays.stream(accepted).min().orElseThrow()).as("accepted dates, date-times, uris: " + java.util.Arrays.toString(accepted)).isGreaterThan(EXAMPLES / 50);
  }

  private static String digits(Random random, int max, int width) {
    String number = Integer.toString(random.nextInt(max + 1));
    int pad = width - number.length() + (random.nextInt(20) == 0 ? random.nextInt(3) - 1 : 0);
    return "0".repeat(Math.max(0, pad)) + number;
  }

  private static String pick(Random random, String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String date(Random random) {
    String year = random.nextInt(4) == 0 ? digits(random, 9999, 4) : Integer.toString(1990 + random.nextInt(50));
    return year + pick(random, "-", "-", "-", "/", "") + digits(random, 13, 2) + "-" + digits(random, 32, 2)
        + pick(random, "", "", "", "", "\n", " ", "Z");
  }

  private static String dateTime(Random random) {
    String fraction = random.nextBoolean() ? "" : "." + "7".repeat(random.nextInt(11));
    String offset =
        pick(random, "Z", "Z", "Z", "+05:30", "z", "", "-00:00",
            pick(random, "+", "-") + digits(random, 25, 2) + pick(random, ":", ":", "") + digits(random, 61, 2));
    String date = random.nextInt(4) == 0 ? date(random) : 1990 + random.nextInt(50) + "-" + digits(random, 11, 2).replace("00", "12") + "-15";
    return date + pick(random, "T", "T", "T", "t", " ") + digits(random, 25, 2) + ":"
        + digits(random, 61, 2) + pick(random, ":", ":", ":", "") + digits(random, 61, 2) + fraction + offset;
  }

  private static String uri(Random random) {
    String scheme = pick(random, "https://", "https://", "http://", "HTTP://", "ftp://", "urn:", "urn:isbn:", "", "//");
    String host = pick(random, "example.org", "example.org", "www.example.org", "a..b", "-a.org", "a-.org", "1.2.3.4",
        "exämple.org", "", "example.org.", "EXAMPLE.org", "[::1]", "ex_ample.org");
    String port = random.nextInt(4) == 0 ? ":" + random.nextInt(100000) : "";
    StringBuilder rest = new StringBuilder();
    String characters = "abcXYZ019-._~!$&'()*+,;=:@/?#%[]|^`{}\\\" <>\u00e9\u007f";
    int length = random.nextInt(20);
    for (int i = 0; i < length; i++) {
      rest.append(random.nextInt(3) == 0 ? characters.charAt(random.nextInt(characters.length()))
          : random.nextInt(8) == 0 ? pick(random, "%2F", "%zz", "%4", "/a", "?q=1", "#top") : "a");
    }
    return scheme + host + port + (rest.length() > 0 && random.nextBoolean() ? "/" : "") + rest;
  }

  /** One random change somewhere in the tree; the root is returned, replaced if the change was there. */
  private static JsonNode mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    List<JsonNode> all = new ArrayList<>();
    collect(root, containers, all);
    JsonNode at = containers.get(random.nextInt(containers.size()));
    JsonNode value = candidate(random, all);
    if (at instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      switch (random.nextInt(4)) {
        case 0 -> {
          if (!names.isEmpty()) {
            object.remove(names.get(random.nextInt(names.size())));
          }
        }
        case 1 -> object.set(NAMES.get(random.nextInt(NAMES.size())), value);
        default -> {
          if (!names.isEmpty()) {
            object.set(names.get(random.nextInt(names.size())), value);
          }
        }
      }
    } else if (at instanceof ArrayNode array) {
      int size = array.size();
      switch (random.nextInt(5)) {
        case 0 -> {
          if (size > 0) {
            array.remove(random.nextInt(size));
          }
        }
        case 1 -> {
          if (size > 0) {
            array.add(array.get(random.nextInt(size)).deepCopy());
          }
        }
        case 2 -> array.removeAll();
        case 3 -> array.add(value);
        default -> {
          if (size > 0) {
            array.set(random.nextInt(size), value);
          }
        }
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<JsonNode> containers, List<JsonNode> all) {
    all.add(node);
    if (node.isContainer()) {
      containers.add(node);
      for (JsonNode child : node) {
        collect(child, containers, all);
      }
    }
  }

  /** An edge value, a value from elsewhere in the record, or one of its strings slightly changed. */
  private static JsonNode candidate(Random random, List<JsonNode> all) {
    JsonMapper mapper = random.nextBoolean() ? BundledRecords.PLAIN : BundledRecords.SDK;
    switch (random.nextInt(3)) {
      case 0 -> {
        return mapper.readTree(EDGES.get(random.nextInt(EDGES.size())));
      }
      case 1 -> {
        return all.get(random.nextInt(all.size())).deepCopy();
      }
      default -> {
        List<String> strings = all.stream().filter(JsonNode::isString).map(JsonNode::asString).toList();
        String text = strings.isEmpty() ? "x" : strings.get(random.nextInt(strings.size()));
        return mapper.getNodeFactory().stringNode(nudge(text, random));
      }
    }
  }

  private static String nudge(String text, Random random) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
    return switch (random.nextInt(8)) {
      case 0 -> text + "\n";
      case 1 -> " " + text;
      case 2 -> text.toUpperCase(java.util.Locale.ROOT);
      case 3 -> text.toLowerCase(java.util.Locale.ROOT);
      case 4 -> text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
      case 5 -> text.substring(0, at) + "/" + text.substring(at);
      case 6 -> text.substring(0, at) + (char) ('0' + random.nextInt(10)) + text.substring(at);
      default -> text + text;
    };
  }
}
