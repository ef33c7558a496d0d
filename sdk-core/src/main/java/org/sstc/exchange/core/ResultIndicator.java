package org.sstc.exchange.core;

import org.sstc.exchange.core.internal.validation.Shapes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a result is measured.
 *
 * @param id unique within its result's indicators
 * @param title what is measured
 * @param measure IATI IndicatorMeasure: {@code "1"} unit, {@code "2"} percentage, …
 * @param sdgIndicator the UN SDG indicator it reports on, e.g. {@code "2.3.1"}
 * @param baseline the value before the initiative
 * @param target the value aimed at
 * @param actual the value reached
 */
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record ResultIndicator(
    @NotNull @NotBlank String id,
    @NotNull LanguageMap title,
    @NotNull String measure,
    @Nullable @Pattern(regexp = Shapes.SDG_INDICATOR_REGEX) String sdgIndicator,
    @Nullable @Valid IndicatorValue baseline,
    @Nullable @Valid IndicatorValue target,
    @Nullable @Valid IndicatorValue actual) {}
