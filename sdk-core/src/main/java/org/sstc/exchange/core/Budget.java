package org.sstc.exchange.core;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The money planned for one period of an initiative.
 *
 * @param id unique within the initiative's budgets
 * @param type IATI BudgetType: {@code "1"} original, {@code "2"} revised
 * @param status IATI BudgetStatus: {@code "1"} indicative, {@code "2"} committed
 * @param periodStart first day of the period
 * @param periodEnd last day of the period
 * @param value the amount
 */
public record Budget(
    @NotNull @NotBlank String id,
    @NotNull String type,
    @NotNull String status,
    @NotNull LocalDate periodStart,
    @NotNull LocalDate periodEnd,
    @NotNull @Valid Money value) {}
