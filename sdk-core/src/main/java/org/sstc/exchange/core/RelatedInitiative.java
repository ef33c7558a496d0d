package org.sstc.exchange.core;

import org.sstc.exchange.core.internal.validation.Shapes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Another initiative this one relates to.
 *
 * @param id the other initiative's id
 * @param relation how they relate
 */
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record RelatedInitiative(
    @NotNull @Pattern(regexp = Shapes.INITIATIVE_ID_REGEX) String id,
    @NotNull InitiativeRelation relation) {}
