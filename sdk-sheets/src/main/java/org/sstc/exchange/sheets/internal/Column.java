package org.sstc.exchange.sheets.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One column of a sheet: a field, or one column of a growing field (a language, an extension key,
 * or the order of the group's entries).
 *
 * @param field the field it belongs to
 * @param key the language tag or extension key; null for a fixed column or an order column
 * @param order true for the column that gives a group's order ({@code title/order})
 */
public record Column(Field field, @Nullable String key, boolean order) {
  static final String ORDER = "order";

  static Column of(Field field) {
    return new Column(field, null, false);
  }

  static Column entry(Field field, String key) {
    return new Column(field, key, false);
  }

  static Column orderOf(Field field) {
    return new Column(field, null, true);
  }

  /** The JSON-path header, flatten-tool style: {@code value/amount}, {@code title/en}, {@code title/order}. */
  public String path() {
    if (order) {
      return field.path() + "/" + ORDER;
    }
    return key == null ? field.path() : field.path() + "/" + key;
  }

  /** The JSON-path header in a sheet, flatten-tool style: {@code participants/0/role}, {@code id}. */
  public String jsonPath(Sheet sheet) {
    return sheet.jsonPath(path());
  }

  /** The readable header: {@code Amount}, {@code Title (en)}, {@code Title: language order}. */
  public String title() {
    if (order) {
      return field.title() + (field.kind() == Field.Kind.EXTENSIONS ? ": key order" : ": language order");
    }
    return key == null ? field.title() : field.title() + " (" + key + ")";
  }

  /** The header in the form asked for, in a sheet. */
  public String header(Sheet sheet, boolean titles) {
    return titles ? title() : jsonPath(sheet);
  }

  /** The spreadsheet letter of a 0-based column index: 0 is {@code A}, 26 is {@code AA}. */
  public static String letter(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  /** How headers are compared: trimmed, ignoring case. */
  static String normal(String header) {
    return header.strip().toLowerCase(Locale.ROOT);
  }
}
