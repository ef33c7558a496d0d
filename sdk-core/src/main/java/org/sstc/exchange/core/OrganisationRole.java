package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a budget binds ({@link Budget#status()}): the IATI OrganisationRole codelist, closed, as bundled in
 * {@code schema/codelists/OrganisationRole.json}.
 *
 * @since 1.0
 */
public enum OrganisationRole {
  /** {@code "1"}, Funding: the government or organisation which provides funds to the activity. */
  FUNDING("1"),
  /** {@code "2"}, Accountable: the organisation responsible for oversight of the activity and its outcomes. */
  ACCOUNTABLE("2"),
  /** {@code "3"}, Extending: the organisation that manages the budget and direction of the activity on behalf of the funder. */
  EXTENDING("3"),
  /** {@code "4"}, Implementing: the organisation that physically carries out the activity. */
  IMPLEMENTING("4");

  private final String code;

  OrganisationRole(String code) {
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
  public static Optional<OrganisationRole> fromCode(String code) {
    for (OrganisationRole value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the codelist check (which
  // reads the code from the JSON tree) reports it as codelist.unknown-code with its pointer.
  @JsonCreator
  static @Nullable OrganisationRole fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
