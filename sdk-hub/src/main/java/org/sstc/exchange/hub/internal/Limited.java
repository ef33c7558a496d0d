package org.sstc.exchange.hub.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through and fails with {@link TooLarge} as soon as a byte
 * beyond them arrives, so that an oversized body is refused without being read to its end.
 */
final class Limited extends FilterInputStream {
  /** The body went past the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    TooLarge(long limit) {
      super("more than " + limit + " bytes");
      this.limit = limit;
    }
  }

  private final long limit;
  private long remaining;

  Limited(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    this.remaining = limit;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) {
      return probe();
    }
    int b = in.read();
    if (b >= 0) {
      remaining--;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (remaining <= 0) {
      int b = probe();
      return b; // -1: the end came exactly at the limit
    }
    int n = in.read(buffer, offset, (int) Math.min(length, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  private int probe() throws IOException {
    if (in.read() < 0) {
      return -1;
    }
    throw new TooLarge(limit);
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(in.available(), Math.max(remaining, 0));
  }

  /** Reads to the end, so that a digest over the stream sees every byte. */
  void drain() throws IOException {
    byte[] buffer = new byte[8192];
    while (read(buffer, 0, buffer.length) >= 0) {
      // discard
    }
  }
}
