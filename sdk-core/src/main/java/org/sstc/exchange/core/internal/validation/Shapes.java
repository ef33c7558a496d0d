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

  /**
   * True if the value is present and has the shape. The shapes above are checked character by
   * character, exactly as their expressions match (ShapesTest holds the two together): the rules
   * ask this for every code of every record, and a regular expression's matcher per value was
   * the largest cost of the rules. Any other pattern is matched as given.
   */
  static boolean matches(Pattern shape, @Nullable String value) {
    if (value == null) {
      return false;
    }
    if (shape == IATI_CODE) {
      return isIatiCode(value);
    } else if (shape == COUNTRY) {
      return value.length() == 2 && upper(value, 0, 2);
    } else if (shape == CURRENCY) {
      return value.length() == 3 && upper(value, 0, 3);
    } else if (shape == SDG_GOAL) {
      return (value.length() == 1 || value.length() == 2) && digits(value, 0, value.length());
    } else if (shape == SDG_TARGET) {
      return sdgTargetEnd(value, 0) == value.length();
    } else if (shape == SDG_INDICATOR) {
      int end = sdgTargetEnd(value, 0);
      return end > 0 && end < value.length() && value.charAt(end) == '.'
          && value.length() - end - 1 >= 1 && value.length() - end - 1 <= 2 && digits(value, end + 1, value.length());
    } else if (shape == ORG_ID) {
      return isOrgId(value);
    } else if (shape == INITIATIVE_ID) {
      return !value.isEmpty() && noneOf(value, 0, "/?#&|");
    } else if (shape == ITEM_ID) {
      return !value.isEmpty() && noneOf(value, 0, "");
    }
    return shape.matcher(value).matches();
  }

  /** {@code [0-9A-Za-z.\-]+}. */
  private static boolean isIatiCode(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where {@code [0-9]{1,2}\.([0-9]{1,2}|[a-z])} starting at {@code from} ends, or -1 if it does
   * not match there. The target's second part takes two digits where two follow, as the
   * expression's first alternative does.
   */
  private static int sdgTargetEnd(String value, int from) {
    int i = from;
    int goalDigits = 0;
    while (i < value.length() && goalDigits < 2 && isDigit(value.charAt(i))) {
      i++;
      goalDigits++;
    }
    if (goalDigits == 0 || i >= value.length() || value.charAt(i) != '.') {
      return -1;
    }
    i++;
    if (i < value.length() && isDigit(value.charAt(i))) {
      i++;
      if (i < value.length() && isDigit(value.charAt(i))) {
        i++;
      }
      return i;
    }
    return i < value.length() && value.charAt(i) >= 'a' && value.charAt(i) <= 'z' ? i + 1 : -1;
  }

  /** {@code [A-Z]{2}(_[A-Z0-9]+)?-[A-Z0-9_]+-[^\s/?#&|]+}. */
  private static boolean isOrgId(String value) {
    int n = value.length();
    if (n < 2 || !upper(value, 0, 2)) {
      return false;
    }
    int i = 2;
    if (i < n && value.charAt(i) == '_') {
      int start = ++i;
      while (i < n && (isUpper(value.charAt(i)) || isDigit(value.charAt(i)))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i >= n || value.charAt(i) != '-') {
      return false;
    }
    int start = ++i;
    while (i < n && (isUpper(value.charAt(i)) || isDigit(value.charAt(i)) || value.charAt(i) == '_')) {
      i++;
    }
    if (i == start || i >= n || value.charAt(i) != '-') {
      return false;
    }
    return i + 1 < n && noneOf(value, i + 1, "/?#&|");
  }

  private static boolean upper(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isUpper(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** No character from {@code from} on is whitespace as {@code \s} means it (ASCII) or one of {@code others}. */
  private static boolean noneOf(String value, int from, String others) {
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || c >= '\t' && c <= '\r' || others.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
