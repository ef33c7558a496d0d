package org.sstc.exchange.core;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * A partner's share of an initiative, in money or in kind — South-South cooperation is often
 * expertise and time rather than money.
 *
 * @param id unique within the initiative's contributions
 * @param participantId the {@link Participation#id()} of the partner that contributes
 * @param kind financial, in kind, or expertise
 * @param value its worth, where known
 * @param description what was contributed
 */
public record Contribution(
    @NotNull @NotBlank String id,
    @NotNull String participantId,
    @NotNull ContributionKind kind,
    @Nullable @Valid Money value,
    @Nullable LanguageMap description) {}
