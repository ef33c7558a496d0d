package org.sstc.exchange.sheets.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One CSV file of the layout: the items of one array of the package (or the package itself),
 * each row keyed by its parents' ids and by its own id or position.
 *
 * @param file the file name, e.g. {@code participants.csv}
 * @param parent the sheet whose items hold this sheet's items; null for the package sheet
 * @param array the array property in the parent item, e.g. {@code participants}
 * @param keyedBy how a row names its item: by the item's own {@code id}, or by its position
 * @param fields the item's properties, in column order
 * @param since the version of the standard that added the array ({@code "1.1"}), or null for
 *     1.0: a package of an older version gets the sheet only when it has such items
 */
public record Sheet(
    String file, @Nullable Sheet parent, String array, Keying keyedBy, List<Field> fields, @Nullable String since) {

  /** How a row names its item within its parent. */
  public enum Keying {
    /** The package sheet: exactly one row. */
    SINGLE,
    /** By the item's own {@code id} (a field of the item); rows keep their order. */
    ID,
    /** By a 1-based {@code position} column, for items without an id; rows are put in position order. */
    POSITION
  }

  public Sheet {
    fields = List.copyOf(fields);
  }

  Sheet(String file, @Nullable Sheet parent, String array, Keying keyedBy, List<Field> fields) {
    this(file, parent, array, keyedBy, fields, null);
  }

  /** This sheet, marked as added in {@code version} of the standard. */
  Sheet since(String version) {
    return new Sheet(file, parent, array, keyedBy, fields, version);
  }

  /**
   * The columns that name a row's parent items, outermost first ({@code initiative/id}, then
   * {@code result/id}), as fields of kind TEXT; a parent keyed by position is named by its
   * position ({@code location/position}).
   */
  public List<Field> parentKeys() {
    List<Field> keys = new ArrayList<>();
    for (Sheet ancestor : ancestors()) {
      String singular = singular(ancestor.array);
      String title = Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
      keys.add(ancestor.keyedBy == Keying.POSITION
          ? Field.text(singular + "/position", title + " position")
          : Field.text(singular + "/id", title + " ID"));
    }
    return keys;
  }

  /**
   * The fields of a row in column order: the parent keys, the {@link Layout#POSITION} for a sheet
   * keyed by position, then the item's own fields.
   */
  public List<Field> columnFields() {
    List<Field> all = new ArrayList<>(parentKeys());
    if (keyedBy == Keying.POSITION) {
      all.add(Layout.POSITION);
    }
    all.addAll(fields);
    return all;
  }

  /**
   * flatten-tool's JSON-path header of a column of this sheet: {@code id} for the main record's
   * id (the initiative's or organisation's), {@code results/0/id} for a result's id in its
   * indicators' sheet, and the item's own properties under their array, {@code
   * participants/0/role}, {@code budgets/0/value/amount}; the main sheets' properties as they are.
   *
   * @param column the column's path relative to the item, or a parent key's ({@code
   *     initiative/id}), or {@code position}
   */
  public String jsonPath(String column) {
    List<Field> keys = parentKeys();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i).path();
      if (key.equals(column)) {
        return arrayPrefix(i) + key.substring(key.indexOf('/') + 1);
      }
    }
    if (column.equals(Layout.POSITION.path())) {
      return column;
    }
    return arrayPrefix(keys.size()) + column;
  }

  /** {@code participants/0/} for the items of this sheet's ancestor chain up to depth. */
  private String arrayPrefix(int depth) {
    List<Sheet> chain = new ArrayList<>(ancestors());
    chain.add(this);
    StringBuilder prefix = new StringBuilder();
    // The outermost level (initiatives, organisations) is the main sheet: its rows are the records.
    for (int i = 1; i <= depth && i < chain.size(); i++) {
      prefix.append(chain.get(i).array()).append("/0/");
    }
    return prefix.toString();
  }

  /** The sheets from this one's parent up to, not including, the package sheet: outermost first. */
  public List<Sheet> ancestors() {
    List<Sheet> chain = new ArrayList<>();
    for (Sheet at = parent; at != null && at.parent != null; at = at.parent) {
      chain.add(0, at);
    }
    return chain;
  }

  private static String singular(String array) {
    switch (array) {
      case "initiatives":
        return "initiative";
      case "organisations":
        return "organisation";
      case "results":
      case "evidence/results":
        return "result";
      case "solutions":
        return "solution";
      case "locations":
        return "location";
      default:
        return array;
    }
  }
}
