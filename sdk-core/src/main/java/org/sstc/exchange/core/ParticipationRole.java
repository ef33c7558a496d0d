package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A partner's role in one initiative: a closed list of the standard.
 *
 * @since 1.0
 */
public enum ParticipationRole {
  /** {@code "provider"}. */
  PROVIDER("provider"),
  /** {@code "recipient"}. */
  RECIPIENT("recipient"),
  /** {@code "first-provider"}. */
  FIRST_PROVIDER("first-provider"),
  /** {@code "second-provider"}. */
  SECOND_PROVIDER("second-provider"),
  /** {@code "facilitator"}. */
  FACILITATOR("facilitator"),
  /** {@code "funder"}. */
  FUNDER("funder"),
  /** {@code "implementer"}. */
  IMPLEMENTER("implementer");

  private final String code;

  ParticipationRole(String code) {
    this.code = code;
  }

  /**
   * The code as the standard writes it in JSON.
   *
   * @return the code, e.g. {@code "provider"}; {@link #fromCode(String)} gives this constant back
   *     for it
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Finds the constant for a code of the standard.
   *
   * @param code a code such as {@code "provider"}
   * @return the constant, or empty if the code is not one of this list's
   */
  public static Optional<ParticipationRole> fromCode(String code) {
    for (ParticipationRole value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the schema check (which
  // always runs first) reports it as schema.enum with its pointer.
  @JsonCreator
  static @Nullable ParticipationRole fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
