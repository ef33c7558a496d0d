package org.sstc.exchange.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.internal.json.JsonLimits;
import org.sstc.exchange.core.internal.json.JsonSupport;
import org.sstc.exchange.core.internal.validation.BundledRecords.Case;
import tools.jackson.databind.JsonNode;

/**
 * FastRules agrees with the full path (binding and RuleChecks) on every record of the repository:
 * when it lets a record skip the rules, the rules find nothing in it; and on every record the full
 * path finds nothing in, it does let it skip (so the fast path fires on real records).
 */
class FastRulesAgreementTest {
  static final Engine ENGINE = new Engine(new JsonSupport(JsonLimits.DEFAULT), BundledRecords.SCHEMAS);

  /** One record to check on its own: a file, a line of NDJSON, or an element of a package. */
  record Single(String name, JsonNode record, String type) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Single> records() {
    Map<String, Single> records = new LinkedHashMap<>();
    for (Case c : BundledRecords.cases()) {
      records.putIfAbsent(c.name(), new Single(c.name(), c.record(), c.type()));
      if (c.type().equals("package")) {
        Engine.PACKAGE_ARRAYS.forEach((array, type) -> {
          JsonNode elements = c.record().path(array);
          for (int i = 0; i < elements.size(); i++) {
            String name = c.name() + " /" + array + "/" + i;
            records.putIfAbsent(name, new Single(name, elements.get(i), type));
          }
        });
      }
    }
    return records.values().stream();
  }

  /** What the validate-only path would skip to: an empty schema check at the record's own version, and FastRules. */
  static boolean fastPathFires(JsonNode record, String type) {
    return BundledRecords.SCHEMAS.declaresBundledVersion(record)
        && BundledRecords.SCHEMAS.check(type, record).isEmpty()
        && FastRules.certainlyClean(type, record);
  }

  /** Schema, binding and every rule: a caller that wants the model object always gets this path. */
  static List<Issue> fullPath(JsonNode record, String type) {
    if (type.equals("package")) {
      return List.of(Issue.error("test.unsupported", "", "packages are checked by element"));
    }
    return ENGINE.validateTree(record, null, bound -> {});
  }

  @ParameterizedTest
  @MethodSource("records")
  void whatFastRulesLetsSkipTheRulesFindNothingIn(Single single) {
    if (fastPathFires(single.record(), single.type())) {
      assertThat(fullPath(single.record(), single.type())).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("records")
  void everyInitiativeAndOrganisationWithoutIssuesTakesTheFastPath(Single single) {
    boolean mirrored = single.type().equals("initiative") || single.type().equals("organisation");
    if (mirrored && fullPath(single.record(), single.type()).isEmpty()) {
      assertThat(FastRules.certainlyClean(single.type(), single.record())).isTrue();
    }
  }

  @Test
  void theBenchmarksInitiativeTakesTheFastPath() throws Exception {
    Path file = Path.of("../benchmarks/src/main/resources/org/sstc/exchange/benchmarks/initiative.json");
    JsonNode record = BundledRecords.SDK.readTree(Files.readString(file));
    assertThat(fullPath(record, "initiative")).isEmpty();
    assertThat(fastPathFires(record, "initiative")).isTrue();
  }

  @Test
  void theRepositoryHasCleanRecordsForTheFastPath() {
    List<Single> fast = new ArrayList<>();
    records().filter(s -> fastPathFires(s.record(), s.type())).forEach(fast::add);
    assertThat(fast).filteredOn(s -> s.type().equals("initiative")).hasSizeGreaterThan(10);
    assertThat(fast).filteredOn(s -> s.type().equals("organisation")).isNotEmpty();
  }
}
