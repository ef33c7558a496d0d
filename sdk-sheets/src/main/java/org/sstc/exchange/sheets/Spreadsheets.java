package org.sstc.exchange.sheets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.sheets.internal.CellText;
import org.sstc.exchange.sheets.internal.CsvFiles;
import org.sstc.exchange.sheets.internal.Layout;
import org.sstc.exchange.sheets.internal.SheetsDiff;
import org.sstc.exchange.sheets.internal.CsvLimits;
import org.sstc.exchange.sheets.internal.Flattener;
import org.sstc.exchange.sheets.internal.Sheet;
import org.sstc.exchange.sheets.internal.Unflattener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a package into CSV files that open in a spreadsheet, and such files back into a package,
 * without losing anything: {@code unflatten(flatten(p))} gives a package equal to {@code p}, whose
 * JSON is byte for byte the same.
 *
 * <p>There is one file a repeated part of the package: {@code initiatives.csv},
 * {@code participants.csv}, {@code sdgs.csv}, {@code budgets.csv}, … and {@code organisations.csv},
 * {@code solutions.csv} with its parts ({@code solution-providers.csv}, …), plus {@code
 * package.csv} for the package's own fields. A row of a part names its initiative by
 * the {@code Initiative ID} column and itself by its own id or, for items without one (SDG links,
 * recipient countries, sectors …), by its {@code Position}. Multilingual text takes one column a
 * language ({@code Title (en)}, {@code Title (fr)}). The files are UTF-8 with a byte-order mark,
 * RFC 4180, and a text cell that a spreadsheet would run as a formula ({@code =…}, {@code +…},
 * {@code -…}, {@code @…}) is written with a leading apostrophe, which reading takes off again.
 * {@code sdk-core/SPREADSHEETS.md} describes every sheet.
 *
 * <p>Unflattening reports problems as values, never by throwing on bad content: each comes with
 * its file, row and column, whether the spreadsheet cannot be read as the layout (an unknown
 * column, a row whose initiative id matches no initiative, a number that is not a number) or the
 * package breaks the standard ({@link Validator} runs on what the sheets hold).
 *
 * <pre>{@code
 * Spreadsheets sheets = Spreadsheets.standard();
 * sheets.flatten(pkg, Path.of("sheets"));               // sheets/initiatives.csv, …
 * Unflattened back = sheets.unflatten(Path.of("sheets"));
 * back.issues().forEach(System.out::println);            // participants.csv row 4 column G (Role): …
 * RecordPackage again = back.pkg().orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class Spreadsheets {
  private static final Spreadsheets STANDARD = builder().build();

  private final Headers headers;
  private final CsvLimits limits;

  private Spreadsheets(Builder builder) {
    this.headers = builder.headers;
    this.limits = builder.limits;
  }

  /**
   * Readable titles in the header row, and the default limits.
   *
   * @return the shared instance: {@link Headers#TITLES}, files up to 32 MiB, cells up to 1 Mi
   *     characters
   */
  public static Spreadsheets standard() {
    return STANDARD;
  }

  /**
   * A builder, to choose the header row or change the limits.
   *
   * @return a new builder that starts from the defaults of {@link #standard()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** What the header row of a written sheet holds. Reading accepts both, in any case. */
  public enum Headers {
    /** Readable titles: {@code Initiative ID}, {@code Amount}, {@code Title (en)}. */
    TITLES,
    /**
     * flatten-tool's JSON paths, as in its child sheets: {@code id} (the initiative's), {@code
     * budgets/0/value/amount}, {@code participants/0/role}, {@code title/en}.
     */
    PATHS
  }

  /**
   * Writes the package as CSV files into {@code dir} (created if absent), one file a sheet of the
   * layout, every sheet always (an empty part has its header only), except that the sheets and
   * columns version 1.1 added ({@code solutions.csv}, {@code locations.csv}, the {@code Humanitarian}
   * column …) are left out of a 1.0 package that has nothing to put in them. Files of the layout already in
   * {@code dir} are replaced, each atomically; other files are left alone.
   *
   * @param pkg the package to write; it is not validated first; not null
   * @param dir the folder to write into; created, with its parents, if absent; not null
   * @return the files written, in layout order
   * @throws NullPointerException if {@code pkg} or {@code dir} is null
   * @throws UncheckedIOException if a file cannot be written
   * @throws IllegalArgumentException if the package holds a value no cell can hold unchanged (a
   *     list code with {@code ;} or spaces, which a valid package never has)
   */
  public List<Path> flatten(RecordPackage pkg, Path dir) {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(dir, "dir");
    return write(JsonStreams.mapper().valueToTree(pkg), dir);
  }

  /**
   * Writes a package's JSON as CSV files into {@code dir}, whether it is valid or not (an imported
   * package that still lacks members, codes outside their lists …), so that it can be completed in
   * a spreadsheet. Its issues go into {@code issues.csv} in the same folder, each with the file,
   * row and column of the cell to fix (columns {@code File}, {@code Row}, {@code Column}, {@code
   * Header}, {@code Severity}, {@code Code}, {@code Message}, {@code Pointer}); a valid package
   * without warnings gets no {@code issues.csv} (one left from an earlier flatten is removed).
   * {@link #unflatten(Path)} ignores {@code issues.csv} and checks the sheets afresh, and gives
   * back the same JSON ({@link Unflattened#packageJson()}). A value the sheets cannot hold
   * unchanged (a text where the standard has a language map, say) is an error {@code
   * csv.not-kept} at its pointer, never lost silently.
   *
   * @param packageJson the package, UTF-8 JSON, complete or not; not null
   * @param dir the folder to write into; created, with its parents, if absent; not null
   * @return the files written and the package's issues, placed at their cells
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the JSON cannot be read, is not a package (its {@code
   *     recordType}), or holds a list code no cell can hold (with {@code ;} or spaces)
   * @throws UncheckedIOException if a file cannot be written
   * @since 1.1
   */
  public Flattened flatten(byte[] packageJson, Path dir) {
    Objects.requireNonNull(packageJson, "packageJson");
    Objects.requireNonNull(dir, "dir");
    JsonNode tree;
    try {
      tree = SstcJson.standard().readTree(packageJson);
    } catch (ValidationException e) {
      throw new IllegalArgumentException("not JSON that can be read: " + e.getMessage(), e);
    }
    if (!tree.isObject() || !RecordPackage.RECORD_TYPE.equals(tree.path("recordType").asString(""))) {
      throw new IllegalArgumentException("not a package: only a document with \"recordType\": \"package\" can be flattened");
    }
    List<Path> written = write(tree, dir);
    Path issuesFile = dir.resolve(Layout.ISSUES_FILE);
    try {
      Files.deleteIfExists(issuesFile); // the issues of this package only, placed by reading the sheets back
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + issuesFile + ": " + e.getMessage(), e);
    }
    Unflattened back = unflatten(dir);
    List<SheetIssue> issues = new ArrayList<>(back.issues());
    back.packageJson().ifPresent(json -> SheetsDiff.differences(tree, SstcJson.standard().readTree(json)).forEach(
        pointer -> issues.add(new SheetIssue(Issue.error("csv.not-kept", pointer, "this value cannot be held by the "
            + "sheets as it is (its kind is not the one the standard gives this member): correct it in the JSON, "
            + "then flatten again"), "", 0, "", ""))));
    if (!issues.isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"File", "Row", "Column", "Header", "Severity", "Code", "Message", "Pointer"});
      for (SheetIssue issue : issues) {
        rows.add(new String[] {issue.file(), issue.row() == 0 ? "" : Long.toString(issue.row()), issue.column(),
            CellText.neutralise(issue.header()), issue.issue().severity().toString(), issue.issue().code(),
            CellText.neutralise(issue.issue().message()), CellText.neutralise(issue.issue().pointer())});
      }
      try {
        new CsvFiles(limits).write(issuesFile, rows);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + issuesFile + ": " + e.getMessage(), e);
      }
    }
    return Flattened.of(written, issues.isEmpty() ? null : issuesFile, issues);
  }

  private List<Path> write(JsonNode tree, Path dir) {
    Map<Sheet, List<String[]>> sheets =
        new Flattener(JsonStreams.mapper(), headers == Headers.TITLES).flatten(tree);
    CsvFiles files = new CsvFiles(limits);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Map.Entry<Sheet, List<String[]>> sheet : sheets.entrySet()) {
        Path file = dir.resolve(sheet.getKey().file());
        files.write(file, sheet.getValue());
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sheets to " + dir + ": " + e.getMessage(), e);
    }
    return written;
  }

  /**
   * Reads the CSV files in {@code dir} back into a package and validates it. Only
   * {@code package.csv} is required; a missing sheet is an empty part.
   *
   * @param dir the folder holding {@code package.csv} and the other sheets, as
   *     {@link #flatten(RecordPackage, Path)} writes them (either header style); not null
   * @return the package if there is no error, and every issue with its file, row and column
   * @throws NullPointerException if {@code dir} is null
   * @throws UncheckedIOException if the folder or a file in it cannot be read (content that is
   *     not CSV, not UTF-8 or too large is an issue, not an exception)
   */
  public Unflattened unflatten(Path dir) {
    Objects.requireNonNull(dir, "dir");
    Unflattener.Result read;
    try {
      read = new Unflattener(new CsvFiles(limits), JsonStreams.mapper()).unflatten(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sheets in " + dir + ": " + e.getMessage(), e);
    }
    List<SheetIssue> issues = new ArrayList<>(read.issues());
    ObjectNode tree = read.tree();
    if (tree == null) {
      return Unflattened.of(null, issues, null);
    }
    RecordPackage[] bound = new RecordPackage[1];
    ValidationReport report =
        JsonStreams.validateTree(Validator.standard(), tree, record -> bound[0] = (RecordPackage) record);
    for (Issue issue : report.issues()) {
      if (!coveredBy(issue.pointer(), read.skipped())) {
        issues.add(placed(issue, read.rows()));
      }
    }
    boolean errors = issues.stream().anyMatch(issue -> issue.issue().isError());
    // The package the rules were checked on: the tree is bound once.
    RecordPackage pkg = errors ? null : bound[0];
    return Unflattened.of(pkg, issues, JsonStreams.mapper().writeValueAsBytes(tree));
  }

  /** True if the pointer is a left-out cell, or inside one: its problem was reported already. */
  private static boolean coveredBy(String pointer, Set<String> skipped) {
    for (String at = pointer; ; at = at.substring(0, at.lastIndexOf('/'))) {
      if (skipped.contains(at)) {
        return true;
      }
      if (at.isEmpty()) {
        return false;
      }
    }
  }

  /** The validator's issue at the cell (or else the row) its pointer came from. */
  private static SheetIssue placed(Issue issue, Map<String, Unflattener.RowRef> rows) {
    String pointer = issue.pointer();
    for (String at = pointer; ; at = at.substring(0, at.lastIndexOf('/'))) {
      Unflattener.RowRef row = rows.get(at);
      if (row != null) {
        String suffix = pointer.length() > at.length() ? pointer.substring(at.length() + 1) : "";
        Unflattener.Place place = row.place(suffix);
        return new SheetIssue(issue, place.file(), place.row(), place.column(), place.header());
      }
      if (at.isEmpty()) {
        return new SheetIssue(issue, "", 0, "", "");
      }
    }
  }

  /** Builds a {@link Spreadsheets}. */
  public static final class Builder {
    private Headers headers = Headers.TITLES;
    private CsvLimits limits = CsvLimits.DEFAULT;

    private Builder() {}

    /**
     * The header row of written sheets: {@link Headers#TITLES} (default) or {@link Headers#PATHS}.
     * Reading accepts either, whatever is set here.
     *
     * @param headers titles for people, or flatten-tool's JSON paths; not null
     * @return this builder
     * @throws NullPointerException if {@code headers} is null
     */
    public Builder headers(Headers headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /**
     * The largest CSV file read, in bytes (default 32 MiB); a larger one is a {@code csv.limit}
     * issue.
     *
     * @param bytes the most bytes one sheet may have when unflattening; writing has no limit
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is zero or negative
     */
    public Builder maxFileBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("a limit must be positive: " + bytes);
      }
      limits = limits.withFileBytes(bytes);
      return this;
    }

    /**
     * The longest cell read, in characters (default 1 Mi); a longer one is a {@code csv.limit}
     * issue.
     *
     * @param characters the most characters one cell may have when unflattening
     * @return this builder
     * @throws IllegalArgumentException if {@code characters} is zero or negative
     */
    public Builder maxCellLength(int characters) {
      if (characters <= 0) {
        throw new IllegalArgumentException("a limit must be positive: " + characters);
      }
      limits = limits.withCellLength(characters);
      return this;
    }

    /**
     * The flattener and unflattener, as set so far; immutable and thread-safe.
     *
     * @return a new {@link Spreadsheets}; later changes to this builder do not reach it
     */
    public Spreadsheets build() {
      return new Spreadsheets(this);
    }
  }
}
