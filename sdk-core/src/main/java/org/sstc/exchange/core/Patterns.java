package org.sstc.exchange.core;

/** The shapes of identifiers and codes, shared by the Bean Validation constraints of the model. */
final class Patterns {
  /** An org-id.guide identifier: {@code {PREFIX}-{identifier}} where the prefix is {@code XX-ABC}. */
  static final String ORG_ID = "^[A-Z]{2}(_[A-Z0-9]+)?-[A-Z0-9_]+-[^\\s/?#&|]+$";

  /** An initiative id: no whitespace, {@code /}, {@code ?}, {@code #}, {@code &} or {@code |}. */
  static final String INITIATIVE_ID = "^[^\\s/?#&|]+$";

  /** A non-negative decimal number, the only form money takes. */
  static final String AMOUNT = "^[0-9]+(\\.[0-9]+)?$";

  static final String COUNTRY = "^[A-Z]{2}$";
  static final String CURRENCY = "^[A-Z]{3}$";
  static final String SDG_GOAL = "^[0-9]{1,2}$";
  static final String SDG_TARGET = "^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])$";
  static final String SDG_INDICATOR = "^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])\\.[0-9]{1,2}$";
  static final String SCHEMA_VERSION = "^1\\.[0-9]+$";

  private Patterns() {}
}
