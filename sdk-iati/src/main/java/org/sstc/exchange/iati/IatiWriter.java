package org.sstc.exchange.iati;

import java.io.OutputStream;
import java.util.Objects;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.iati.internal.ActivitiesWriter;

/**
 * Writes IATI 2.03 XML one initiative at a time, so that a large package is exported in constant
 * memory. Made by {@link IatiXml#writer(OutputStream, RecordPackage)}; not thread-safe.
 *
 * <p>Initiatives come first, then (optionally) organisations, then {@link #close()}, which ends
 * the document and flushes; the caller closes the stream.
 *
 * <pre>{@code
 * try (IatiWriter writer = IatiXml.standard().writer(out, header)) {
 *   initiatives.forEach(writer::write);
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class IatiWriter implements AutoCloseable {
  private final ActivitiesWriter writer;
  private boolean closed;

  IatiWriter(OutputStream out, RecordPackage header) {
    this.writer = new ActivitiesWriter(Objects.requireNonNull(out, "out"), Objects.requireNonNull(header, "header"));
  }

  /**
   * Writes one initiative as an {@code <iati-activity>}.
   *
   * @throws IllegalArgumentException if it lacks what the IATI schema requires (id, reporting
   *     org, title, status, a date, a participant, each amount's value); the message names it
   * @param initiative the initiative to write; not null
   * @return this writer, to write the next
   * @throws IllegalStateException if an organisation was written already: initiatives come first
   * @throws java.io.UncheckedIOException if writing to the stream fails
   */
  public IatiWriter write(Initiative initiative) {
    writer.write(Objects.requireNonNull(initiative, "initiative"));
    return this;
  }

  /**
   * Writes an SSTC organisation into the extension namespace, after every initiative.
   *
   * @param organisation the organisation, written as its SSTC JSON (IATI activity files have no
   *     organisation element); not null
   * @return this writer, to write the next
   * @throws IllegalStateException if no initiative was written yet: an IATI file starts with one
   * @throws java.io.UncheckedIOException if writing to the stream fails
   */
  public IatiWriter write(Organisation organisation) {
    writer.write(Objects.requireNonNull(organisation, "organisation"));
    return this;
  }

  /**
   * How many activities were written so far.
   *
   * @return the number of initiatives written; organisations are not counted
   */
  public long written() {
    return writer.written();
  }

  /**
   * Ends the document and flushes.
   *
   * @throws IllegalStateException if no initiative was written (IATI requires one activity)
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      writer.finish();
    }
  }
}
