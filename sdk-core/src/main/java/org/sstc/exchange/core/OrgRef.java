package org.sstc.exchange.core;

import org.sstc.exchange.core.internal.validation.Shapes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A reference to an organisation by its org-id and a plain-text name, as in an initiative's
 * {@code reportingOrg} or a package's {@code publisher}.
 *
 * @param id the org-id.guide identifier, e.g. {@code "XM-DAC-41114"} (UNDP)
 * @param name the organisation's name as plain text
 */
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record OrgRef(
    @NotNull @Pattern(regexp = Shapes.ORG_ID_REGEX) String id, @NotNull @NotBlank String name) {}
