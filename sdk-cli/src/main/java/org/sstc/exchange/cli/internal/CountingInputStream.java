package org.sstc.exchange.cli.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Passes bytes through and reports how many were read, for a progress bar. */
public final class CountingInputStream extends FilterInputStream {
  private final LongConsumer onRead;
  private long count;

  /**
   * @param in the stream to read
   * @param onRead told the number of bytes of each read (never zero)
   */
  public CountingInputStream(InputStream in, LongConsumer onRead) {
    super(in);
    this.onRead = onRead;
  }

  /** The bytes read (and skipped) so far. */
  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      counted(skipped);
    }
    return skipped;
  }

  // mark/reset would count bytes twice.
  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void counted(long n) {
    count += n;
    onRead.accept(n);
  }
}
