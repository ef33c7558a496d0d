package org.sstc.exchange.core;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Money that moved, or was committed, between partners of an initiative.
 *
 * @param id unique within the initiative's transactions
 * @param type IATI TransactionType, e.g. {@code "2"} outgoing commitment, {@code "3"} disbursement
 * @param date when it happened
 * @param value the amount
 * @param providerId the {@link Participation#id()} of the partner that gave
 * @param receiverId the {@link Participation#id()} of the partner that received
 * @param description what it was for
 */
public record Transaction(
    @NotNull @NotBlank String id,
    @NotNull String type,
    @NotNull LocalDate date,
    @NotNull @Valid Money value,
    @Nullable String providerId,
    @Nullable String receiverId,
    @Nullable LanguageMap description) {}
