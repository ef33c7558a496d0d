package org.sstc.exchange.core.internal.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.internal.validation.FastSchema.Verdict;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON records of the repository (fixtures, examples, test resources), each paired with the
 * bundled schemas to hold it to, and the two answers to compare: the fast check's and networknt's.
 */
final class BundledRecords {
  static final SchemaCheck SCHEMAS = new SchemaCheck();

  /** Trees as a plain Jackson user reads them: doubles and ints. */
  static final JsonMapper PLAIN = JsonMapper.builder().build();

  /** Trees as the SDK reads them: BigDecimal and BigInteger, trailing zeros kept. */
  static final JsonMapper SDK =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final List<Path> ROOTS =
      List.of(
          Path.of("../schema/test-fixtures"),
          Path.of("../sdk-examples/src/main/resources"),
          Path.of("src/test/resources"),
          Path.of("../consumer-tests/src/test"),
          Path.of("../benchmarks/src/main/resources"));

  /** One record (a file, or a line of NDJSON) and one schema to hold it to. */
  record Case(String name, JsonNode record, int minor, String type) {
    Verdict fast() {
      return SCHEMAS.fastSchema(minor, type).check(record);
    }

    /** The fast check's explanation as issues, or null where it gives none. */
    @Nullable List<Issue> explained() {
      List<SchemaFailure> failures = SCHEMAS.fastSchema(minor, type).explain(record);
      return failures == null ? null : SchemaCheck.issuesOf(failures);
    }

    List<Issue> networkntIssues() {
      return SCHEMAS.networkntIssues(minor, type, record);
    }

    boolean networkntAccepts() {
      return SCHEMAS.networknt(minor, type, record).isEmpty();
    }

    Case with(JsonNode other) {
      return new Case(name, other, minor, type);
    }

    @Override
    public String toString() {
      return name + " against " + type + " 1." + minor;
    }
  }

  private BundledRecords() {}

  /** Every record read both ways, against every bundled version that has its record type. */
  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Path file : files()) {
      List<String> texts = texts(file);
      for (int i = 0; i < texts.size(); i++) {
        String name = file + (texts.size() > 1 ? ":" + (i + 1) : "");
        for (JsonMapper mapper : List.of(PLAIN, SDK)) {
          JsonNode record;
          try {
            record = mapper.readTree(texts.get(i));
          } catch (JacksonException notJson) {
            continue; // the parser fuzz seeds are broken on purpose
          }
          cases.addAll(targets(name + (mapper == SDK ? " (SDK tree)" : ""), record, file));
        }
      }
    }
    return cases;
  }

  private static List<Case> targets(String name, JsonNode record, Path file) {
    List<Case> targets = new ArrayList<>();
    int newest = SchemaCheck.minorOf(SCHEMAS.newestVersion());
    if (file.getFileName().toString().startsWith("validation-report")) {
      targets.add(new Case(name, record, newest, "validation-report"));
      return targets;
    }
    JsonNode type = record.path("recordType");
    for (int minor = 0; minor <= newest; minor++) {
      String firstWith = type.isString() ? SCHEMAS.firstVersionWith(type.asString()) : null;
      if (firstWith != null && SchemaCheck.minorOf(firstWith) <= minor) {
        targets.add(new Case(name, record, minor, type.asString()));
      }
    }
    return targets;
  }

  private static List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path root : ROOTS) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(file -> !file.toString().contains("node_modules"))
            .filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".ndjson")
                || file.getParent().getFileName().toString().endsWith("FuzzTestInputs"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static List<String> texts(Path file) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (!file.toString().endsWith(".ndjson")) {
        return List.of(text);
      }
      return text.lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
