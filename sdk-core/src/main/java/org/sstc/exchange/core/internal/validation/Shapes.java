package org.sstc.exchange.core.internal.validation;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shapes the 1.0 JSON Schemas give to identifiers and codes. Rules and codelist checks only
 * look at a value of the right shape: a value of the wrong shape was already reported by the
 * schema check ({@code schema.pattern}), and one fault should be reported once.
 */
public final class Shapes {
  /** {@code common.schema.json#/$defs/orgId}: prefixes like {@code XM-DAC} or {@code CA_AB-ABT}. */
  /** The regular expression of {@link #ORG_ID}, for Bean Validation constraints on the model. */
  public static final String ORG_ID_REGEX = "^[A-Z]{2}(_[A-Z0-9]+)?-[A-Z0-9_]+-[^\\s/?#&|]+$";

  static final Pattern ORG_ID = Pattern.compile(ORG_ID_REGEX);

  /** The regular expression of {@link #INITIATIVE_ID}, for Bean Validation constraints on the model. */
  public static final String INITIATIVE_ID_REGEX = "^[^\\s/?#&|]+$";

  static final Pattern INITIATIVE_ID = Pattern.compile(INITIATIVE_ID_REGEX);
  /** The regular expression of {@link #ITEM_ID}, for Bean Validation constraints on the model. */
  public static final String ITEM_ID_REGEX = "^\\S+$";

  static final Pattern ITEM_ID = Pattern.compile(ITEM_ID_REGEX);
  /** The regular expression of {@link #IATI_CODE}, for Bean Validation constraints on the model. */
  public static final String IATI_CODE_REGEX = "^[0-9A-Za-z.\\-]+$";

  static final Pattern IATI_CODE = Pattern.compile(IATI_CODE_REGEX);
  /** The regular expression of {@link #COUNTRY}, for Bean Validation constraints on the model. */
  public static final String COUNTRY_REGEX = "^[A-Z]{2}$";

  static final Pattern COUNTRY = Pattern.compile(COUNTRY_REGEX);
  /** The regular expression of {@link #CURRENCY}, for Bean Validation constraints on the model. */
  public static final String CURRENCY_REGEX = "^[A-Z]{3}$";

  static final Pattern CURRENCY = Pattern.compile(CURRENCY_REGEX);
  /** The regular expression of {@link #SDG_GOAL}, for Bean Validation constraints on the model. */
  public static final String SDG_GOAL_REGEX = "^[0-9]{1,2}$";

  static final Pattern SDG_GOAL = Pattern.compile(SDG_GOAL_REGEX);
  /** The regular expression of {@link #SDG_TARGET}, for Bean Validation constraints on the model. */
  public static final String SDG_TARGET_REGEX = "^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])$";

  static final Pattern SDG_TARGET = Pattern.compile(SDG_TARGET_REGEX);
  /** The regular expression of {@link #SDG_INDICATOR}, for Bean Validation constraints on the model. */
  public static final String SDG_INDICATOR_REGEX = "^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])\\.[0-9]{1,2}$";

  static final Pattern SDG_INDICATOR = Pattern.compile(SDG_INDICATOR_REGEX);
  /** The regular expression of {@link #LANGUAGE_TAG}, for Bean Validation constraints on the model. */
  public static final String LANGUAGE_TAG_REGEX = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

  static final Pattern LANGUAGE_TAG = Pattern.compile(LANGUAGE_TAG_REGEX);

  /** {@code common.schema.json#/$defs/schemaVersion}: a reader of 1.x reads every 1.y. */
  public static final String SCHEMA_VERSION_REGEX = "^1\\.[0-9]+$";

  private Shapes() {}

  /** True if the value is present and has the shape. */
  static boolean matches(Pattern shape, @Nullable String value) {
    return value != null && shape.matcher(value).matches();
  }
}
