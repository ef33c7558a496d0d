package org.sstc.exchange.iati;

import java.util.Objects;

/**
 * One value a {@link CompletionProfile} added to an imported record: where (a JSON Pointer into the
 * record), what (the value as JSON text) and which part of the profile said so. The import report
 * lists each one, and the record keeps them all under its extension {@value
 * CompletionProfile#EXTENSION_KEY}, so that no value is silently invented.
 *
 * @param pointer the RFC 6901 JSON Pointer of the value inside the record, e.g. {@code
 *     /participants/1/role}
 * @param value the value as JSON text, e.g. {@code "provider"} with its quotes
 * @param rule the part of the profile it came from, e.g. {@code defaults.instrument} or {@code
 *     rules/2 (provider-and-recipient-country-is-bilateral)}
 * @since 1.1
 */
public record ProfileValue(String pointer, String value, String rule) {
  /**
   * A value added by a profile.
   *
   * @param pointer where, inside the record
   * @param value the value as JSON text
   * @param rule the part of the profile that added it
   * @throws NullPointerException if an argument is null
   */
  public ProfileValue {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rule, "rule");
  }

  /** {@code POINTER = VALUE (RULE)}, as {@code sstc import-iati --profile} prints it. */
  @Override
  public String toString() {
    return pointer + " = " + value + " (" + rule + ")";
  }
}
