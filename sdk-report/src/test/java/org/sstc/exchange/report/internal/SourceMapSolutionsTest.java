package org.sstc.exchange.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A package's solutions are records of their own, as its initiatives are (JUnit gives each a testcase). */
class SourceMapSolutionsTest {
  @Test
  void theSolutionsOfAPackageAreItsRecords() {
    SourceMap map = SourceMap.of(Path.of("../schema/test-fixtures/1.1/valid/package.json"), false, Set.of());

    assertThat(map.isPackage()).isTrue();
    assertThat(map.records()).extracting(SourceMap.Record::pointer)
        .containsExactly("/initiatives/0", "/initiatives/1", "/organisations/0", "/solutions/0", "/solutions/1");
    assertThat(map.recordOf("/solutions/1/maturity").pointer()).isEqualTo("/solutions/1");
    assertThat(map.recordOf("/solutions/1/maturity").id()).isEqualTo("XM-DAC-41301-SOL-0013");
  }
}
