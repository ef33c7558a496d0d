package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What kind of support an initiative gives: a closed list of the standard.
 *
 * @since 1.0
 */
public enum SupportType {
  /** {@code "technical-cooperation"}. */
  TECHNICAL_COOPERATION("technical-cooperation"),
  /** {@code "capacity-development"}. */
  CAPACITY_DEVELOPMENT("capacity-development"),
  /** {@code "knowledge-exchange"}. */
  KNOWLEDGE_EXCHANGE("knowledge-exchange"),
  /** {@code "policy-dialogue"}. */
  POLICY_DIALOGUE("policy-dialogue"),
  /** {@code "financial-cooperation"}. */
  FINANCIAL_COOPERATION("financial-cooperation"),
  /** {@code "in-kind"}. */
  IN_KIND("in-kind"),
  /** {@code "volunteer-exchange"}. */
  VOLUNTEER_EXCHANGE("volunteer-exchange"),
  /** {@code "partnership-facilitation"}. */
  PARTNERSHIP_FACILITATION("partnership-facilitation"),
  /** {@code "trade-and-investment"}. */
  TRADE_AND_INVESTMENT("trade-and-investment");

  private final String code;

  SupportType(String code) {
    this.code = code;
  }

  /**
   * The code as the standard writes it in JSON.
   *
   * @return the code, e.g. {@code "technical-cooperation"}; {@link #fromCode(String)} gives this
   *     constant back for it
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Finds the constant for a code of the standard.
   *
   * @param code a code such as {@code "technical-cooperation"}
   * @return the constant, or empty if the code is not one of this list's
   */
  public static Optional<SupportType> fromCode(String code) {
    for (SupportType value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the schema check (which
  // always runs first) reports it as schema.enum with its pointer.
  @JsonCreator
  static @Nullable SupportType fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
