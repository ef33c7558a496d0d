package org.sstc.exchange.core;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Another initiative this one relates to.
 *
 * @param id the other initiative's id
 * @param relation how they relate
 */
public record RelatedInitiative(
    @NotNull @Pattern(regexp = Patterns.INITIATIVE_ID) String id,
    @NotNull InitiativeRelation relation) {}
