/**
 * A package as CSV files that a spreadsheet opens ({@link Spreadsheets}), read back with its
 * issues per cell ({@link Unflattened}, {@link SheetIssue}).
 */
@NullMarked
package org.sstc.exchange.sheets;

import org.jspecify.annotations.NullMarked;
