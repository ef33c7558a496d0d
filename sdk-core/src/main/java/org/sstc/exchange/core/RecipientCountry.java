package org.sstc.exchange.core;

import org.sstc.exchange.core.internal.validation.Shapes;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A country that benefits from an initiative.
 *
 * @param code ISO 3166-1 alpha-2 code
 * @param percentage its share of the initiative, 0 to 100; when any country or region has one,
 *     countries and regions together must add up to 100
 */
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record RecipientCountry(
    @NotNull @Pattern(regexp = Shapes.COUNTRY_REGEX) String code,
    @Nullable @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be 100 or less") BigDecimal percentage) {

  /**
   * A recipient country without a percentage.
   *
   * @param code ISO 3166-1 alpha-2 code, upper case, e.g. {@code "MZ"}
   * @return the country, with no share given
   */
  public static RecipientCountry of(String code) {
    return new RecipientCountry(code, null);
  }
}
