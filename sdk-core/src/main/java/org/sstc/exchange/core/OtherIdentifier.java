package org.sstc.exchange.core;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Another identifier of the same thing in another scheme, e.g. its IATI activity identifier.
 *
 * @param scheme the scheme, e.g. {@code "iati"}
 * @param id the identifier in that scheme
 */
public record OtherIdentifier(@NotNull @NotBlank String scheme, @NotNull @NotBlank String id) {}
