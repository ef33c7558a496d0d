package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a partner contributes to an initiative: a closed list of the standard.
 *
 * @since 1.0
 */
public enum ContributionKind {
  /** {@code "financial"}. */
  FINANCIAL("financial"),
  /** {@code "in-kind"}. */
  IN_KIND("in-kind"),
  /** {@code "expertise"}. */
  EXPERTISE("expertise");

  private final String code;

  ContributionKind(String code) {
    this.code = code;
  }

  /**
   * The code as the standard writes it in JSON.
   *
   * @return the code, e.g. {@code "financial"}; {@link #fromCode(String)} gives this constant back
   *     for it
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Finds the constant for a code of the standard.
   *
   * @param code a code such as {@code "financial"}
   * @return the constant, or empty if the code is not one of this list's
   */
  public static Optional<ContributionKind> fromCode(String code) {
    for (ContributionKind value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the schema check (which
  // always runs first) reports it as schema.enum with its pointer.
  @JsonCreator
  static @Nullable ContributionKind fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
