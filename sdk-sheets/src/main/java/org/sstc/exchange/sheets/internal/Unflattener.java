package org.sstc.exchange.sheets.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.sheets.SheetIssue;
import org.sstc.exchange.sheets.internal.Sheet.Keying;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a package's JSON tree from the CSV files of the {@link Layout}, reporting every
 * spreadsheet-structure problem with its file, row and column, and remembering which cell each
 * value came from so that the validator's JSON Pointers can be turned back into cells.
 *
 * <p>A problem in one cell or row does not stop the rest: the cell or row is left out, the problem
 * reported, and the other rows still read, so that one pass shows everything to fix.
 */
public final class Unflattener {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern POSITION = Pattern.compile("[0-9]{1,9}");
  /** The sheets whose items hold other sheets' items: their rows are found by key. */
  private static final Set<Sheet> PARENTS = parents();

  private final CsvFiles files;
  private final ObjectMapper json;

  /**
   * @param files reads the files, within limits
   * @param json parses extension cells (the SDK's strict JSON reader, with its limits)
   */
  public Unflattener(CsvFiles files, ObjectMapper json) {
    this.files = files;
    this.json = json;
  }

  /** A cell or row of a file. */
  public record Place(String file, long row, String column, String header) {}

  /**
   * The columns of one file: which column each property of its items came from. Shared by the
   * file's rows, so that remembering where a value came from costs one map a file, not one a cell.
   */
  public static final class SheetColumns {
    private final String file;
    private final String[] header;
    private final Map<String, Integer> index = new HashMap<>();

    SheetColumns(String file, String[] header) {
      this.file = file;
      this.header = header;
    }

    void put(String suffix, int column) {
      index.putIfAbsent(suffix, column);
    }

    /** The cell of {@code suffix} (a property path inside the item) in a row, or else the row. */
    Place place(long row, String suffix) {
      for (String at = suffix; !at.isEmpty(); at = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "") {
        Integer column = index.get(at);
        if (column != null) {
          return new Place(file, row, Column.letter(column), header[column]);
        }
      }
      return new Place(file, row, "", "");
    }
  }

  /** Where an item came from: its file's columns and its row. */
  public record RowRef(SheetColumns columns, long row) {
    /** The cell of a property path inside the item ({@code ""} for the item itself). */
    public Place place(String suffix) {
      return columns.place(row, suffix);
    }
  }

  /**
   * What the files gave.
   *
   * @param tree the package's JSON tree, as far as it could be built; null if {@code package.csv}
   *     could not be read
   * @param issues the spreadsheet-structure problems
   * @param rows the row each item's JSON Pointer came from
   * @param skipped pointers of cells that were left out because of a reported problem
   */
  public record Result(
      @Nullable ObjectNode tree, List<SheetIssue> issues, Map<String, RowRef> rows, Set<String> skipped) {}

  /** One read row: the item it made, where it came from, and where its cells are. */
  private static final class Row {
    final Sheet sheet;
    final SheetColumns columns;
    final long number;
    final ObjectNode node = NODES.objectNode();
    @Nullable Set<String> skipped;
    List<String> key = List.of();
    int position;

    Row(Sheet sheet, SheetColumns columns, long number) {
      this.sheet = sheet;
      this.columns = columns;
      this.number = number;
    }

    Place place(String suffix) {
      return columns.place(number, suffix);
    }

    void skip(String suffix) {
      if (skipped == null) {
        skipped = new LinkedHashSet<>();
      }
      skipped.add(suffix);
    }
  }

  private final Issues issues = new Issues();

  /**
   * The issues found, at most {@value #SHOWN} of one code in one file: a file broken throughout
   * (saved with the wrong separator, say) would otherwise give an issue a row. The rest are
   * counted in one closing issue.
   */
  private static final class Issues {
    static final int SHOWN = 100;
    private final List<SheetIssue> shown = new ArrayList<>();
    private final Map<List<String>, Integer> counts = new LinkedHashMap<>();

    void add(SheetIssue issue) {
      int count = counts.merge(List.of(issue.file(), issue.issue().code()), 1, Integer::sum);
      if (count <= SHOWN) {
        shown.add(issue);
      }
    }

    void clear() {
      shown.clear();
      counts.clear();
    }

