package org.sstc.exchange.core.internal.json;

/**
 * Hard limits on what the reader accepts, so that hostile input fails fast with {@code json.limit}
 * instead of exhausting the stack or the heap.
 *
 * @param maxNestingDepth objects and arrays inside each other; records of the standard nest about
 *     eight deep, extensions a little more
 * @param maxDocumentBytes one JSON document (a record or a package read whole)
 * @param maxRecordBytes one line of an NDJSON stream
 * @param maxStringLength one string, in characters
 * @param maxNumberLength one number, in characters
 * @param maxNameLength one property name, in characters
 */
public record JsonLimits(
    int maxNestingDepth,
    long maxDocumentBytes,
    int maxRecordBytes,
    int maxStringLength,
    int maxNumberLength,
    int maxNameLength) {

  /** The defaults: generous for real records, small enough for a 256 MB heap. */
  public static final JsonLimits DEFAULT =
      new JsonLimits(64, 1L << 30, 16 << 20, 1 << 20, 64, 1024);
}
