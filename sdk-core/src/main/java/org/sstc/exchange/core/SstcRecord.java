package org.sstc.exchange.core;

/**
 * A top-level document of the standard: it says what it is in {@code recordType}, which lets one
 * NDJSON stream mix records and lets a validator pick the schema without being told.
 *
 * @since 1.0
 */
public sealed interface SstcRecord permits Initiative, Organisation, RecordPackage, Solution {
  /**
   * What the record is, as its JSON says in {@code recordType}.
   *
   * @return {@code "initiative"}, {@code "organisation"}, {@code "package"} or (since 1.1) {@code "solution"}
   */
  String recordType();

  /**
   * The version of the standard the record follows.
   *
   * @return the version, e.g. {@code "1.0"}; never null for a record made through the model
   */
  String schemaVersion();
}
