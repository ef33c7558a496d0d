package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a budget binds ({@link Budget#status()}): the IATI BudgetStatus codelist, closed, as bundled in
 * {@code schema/codelists/BudgetStatus.json}.
 *
 * @since 1.0
 */
public enum BudgetStatus {
  /** {@code "1"}, Indicative: a non-binding estimate for the described budget. */
  INDICATIVE("1"),
  /** {@code "2"}, Committed: a binding agreement for the described budget. */
  COMMITTED("2");

  private final String code;

  BudgetStatus(String code) {
    this.code = code;
  }

  /**
   * The code as the standard writes it in JSON.
   *
   * @return the IATI code, e.g. {@code "1"}; {@link #fromCode(String)} gives this constant back
   *     for it
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Finds the constant for an IATI code.
   *
   * @param code a code such as {@code "1"}
   * @return the constant, or empty if the code is not one of this list's
   */
  public static Optional<BudgetStatus> fromCode(String code) {
    for (BudgetStatus value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the codelist check (which
  // reads the code from the JSON tree) reports it as codelist.unknown-code with its pointer.
  @JsonCreator
  static @Nullable BudgetStatus fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