    List<SheetIssue> all() {
      List<SheetIssue> all = new ArrayList<>(shown);
      counts.forEach((key, count) -> {
        if (count > SHOWN) {
          all.add(new SheetIssue(Issue.error(key.get(1), "", (count - SHOWN) + " more " + key.get(1)
              + " issues in this file are not listed; fix the ones above (often one cause) and "
              + "unflatten again"), key.get(0), 0, "", ""));
        }
      });
      return List.copyOf(all);
    }
  }

  public Result unflatten(Path dir) throws IOException {
    issues.clear();
    Set<String> expected = new LinkedHashSet<>();
    Layout.SHEETS.forEach(sheet -> expected.add(sheet.file()));
    for (String name : csvFiles(dir)) {
      if (!expected.contains(name)) {
        issues.add(new SheetIssue(Issue.error("csv.unknown-file", "",
            "'" + name + "' is not a sheet of the layout, so its rows would be lost; rename it to one of "
                + String.join(", ", expected) + ", or move it out of the folder"), name, 0, "", ""));
      }
    }

    Map<Sheet, List<Row>> rows = new LinkedHashMap<>();
    // Parent items by their key (ids of the ancestors and their own id, joined).
    Map<Sheet, Map<List<String>, Row>> parents = new HashMap<>();
    Map<Row, List<Row>> children = new IdentityHashMap<>();
    // Sheets that could not be read: their children's rows cannot be placed, and saying so for
    // every row would bury the one issue that matters.
    Set<Sheet> unreadable = new HashSet<>();
    Row packageRow = null;

    for (Sheet sheet : Layout.SHEETS) {
      Path file = dir.resolve(sheet.file());
      if (!Files.isRegularFile(file)) {
        if (sheet == Layout.PACKAGE) {
          issues.add(new SheetIssue(Issue.error("csv.missing-file", "",
              "the folder has no package.csv, which gives the package's publisher and date; "
                  + "flatten a package to see the layout"), sheet.file(), 0, "", ""));
          return new Result(null, issues.all(), Map.of(), Set.of());
        }
        continue;
      }
      List<Row> read = readSheet(sheet, file);
      if (read == null || unreadable.contains(sheet.parent())) {
        if (sheet == Layout.PACKAGE) {
          return new Result(null, issues.all(), Map.of(), Set.of()); // said why already
        }
        unreadable.add(sheet);
        continue;
      }
      if (sheet == Layout.PACKAGE) {
        if (read.size() != 1) {
          issues.add(new SheetIssue(Issue.error("csv.package-row", "",
              "package.csv must have exactly one row under its header (the package), but has "
                  + read.size()), sheet.file(), read.size() > 1 ? read.get(1).number : 0, "", ""));
          return new Result(null, issues.all(), Map.of(), Set.of());
        }
        packageRow = read.get(0);
        parents.put(sheet, Map.of(List.of(), packageRow));
        rows.put(sheet, read);
        continue;
      }
      List<Row> kept = new ArrayList<>();
      Map<List<String>, Row> byKey = new HashMap<>();
      Map<Row, Set<Integer>> positions = new IdentityHashMap<>();
      List<Field> keys = sheet.parentKeys();
      for (Row row : read) {
        Row parent = parentOf(sheet, keys, row, parents.get(sheet.parent()));
        if (parent == null) {
          continue;
        }
        if (sheet.keyedBy() == Keying.POSITION
            && !positions.computeIfAbsent(parent, p -> new TreeSet<>()).add(row.position)) {
          issues.add(cellIssue(row, "\u0000" + Layout.POSITION.path(), "csv.duplicate-key",
              "position " + row.position + " is used twice for the same " + parentName(sheet)
                  + "; give each row its own position (1, 2, 3 …)"));
          continue;
        }
        if (PARENTS.contains(sheet)) {
          List<String> key = new ArrayList<>(parent.key);
          key.add(sheet.keyedBy() == Keying.POSITION ? Integer.toString(row.position) : row.node.path("id").asString(""));
          if (byKey.containsKey(key)) {
            issues.add(cellIssue(row, "id", "csv.duplicate-key",
                "the id '" + key.get(key.size() - 1) + "' is already used on row " + byKey.get(key).number
                    + "; rows of other sheets could not tell the two apart: give each its own id"));
            continue;
          }
          row.key = List.copyOf(key);
          byKey.put(row.key, row);
        }
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(row);
        kept.add(row);
      }
      parents.put(sheet, byKey);
      rows.put(sheet, kept);
    }
    if (packageRow == null) {
      return new Result(null, issues.all(), Map.of(), Set.of());
    }

    // Assemble in layout order (parents before children) and record where each pointer came from.
    Map<String, RowRef> places = new HashMap<>();
    Set<String> skipped = new LinkedHashSet<>();
    Map<Row, String> pointers = new IdentityHashMap<>();
    ObjectNode root = packageRow.node;
    root.put("recordType", "package");
    pointers.put(packageRow, "");
    register(packageRow, "", places, skipped);
    rows.getOrDefault(Layout.INITIATIVES, List.of()).forEach(row -> row.node.put("recordType", "initiative"));
    rows.getOrDefault(Layout.ORGANISATIONS, List.of()).forEach(row -> row.node.put("recordType", "organisation"));
    rows.getOrDefault(Layout.SOLUTIONS, List.of()).forEach(row -> row.node.put("recordType", "solution"));
    for (Sheet sheet : Layout.SHEETS) {
      if (sheet == Layout.PACKAGE) {
        continue;
      }
      for (Row parent : parentRows(sheet.parent(), rows)) {
        List<Row> mine = new ArrayList<>();
        for (Row child : children.getOrDefault(parent, List.of())) {
          if (child.sheet == sheet) {
            mine.add(child);
          }
        }
        if (mine.isEmpty()) {
          continue;
        }
        if (sheet.keyedBy() == Keying.POSITION) {
          mine.sort(Comparator.comparingInt(child -> child.position));
        }
        ArrayNode array = NODES.arrayNode();
        put(parent.node, sheet.array(), array);
        String base = pointers.get(parent) + "/" + sheet.array();
        for (int i = 0; i < mine.size(); i++) {
          Row child = mine.get(i);
          array.add(child.node);
          String pointer = base + "/" + i;
          pointers.put(child, pointer);
          register(child, pointer, places, skipped);
        }
      }
    }
    return new Result(root, issues.all(), places, skipped);
  }

