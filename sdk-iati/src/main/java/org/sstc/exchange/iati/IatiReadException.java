package org.sstc.exchange.iati;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an IATI XML file cannot be read at all: not well-formed, truncated, holding a
 * DOCTYPE (refused, so that no entity is ever expanded or fetched), or too large for one
 * activity. The message names the line and column.
 *
 * <p>Content that is well-formed but has no place in the SSTC standard is not an error: it is
 * listed as {@link IatiNote}s.
 *
 * <pre>{@code
 * try {
 *   IatiImport imported = IatiXml.standard().read(file);
 * } catch (IatiReadException e) {
 *   System.err.println(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class IatiReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line of the error, or -1 when unknown. */
  private final long line;
  /** The 1-based column of the error, or -1 when unknown. */
  private final long column;

  /**
   * An error at a position.
   *
   * @param message what is wrong and how to fix it, with the position
   * @param line the 1-based line, or -1 when unknown
   * @param column the 1-based column, or -1 when unknown
   * @param cause the parser's own exception, or null when there is none
   */
  public IatiReadException(String message, long line, long column, @Nullable Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  /**
   * Where in the file the error is.
   *
   * @return the 1-based line of the error, or -1 when unknown
   */
  public long line() {
    return line;
  }

  /**
   * Where on its line the error is.
   *
   * @return the 1-based column of the error, or -1 when unknown
   */
  public long column() {
    return column;
  }
}
