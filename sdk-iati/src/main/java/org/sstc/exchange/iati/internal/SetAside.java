package org.sstc.exchange.iati.internal;

import java.util.ArrayList;
import java.util.List;
import org.sstc.exchange.iati.internal.ProfileRules.Filled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a completion profile sets aside: an item the standard has no place for, moved out of its
 * member into the extension {@value #KEY}, whole and as imported, with where it was and why.
 * Nothing is lost: the export writes it back as the IATI element it came from, in its place
 * (marked {@code sstc:item/@set-aside}, so that the importer leaves it in the extension).
 */
final class SetAside {
  /** The extension key: {@code [{"from": "/budgets/1", "why": "…", "budget": {…}}]}. */
  static final String KEY = "sstc:setAsideByProfile";

  private SetAside() {}

  /**
   * {@code "negativeBudgets": "set-aside"}: each budget with a negative amount. A budget is what
   * is planned for its period, the standard's Money is never negative and only a transaction has
   * a reversal (standard 1.1), so which positive amount was meant only the publisher can say.
   */
  static void negativeBudgets(ObjectNode record, List<Filled> filled) {
    if (!(record.get("budgets") instanceof ArrayNode budgets)) {
      return;
    }
    List<Integer> negative = new ArrayList<>();
    for (int i = 0; i < budgets.size(); i++) {
      JsonNode amount = budgets.get(i).path("value").path("amount");
      if (amount.isString() && amount.asString().startsWith("-")) {
        negative.add(i);
      }
    }
    if (negative.isEmpty()) {
      return;
    }
    ObjectNode extensions = record.get("extensions") instanceof ObjectNode given ? given : record.putObject("extensions");
    ArrayNode aside = extensions.get(KEY) instanceof ArrayNode given ? given : extensions.putArray(KEY);
    for (int i : negative) {
      JsonNode budget = budgets.get(i);
      ObjectNode entry = aside.addObject();
      entry.put("from", "/budgets/" + i);
      entry.put("why", "the budget's amount " + budget.path("value").path("amount").asString() + " is negative: a budget"
          + " is what is planned for its period and the standard's amounts are never negative (only a transaction can be"
          + " a reversal); set aside as imported, and written back as the IATI budget on export; ask the publisher for"
          + " the budget of that period");
      entry.set("budget", budget.deepCopy());
      filled.add(new Filled("/extensions/" + KEY + "/" + (aside.size() - 1), entry.deepCopy(),
          "negativeBudgets: set-aside (the budget at /budgets/" + i + " is negative; the standard has no place for it)"));
    }
    for (int k = negative.size() - 1; k >= 0; k--) {
      budgets.remove((int) negative.get(k));
    }
    if (budgets.isEmpty()) {
      record.remove("budgets");
    }
  }
}
