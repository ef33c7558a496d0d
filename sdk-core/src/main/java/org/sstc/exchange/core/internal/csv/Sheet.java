package org.sstc.exchange.core.internal.csv;

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
 */
public record Sheet(String file, @Nullable Sheet parent, String array, Keying keyedBy, List<Field> fields) {

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

  /**
   * The columns that name a row's parent items, outermost first ({@code initiative/id}, then
   * {@code result/id}), as fields of kind TEXT.
   */
  public List<Field> parentKeys() {
    List<Field> keys = new ArrayList<>();
    for (Sheet ancestor : ancestors()) {
      String singular = singular(ancestor.array);
      keys.add(Field.text(singular + "/id", Character.toUpperCase(singular.charAt(0)) + singular.substring(1) + " ID"));
    }
    return keys;
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
        return "result";
      default:
        return array;
    }
  }
}
