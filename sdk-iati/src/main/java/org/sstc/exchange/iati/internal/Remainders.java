package org.sstc.exchange.iati.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sstc.exchange.iati.internal.ProfileRules.Filled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A completion profile's {@code defaults.percentageRemainder}: when every item of a share-out but
 * one has a percentage, that one gets what the others leave of 100. That is arithmetic, not a
 * guess (IATI and {@code rule.percentage-sum}: the shares make 100); any other wrong sum is left
 * for the validator to name. The share-outs are those of {@code rule.percentage-sum}: recipient
 * countries and regions together, and the sectors of each vocabulary (absent is "1").
 */
final class Remainders {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  /** The validator's tolerance: a remainder within it means the others make 100 already. */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

  private Remainders() {}

  static void fill(ObjectNode record, List<Filled> filled) {
    List<String> recipients = new ArrayList<>(ProfileRules.expand(record, "/recipientCountries/*"));
    recipients.addAll(ProfileRules.expand(record, "/recipientRegions/*"));
    share(record, recipients, "the recipient countries and regions", filled);
    Map<String, List<String>> byVocabulary = new LinkedHashMap<>();
    for (String sector : ProfileRules.expand(record, "/sectors/*")) {
      byVocabulary.computeIfAbsent(record.at(sector).path("vocabulary").asString("1"), unused -> new ArrayList<>())
          .add(sector);
    }
    byVocabulary.forEach((vocabulary, sectors) ->
        share(record, sectors, "the sectors of vocabulary " + vocabulary, filled));
  }

  private static void share(ObjectNode record, List<String> items, String what, List<Filled> filled) {
    if (items.size() < 2) {
      return; // one item alone: IATI reads its absent percentage as 100, and so does the validator
    }
    String missing = null;
    BigDecimal sum = BigDecimal.ZERO;
    for (String item : items) {
      JsonNode percentage = record.at(item).get("percentage");
      if (percentage == null || percentage.isNull()) {
        if (missing != null) {
          return; // two without: how to split what is left, only the publisher knows
        }
        missing = item;
      } else if (!percentage.isNumber() || percentage.decimalValue().signum() < 0
          || percentage.decimalValue().compareTo(HUNDRED) > 0) {
        return; // the schema names that one
      } else {
        sum = sum.add(percentage.decimalValue(), MathContext.DECIMAL128);
      }
    }
    BigDecimal remainder = HUNDRED.subtract(sum, MathContext.DECIMAL128);
    if (missing == null || remainder.compareTo(TOLERANCE) <= 0 || !(record.at(missing) instanceof ObjectNode target)) {
      return; // all given, or the others make 100 (or more: an error the validator names)
    }
    BigDecimal share = remainder.stripTrailingZeros();
    share = share.scale() < 0 ? share.setScale(0) : share;
    JsonNode value = JsonNodeFactory.instance.numberNode(share);
    target.set("percentage", value);
    filled.add(new Filled(missing + "/percentage", value, "defaults.percentageRemainder (the one of " + what
        + " without a percentage: 100 minus the others' " + sum.stripTrailingZeros().toPlainString() + ")"));
  }
}
