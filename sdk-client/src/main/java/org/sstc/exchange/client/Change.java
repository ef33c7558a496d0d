package org.sstc.exchange.client;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.sstc.exchange.core.SstcRecord;

/**
 * One event of the hub's change feed.
 *
 * @param sequence the hub-wide, increasing sequence number
 * @param type created, updated or deleted
 * @param recordType {@code "initiative"} or {@code "organisation"}
 * @param id the record's id
 * @param version the record's version after this event
 * @param at when the hub stored the change
 * @param record the record as of this event; empty for a deletion
 *
 * @since 1.0
 */
public record Change(
    long sequence,
    ChangeType type,
    String recordType,
    String id,
    long version,
    OffsetDateTime at,
    Optional<SstcRecord> record) {
  /**
   * Makes a change event; no component may be null (a deletion has an empty record).
   *
   * @param sequence the hub-wide, increasing sequence number
   * @param type created, updated or deleted
   * @param recordType {@code "initiative"} or {@code "organisation"}
   * @param id the record's id
   * @param version the record's version after this event
   * @param at when the hub stored the change
   * @param record the record as of this event; empty for a deletion
   */
  public Change {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(record, "record");
  }

  /**
   * The cursor that resumes the feed just after this event: save it once the event is applied.
   * (On the wire, the sequence as a decimal string.)
   *
   * @return the cursor to save after applying this event
   */
  public String cursor() {
    return Long.toString(sequence);
  }
}
