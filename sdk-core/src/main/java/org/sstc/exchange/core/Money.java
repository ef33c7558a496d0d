package org.sstc.exchange.core;

import org.sstc.exchange.core.internal.validation.Shapes;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;
import org.sstc.exchange.core.internal.json.PlainDecimalAsString;

/**
 * An amount of money in one currency. The amount is exact (never a floating-point number) and is
 * written to JSON as a string, {@code "1250000.00"}, so that it keeps every digit in every language.
 *
 * @param amount a non-negative decimal; its scale is kept ({@code 10.50} stays {@code "10.50"})
 * @param currency an ISO 4217 alphabetic code, e.g. {@code "USD"}
 * @param valueDate the date on which the amount is valued, for conversions
 */
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record Money(
    @NotNull @DecimalMin(value = "0", message = "must be 0 or more") @JsonSerialize(using = PlainDecimalAsString.class) BigDecimal amount,
    @NotNull @Pattern(regexp = Shapes.CURRENCY_REGEX) String currency,
    @Nullable LocalDate valueDate) {

  /**
   * Money from its decimal text: {@code Money.of("1250000.00", "USD")}.
   *
   * @param amount the amount as decimal text, e.g. {@code "10.50"}: no grouping separators, a point
   *     for decimals; its scale is kept
   * @param currency an ISO 4217 alphabetic code, e.g. {@code "USD"}; checked by the validator, not
   *     here
   * @return money without a value date
   * @throws NumberFormatException if {@code amount} is not a decimal number
   * @throws NullPointerException if {@code amount} is null
   */
  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(Objects.requireNonNull(amount, "amount")), currency, null);
  }

  /**
   * A copy valued on the given date.
   *
   * @param date the day the amount is valued on, for conversions; null leaves the copy without one
   * @return a new {@code Money} with the same amount and currency; this one is unchanged
   */
  public Money withValueDate(LocalDate date) {
    return new Money(amount, currency, date);
  }
}
