package org.sstc.exchange.report.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where things are in a JSON or NDJSON file: the line and column of the values that JSON
 * Pointers name, and the records the file holds. One streaming pass, after validation, for the
 * SARIF and JUnit outputs; memory grows with the pointers asked for and the records, never with
 * the file.
 */
public final class SourceMap {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * A place in the file.
   *
   * @param line 1-based
   * @param column 1-based
   */
  public record Position(long line, long column) {}

  /**
   * A record of the file.
   *
   * @param pointer the record's pointer ({@code ""} for a single-record file, {@code /initiatives/2}
   *     in a package, {@code /7} on NDJSON line 8)
   * @param id its {@code id}, or {@code ""}
   * @param line the line it starts on
   */
  public record Record(String pointer, String id, long line) {}

  private final Map<String, Position> positions = new HashMap<>();
  private final List<Record> records = new ArrayList<>();
  private boolean allRecords = true;
  private final List<Record> nested = new ArrayList<>();
  private boolean isPackage;
  /** Every record's count, kept or not: root objects, and a package's record objects. */
  private long roots;
  private long nestedCount;

  private SourceMap() {}

  /** A map of nothing: every lookup misses. */
  public static SourceMap empty() {
    return new SourceMap();
  }

  /**
   * Reads {@code file} and finds the pointers in {@code wanted} and their ancestors. A file that
   * is not JSON to the end is read as far as it goes.
   */
  public static SourceMap of(Path file, boolean ndjson, Set<String> wanted) {
    return of(file, ndjson, wanted, true);
  }

