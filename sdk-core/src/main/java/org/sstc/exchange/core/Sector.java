package org.sstc.exchange.core;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A sector an initiative works in.
 *
 * @param vocabulary IATI SectorVocabulary; absent means {@code "1"} (OECD DAC 5-digit)
 * @param code the sector's code in that vocabulary, e.g. {@code "31120"} (agricultural development)
 * @param percentage its share, 0 to 100; within one vocabulary the shares add up to 100
 */
public record Sector(
    @Nullable String vocabulary,
    @NotNull String code,
    @Nullable @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be 100 or less") BigDecimal percentage) {

  /**
   * The vocabulary, with the standard's default when absent.
   *
   * @return {@link #vocabulary()}, or {@code "1"} (OECD DAC 5-digit purpose codes) when it is null
   */
  public String vocabularyOrDefault() {
    return vocabulary == null ? "1" : vocabulary;
  }
}
