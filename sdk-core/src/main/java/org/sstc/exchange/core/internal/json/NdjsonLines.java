package org.sstc.exchange.core.internal.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an NDJSON stream as bytes, read in 64 KB chunks, never holding more than the
 * limit of one line: a longer line is cut there and flagged ({@link #overLimit()}), so that one
 * huge line costs no more memory than the limit. A UTF-8 byte-order mark before the first line is
 * skipped. Shared by the validator and, through {@code JsonStreams.lines}, sdk-hub's bulk upload.
 */
public final class NdjsonLines {
  private final InputStream in;
  private final int limit;
  private final byte[] chunk = new byte[1 << 16];
  private int position;
  private int filled;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
  private boolean overLimit;
  private boolean first = true;

  /** Lines of {@code in} (which the caller closes), each cut at {@code limit} bytes. */
  public NdjsonLines(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /** The next line without its newline, or null at the end of the stream. */
  public byte @Nullable [] next() throws IOException {
    line.reset();
    overLimit = false;
    boolean any = false;
    while (true) {
      if (position == filled) {
        filled = in.read(chunk, 0, chunk.length);
        position = 0;
        if (filled <= 0) {
          filled = 0;
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      int start = position;
      while (position < filled && chunk[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < filled) {
        position++; // the newline
        break;
      }
    }
    byte[] bytes = line.toByteArray();
    if (first) {
      first = false;
      // Spreadsheet tools start UTF-8 files with a byte-order mark: accept and skip it.
      if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
        bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
      }
    }
    return bytes;
  }

  private void append(int offset, int length) {
    int room = limit - line.size();
    if (length > room) {
      overLimit = true;
      length = Math.max(room, 0);
    }
    line.write(chunk, offset, length);
  }

  /** True when the line {@link #next()} returned last was longer than the limit, and cut there. */
  public boolean overLimit() {
    return overLimit;
  }
}