  /**
   * As {@link #of(Path, boolean, Set)}; with {@code allRecords} false, only the records that hold
   * a wanted pointer are kept (memory then grows with the pointers alone, not with the records).
   */
  public static SourceMap of(Path file, boolean ndjson, Set<String> wanted, boolean allRecords) {
    SourceMap map = new SourceMap();
    map.allRecords = allRecords;
    Set<String> all = new HashSet<>();
    for (String pointer : wanted) {
      String p = pointer;
      while (true) {
        all.add(p);
        if (p.isEmpty()) {
          break;
        }
        p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
      }
    }
    // Read as characters, so that columns count UTF-16 code units (SARIF's default column kind),
    // not bytes; a UTF-8 byte-order mark is skipped, as the validator skips it.
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      try (JsonParser parser = MAPPER.createParser(in)) {
        map.read(parser, ndjson, all);
      }
    } catch (IOException | RuntimeException e) {
      // Broken or unreadable from here on: what was found so far stands; the validator has said why.
    }
    map.finish();
    return map;
  }

  /** The position of the value {@code pointer} names, or of its nearest ancestor that exists. */
  public @Nullable Position find(String pointer) {
    String p = pointer;
    while (true) {
      Position found = positions.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return null;
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }

  /** The records, in file order (with {@code allRecords} false, only those that hold a wanted pointer). */
  public List<Record> records() {
    return records;
  }

  /** How many records the file holds, kept or not. */
  public long recordCount() {
    return isPackage ? nestedCount : roots;
  }

  /** The record arrays of a package. */
  private static final Set<String> RECORD_ARRAYS = Set.of("initiatives", "organisations", "solutions");

  /**
   * Reads {@code file} again and hands each record to {@code each} in file order, once its object
   * ends (so its id is known), keeping none: the records of a file of any size in constant memory.
   * The records are those {@link #records()} lists with {@code allRecords}: a package's (when
   * {@code isPackage}, as a first reading found), else each root object. A file that is not JSON to
   * the end is read as far as it goes.
   */
  public static void forEachRecord(Path file, boolean ndjson, boolean isPackage, Consumer<Record> each) {
    boolean nested = isPackage && !ndjson;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      try (JsonParser parser = MAPPER.createParser(in)) {
        int depth = 0; // containers open
        String name = null; // the member name of the value that comes next
        String array = null; // the package's record array being read (at depth 2)
        int index = 0; // the next item of that array
        String pointer = null; // the record being read: its pointer, line, id, and its depth once open
        long line = 0;
        String id = "";
        int recordDepth = -1;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token == JsonToken.PROPERTY_NAME) {
            name = parser.currentName();
            continue;
          }
          boolean item = array != null && depth == 2;
          int at = item ? index++ : -1;
          if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (pointer == null && token == JsonToken.START_OBJECT && (depth == 0 && !nested || item)) {
              long startLine = parser.currentTokenLocation().getLineNr();
              pointer = item ? "/" + array + "/" + at : ndjson ? "/" + (startLine - 1) : "";
              line = startLine;
              id = "";
              recordDepth = depth + 1;
            }
            if (nested && depth == 1 && token == JsonToken.START_ARRAY && name != null && RECORD_ARRAYS.contains(name)) {
              array = name;
              index = 0;
            }
            depth++;
          } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            depth--;
            if (pointer != null && depth + 1 == recordDepth) {
              each.accept(new Record(pointer, id, line));
              pointer = null;
            }
            if (depth == 1 && token == JsonToken.END_ARRAY) {
              array = null;
            }
          } else if (pointer != null && depth == recordDepth && token == JsonToken.VALUE_STRING && "id".equals(name)) {
            id = parser.getString();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Broken or unreadable from here on: the records found so far were handed out.
    }
  }

  /**
   * True when the file is a package (its records are under {@code /initiatives}, {@code
   * /organisations} and, since 1.1, {@code /solutions}).
   */
  public boolean isPackage() {
    return isPackage;
  }

  /** The record {@code pointer} is in, or null (a package's header, a broken line). */
  public @Nullable Record recordOf(String pointer) {
    Record best = null;
    for (Record record : records) {
      String p = record.pointer();
      if (p.isEmpty() && !isPackage || pointer.equals(p) || pointer.startsWith(p + "/") && !p.isEmpty()) {
        best = record;
      }
    }
    return best;
  }

  private void read(JsonParser parser, boolean ndjson, Set<String> wanted) {
    // One frame per open container: its pointer, and the next array index or the current name.
    Deque<String> path = new ArrayDeque<>();
    Deque<int[]> index = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    String root = "";
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (token == JsonToken.PROPERTY_NAME) {
        names.pop();
        names.push(escape(parser.currentName()));
        continue;
      }
      boolean start = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
      boolean end = token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY;
      if (end) {
        path.pop();
        index.pop();
        names.pop();
        continue;
      }
      TokenStreamLocation at = parser.currentTokenLocation();
      String pointer;
      if (path.isEmpty()) {
        root = ndjson ? "/" + (at.getLineNr() - 1) : "";
        pointer = root;
      } else if (names.peek() != null && !names.peek().equals("\u0000")) {
        pointer = path.peek() + "/" + names.peek();
      } else {
        pointer = path.peek() + "/" + index.peek()[0]++;
      }
      if (wanted.contains(pointer)) {
        positions.putIfAbsent(pointer, new Position(at.getLineNr(), at.getColumnNr()));
      }
      // Records: each root object, or the items of a package's record arrays (kept aside until the
      // end, since "recordType" may come after them).
      int depth = path.size();
      boolean kept = allRecords || wanted.contains(pointer);
      boolean rootRecord = token == JsonToken.START_OBJECT && depth == 0;
      boolean inPackage = token == JsonToken.START_OBJECT && depth == 2 && !ndjson
          && (pointer.startsWith("/initiatives/") || pointer.startsWith("/organisations/")
              || pointer.startsWith("/solutions/"));
      // Every record is counted; only those kept are listed.
      if (rootRecord) {
        roots++;
      } else if (inPackage) {
        nestedCount++;
      }
      if (!kept && token == JsonToken.START_OBJECT && depth <= 2) {
        // a record no issue names: not kept
      } else if (rootRecord) {
        records.add(new Record(pointer, "", at.getLineNr()));
      } else if (inPackage) {
        nested.add(new Record(pointer, "", at.getLineNr()));
      } else if (token == JsonToken.VALUE_STRING && depth == 1 && !ndjson && pointer.equals("/recordType")) {
        isPackage = "package".equals(parser.getString());
      } else if (token == JsonToken.VALUE_STRING && pointer.endsWith("/id")) {
        withId(records, pointer, parser.getString());
        withId(nested, pointer, parser.getString());
      }
      if (start) {
        path.push(pointer);
        index.push(new int[] {0});
        // "\u0000" marks an array frame: its children are numbered, not named.
        names.push(token == JsonToken.START_ARRAY ? "\u0000" : "");
      }
    }
  }

  private void finish() {
    if (isPackage) {
      records.clear();
      records.addAll(nested);
    }
  }

  private static void withId(List<Record> list, String idPointer, String id) {
    if (!list.isEmpty()) {
      Record last = list.get(list.size() - 1);
      if (idPointer.equals(last.pointer() + "/id")) {
        list.set(list.size() - 1, new Record(last.pointer(), id, last.line()));
      }
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
