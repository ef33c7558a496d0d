package org.sstc.exchange.core.internal.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Budget;
import org.sstc.exchange.core.CodelistItem;
import org.sstc.exchange.core.Contribution;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.core.internal.json.Decimals;

/**
 * Every amount of an initiative (budgets, transactions, contributions): its currency must be an
 * ISO 4217 code ({@code codelist.*}) and the amount must not have more fraction digits than the
 * currency has minor units ({@code rule.currency-precision}: JPY 0, USD 2, KWD 3).
 */
final class MoneyChecks {
  static final String CURRENCY_PRECISION = "rule.currency-precision";

  private MoneyChecks() {}

  static void check(Initiative initiative, Findings findings) {
    List<Budget> budgets = initiative.budgets();
    for (int i = 0; i < budgets.size(); i++) {
      money(findings, Pointer.of("budgets", i, "value"), budgets.get(i).value());
    }
    List<Transaction> transactions = initiative.transactions();
    for (int i = 0; i < transactions.size(); i++) {
      money(findings, Pointer.of("transactions", i, "value"), transactions.get(i).value());
    }
    List<Contribution> contributions = initiative.contributions();
    for (int i = 0; i < contributions.size(); i++) {
      money(findings, Pointer.of("contributions", i, "value"), contributions.get(i).value());
    }
  }

  static void money(Findings findings, String pointer, @Nullable Money money) {
    if (money == null) {
      return;
    }
    CodelistChecks.check(findings, pointer + "/currency", money.currency(), CodeKind.CURRENCY);
    currencyPrecision(findings, pointer + "/amount", money);
  }

  private static void currencyPrecision(Findings findings, String pointer, Money money) {
    BigDecimal amount = money.amount();
    String currency = money.currency();
    // An unknown currency was reported by the codelist check; some codes (XAU, gold) have no
    // minor units at all: nothing to compare with.
    Optional<CodelistItem> item = CodelistChecks.find(CodeKind.CURRENCY, currency);
    Integer minorUnits = item.map(CodelistItem::minorUnits).orElse(null);
    if (amount == null || minorUnits == null) {
      return;
    }
    int digits = fractionDigits(amount);
    if (digits > minorUnits) {
      findings.error(
          CURRENCY_PRECISION,
          pointer,
          currency + " amounts have " + allowed(minorUnits) + "; '" + Decimals.text(amount)
              + "' has " + digits + ": " + fix(minorUnits),
          amount);
    }
  }

  /** The digits after the point as written: "10.50" has 2, "100" and "1E+3" have none. */
  static int fractionDigits(BigDecimal amount) {
    return Math.max(0, amount.scale());
  }

  private static String allowed(int minorUnits) {
    return minorUnits == 0
        ? "no decimal places"
        : "at most " + minorUnits + " decimal place" + (minorUnits == 1 ? "" : "s");
  }

  private static String fix(int minorUnits) {
    return minorUnits == 0
        ? "write a whole number, without a decimal point"
        : "round it to " + minorUnits + " decimal place" + (minorUnits == 1 ? "" : "s");
  }
}
