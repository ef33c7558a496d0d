package org.sstc.exchange.sheets.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.JsonStreams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a package's JSON tree into the rows of each sheet of the {@link Layout}: the header, then
 * one row an item, in the package's order. The output depends on the package only, so the same
 * package always gives the same bytes.
 */
public final class Flattener {
  private final ObjectMapper json;
  private final boolean titles;

  /**
   * @param json writes extension values as JSON text (the SDK's deterministic writer)
   * @param titles readable titles in the header row; JSON paths otherwise
   */
  public Flattener(ObjectMapper json, boolean titles) {
    this.json = json;
    this.titles = titles;
  }

  /** One item of a sheet, with the ids of the items it sits in and its 1-based position. */
  record Item(List<String> parentIds, int position, JsonNode node) {}

  /**
   * Every sheet's rows, header first, in layout order. A sheet or column that a later version of
   * the standard added than the package's {@code schemaVersion} is left out when it would be empty,
   * so a 1.0 package gives the 1.0 layout; every other sheet is written, an empty one as its header.
   */
  public Map<Sheet, List<String[]>> flatten(JsonNode root) {
    String version = root.path("schemaVersion").asString("");
    Map<Sheet, List<Item>> items = new LinkedHashMap<>();
    Map<Sheet, List<String[]>> sheets = new LinkedHashMap<>();
    for (Sheet sheet : Layout.SHEETS) {
      List<Item> own = items(sheet, root, items);
      items.put(sheet, own);
      if (own.isEmpty() && sheet.since() != null && Layout.predates(version, sheet.since())) {
        continue;
      }
      sheets.put(sheet, rows(sheet, own, version));
    }
    return sheets;
  }

  private static List<Item> items(Sheet sheet, JsonNode root, Map<Sheet, List<Item>> done) {
    List<Item> found = new ArrayList<>();
    if (sheet.parent() == null) {
      found.add(new Item(List.of(), 1, root));
      return found;
    }
    boolean topLevel = sheet.parent().parent() == null;
    // Layout.SHEETS lists each parent sheet before its children, so the parent's items are done.
    for (Item parent : Objects.requireNonNull(done.get(sheet.parent()), "parent sheet flattened first")) {
      List<String> ids = new ArrayList<>(parent.parentIds());
      if (!topLevel) {
        ids.add(sheet.parent().keyedBy() == Sheet.Keying.POSITION
            ? Integer.toString(parent.position())
            : parent.node().path("id").asString(""));
      }
      int position = 0;
      JsonNode array = at(parent.node(), sheet.array());
      for (JsonNode node : array == null ? List.<JsonNode>of() : array) {
        found.add(new Item(List.copyOf(ids), ++position, node));
      }
    }
    return found;
  }

