package org.sstc.exchange.core;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.internal.json.PlainDecimalAsString;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A measured or targeted value of a result indicator, exact and written as a decimal string.
 *
 * @param value the value; may be negative
 * @param date when it was, or is to be, measured
 */
public record IndicatorValue(
    @NotNull @JsonSerialize(using = PlainDecimalAsString.class) BigDecimal value,
    @Nullable LocalDate date) {}
