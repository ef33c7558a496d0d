package org.sstc.exchange.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.internal.json.JsonLimits;
import org.sstc.exchange.core.internal.json.JsonSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * Reads and writes the standard's JSON.
 *
 * <p>Reading is strict: a document is validated before it is bound, and one that is not valid is
 * refused with a {@link ValidationException} carrying the full report. Writing is deterministic:
 * properties in the standard's order, money as decimal strings, absent and empty values left out,
 * so that JSON the SDK wrote reads back and writes again byte for byte.
 *
 * <pre>{@code
 * byte[] json = SstcJson.standard().write(initiative);
 * Initiative again = SstcJson.standard().read(json, Initiative.class);
 * }</pre>
 *
 * @since 1.0
 */
public final class SstcJson {
  private static final SstcJson STANDARD = new SstcJson(new JsonSupport(JsonLimits.DEFAULT));

  private final JsonSupport json;

  private SstcJson(JsonSupport json) {
    this.json = json;
  }

  /**
   * The reader and writer with the default limits; thread-safe.
   *
   * @return the shared instance: reads with the limits of {@link Validator#standard()}
   */
  public static SstcJson standard() {
    return STANDARD;
  }

  /**
   * Reads a record or package of the given type from UTF-8 bytes.
   *
   * @param <T> the model type asked for
   * @param document one JSON document in UTF-8 (UTF-16 and UTF-32 are refused); not null
   * @param type {@link Initiative}, {@link Organisation}, {@link RecordPackage}, or {@link SstcRecord}
   *     for whichever the document's {@code recordType} says; not null
   * @return the record, bound to the model; never null
   * @throws NullPointerException if {@code document} or {@code type} is null
   * @throws ValidationException if the document is not valid JSON, not of that type, or breaks
   *     the standard (errors only; warnings do not stop reading)
   */
  public <T extends SstcRecord> T read(byte[] document, Class<T> type) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(type, "type");
    Validator.Checked checked = Validator.standard().validateAndRead(document);
    if (!checked.valid()) {
      throw new ValidationException("The " + typeName(type) + " document", checked.report());
    }
    // The record the rules were checked on: the document is bound once.
    SstcRecord record = checked.record().orElseThrow();
    if (!type.isInstance(record)) {
      throw new ValidationException(
          "The document",
          ValidationReport.of(List.of(Issue.error("schema.const", "/recordType",
              "this is a " + record.recordType() + ", not a " + typeName(type)))));
    }
    return type.cast(record);
  }

  /**
   * Binds a parsed document to the model <em>without</em> checking it against the standard: for
   * documents that were checked already, such as records a hub returns after validating them on
   * write, inside a larger response. It saves the validation that {@link #read(byte[], Class)}
   * does, which costs far more than parsing. To check a document and get its record with one
   * parse, use {@link Validator#validateAndRead(byte[])}.
   *
   * <pre>{@code
   * JsonNode page = json.readTree(responseBody);
   * Initiative first = json.bind(page.path("items").path(0), Initiative.class);
   * }</pre>
   *
   * @param <T> the model type asked for
   * @param tree a parsed document, e.g. from {@link #readTree(byte[])}; not null
   * @param type {@link Initiative}, {@link Organisation}, {@link RecordPackage}, or {@link SstcRecord}
   *     for whichever the tree's {@code recordType} says; not null
   * @return the record, bound to the model; never null. Values the standard forbids but the
   *     model can hold (a bad code, a broken rule) come through as they are; members the SDK does
   *     not know (of a newer minor version) are kept and written back
   * @throws NullPointerException if {@code tree} or {@code type} is null
   * @throws ValidationException if the tree is not a document of that type, lacks a required
   *     member ({@code schema.required}, naming all that are missing) or holds a value the model
   *     cannot (a {@code schema.type} or {@code schema.const} issue)
   */
  public <T extends SstcRecord> T bind(JsonNode tree, Class<T> type) {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(type, "type");
    String recordType = tree.path("recordType").asString("");
    Class<? extends SstcRecord> declared = modelClass(tree);
    if (declared == null || !type.isAssignableFrom(declared)) {
      throw new ValidationException("The document", ValidationReport.of(List.of(Issue.error(
          "schema.const", "/recordType", "expected a " + typeName(type)
              + " record, but recordType is '" + recordType + "'"))));
    }
    try {
      return type.cast(json.lenientBinder().treeToValue(tree, declared));
    } catch (JacksonException failure) {
      if (failure.getCause() instanceof IllegalStateException missing) {
        // build() of a model object named every required member its JSON lacks
        throw new ValidationException("The document", ValidationReport.of(List.of(Issue.error(
            "schema.required", pointer(failure), String.valueOf(missing.getMessage()).replace("on the builder before build()", "in the document")))));
      }
      throw new ValidationException("The document", ValidationReport.of(List.of(Issue.error(
          "schema.type", "", "the document does not fit the " + recordType + " model: "
              + failure.getOriginalMessage()))));
    }
  }

  /**
   * Reads a record or package of the given type from a stream (which the caller closes).
   *
   * @param <T> the model type asked for
   * @param in one JSON document, UTF-8, read to its end
   * @param type {@link Initiative}, {@link Organisation}, {@link RecordPackage}, or {@link SstcRecord}
   *     for whichever the document's {@code recordType} says
   * @return the record, bound to the model; never null
   * @throws ValidationException as {@link #read(byte[], Class)} does
   * @throws java.io.UncheckedIOException if the stream cannot be read
   */
  public <T extends SstcRecord> T read(InputStream in, Class<T> type) {
    try {
      return read(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads whatever record the document says it is ({@code recordType}).
   *
   * @param document one JSON document, UTF-8; not null
   * @return an {@link Initiative}, {@link Organisation} or {@link RecordPackage}; test with
   *     {@code instanceof} or switch on {@link SstcRecord#recordType()}
   * @throws ValidationException if the document is not valid JSON or breaks the standard
   */
  public SstcRecord read(byte[] document) {
    return read(document, SstcRecord.class);
  }

  /**
   * Reads every record of an NDJSON document into memory. For large streams, validate with
   * {@link Validator#validateStream(InputStream, Validator.Format, java.util.function.Consumer)}.
   *
   * @param ndjson UTF-8 text, one record a line; blank lines are skipped
   * @return the records in line order; empty for a document of blank lines only
   * @throws ValidationException if any line is invalid; pointers start with the line index
   */
  public List<SstcRecord> readNdjson(byte[] ndjson) {
    List<Issue> issues = new ArrayList<>();
    Validator.standard().validateStream(new ByteArrayInputStream(ndjson), Validator.Format.NDJSON, issues::add);
    ValidationReport report = ValidationReport.of(issues);
    if (!report.valid()) {
      throw new ValidationException("The NDJSON stream", report);
    }
    List<SstcRecord> records = new ArrayList<>();
    for (String line : new String(ndjson, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        JsonNode tree = readTree(line.getBytes(StandardCharsets.UTF_8));
        records.add(json.lenientBinder().treeToValue(tree, recordClass(tree)));
      }
    }
    return records;
  }

  /**
   * Writes a record or package as compact UTF-8 JSON.
   *
   * @param record the record to write; it is not validated first (use {@link Validator}); not null
   * @return the JSON, with no trailing newline; the same record always gives the same bytes
   * @throws NullPointerException if {@code record} is null
   */
  public byte[] write(SstcRecord record) {
    return json.strictMapper().writeValueAsBytes(Objects.requireNonNull(record, "record"));
  }

  /**
   * Writes a record or package as compact JSON text.
   *
   * @param record the record to write; it is not validated first; not null
   * @return the JSON of {@link #write(SstcRecord)}, as a string
   * @throws NullPointerException if {@code record} is null
   */
  public String writeString(SstcRecord record) {
    return new String(write(record), StandardCharsets.UTF_8);
  }

  /**
   * Writes a record or package, indented for people.
   *
   * @param record the record to write; it is not validated first; not null
   * @return the same JSON as {@link #write(SstcRecord)}, one property a line and indented, with no
   *     trailing newline
   * @throws NullPointerException if {@code record} is null
   */
  public String writePretty(SstcRecord record) {
    return json.strictMapper()
        .writer()
        .with(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(Objects.requireNonNull(record, "record"));
  }

  /**
   * Writes a record or package to a stream (left open).
   *
   * @param record the record to write, as {@link #write(SstcRecord)} does; not null
   * @param out where the compact UTF-8 JSON goes; not flushed or closed
   * @throws java.io.UncheckedIOException if writing to {@code out} fails
   */
  public void write(SstcRecord record, OutputStream out) {
    try {
      out.write(write(record));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a validation report as JSON, in the form of {@code validation-report.schema.json}.
   *
   * @param report the report to write; not null
   * @return compact JSON: {@code valid}, {@code schemaVersion}, then {@code issues} (a value or
   *     line
   *     only where the issue has one)
   * @throws NullPointerException if {@code report} is null
   */
  public String writeReport(ValidationReport report) {
    return json.strictMapper().writeValueAsString(Objects.requireNonNull(report, "report"));
  }

  /**
   * Parses JSON strictly (limits, duplicate keys, encoding) without checking it against the
   * standard.
   *
   * @param document one JSON document, UTF-8; not null
   * @return the parsed tree, any JSON value (not necessarily an object)
   * @throws ValidationException with a {@code json.*} issue if it cannot be read
   */
  public JsonNode readTree(byte[] document) {
    return json.readDocument(Objects.requireNonNull(document, "document"));
  }

  /** The JSON Pointer of the object a binding failure is in, e.g. {@code /participants/0}. */
  private static String pointer(JacksonException failure) {
    StringBuilder pointer = new StringBuilder();
    for (JacksonException.Reference reference : failure.getPath()) {
      pointer.append('/').append(reference.getPropertyName() != null ? reference.getPropertyName() : String.valueOf(reference.getIndex()));
    }
    return pointer.toString();
  }

  /** How the standard names a model type: {@code "package"} for {@link RecordPackage}. */
  private static String typeName(Class<?> type) {
    return type == RecordPackage.class ? RecordPackage.RECORD_TYPE : type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** The model class a document's {@code recordType} names, or null for none of the standard's. */
  private static @Nullable Class<? extends SstcRecord> modelClass(JsonNode tree) {
    switch (tree.path("recordType").asString("")) {
      case Initiative.RECORD_TYPE:
        return Initiative.class;
      case Organisation.RECORD_TYPE:
        return Organisation.class;
      case RecordPackage.RECORD_TYPE:
        return RecordPackage.class;
      case Solution.RECORD_TYPE:
        return Solution.class;
      default:
        return null;
    }
  }

  private static Class<? extends SstcRecord> recordClass(JsonNode tree) {
    Class<? extends SstcRecord> model = modelClass(tree);
    if (model == null) {
      throw new IllegalStateException("validated document without a known recordType");
    }
    return model;
  }
}
