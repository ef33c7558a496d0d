package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a budget is the original or a revised one ({@link Budget#type()}): the IATI BudgetType codelist, closed, as bundled in
 * {@code schema/codelists/BudgetType.json}.
 *
 * @since 1.0
 */
public enum BudgetType {
  /** {@code "1"}, Original: the original budget allocated to the activity. */
  ORIGINAL("1"),
  /** {@code "2"}, Revised: the updated budget for an activity. */
  REVISED("2");

  private final String code;

  BudgetType(String code) {
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
  public static Optional<BudgetType> fromCode(String code) {
    for (BudgetType value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the codelist check (which
  // reads the code from the JSON tree) reports it as codelist.unknown-code with its pointer.
  @JsonCreator
  static @Nullable BudgetType fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
