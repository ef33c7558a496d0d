package org.sstc.exchange.sheets.internal;

/**
 * Keeps text from being run as a formula when a spreadsheet opens the file (CSV injection, OWASP):
 * a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is written with a leading apostrophe, which spreadsheets show as text, and the apostrophe
 * is taken off again on reading.
 *
 * <p>The mapping is exact both ways: text that itself starts with apostrophes followed by one of
 * those characters gets one more apostrophe, so {@code restore(neutralise(t)) == t} for every
 * {@code t}, and text a person typed without such a start is read as typed.
 */
public final class CellText {
  private CellText() {}

  /** The cell for a text value. */
  public static String neutralise(String text) {
    return needsApostrophe(text) ? "'" + text : text;
  }

  /** The text value of a cell written by {@link #neutralise} (or typed by a person). */
  public static String restore(String cell) {
    return cell.startsWith("'") && needsApostrophe(cell.substring(1)) ? cell.substring(1) : cell;
  }

  private static boolean needsApostrophe(String text) {
    int at = 0;
    while (at < text.length() && text.charAt(at) == '\'') {
      at++;
    }
    if (at == text.length()) {
      return false;
    }
    char first = text.charAt(at);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }
}