  private List<String[]> rows(Sheet sheet, List<Item> items, String version) {
    List<Column> columns = columns(sheet, items, version);
    List<String[]> rows = new ArrayList<>();
    rows.add(columns.stream().map(column -> column.header(sheet, titles)).toArray(String[]::new));
    int parentKeys = sheet.parentKeys().size();
    for (Item item : items) {
      String[] row = new String[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        if (i < parentKeys) {
          row[i] = CellText.neutralise(item.parentIds().get(i));
        } else if (column.field() == Layout.POSITION) {
          row[i] = Integer.toString(item.position());
        } else {
          row[i] = cell(sheet, column, item.node());
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * The sheet's columns: parent keys, position, then each field (a growing one as its entries);
   * a field newer than the package's version only if an item has it.
   */
  static List<Column> columns(Sheet sheet, List<Item> items, String version) {
    List<Column> columns = new ArrayList<>();
    for (Field field : sheet.columnFields()) {
      if (field.since() != null && Layout.predates(version, field.since())
          && items.stream().noneMatch(item -> at(item.node(), field.path()) != null)) {
        continue;
      }
      if (!field.grows()) {
        columns.add(Column.of(field));
        continue;
      }
      List<List<String>> orders = new ArrayList<>();
      for (Item item : items) {
        JsonNode group = at(item.node(), field.path());
        if (group != null && group.isObject()) {
          orders.add(new ArrayList<>(group.propertyNames()));
        }
      }
      List<String> keys = consistentOrder(orders);
      boolean conflict = keys == null;
      if (keys == null) {
        Set<String> seen = new LinkedHashSet<>();
        orders.forEach(seen::addAll);
        keys = new ArrayList<>(seen);
      }
      if (keys.isEmpty() && field.kind() == Field.Kind.LANGUAGES) {
        keys = List.of("en"); // somewhere to type, in a sheet that has no text of this kind yet
      }
      keys.forEach(key -> columns.add(Column.entry(field, key)));
      if (conflict) {
        columns.add(Column.orderOf(field));
      }
    }
    return columns;
  }

  /**
   * One order of keys that agrees with every item's own order (a topological sort, first seen
   * first), or null if two items order the same keys differently. Entry order is kept because the
   * SDK's JSON keeps it: a package must come back byte for byte.
   */
  static @Nullable List<String> consistentOrder(List<List<String>> orders) {
    Map<String, Set<String>> after = new LinkedHashMap<>();
    Map<String, Integer> before = new LinkedHashMap<>();
    for (List<String> order : orders) {
      for (String key : order) {
        after.putIfAbsent(key, new LinkedHashSet<>());
        before.putIfAbsent(key, 0);
      }
      for (int i = 1; i < order.size(); i++) {
        if (Objects.requireNonNull(after.get(order.get(i - 1))).add(order.get(i))) { // every key has a set, above
          before.merge(order.get(i), 1, Integer::sum);
        }
      }
    }
    List<String> sorted = new ArrayList<>();
    while (sorted.size() < after.size()) {
      String next = null;
      for (Map.Entry<String, Integer> entry : before.entrySet()) {
        if (entry.getValue() == 0) {
          next = entry.getKey();
          break;
        }
      }
      if (next == null) {
        return null;
      }
      before.remove(next);
      sorted.add(next);
      for (String later : Objects.requireNonNull(after.get(next))) { // before and after have the same keys
        before.merge(later, -1, Integer::sum);
      }
    }
    return sorted;
  }

  private String cell(Sheet sheet, Column column, JsonNode item) {
    Field field = column.field();
    JsonNode value = at(item, field.path());
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (column.order()) {
      // One entry has one order: the cell stays empty, as a person adding a row would leave it.
      return value.isObject() && value.size() > 1 ? String.join(";", value.propertyNames()) : "";
    }
    switch (field.kind()) {
      case NUMBER:
        return value.isNumber() ? JsonStreams.decimalText(value.decimalValue()) : CellText.neutralise(value.asString());
      case BOOLEAN:
        return value.isBoolean() ? Boolean.toString(value.booleanValue()) : CellText.neutralise(value.asString());
      case LIST:
      case REQUIRED_LIST:
        List<String> codes = new ArrayList<>();
        for (JsonNode code : value) {
          String text = code.asString();
          if (text.isBlank() || text.contains(";") || !text.equals(text.strip())) {
            throw new IllegalArgumentException(
                "'" + text + "' in " + field.path() + " cannot be written to a " + sheet.file()
                    + " cell: the items of a list are codes, separated by ';', without spaces; "
                    + "validate the package first");
          }
          codes.add(text);
        }
        return CellText.neutralise(String.join(";", codes));
      case LANGUAGES:
        JsonNode text = value.get(column.key());
        return text == null ? "" : CellText.neutralise(text.asString());
      case EXTENSIONS:
        JsonNode extension = value.get(column.key());
        return extension == null ? "" : CellText.neutralise(json.writeValueAsString(extension));
      default:
        return CellText.neutralise(value.isString() ? value.asString() : value.toString());
    }
  }

  /** The node at a {@code /}-separated path inside an item, or null. */
  static @Nullable JsonNode at(JsonNode item, String path) {
    JsonNode node = item;
    for (String name : path.split("/")) {
      node = node.get(name);
      if (node == null) {
        return null;
      }
    }
    return node;
  }
}
