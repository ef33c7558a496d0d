import org.jspecify.annotations.NullMarked;

/**
 * Spreadsheets for SSTC Exchange: a package flattened to CSV files and read back ({@code
 * Spreadsheets}). Only {@code org.sstc.exchange.sheets} is public API.
 */
@NullMarked
module org.sstc.exchange.sheets {
  requires transitive org.sstc.exchange.core;
  // RFC 4180 CSV reading and writing (flatten and unflatten a package).
  requires tools.jackson.dataformat.csv;

  exports org.sstc.exchange.sheets;
}
