package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How serious an {@link Issue} is: an error makes a document invalid, a warning does not.
 *
 * @since 1.0
 */
public enum Severity {
  /** The document does not follow the standard; it must be fixed before it is exchanged. */
  ERROR,
  /** The document follows the standard, but something is likely a mistake or out of date. */
  WARNING;

  /**
   * The severity as a validation report writes it in JSON.
   *
   * @return {@code "error"} or {@code "warning"}, lower case
   */
  @JsonValue
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return code();
  }
}
