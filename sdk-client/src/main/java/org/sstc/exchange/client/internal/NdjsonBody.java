package org.sstc.exchange.client.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;

/**
 * Records written one a line as gzip NDJSON while OkHttp sends them: only one record's JSON is
 * in memory at a time, whatever the number of records.
 *
 * <p>A body over a {@code Stream} is one-shot: it can be written once, and {@link #started()}
 * tells the retry logic whether that already happened. A body over a collection (a package) can
 * be written again.
 */
public final class NdjsonBody extends RequestBody {
  private static final MediaType NDJSON = MediaType.get("application/x-ndjson");

  private final Supplier<Iterator<? extends SstcRecord>> records;
  private final boolean replayable;
  private final boolean gzip;
  private final AtomicBoolean started = new AtomicBoolean();

  private NdjsonBody(Supplier<Iterator<? extends SstcRecord>> records, boolean replayable, boolean gzip) {
    this.records = records;
    this.replayable = replayable;
    this.gzip = gzip;
  }

  /** A body that can be written any number of times, each time from a fresh iterator. */
  public static NdjsonBody replayable(Supplier<Iterator<? extends SstcRecord>> records, boolean gzip) {
    return new NdjsonBody(Objects.requireNonNull(records, "records"), true, gzip);
  }

  /** A body that can be written once. */
  public static NdjsonBody oneShot(Iterator<? extends SstcRecord> records, boolean gzip) {
    Objects.requireNonNull(records, "records");
    return new NdjsonBody(() -> records, false, gzip);
  }

  /** True when the body is gzip-compressed ({@code Content-Encoding: gzip}). */
  public boolean gzip() {
    return gzip;
  }

  /** True once OkHttp began to write the body (so a one-shot body is spent). */
  public boolean started() {
    return started.get();
  }

  @Override
  public MediaType contentType() {
    return NDJSON;
  }

  @Override
  public long contentLength() {
    return -1; // streamed: chunked transfer encoding
  }

  @Override
  public boolean isOneShot() {
    return !replayable;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    if (started.getAndSet(true) && !replayable) {
      throw new IllegalStateException("a bulk upload from a Stream can be sent only once");
    }
    SstcJson json = SstcJson.standard();
    BufferedSink out = gzip ? Okio.buffer(new GzipSink(sink)) : sink;
    Iterator<? extends SstcRecord> iterator = records.get();
    while (iterator.hasNext()) {
      SstcRecord record = Objects.requireNonNull(iterator.next(), "a record in the stream is null");
      out.write(json.write(record));
      out.writeByte('\n');
      out.emit(); // hand the bytes on: memory stays one record's worth
    }
    if (gzip) {
      out.close(); // writes the gzip trailer; OkHttp closes the underlying sink itself
    }
  }
}