  private static Set<Sheet> parents() {
    Set<Sheet> parents = new HashSet<>();
    for (Sheet sheet : Layout.SHEETS) {
      Sheet parent = sheet.parent();
      if (parent != null && parent.parent() != null) {
        parents.add(parent);
      }
    }
    return Set.copyOf(parents);
  }

  private static List<Row> parentRows(@Nullable Sheet parent, Map<Sheet, List<Row>> rows) {
    return rows.getOrDefault(parent, List.of());
  }

  private static void register(Row row, String pointer, Map<String, RowRef> places, Set<String> skipped) {
    places.put(pointer, new RowRef(row.columns, row.number));
    if (row.skipped != null) {
      row.skipped.forEach(suffix -> skipped.add(pointer + "/" + suffix));
    }
  }

  /** The row's parent item, found by the row's parent-key cells; null (reported) if none. */
  private @Nullable Row parentOf(
      Sheet sheet, List<Field> keys, Row row, @Nullable Map<List<String>, Row> parents) {
    if (keys.isEmpty()) {
      return parents == null ? null : parents.get(List.of());
    }
    List<String> ids = new ArrayList<>();
    for (Field key : keys) {
      String id = row.node.path("\u0000" + key.path()).asString("");
      if (id.isEmpty()) {
        issues.add(cellIssue(row, "\u0000" + key.path(), "csv.missing-key",
            "the " + key.title() + " is empty, so the row belongs to no " + key.path().replace("/id", "")
                + "; fill it in with the id of its " + key.path().replace("/id", "")));
        return null;
      }
      if (key.path().endsWith("/position") && POSITION.matcher(id).matches()) {
        id = Integer.toString(Integer.parseInt(id)); // 01 is position 1
      }
      ids.add(id);
    }
    keys.forEach(key -> row.node.remove("\u0000" + key.path()));
    Row parent = parents == null ? null : parents.get(ids);
    if (parent == null) {
      Field last = keys.get(keys.size() - 1);
      String what = last.path().replace("/id", "");
      issues.add(cellIssue(row, "\u0000" + last.path(), "csv.unknown-parent",
          "no " + what + " has the id '" + String.join("' / '", ids) + "' in " + Objects.requireNonNull(sheet.parent(), "only a child sheet has parent ids").file()
              + "; correct the id, or add the " + what + " there"));
    }
    return parent;
  }

