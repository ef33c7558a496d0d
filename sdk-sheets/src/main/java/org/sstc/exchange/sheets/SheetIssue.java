package org.sstc.exchange.sheets;

import java.util.Objects;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Validator;

/**
 * An {@link Issue} found in a folder of CSV files, with the cell it is about: the file, the row as
 * a spreadsheet numbers it (1 is the header row) and the column as a letter ({@code C}) with its
 * header. Spreadsheet-structure problems ({@code csv.*} codes) and the standard's own issues
 * ({@code schema.*}, {@code rule.*}, …, found by {@link Validator} in the unflattened package)
 * both come as sheet issues.
 *
 * <pre>{@code
 * for (SheetIssue issue : Spreadsheets.standard().unflatten(dir).issues()) {
 *   System.out.println(issue); // participants.csv row 4 column G (Role): error schema.enum: ...
 * }
 * }</pre>
 *
 * @param issue what is wrong: severity, code, the JSON Pointer in the unflattened package where
 *     there is one ({@code ""} otherwise), and a message that says how to fix it
 * @param file the CSV file's name, e.g. {@code participants.csv}; {@code ""} for the folder
 * @param row the 1-based spreadsheet row; 0 for the whole file
 * @param column the column letter, e.g. {@code C}; {@code ""} for the whole row
 * @param header the column's header as written in the file; {@code ""} when there is no column
 *
 * @since 1.0
 */
public record SheetIssue(Issue issue, String file, long row, String column, String header) {

  /**
   * Makes a sheet issue.
   *
   * @param issue what is wrong, with the JSON Pointer in the unflattened package or {@code ""};
   *     not null
   * @param file the CSV file's name, e.g. {@code participants.csv}; {@code ""} for the folder
   * @param row the 1-based spreadsheet row (1 is the header row); 0 for the whole file
   * @param column the column letter, e.g. {@code C}; {@code ""} for the whole row
   * @param header the column's header as written in the file; {@code ""} when there is no column
   * @throws NullPointerException if {@code issue}, {@code file}, {@code column} or {@code header}
   *     is null
   * @throws IllegalArgumentException if {@code row} is negative
   */
  public SheetIssue {
    Objects.requireNonNull(issue, "issue");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(header, "header");
    if (row < 0) {
      throw new IllegalArgumentException("row < 0: " + row);
    }
  }

  /** {@code file row R column C (header): severity code: message}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder where = new StringBuilder(file.isEmpty() ? "(folder)" : file);
    if (row > 0) {
      where.append(" row ").append(row);
    }
    if (!column.isEmpty()) {
      where.append(" column ").append(column);
      if (!header.isEmpty()) {
        where.append(" (").append(header).append(')');
      }
    }
    return where + ": " + issue.severity() + " " + issue.code() + ": " + issue.message();
  }
}
