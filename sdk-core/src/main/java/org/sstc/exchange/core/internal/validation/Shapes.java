package org.sstc.exchange.core.internal.validation;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shapes the 1.0 JSON Schemas give to identifiers and codes. Rules and codelist checks only
 * look at a value of the right shape: a value of the wrong shape was already reported by the
 * schema check ({@code schema.pattern}), and one fault should be reported once.
 */
final class Shapes {
  /** {@code common.schema.json#/$defs/orgId}: prefixes like {@code XM-DAC} or {@code CA_AB-ABT}. */
  static final Pattern ORG_ID = Pattern.compile("^[A-Z]{2}(_[A-Z0-9]+)?-[A-Z0-9_]+-[^\\s/?#&|]+$");

  static final Pattern INITIATIVE_ID = Pattern.compile("^[^\\s/?#&|]+$");
  static final Pattern ITEM_ID = Pattern.compile("^\\S+$");
  static final Pattern IATI_CODE = Pattern.compile("^[0-9A-Za-z.\\-]+$");
  static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
  static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
  static final Pattern SDG_GOAL = Pattern.compile("^[0-9]{1,2}$");
  static final Pattern SDG_TARGET = Pattern.compile("^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])$");
  static final Pattern SDG_INDICATOR =
      Pattern.compile("^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])\\.[0-9]{1,2}$");
  static final Pattern LANGUAGE_TAG = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

  private Shapes() {}

  /** True if the value is present and has the shape. */
  static boolean matches(Pattern shape, @Nullable String value) {
    return value != null && shape.matcher(value).matches();
  }
}
