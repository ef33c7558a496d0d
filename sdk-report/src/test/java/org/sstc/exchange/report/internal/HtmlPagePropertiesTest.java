package org.sstc.exchange.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The HTML report's amounts, grouped by thousands, still read back as the amount. */
class HtmlPagePropertiesTest {
  @Test
  void groupedAmountsReadBackAsTheAmount() {
    qt().withExamples(500).forAll(longs().all(), integers().between(0, 6)).checkAssert((unscaled, scale) -> {
      BigDecimal amount = BigDecimal.valueOf(unscaled, scale);
      String grouped = HtmlPage.group(amount);
      assertEquals(amount.toPlainString(), grouped.replace(",", ""));
      assertEquals(new BigDecimal(grouped.replace(",", "")), amount);
    });
  }
}
