package org.sstc.exchange.iati.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a UTF-8 XML file is valid UTF-8 as its bytes pass, and names the line and column
 * of the first bad byte. The JDK's parser finds such bytes too, but prints "[Fatal Error]" on
 * standard error as it does (a library must not), and its position is that of its read-ahead.
 *
 * <p>Files that declare another encoding, or start with a UTF-16 byte order mark, pass unchecked:
 * the parser decodes them.
 */
final class Utf8Check extends FilterInputStream {
  private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  private long line = 1;
  private long column = 0;
  private int needed;
  private int lead;
  private int lower = 0x80;
  private int upper = 0xBF;

  private Utf8Check(InputStream in) {
    super(in);
  }

  /** The stream, checked when it is (or defaults to) UTF-8. */
  static InputStream wrap(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(256);
    byte[] head = in.readNBytes(256);
    in.reset();
    if (head.length >= 4 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
        || (head[0] == 0 && head[1] == '<' && head[2] == 0 && head[3] == '?')
        || (head[0] == '<' && head[1] == 0 && head[2] == '?' && head[3] == 0))) {
      return in; // UTF-16, with a byte order mark or an XML declaration: the parser decodes it
    }
    String start = new String(head, StandardCharsets.ISO_8859_1);
    if (start.startsWith("\u00EF\u00BB\u00BF")) {
      start = start.substring(3);
    }
    Matcher declared = ENCODING.matcher(start);
    if (declared.find()) {
      String encoding = declared.group(1).toLowerCase(Locale.ROOT);
      if (!encoding.equals("utf-8") && !encoding.equals("utf8")) {
        return in;
      }
    }
    return new Utf8Check(in);
  }

  /**
   * An invalid byte, with its position (1-based line and column, in characters). Not a
   * CharConversionException: the JDK parser prints those on standard error as it reports them.
   */
  static final class InvalidUtf8 extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;
    final long column;

    InvalidUtf8(String message, long line, long column) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      atEnd();
    } else {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int count = super.read(buffer, offset, length);
    if (count < 0) {
      atEnd();
    }
    for (int i = 0; i < count; i++) {
      check(buffer[offset + i] & 0xFF);
    }
    return count;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n && read() >= 0) {
      skipped++;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void atEnd() throws InvalidUtf8 {
    if (needed > 0) {
      throw new InvalidUtf8("the file ends inside a UTF-8 character", line, column);
    }
  }

  private void check(int b) throws InvalidUtf8 {
    if (needed > 0) {
      if (b < lower || b > upper) {
        // Name the byte that starts the broken character (é in ISO-8859-1 is 0xE9), not the
        // plain letter after it, which is all a reader would see by naming the failing byte.
        throw new InvalidUtf8(String.format("byte 0x%02X is not valid UTF-8 here (byte 0x%02X after it does not continue"
            + " a UTF-8 character; a file in ISO-8859-1 or Windows-1252 reads so)", lead, b), line, Math.max(column, 1));
      }
      needed--;
      lower = 0x80;
      upper = 0xBF;
      return;
    }
    column++;
    lead = b;
    if (b < 0x80) {
      if (b == '\n') {
        line++;
        column = 0;
      }
    } else if (b >= 0xC2 && b <= 0xDF) {
      needed = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      needed = 2;
      lower = b == 0xE0 ? 0xA0 : 0x80;
      upper = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      needed = 3;
      lower = b == 0xF0 ? 0x90 : 0x80;
      upper = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw bad(b);
    }
  }

  private InvalidUtf8 bad(int b) {
    return new InvalidUtf8(String.format("byte 0x%02X is not valid UTF-8", b), line, Math.max(column, 1));
  }
}
