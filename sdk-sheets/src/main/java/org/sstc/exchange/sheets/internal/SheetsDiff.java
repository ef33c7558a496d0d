package org.sstc.exchange.sheets.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Where two package trees differ: flatten compares the package with what its sheets read back,
 * so that a value the sheets could not hold is reported at its pointer instead of being lost.
 */
public final class SheetsDiff {
  /** Enough to show what to correct; a package broken throughout is one cause. */
  private static final int MOST = 50;

  private SheetsDiff() {}

  /**
   * The JSON Pointers where {@code original} has a value that {@code back} does not have, or has
   * differently (objects compared member by member, in any order; arrays item by item).
   */
  public static List<String> differences(JsonNode original, JsonNode back) {
    List<String> found = new ArrayList<>();
    walk(original, back, "", found);
    return found;
  }

  private static void walk(JsonNode original, @Nullable JsonNode back, String pointer, List<String> found) {
    if (found.size() >= MOST) {
      return;
    }
    if (back == null) {
      found.add(pointer);
    } else if (original.isObject() && back.isObject()) {
      for (String name : original.propertyNames()) {
        walk(original.get(name), back.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"), found);
      }
      for (String name : back.propertyNames()) {
        if (!original.has(name) && found.size() < MOST) {
          found.add(pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
        }
      }
    } else if (original.isArray() && back.isArray() && original.size() == back.size()) {
      for (int i = 0; i < original.size(); i++) {
        walk(original.get(i), back.get(i), pointer + "/" + i, found);
      }
    } else if (!original.equals(back)) {
      found.add(pointer);
    }
  }
}