  private static String parentName(Sheet sheet) {
    List<Field> keys = sheet.parentKeys();
    return keys.isEmpty() ? "package" : keys.get(keys.size() - 1).path().replace("/id", "");
  }

  /**
   * Reads one file into rows, reporting what cannot be read; null if the file cannot be read or
   * its header lacks a key column. Keys are kept in the item under {@code \0path} until placed.
   */
  private @Nullable List<Row> readSheet(Sheet sheet, Path file) throws IOException {
    CsvFiles.Read read = files.read(file);
    for (CsvFiles.Problem problem : read.problems()) {
      issues.add(new SheetIssue(Issue.error(problem.code(), "", problem.message()),
          sheet.file(), problem.row(), "", ""));
    }
    if (!read.problems().isEmpty()) {
      return null;
    }
    List<Row> rows = new ArrayList<>();
    if (read.rows().isEmpty()) {
      return rows;
    }
    String[] header = read.rows().get(0);
    Column[] columns = header(sheet, header);
    if (columns == null) {
      return null;
    }
    // Once a file, not once a cell: the sheet derives its parent keys anew on each call.
    List<Field> parentKeys = sheet.parentKeys();
    SheetColumns places = new SheetColumns(sheet.file(), header);
    for (int i = 0; i < columns.length; i++) {
      Column column = columns[i];
      if (column == null) {
        continue;
      }
      Field field = column.field();
      if (parentKeys.contains(field) || field == Layout.POSITION) {
        places.put("\u0000" + field.path(), i);
      } else if (column.key() != null) {
        places.put(field.path(), i);
        places.put(field.path() + "/" + escape(column.key()), i);
      } else {
        places.put(field.path(), i);
      }
    }
    for (int r = 1; r < read.rows().size(); r++) {
      String[] cells = read.rows().get(r);
      long number = r + 1L;
      if (blank(cells)) {
        continue; // spreadsheets leave empty rows at the end; they hold nothing
      }
      if (cells.length != header.length) {
        issues.add(new SheetIssue(Issue.error("csv.ragged-row", "",
            "the row has " + cells.length + " cells but the header has " + header.length
                + "; a cell with a comma, a quote or a line break must be quoted (\"…\"), and a quote "
                + "inside it doubled (\"\")"), sheet.file(), number, "", ""));
        continue;
      }
      Row row = new Row(sheet, places, number);
      if (fill(row, parentKeys, columns, header, cells)) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static boolean blank(String[] cells) {
    for (String cell : cells) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Resolves the header; null (reported) when a key column is missing. */
  private Column @Nullable [] header(Sheet sheet, String[] header) {
    Map<String, Column> known = new LinkedHashMap<>();
    List<Column> fixed = new ArrayList<>();
    for (Field field : sheet.columnFields()) {
      fixed.add(field.grows() ? Column.orderOf(field) : Column.of(field));
    }
    for (Column column : fixed) {
      known.put(Column.normal(column.jsonPath(sheet)), column);
      known.put(Column.normal(column.title()), column);
    }
    Column[] columns = new Column[header.length];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      String text = header[i].strip();
      if (text.isEmpty()) {
        continue;
      }
      Column column = known.get(Column.normal(text));
      if (column == null) {
        column = growing(sheet, text);
      }
      if (column == null) {
        issues.add(new SheetIssue(Issue.error("csv.unknown-column", "",
            "'" + text + "' is not a column of " + sheet.file() + ", so its cells would be lost; the columns are "
                + describe(sheet) + " (titles or JSON paths, any case)"), sheet.file(), 1,
            Column.letter(i), header[i]));
        continue;
      }
      Integer before = seen.put(column.path(), i);
      if (before != null) {
        issues.add(new SheetIssue(Issue.error("csv.duplicate-column", "",
            "'" + text + "' is the same column as " + Column.letter(before) + " ('" + header[before]
                + "'); keep one of them"), sheet.file(), 1, Column.letter(i), header[i]));
        continue;
      }
      columns[i] = column;
    }
    List<String> required = new ArrayList<>();
    sheet.parentKeys().forEach(key -> required.add(key.path()));
    if (sheet.keyedBy() == Keying.POSITION) {
      required.add(Layout.POSITION.path());
    } else if (sheet.keyedBy() == Keying.ID) {
      required.add("id");
    }
    for (String path : required) {
      if (!seen.containsKey(path)) {
        Column missing = fixed.stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
        issues.add(new SheetIssue(Issue.error("csv.missing-column", "",
            "the key column '" + missing.title() + "' (" + missing.jsonPath(sheet) + ") is missing, so the rows of "
                + sheet.file() + " cannot be placed; add it"), sheet.file(), 1, "", ""));
        return null;
      }
    }
    return columns;
  }

  /** A column of a growing field: {@code title/fr}, {@code Title (fr)}, {@code extensions/wfp:x}. */
  private static @Nullable Column growing(Sheet sheet, String text) {
    for (Field field : sheet.fields()) {
      if (!field.grows()) {
        continue;
      }
      String prefix = sheet.jsonPath(field.path()) + "/";
      if (text.regionMatches(true, 0, prefix, 0, prefix.length()) && text.length() > prefix.length()) {
        return Column.entry(field, text.substring(prefix.length()).strip());
      }
      String open = field.title() + " (";
      if (text.regionMatches(true, 0, open, 0, open.length()) && text.endsWith(")")
          && text.length() > open.length() + 1) {
        return Column.entry(field, text.substring(open.length(), text.length() - 1).strip());
      }
    }
    return null;
  }

  private static String describe(Sheet sheet) {
    List<String> names = new ArrayList<>();
    for (Field field : sheet.columnFields()) {
      if (field.kind() == Field.Kind.LANGUAGES) {
        names.add(field.title() + " (LANGUAGE)");
      } else if (field.kind() == Field.Kind.EXTENSIONS) {
        names.add("Extension (NAMESPACE:NAME)");
      } else {
        names.add(field.title());
      }
    }
    return String.join(", ", names);
  }

  /**
   * Puts a row's cells into its item (parentKeys are its sheet's); false (reported) if a key cell
   * is unusable.
   */
  private boolean fill(Row row, List<Field> parentKeys, Column[] columns, String[] header, String[] cells) {
    Map<Field, Map<String, JsonNode>> groups = new LinkedHashMap<>();
    Map<Field, String> orders = new HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      Column column = columns[i];
      String cell = cells[i];
      Place place = new Place(row.sheet.file(), row.number, Column.letter(i), header[i]);
      if (column == null) {
        if (!cell.isBlank() && header[i].isBlank()) {
          issues.add(new SheetIssue(Issue.error("csv.unknown-column", "",
              "this cell holds data but its column has no header; give the column one of the headers of "
                  + row.sheet.file() + ", or empty the cell"), place.file(), place.row(), place.column(), ""));
        }
        continue;
      }
      Field field = column.field();
      if (parentKeys.contains(field)) {
        row.node.put("\u0000" + field.path(), CellText.restore(cell).strip());
        continue;
      }
      if (field == Layout.POSITION) {
        String text = cell.strip();
        if (!POSITION.matcher(text).matches() || Integer.parseInt(text) < 1) {
          issues.add(issue(place, "csv.not-a-number", "",
              text.isEmpty()
                  ? "the position is empty; give each row its place in the list: 1, 2, 3 …"
                  : "'" + text + "' is not a position; write a whole number from 1 (1, 2, 3 …)"));
          return false;
        }
        row.position = Integer.parseInt(text);
        continue;
      }
      if (column.order()) {
        orders.put(field, cell.strip());
        continue;
      }
      if (field.grows()) {
        if (cell.isEmpty()) {
          continue;
        }
        JsonNode value;
        if (field.kind() == Field.Kind.EXTENSIONS) {
          value = extension(place, CellText.restore(cell));
          if (value == null) {
            row.skip(field.path() + "/" + escape(column.key()));
            continue;
          }
        } else {
          value = NODES.stringNode(CellText.restore(cell));
        }
        groups.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(column.key(), value);
        continue;
      }
      if (cell.isBlank() && field.kind() == Field.Kind.REQUIRED_LIST) {
        put(row.node, field.path(), NODES.arrayNode()); // the standard requires the list, even empty
        continue;
      }
      if (cell.isEmpty()) {
        continue;
      }
      JsonNode value;
      switch (field.kind()) {
        case NUMBER:
          String text = cell.strip();
          if (!DECIMAL.matcher(text).matches()) {
            issues.add(issue(place, "csv.not-a-number", "",
                "'" + cell + "' is not a number; write digits with a point for decimals and nothing else "
                    + "(33.5, not 33,5 or 33.5%)"));
            row.skip(field.path());
            continue;
          }
          value = NODES.numberNode(new BigDecimal(text));
          break;
        case BOOLEAN:
          String flag = cell.strip().toLowerCase(Locale.ROOT);
          if (!flag.equals("true") && !flag.equals("false")) {
            issues.add(issue(place, "csv.not-a-boolean", "",
                "'" + cell + "' is not true or false; write true, false, or leave the cell empty when it is "
                    + "not said"));
            row.skip(field.path());
            continue;
          }
          value = NODES.booleanNode(flag.equals("true"));
          break;
        case LIST:
        case REQUIRED_LIST:
          ArrayNode list = NODES.arrayNode();
          for (String code : CellText.restore(cell).split(";", -1)) {
            if (!code.isBlank()) {
              list.add(code.strip());
            }
          }
          if (list.isEmpty() && field.kind() == Field.Kind.LIST) {
            continue;
          }
          value = list;
          break;
        default:
          value = NODES.stringNode(CellText.restore(cell));
      }
      put(row.node, field.path(), value);
    }
    for (Map.Entry<Field, Map<String, JsonNode>> group : groups.entrySet()) {
      Field field = group.getKey();
      Map<String, JsonNode> entries = ordered(group.getValue(), orders.get(field), row, field);
      ObjectNode object = NODES.objectNode();
      entries.forEach(object::set);
      put(row.node, field.path(), object);
    }
    return true;
  }

  /** The group's entries in the order its order cell gives, or column order when there is none. */
  private Map<String, JsonNode> ordered(
      Map<String, JsonNode> entries, @Nullable String order, Row row, Field field) {
    if (order == null || order.isEmpty()) {
      return entries;
    }
    List<String> keys = new ArrayList<>();
    for (String key : order.split(";", -1)) {
      if (!key.isBlank()) {
        keys.add(key.strip());
      }
    }
    if (!new LinkedHashSet<>(keys).equals(entries.keySet()) || keys.size() != entries.size()) {
      Place at = row.place(field.path());
      issues.add(issue(at, "csv.bad-order", "",
          "the order '" + order + "' must name each filled " + field.title().toLowerCase(Locale.ROOT)
              + " column's " + (field.kind() == Field.Kind.EXTENSIONS ? "key" : "language") + " once: "
              + String.join(";", entries.keySet()) + " (in the order wanted)"));
      return entries;
    }
    Map<String, JsonNode> sorted = new LinkedHashMap<>();
    keys.forEach(key -> sorted.put(key, entries.get(key)));
    return sorted;
  }

  private @Nullable JsonNode extension(Place place, String text) {
    try {
      return json.readTree(text);
    } catch (JacksonException e) {
      issues.add(issue(place, "csv.json", "",
          "an extension cell holds a JSON value, but this is not JSON (" + e.getOriginalMessage()
              + "); write a number (0.75), true or false, \"quoted text\", [a list] or {an object}"));
      return null;
    }
  }

  private static void put(ObjectNode item, String path, JsonNode value) {
    String[] names = path.split("/");
    ObjectNode at = item;
    for (int i = 0; i < names.length - 1; i++) {
      JsonNode next = at.get(names[i]);
      at = next instanceof ObjectNode object ? object : at.putObject(names[i]);
    }
    at.set(names[names.length - 1], value);
  }

  private SheetIssue cellIssue(Row row, String suffix, String code, String message) {
    return issue(row.place(suffix), code, "", message);
  }

  private static SheetIssue issue(Place place, String code, String pointer, String message) {
    return new SheetIssue(Issue.error(code, pointer, message), place.file(), place.row(), place.column(), place.header());
  }

  /** RFC 6901: {@code ~} and {@code /} in a key. */
  private static String escape(@Nullable String key) {
    return key == null ? "" : key.replace("~", "~0").replace("/", "~1");
  }

  private static List<String> csvFiles(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        // issues.csv is flatten's report on the package, not part of it: it is made afresh
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv") && !name.startsWith(".")
            && !name.equalsIgnoreCase(Layout.ISSUES_FILE)) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    return names;
  }
}
