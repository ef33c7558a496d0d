package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one initiative relates to another: a closed list of the standard.
 *
 * @since 1.0
 */
public enum InitiativeRelation {
  /** {@code "parent"}. */
  PARENT("parent"),
  /** {@code "child"}. */
  CHILD("child"),
  /** {@code "sibling"}. */
  SIBLING("sibling"),
  /** {@code "co-funded"}. */
  CO_FUNDED("co-funded"),
  /** {@code "third-party"}. */
  THIRD_PARTY("third-party"),
  /** {@code "scales-up"}. */
  SCALES_UP("scales-up");

  private final String code;

  InitiativeRelation(String code) {
    this.code = code;
  }

  /**
   * The code as the standard writes it in JSON.
   *
   * @return the code, e.g. {@code "parent"}; {@link #fromCode(String)} gives this constant back
   *     for it
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Finds the constant for a code of the standard.
   *
   * @param code a code such as {@code "parent"}
   * @return the constant, or empty if the code is not one of this list's
   */
  public static Optional<InitiativeRelation> fromCode(String code) {
    for (InitiativeRelation value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the schema check (which
  // always runs first) reports it as schema.enum with its pointer.
  @JsonCreator
  static @Nullable InitiativeRelation fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
