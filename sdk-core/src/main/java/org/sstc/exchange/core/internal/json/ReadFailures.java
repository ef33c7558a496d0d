package org.sstc.exchange.core.internal.json;

import java.io.CharConversionException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns what the JSON parser refused into an {@link Issue} with a {@code json.*} code, the line
 * and column, the JSON Pointer of the place it got to, and advice a person can follow.
 */
public final class ReadFailures {
  private ReadFailures() {}

  /** The issue for a parser failure. */
  /**
   * A number whose exponent no decimal can hold ({@code 0E6999999999}): Jackson refuses to make it
   * with a {@link NumberFormatException}, not one of its own exceptions, so it is caught apart.
   */
  public static Issue numberOutOfRange(NumberFormatException failure, @Nullable JsonParser parser) {
    TokenStreamLocation location = parser == null ? null : parser.currentLocation();
    long line = location != null && location.getLineNr() > 0 ? location.getLineNr() : 0;
    String where = location != null && line > 0 ? " (line " + line + ", column " + location.getColumnNr() + ")" : "";
    return Issue.error("json.limit", pointerOf(parser),
        "a number here has an exponent beyond what a decimal can hold" + where
            + ": write it plainly, as the standard's numbers are (e.g. 85 or 12.5)");
  }

  public static Issue toIssue(JacksonException failure, @Nullable JsonParser parser, JsonLimits limits) {
    String original = String.valueOf(failure.getOriginalMessage());
    String lower = original.toLowerCase(Locale.ROOT);
    TokenStreamLocation location = failure.getLocation();
    long line = location != null && location.getLineNr() > 0 ? location.getLineNr() : 0;
    int column = location != null ? location.getColumnNr() : 0;
    String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
    String pointer = pointerOf(parser);

    String code;
    String message;
    if (failure instanceof StreamConstraintsException) {
      code = "json.limit";
      message = limitMessage(lower, limits) + where;
    } else if (lower.contains("duplicate object property") || lower.contains("duplicate field")) {
      code = "json.duplicate-key";
      String key = quoted(original);
      message =
          "the property "
              + (key == null ? "" : "'" + key + "' ")
              + "appears twice in one object"
              + where
              + ": keep one of them (JSON readers disagree on which one wins)";
      String escaped = key == null ? null : key.replace("~", "~0").replace("/", "~1");
      if (escaped != null && !pointer.endsWith("/" + escaped)) {
        pointer = pointer + "/" + escaped;
      }
    } else if (isEncoding(failure, lower)) {
      code = "json.encoding";
      message =
          "the file is not valid UTF-8"
              + where
              + ": save it as UTF-8 (spreadsheet tools call it 'CSV UTF-8' or 'Unicode (UTF-8)')";
    } else if (lower.contains("unexpected end-of-input") || lower.contains("end-of-input")) {
      code = "json.syntax";
      message =
          "the JSON ends too early"
              + where
              + ": the file is cut off or a bracket or quote is not closed";
    } else {
      code = "json.syntax";
      message = "this is not valid JSON" + where + ": " + firstSentence(original);
    }
    return new Issue(Severity.ERROR, code, pointer, message, null, line > 0 ? line : null);
  }

  /**
   * Jackson would silently read UTF-16 and UTF-32; the standard is UTF-8 only. Those encodings
   * show as a byte-order mark or NUL bytes among the first four bytes.
   *
   * @param head the first bytes of the document (up to four)
   * @return the issue, or null if the start of the document looks like UTF-8
   */
  public static @Nullable Issue notUtf8(byte[] head, int length) {
    boolean utf16Bom =
        length >= 2
            && (((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)
                || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE));
    boolean nulAtStart = false;
    for (int i = 0; i < length; i++) {
      nulAtStart |= head[i] == 0;
    }
    if (!utf16Bom && !nulAtStart) {
      return null;
    }
    return new Issue(Severity.ERROR, "json.encoding", "",
        "the file is not UTF-8 (it starts like UTF-16 or UTF-32, or with NUL bytes): save it as"
            + " UTF-8, the only encoding the standard allows",
        null, 1L);
  }

  private static boolean isEncoding(JacksonException failure, String lower) {
    return failure.getCause() instanceof CharConversionException
        || lower.contains("invalid utf-8")
        || lower.contains("invalid utf8")
        || lower.contains("utf-32")
        || lower.contains("utf-16")
        || lower.contains("surrogate");
  }

  private static String limitMessage(String lower, JsonLimits limits) {
    if (lower.contains("nesting depth")) {
      return "objects and arrays are nested more than "
          + limits.maxNestingDepth()
          + " levels deep, more than any record of the standard needs; flatten the data";
    }
    if (lower.contains("number value length") || lower.contains("number length")) {
      return "a number has more than "
          + limits.maxNumberLength()
          + " characters; write exact amounts as decimal strings such as \"1250000.00\"";
    }
    if (lower.contains("string value length") || lower.contains("string length")) {
      return "a text value is longer than "
          + limits.maxStringLength()
          + " characters; shorten it or link to a document instead";
    }
    if (lower.contains("name length")) {
      return "a property name is longer than " + limits.maxNameLength() + " characters";
    }
    if (lower.contains("document length")) {
      return "the document is larger than the limit for one document; split it, or send a"
          + " large package as NDJSON (one record a line)";
    }
    return "the document exceeds a reading limit: " + lower;
  }

  private static String pointerOf(@Nullable JsonParser parser) {
    if (parser == null) {
      return "";
    }
    try {
      String pointer = parser.streamReadContext().pathAsPointer().toString();
      return pointer.equals("/") ? "" : pointer;
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static @Nullable String quoted(String message) {
    int start = message.indexOf('"');
    int end = start < 0 ? -1 : message.indexOf('"', start + 1);
    return start >= 0 && end > start ? message.substring(start + 1, end) : null;
  }

  private static String firstSentence(String message) {
    String text = message.replace('\n', ' ').trim();
    int at = text.indexOf(" at [Source");
    if (at > 0) {
      text = text.substring(0, at);
    }
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
