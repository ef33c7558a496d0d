package org.sstc.exchange.iati;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.Validator;

/**
 * One record an IATI import read: its JSON in the standard's form, always, and its model object
 * only when the record is complete.
 *
 * <p>An IATI activity lacks members the SSTC standard requires (an {@code instrument}, each
 * partner's SSTC {@code role} …), and the importer invents none of them, so most imported
 * initiatives are incomplete. A model object never lacks a required member (its accessors do not
 * return null), so an incomplete record is handed out as JSON only: validate it to learn what it
 * lacks ({@link #json()} with {@link Validator#validate(byte[])}: {@code schema.required} at each
 * missing member's pointer), complete it, and read it with {@link
 * org.sstc.exchange.core.SstcJson#read(byte[], Class)}.
 *
 * <pre>{@code
 * for (ImportedRecord<Initiative> imported : IatiXml.standard().read(file).initiatives()) {
 *   imported.record().ifPresentOrElse(store::put,
 *       () -> System.out.println(Validator.standard().validate(imported.json())));
 * }
 * }</pre>
 *
 * @param <T> the model type: {@link Initiative}, {@link Organisation}, or {@link RecordPackage}
 *     for a file's header
 * @since 1.0
 */
public final class ImportedRecord<T extends SstcRecord> {
  private final String recordType;
  private final @Nullable String id;
  private final long line;
  private final byte[] json;
  private final @Nullable T record;

  private ImportedRecord(String recordType, @Nullable String id, long line, byte[] json, @Nullable T record) {
    this.recordType = recordType;
    this.id = id;
    this.line = line;
    this.json = json;
    this.record = record;
  }

  /**
   * An imported record. For the importer (and for tests that stand in for it): the JSON is taken
   * as it is, not checked against the record.
   *
   * @param <T> the model type
   * @param recordType {@code "initiative"}, {@code "organisation"} or {@code "package"}; not null
   * @param id the record's identifier, or null when the file gives none
   * @param line the 1-based line of the element the record was read from; 0 when it has none (a
   *     file's header from its root element has line 1)
   * @param json the record as the standard's JSON, UTF-8; copied; not null
   * @param record the record as a model object when it is complete, else null
   * @return the imported record
   * @throws NullPointerException if {@code recordType} or {@code json} is null
   * @throws IllegalArgumentException if {@code line} is negative, or {@code record} is of another
   *     record type
   */
  public static <T extends SstcRecord> ImportedRecord<T> of(
      String recordType, @Nullable String id, long line, byte[] json, @Nullable T record) {
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(json, "json");
    if (line < 0) {
      throw new IllegalArgumentException("line < 0: " + line);
    }
    if (record != null && !record.recordType().equals(recordType)) {
      throw new IllegalArgumentException("the record is a " + record.recordType() + ", not a " + recordType);
    }
    return new ImportedRecord<>(recordType, id, line, json.clone(), record);
  }

  /**
   * What kind of record this is, as its JSON's {@code recordType} says.
   *
   * @return {@code "initiative"}, {@code "organisation"}, or {@code "package"} for a file's header
   */
  public String recordType() {
    return recordType;
  }

  /**
   * The record's identifier ({@code iati-identifier}, {@code organisation-identifier}).
   *
   * @return the identifier; empty when the file gives none (an activity may lack it) and for a
   *     file's header
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * Where the record starts in the IATI file.
   *
   * @return the 1-based line of its {@code <iati-activity>} or {@code <iati-organisation>}
   *     element (of {@code <iati-activities>} for a header)
   */
  public long line() {
    return line;
  }

  /**
   * The record as the standard's JSON: everything the file says that the standard has a place
   * for, nothing invented, so an incomplete record lacks members; {@link Validator} names them.
   *
   * @return a copy of the UTF-8 JSON document: a record, or for a header a package without records
   */
  public byte[] json() {
    return json.clone();
  }

  /**
   * The record as a model object, when it has every member the standard requires.
   *
   * @return the record; empty when it lacks a required member (see {@link #json()}). A complete
   *     record may still break a rule of the standard: {@link Validator} says
   */
  public Optional<T> record() {
    return Optional.ofNullable(record);
  }

  /**
   * Whether the record has every member the standard requires, so that {@link #record()} holds it.
   *
   * @return true when {@link #record()} is present
   */
  public boolean complete() {
    return record != null;
  }

  /**
   * A short description for logs.
   *
   * @return e.g. {@code ImportedRecord{initiative XM-DAC-1-1, line 12, incomplete}}
   */
  @Override
  public String toString() {
    return "ImportedRecord{" + recordType + (id == null ? "" : " " + id) + ", line " + line
        + (record == null ? ", incomplete" : ", complete") + "}";
  }

  /**
   * The JSON as text, for messages and tests.
   *
   * @return {@link #json()} decoded as UTF-8
   */
  public String jsonText() {
    return new String(json, StandardCharsets.UTF_8);
  }
}
