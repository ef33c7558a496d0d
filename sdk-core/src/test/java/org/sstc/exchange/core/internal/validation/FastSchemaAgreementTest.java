package org.sstc.exchange.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.sstc.exchange.core.Issue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sstc.exchange.core.internal.validation.BundledRecords.Case;
import org.sstc.exchange.core.internal.validation.FastSchema.Verdict;

/**
 * The fast schema check agrees with networknt on every record of the repository: what it calls
 * valid networknt accepts, what it calls invalid networknt refuses, and every record networknt
 * accepts it calls valid (so the fast path fires for real records).
 */
class FastSchemaAgreementTest {
  static Stream<Case> cases() {
    return BundledRecords.cases().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theFastCheckAgreesWithNetworknt(Case record) {
    Verdict fast = record.fast();
    boolean accepted = record.networkntAccepts();

    if (fast == Verdict.VALID) {
      assertThat(accepted).as("networknt accepts what the fast check calls valid").isTrue();
    }
    if (fast == Verdict.INVALID) {
      assertThat(accepted).as("networknt refuses what the fast check calls invalid").isFalse();
    }
    if (accepted) {
      assertThat(fast).as("the fast check decides a record networknt accepts").isEqualTo(Verdict.VALID);
    }
    List<Issue> explained = record.explained();
    if (explained != null) {
      assertThat(fast).isEqualTo(Verdict.INVALID);
      assertThat(explained).as("the fast check's explanation is networknt's, issue for issue")
          .containsExactlyElementsOf(record.networkntIssues());
    }
  }

  @Test
  void theFastCheckExplainsMostInvalidFixtures() {
    List<Case> invalid = cases().filter(record -> record.fast() == Verdict.INVALID).toList();
    long explained = invalid.stream().filter(record -> record.explained() != null).count();
    // The fixtures break one rule each, most of them plain keywords: a required member, a
    // pattern, an enum. If this falls, explanations stopped firing and networknt does it all.
    assertThat(explained).as(explained + " of " + invalid.size()).isGreaterThan(invalid.size() / 3);
  }

  @Test
  void theRepositoryHasValidAndInvalidRecordsOfEveryVersion() {
    List<Case> cases = BundledRecords.cases();
    for (int minor = 0; minor <= SchemaCheck.minorOf(BundledRecords.SCHEMAS.newestVersion()); minor++) {
      int version = minor;
      assertThat(cases).filteredOn(c -> c.minor() == version).anyMatch(Case::networkntAccepts);
      assertThat(cases).filteredOn(c -> c.minor() == version).anyMatch(c -> !c.networkntAccepts());
    }
  }

  /** A keyword, format or reference the compiler cannot decide would quietly send every record back to networknt. */
  @Test
  void theCompilerDecidesEveryKeywordOfEveryBundledSchema() {
    SchemaCheck schemas = BundledRecords.SCHEMAS;
    int newest = SchemaCheck.minorOf(schemas.newestVersion());
    for (int minor = 0; minor <= newest; minor++) {
      for (String type : schemas.recordTypes()) {
        String firstWith = schemas.firstVersionWith(type);
        if (firstWith != null && SchemaCheck.minorOf(firstWith) <= minor) {
          assertThat(schemas.fastSchema(minor, type).unsupported()).as(type + " 1." + minor).isEmpty();
        }
      }
    }
    assertThat(schemas.fastSchema(newest, "validation-report").unsupported()).isEmpty();
  }
}
