package org.sstc.exchange.client;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.sstc.exchange.core.SstcRecord;

/**
 * One version in a record's history ({@link Records#history}).
 *
 * @param version the version this event made
 * @param event created, updated or deleted
 * @param at when the hub stored it
 * @param record the record as of this version; empty for a deletion
 * @param <T> the record type
 *
 * @since 1.0
 */
public record HistoryEntry<T extends SstcRecord>(
    long version, ChangeType event, OffsetDateTime at, Optional<T> record) {
  /**
   * Makes an entry; none of its components may be null.
   *
   * @param version the version this event made
   * @param event created, updated or deleted
   * @param at when the hub stored it
   * @param record the record as of this version; empty for a deletion
   */
  public HistoryEntry {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(record, "record");
  }
}
