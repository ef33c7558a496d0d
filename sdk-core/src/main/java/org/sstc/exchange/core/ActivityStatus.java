package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The stage an initiative has reached ({@link Initiative#status()}): the IATI ActivityStatus codelist, closed, as bundled in
 * {@code schema/codelists/ActivityStatus.json}.
 *
 * @since 1.0
 */
public enum ActivityStatus {
  /** {@code "1"}, Pipeline/identification: the activity is being scoped or planned. */
  PIPELINE("1"),
  /** {@code "2"}, Implementation: the activity is currently being implemented. */
  IMPLEMENTATION("2"),
  /** {@code "3"}, Finalisation: physical activity is complete or the final disbursement has been made, but the activity remains open pending financial sign off or M&amp;E. */
  FINALISATION("3"),
  /** {@code "4"}, Closed: physical activity is complete or the final disbursement has been made. */
  CLOSED("4"),
  /** {@code "5"}, Cancelled: the activity has been cancelled. */
  CANCELLED("5"),
  /** {@code "6"}, Suspended: the activity has been temporarily suspended. */
  SUSPENDED("6");

  private final String code;

  ActivityStatus(String code) {
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
  public static Optional<ActivityStatus> fromCode(String code) {
    for (ActivityStatus value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the codelist check (which
  // reads the code from the JSON tree) reports it as codelist.unknown-code with its pointer.
  @JsonCreator
  static @Nullable ActivityStatus fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
