package org.sstc.exchange.sheets.internal;

/**
 * What a CSV file may hold, so that a hostile or broken file is refused with {@code csv.limit}
 * instead of exhausting the heap: files are read whole, and memory grows with their cells.
 *
 * @param maxFileBytes one file, in bytes
 * @param maxCellLength one cell, in characters (as the JSON reader's longest string)
 * @param maxColumns cells in one row
 * @param maxRows rows in one file, the header included
 * @param maxCells cells in one file
 */
public record CsvLimits(long maxFileBytes, int maxCellLength, int maxColumns, int maxRows, long maxCells) {
  /**
   * The defaults: 32 MiB a file, 1 Mi characters a cell, 1024 columns, 1 048 576 rows (what a
   * spreadsheet holds), 4 Mi cells a file (a package of some 100 000 initiatives).
   */
  public static final CsvLimits DEFAULT = new CsvLimits(32L << 20, 1 << 20, 1024, 1 << 20, 4L << 20);

  public CsvLimits withFileBytes(long bytes) {
    return new CsvLimits(bytes, maxCellLength, maxColumns, maxRows, maxCells);
  }

  public CsvLimits withCellLength(int characters) {
    return new CsvLimits(maxFileBytes, characters, maxColumns, maxRows, maxCells);
  }
}
