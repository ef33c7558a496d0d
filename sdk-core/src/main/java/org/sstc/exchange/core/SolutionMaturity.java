package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How far a {@link Solution} has gone: a closed list of the standard (codelist SolutionMaturity).
 *
 * @since 1.1
 */
public enum SolutionMaturity {
  /** {@code "piloted"}: tried at small scale, in one place, to see whether it works. */
  PILOTED("piloted"),
  /** {@code "implemented"}: applied beyond a pilot in the country where it was developed. */
  IMPLEMENTED("implemented"),
  /** {@code "replicated"}: taken up in another country. */
  REPLICATED("replicated"),
  /** {@code "scaled-up"}: taken to a larger scale, nationally or across countries. */
  SCALED_UP("scaled-up");

  private final String code;

  SolutionMaturity(String code) {
    this.code = code;
  }

  /**
   * The code as the standard writes it in JSON.
   *
   * @return the code, e.g. {@code "piloted"}; {@link #fromCode(String)} gives this constant back
   *     for it
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Finds the constant for a code of the standard.
   *
   * @param code a code such as {@code "piloted"}
   * @return the constant, or empty if the code is not one of this list's
   */
  public static Optional<SolutionMaturity> fromCode(String code) {
    for (SolutionMaturity value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the schema check (which
  // always runs first) reports it as schema.enum with its pointer.
  @JsonCreator
  static @Nullable SolutionMaturity fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
