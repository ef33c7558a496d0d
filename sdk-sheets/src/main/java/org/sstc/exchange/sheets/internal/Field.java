package org.sstc.exchange.sheets.internal;

import org.jspecify.annotations.Nullable;

/**
 * One property of an item as it appears in a sheet: a fixed column, or a group of columns that
 * grows with the data (one column a language of a language map, one a key of the extensions).
 *
 * @param path the property's path inside the item, {@code /}-separated ({@code value/amount})
 * @param title the readable column title ({@code Value: amount}); for a group, the group's
 * @param kind how the cell's text maps to JSON
 * @param since the version of the standard that added the property ({@code "1.1"}), or null for
 *     1.0: a package of an older version gets the column only when it holds such a value, so that
 *     a 1.0 package gives the sheets it always gave
 */
public record Field(String path, String title, Kind kind, @Nullable String since) {

  Field(String path, String title, Kind kind) {
    this(path, title, kind, null);
  }

  /** This field, marked as added in {@code version} of the standard. */
  Field since(String version) {
    return new Field(path, title, kind, version);
  }

  /** How a cell's text maps to a JSON value, and back. */
  public enum Kind {
    /** A JSON string, as written (formula characters neutralised). */
    TEXT,
    /** A JSON number (percentages), written in plain decimal notation. */
    NUMBER,
    /** A JSON array of codes, written {@code a;b;c} (flatten-tool's convention). */
    LIST,
    /** As {@link #LIST}, for a list the standard requires: an empty cell is an empty list. */
    REQUIRED_LIST,
    /** A JSON boolean, written {@code true} or {@code false} (read in any case). */
    BOOLEAN,
    /** A language map: one column a language, {@code title/en}, {@code title/fr}. */
    LANGUAGES,
    /** The extensions: one column a key, holding the value as JSON text. */
    EXTENSIONS
  }

  static Field text(String path, String title) {
    return new Field(path, title, Kind.TEXT);
  }

  static Field number(String path, String title) {
    return new Field(path, title, Kind.NUMBER);
  }

  static Field bool(String path, String title) {
    return new Field(path, title, Kind.BOOLEAN);
  }

  static Field list(String path, String title) {
    return new Field(path, title, Kind.LIST);
  }

  static Field requiredList(String path, String title) {
    return new Field(path, title, Kind.REQUIRED_LIST);
  }

  static Field languages(String path, String title) {
    return new Field(path, title, Kind.LANGUAGES);
  }

  static Field extensions() {
    return new Field("extensions", "Extension", Kind.EXTENSIONS);
  }

  /** True for a group of columns that grows with the data. */
  public boolean grows() {
    return kind == Kind.LANGUAGES || kind == Kind.EXTENSIONS;
  }
}
