package org.sstc.exchange.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sstc.exchange.core.Issue;

/**
 * What the hub did with one record of a bulk upload.
 *
 * @param index the record's position in the upload, from 0; -1 for the package's own header
 * @param line the NDJSON line, where the hub reports it
 * @param recordType {@code "initiative"} or {@code "organisation"}
 * @param id the record's id, where it had one
 * @param status created, updated, unchanged or rejected
 * @param version the stored version, unless rejected
 * @param issues why it was rejected, and any warnings
 *
 * @since 1.0
 */
public record BulkResult(
    long index,
    OptionalLong line,
    String recordType,
    Optional<String> id,
    Status status,
    OptionalLong version,
    List<Issue> issues) {
  /**
   * Makes a result; no component may be null (absent values are empty optionals).
   *
   * @param index the record's position in the upload, from 0; -1 for the package's own header
   * @param line the NDJSON line, where the hub reports it
   * @param recordType {@code "initiative"} or {@code "organisation"}
   * @param id the record's id, where it had one
   * @param status created, updated, unchanged or rejected
   * @param version the stored version, unless rejected
   * @param issues why it was rejected, and any warnings
   */
  public BulkResult {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(version, "version");
    issues = List.copyOf(issues);
  }

  /** The outcome for one record. */
  public enum Status {
    /** Stored as version 1. */
    CREATED,
    /** Present and different: stored as a new version. */
    UPDATED,
    /** Present and equal: nothing written. */
    UNCHANGED,
    /** Not stored: see the issues. */
    REJECTED
  }
}
