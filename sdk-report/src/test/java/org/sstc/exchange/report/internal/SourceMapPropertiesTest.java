package org.sstc.exchange.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SourceMap} finds every value of generated JSON: the line and column it gives are where
 * the value's text starts, for compact and indented files and NDJSON, with property names that
 * need pointer escaping and characters outside the BMP.
 */
class SourceMapPropertiesTest {
  private static final JsonMapper COMPACT =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] NAMES = {"id", "a/b", "t~0", "", "emoji😀", "é", "x y", "~1"};

  @TempDir Path dir;

  private static JsonNode tree(Random random, int depth) {
    int kind = depth >= 4 ? 2 + random.nextInt(5) : random.nextInt(7);
    switch (kind) {
      case 0 -> {
        ObjectNode object = NODES.objectNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          object.set(NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? "" : i), tree(random, depth + 1));
        }
        return object;
      }
      case 1 -> {
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          array.add(tree(random, depth + 1));
        }
        return array;
      }
      case 2 -> {
        return NODES.stringNode(NAMES[random.nextInt(NAMES.length)] + "\"\\\n😀");
      }
      case 3 -> {
        return NODES.numberNode(random.nextLong());
      }
      case 4 -> {
        return NODES.numberNode(new BigDecimal(BigDecimal.valueOf(random.nextLong(), random.nextInt(6)).toPlainString()));
      }
      case 5 -> {
        return NODES.booleanNode(random.nextBoolean());
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }

  /** Every value's pointer, with the value. */
  private static void pointers(String pointer, JsonNode node, Map<String, JsonNode> out) {
    out.put(pointer, node);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        pointers(pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1"), member.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers(pointer + "/" + i, node.get(i), out);
      }
    }
  }

  /** The value whose text starts at the 1-based line and column. */
  private static JsonNode valueAt(String text, SourceMap.Position at) {
    String[] lines = text.split("\n", -1);
    int offset = 0;
    for (int i = 0; i < at.line() - 1; i++) {
      offset += lines[i].length() + 1;
    }
    offset += (int) at.column() - 1;
    // Inside "[", a scalar may be followed by whatever the document has next (a root-level number
    // may not); only the one value is read.
    try (JsonParser parser = COMPACT.createParser(new StringReader("[" + text.substring(offset)))) {
      parser.nextToken();
      parser.nextToken();
      return parser.readValueAsTree();
    }
  }

  private Path write(String text) {
    try {
      Path file = Files.createTempFile(dir, "doc", ".json");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyValueOfADocumentIsFoundWhereItsTextStarts() {
    qt().withExamples(150).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, pretty) -> {
      ObjectNode root = NODES.objectNode();
      root.set("data", tree(new Random(seed), 0));
      String text = (pretty == 1 ? PRETTY : COMPACT).writeValueAsString(root);
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      pointers("", root, expected);

      SourceMap map = SourceMap.of(write(text), false, expected.keySet());

      expected.forEach((pointer, value) -> {
        SourceMap.Position at = map.find(pointer);
        assertNotNull(at, pointer);
        assertEquals(COMPACT.writeValueAsString(value), COMPACT.writeValueAsString(valueAt(text, at)), () -> pointer + " in " + text);
      });
    });
  }

  @Test
  void ndjsonPointersStartWithTheLineIndex() {
    qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      int lines = 1 + random.nextInt(4);
      for (int line = 0; line < lines; line++) {
        if (random.nextInt(4) == 0) {
          text.append("\n"); // a blank line still counts in the index
          continue;
        }
        ObjectNode record = NODES.objectNode();
        record.put("id", "r" + line);
        record.set("v", tree(random, 1));
        pointers("/" + line, record, expected);
        text.append(COMPACT.writeValueAsString(record)).append('\n');
      }

      SourceMap map = SourceMap.of(write(text.toString()), true, expected.keySet());

      expected.forEach((pointer, value) -> {
        SourceMap.Position at = map.find(pointer);
        assertNotNull(at, pointer);
        assertEquals(COMPACT.writeValueAsString(value), COMPACT.writeValueAsString(valueAt(text.toString(), at)),
            () -> pointer + " in " + text);
      });
      for (SourceMap.Record record : map.records()) {
        assertEquals("r" + record.pointer().substring(1), record.id());
        assertEquals(Long.parseLong(record.pointer().substring(1)) + 1, record.line());
      }
    });
  }
}
