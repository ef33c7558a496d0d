package org.sstc.exchange.core.internal.csv;

/**
 * What a CSV file may hold, so that a hostile or broken file is refused with {@code csv.limit}
 * instead of exhausting the heap: files are read whole.
 *
 * @param maxFileBytes one file, in bytes
 * @param maxCellLength one cell, in characters (as the JSON reader's longest string)
 * @param maxColumns cells in one row
 */
public record CsvLimits(long maxFileBytes, int maxCellLength, int maxColumns) {
  /** The defaults: 32 MiB a file, 1 Mi characters a cell, 1024 columns. */
  public static final CsvLimits DEFAULT = new CsvLimits(32L << 20, 1 << 20, 1024);
}
