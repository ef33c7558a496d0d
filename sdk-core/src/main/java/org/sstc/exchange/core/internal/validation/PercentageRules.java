package org.sstc.exchange.core.internal.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.RecipientRegion;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.internal.json.Decimals;

/**
 * {@code rule.percentage-sum} (IATI): when shares are given, recipient countries and regions
 * together, and the sectors of each vocabulary, add up to 100, within 0.01.
 */
final class PercentageRules {
  static final String PERCENTAGE_SUM = "rule.percentage-sum";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

  private PercentageRules() {}

  static void check(Initiative initiative, Findings findings) {
    recipients(initiative, findings);
    sectors(initiative.sectors(), findings);
  }

  /** Countries and regions share one 100; the pointer is the countries unless there are none. */
  private static void recipients(Initiative initiative, Findings findings) {
    List<@Nullable BigDecimal> shares = new ArrayList<>();
    initiative.recipientCountries().stream().map(RecipientCountry::percentage).forEach(shares::add);
    initiative.recipientRegions().stream().map(RecipientRegion::percentage).forEach(shares::add);
    BigDecimal sum = wrongSum(shares);
    if (sum != null) {
      String pointer =
          initiative.recipientCountries().isEmpty() ? "/recipientRegions" : "/recipientCountries";
      findings.error(
          PERCENTAGE_SUM,
          pointer,
          "the percentages of the recipient countries and regions add up to " + Decimals.text(sum)
              + ", not 100: correct them so that together they make 100, or leave all of them"
              + " out",
          sum);
    }
  }

  /** Each vocabulary that uses percentages shares out its own 100 (absent vocabulary is "1"). */
  static void sectors(List<Sector> sectors, Findings findings) {
    Map<String, List<@Nullable BigDecimal>> byVocabulary = new LinkedHashMap<>();
    for (Sector sector : sectors) {
      byVocabulary
          .computeIfAbsent(sector.vocabularyOrDefault(), unused -> new ArrayList<@Nullable BigDecimal>())
          .add(sector.percentage());
    }
    byVocabulary.forEach(
        (String vocabulary, List<@Nullable BigDecimal> shares) -> {
          BigDecimal sum = wrongSum(shares);
          if (sum != null) {
            findings.error(
                PERCENTAGE_SUM,
                "/sectors",
                "the percentages of the sectors in vocabulary " + vocabularyName(vocabulary)
                    + " add up to " + Decimals.text(sum) + ", not 100: correct them so that"
                    + " the sectors of that vocabulary make 100, or leave all of their"
                    + " percentages out",
                sum);
          }
        });
  }

  /**
   * The sum of the shares if it should be 100 and is not; null if no share is given, if the sum
   * is right, or if some share is out of 0..100 (the schema reported that: one fault, one issue).
   * A missing share counts as 0.
   */
  static @Nullable BigDecimal wrongSum(List<@Nullable BigDecimal> shares) {
    BigDecimal sum = BigDecimal.ZERO;
    boolean any = false;
    for (BigDecimal share : shares) {
      if (share == null) {
        continue;
      }
      if (share.signum() < 0 || share.compareTo(HUNDRED) > 0) {
        return null;
      }
      // Rounded to 34 digits: exact addition of 1E-999999999 would need a billion-digit number.
      sum = sum.add(share, MathContext.DECIMAL128);
      any = true;
    }
    boolean right = sum.subtract(HUNDRED, MathContext.DECIMAL128).abs().compareTo(TOLERANCE) <= 0;
    return any && !right ? tidy(sum) : null;
  }

  private static String vocabularyName(String vocabulary) {
    String name =
        CodelistChecks.find(CodeKind.SECTOR_VOCABULARY, vocabulary)
            .map(item -> item.name("en"))
            .orElse(null);
    return "'" + vocabulary + "'" + (name == null ? "" : " (" + name + ")");
  }

  /** The sum as a person writes it: 90.0 as 90, 99.50 as 99.5. */
  private static BigDecimal tidy(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    // A sum of shares within 0..100 has at most 3 digits before the point: setScale(0) is small.
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
