package org.sstc.exchange.core;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A region that benefits from an initiative.
 *
 * @param vocabulary IATI RegionVocabulary: {@code "1"} OECD DAC, {@code "2"} UN M49
 * @param code the region's code in that vocabulary, e.g. {@code "202"} (Sub-Saharan Africa, M49)
 * @param percentage its share, 0 to 100
 */
public record RecipientRegion(
    @NotNull String vocabulary,
    @NotNull String code,
    @Nullable @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be 100 or less") BigDecimal percentage) {}
