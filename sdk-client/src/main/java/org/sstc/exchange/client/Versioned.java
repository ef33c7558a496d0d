package org.sstc.exchange.client;

import java.util.Objects;
import org.sstc.exchange.core.SstcRecord;

/**
 * A record as the hub stores it, with its version: pass {@link #version()} to {@link
 * Records#replace} or {@link Records#delete} so that a change made by someone else in between is
 * refused (412) instead of lost.
 *
 * @param record the record
 * @param version the hub's version: 1 on create, +1 on every update
 * @param etag the entity tag the hub sent, e.g. {@code "3"} (with its quotes)
 * @param <T> {@link org.sstc.exchange.core.Initiative} or {@link org.sstc.exchange.core.Organisation}
 *
 * @since 1.0
 */
public record Versioned<T extends SstcRecord>(T record, long version, String etag) {
  /**
   * Makes a versioned record; versions start at 1.
   *
   * @param record the record
   * @param version the hub's version: 1 on create, +1 on every update
   * @param etag the entity tag the hub sent, e.g. {@code "3"} (with its quotes)
   */
  public Versioned {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(etag, "etag");
    if (version < 1) {
      throw new IllegalArgumentException("a version starts at 1: " + version);
    }
  }
}
