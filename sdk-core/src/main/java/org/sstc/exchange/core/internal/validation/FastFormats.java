package org.sstc.exchange.core.internal.validation;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The formats the bundled schemas use, as strict subsets of what networknt 3.0.9 accepts: a
 * string in the subset is certainly valid for networknt; a string outside it is left to networknt
 * (UNKNOWN), which may still accept it. networknt takes a date through {@code LocalDate.parse}
 * (years 0 to 9999), a date-time through ethlo's RFC 3339 parser, and a uri through {@code
 * java.net.URI} (absolute, ASCII, no bracket in the query).
 */
final class FastFormats {
  private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

  // Upper-case T and Z, seconds 00-59 (no leap second), offsets up to ±14:00, not -00:00.
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?"
              + "(Z|\\+(0[0-9]|1[0-4]):[0-5][0-9]|-(0[0-9]|1[0-4]):[0-5][0-9])");

  private static final String PCHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";
  private static final String QCHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})";

  // http(s) with a plain host name, or a urn: nothing java.net.URI rejects or reads as relative.
  private static final Pattern URI =
      Pattern.compile(
          "https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:/" + PCHAR + "*)*"
              + "(?:\\?" + QCHAR + "*)?(?:#" + QCHAR + "*)?"
              + "|urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:" + PCHAR + "(?:" + PCHAR + "|/)*");

  // The same shapes as automata: a date and a date-time both have their date in chars 0 to 9,
  // so no Matcher and no groups are needed to read it.
  private static final TextPattern DATE_SHAPE = anchored(DATE);
  private static final TextPattern DATE_TIME_SHAPE = anchored(DATE_TIME);

  private FastFormats() {}

  private static TextPattern anchored(Pattern pattern) {
    String whole = "^(?:" + pattern.pattern() + ")\\z";
    return java.util.Objects.requireNonNull(TextPattern.compile(whole, Pattern.compile(whole)), whole);
  }

  /** The subset of a format the fast check decides, or null for a format it leaves to networknt. */
  static @Nullable Pattern subset(String format) {
    return switch (format) {
      case "date" -> DATE;
      case "date-time" -> DATE_TIME;
      case "uri" -> URI;
      default -> null;
    };
  }

  /** Whether {@code text} is in the subset: then networknt surely accepts it. */
  static boolean accepts(String format, Pattern subset, String text) {
    if (format.equals("date") || format.equals("date-time")) {
      if (!(format.equals("date") ? DATE_SHAPE : DATE_TIME_SHAPE).find(text)) {
        return false;
      }
      int year = Integer.parseInt(text, 0, 4, 10);
      if (format.equals("date-time") && (text.endsWith("-00:00") || year == 0)) {
        return false;
      }
      return realDate(year, Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
    }
    return subset.matcher(text).matches(); // uri
  }

  /** A day of the proleptic Gregorian calendar, as java.time counts it. */
  private static boolean realDate(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }
}
