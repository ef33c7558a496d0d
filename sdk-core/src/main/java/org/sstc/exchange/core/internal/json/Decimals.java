package org.sstc.exchange.core.internal.json;

import java.math.BigDecimal;

/**
 * Decimals as text without the cost that an extreme exponent hides: {@code 1E-999999999} is 11
 * characters in JSON, but its plain form is a billion digits ({@link BigDecimal#toPlainString}
 * would run out of memory). The reading limits bound a number's characters, not its exponent, so
 * every decimal the SDK turns into text goes through here.
 */
public final class Decimals {
  /** The longest plain form written; past it, scientific notation (which the schema then refuses). */
  public static final int MAX_PLAIN_LENGTH = 1000;

  private Decimals() {}

  /** Plain notation ({@code "1250000.00"}) when it is at most {@link #MAX_PLAIN_LENGTH} characters, else {@link BigDecimal#toString}. */
  public static String text(BigDecimal value) {
    return plainLength(value) <= MAX_PLAIN_LENGTH ? value.toPlainString() : value.toString();
  }

  /** The length of the plain form, worked out without making it (sign and point included). */
  static long plainLength(BigDecimal value) {
    long precision = value.precision();
    long scale = value.scale();
    long digits = scale <= 0 ? precision - scale : Math.max(precision, scale + 1);
    return digits + (scale > 0 ? 1 : 0) + (value.signum() < 0 ? 1 : 0);
  }
}
