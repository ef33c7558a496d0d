package org.sstc.exchange.client.internal;

import java.io.IOException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Reads a response body whole, up to a limit, so that a huge or endless body cannot exhaust memory. */
public final class BodyReader {
  private static final long CHUNK = 8192;

  private BodyReader() {}

  /**
   * The body's bytes (empty when there is none).
   *
   * @throws TooLargeException when the body (after any transparent decompression) is larger
   *     than {@code limit}, found from {@code Content-Length} before reading, or while reading
   * @throws IOException when the body cannot be read: reset, timed out, or shorter than its
   *     {@code Content-Length}
   */
  public static byte[] read(Response response, long limit) throws IOException {
    ResponseBody body = response.body();
    long declared = body.contentLength();
    if (declared > limit) {
      throw new TooLargeException(declared, limit);
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (source.read(buffer, CHUNK) != -1) {
      if (buffer.size() > limit) {
        throw new TooLargeException(-1, limit);
      }
    }
    return buffer.readByteArray();
  }

  /** A response body above the client's limit. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long declared, long limit) {
      super(
          (declared >= 0 ? "the response body is " + declared + " bytes" : "the response body")
              + " exceeds the limit of " + limit + " bytes");
    }
  }
}
