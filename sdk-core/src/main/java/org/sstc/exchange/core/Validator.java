package org.sstc.exchange.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.internal.json.JsonLimits;
import org.sstc.exchange.core.internal.json.JsonSupport;
import org.sstc.exchange.core.internal.json.TreeValidation;
import org.sstc.exchange.core.internal.validation.Engine;
import org.sstc.exchange.core.internal.validation.SchemaCheck;
import tools.jackson.databind.JsonNode;

/**
 * Checks documents against the standard: reading limits, the JSON Schema, the codelists and the
 * rules, with one {@link ValidationReport} whatever the input — bytes, a file or a model object
 * (which is checked as its JSON) — and a streaming call, {@link #validateStream}, for inputs of
 * any size.
 *
 * <pre>{@code
 * ValidationReport report = Validator.standard().validate(Path.of("package.json"));
 * for (Issue issue : report.issues()) {
 *   System.out.println(issue); // /initiatives/2/sdgs/0/target: error rule.sdg-target-goal: ...
 * }
 * }</pre>
 *
 * <p>A validator is immutable and thread-safe; its schemas are compiled once. Packages and NDJSON
 * are checked one record at a time, so memory does not grow with the file.
 *
 * @since 1.0
 */
public final class Validator {
  private static final Validator STANDARD = builder().build();

  static {
    // The SDK's own callers that hold a parsed tree (the hub, the sheets) use this engine too.
    TreeValidation.install((validator, document, whenValid) ->
        validator.engine.validateTree(document, null, whenValid));
  }

  private final Engine engine;
  private final JsonSupport json;

  private Validator(JsonLimits limits) {
    this.json = new JsonSupport(limits);
    this.engine = new Engine(json, new SchemaCheck());
  }

  /**
   * The validator with the default reading limits. Shared: it is thread-safe.
   *
   * @return the shared validator: nesting 64 deep, documents up to 1 GiB, NDJSON lines up to
   *     16 MiB, strings up to 1 Mi characters
   */
  public static Validator standard() {
    return STANDARD;
  }

  /**
   * A builder, to change the reading limits.
   *
   * @return a new builder that starts from the default limits
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The shape of a stream of input. */
  public enum Format {
    /** One JSON document: a record or a package. */
    JSON,
    /** Newline-delimited JSON: one record a line. */
    NDJSON;

    /**
     * NDJSON for {@code .ndjson} and {@code .jsonl} files, JSON otherwise.
     *
     * @param file the file, of which only the name is looked at (the case of its extension does
     *     not matter); the file need not exist
     * @return {@link #NDJSON} or {@link #JSON}
     */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      return name.endsWith(".ndjson") || name.endsWith(".jsonl") ? NDJSON : JSON;
    }
  }

  /**
   * What a streaming validation saw.
   *
   * @param records the records checked (a package's initiatives and organisations count one each)
   * @param errors the errors found
   * @param warnings the warnings found
   */
  public record Summary(long records, long errors, long warnings) {
    /**
     * Whether the input is valid.
     *
     * @return true when no error was found (warnings allowed)
     */
    public boolean valid() {
      return errors == 0;
    }
  }

  /**
   * A document's report and, when it has no error, the record it stands for: what {@link
   * #validateAndRead(byte[])} returns.
   */
  public static final class Checked {
    private final ValidationReport report;
    private final @Nullable SstcRecord record;

    private Checked(ValidationReport report, @Nullable SstcRecord record) {
      this.report = report;
      this.record = report.valid() ? record : null;
    }

    /**
     * The verdict on the document.
     *
     * @return the report, warnings included
     */
    public ValidationReport report() {
      return report;
    }

    /**
     * The record the rules were checked on.
     *
     * @return an {@link Initiative}, {@link Organisation} or {@link RecordPackage} when the report is
     *     valid; empty when it has an error
     */
    public Optional<SstcRecord> record() {
      return Optional.ofNullable(record);
    }

    /**
     * Whether the document is valid.
     *
     * @return true when no issue is an error (warnings allowed); then {@link #record()} is present
     */
    public boolean valid() {
      return report.valid();
    }

    @Override
    public String toString() {
      return "Checked[valid=" + report.valid() + ", issues=" + report.issues().size() + "]";
    }
  }

  /**
   * Validates one JSON document (a record or a package) given as UTF-8 bytes.
   *
   * @param json the document; unreadable JSON is reported as {@code json.*} issues, not thrown;
   *     not null
   * @return the report; valid when no issue is an error
   * @throws NullPointerException if {@code json} is null
   */
  public ValidationReport validate(byte[] json) {
    Objects.requireNonNull(json, "json");
    return collect(new ByteArrayInputStream(json), Format.JSON);
  }

  /**
   * Validates a file: NDJSON if its name ends in {@code .ndjson} or {@code .jsonl}, else one JSON
   * document. The whole report is kept in memory; for files of any size use {@link
   * #validateStream(InputStream, Format, Consumer)}.
   *
   * @param file the file to read, UTF-8; not null
   * @return the report; for NDJSON, each pointer starts with the zero-based line index
   * @throws NullPointerException if {@code file} is null
   * @throws java.io.UncheckedIOException if the file cannot be opened or read (the message names
   *     it)
   */
  public ValidationReport validate(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return collect(in, Format.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Validates a model object through the same path as its JSON: the object is written as {@link
   * SstcJson#write(SstcRecord)} writes it, and that JSON is checked against the schema, the
   * codelists and the rules. The issues are the ones {@link #validate(byte[])} gives for those
   * bytes; no second engine (such as Bean Validation) runs.
   *
   * @param record an initiative, organisation or package, built by hand or read; not null
   * @return the report; pointers point into the record's JSON, e.g. {@code /participants/0/id}
   * @throws NullPointerException if {@code record} is null
   */
  public ValidationReport validate(SstcRecord record) {
    Objects.requireNonNull(record, "record");
    return ValidationReport.of(engine.validateTree(json.strictMapper().valueToTree(record)));
  }

  /**
   * Validates a stream in constant memory, handing each issue to {@code onIssue} as it is found.
   * This is the way to check files of any size. To keep every issue, collect them: {@code
   * validateStream(in, format, issues::add)}, then {@link ValidationReport#of(List)}.
   *
   * @param in the input, UTF-8, read to its end; the caller closes it; not null
   * @param format {@link Format#NDJSON} for one record a line, {@link Format#JSON} for one
   *     document; not null
   * @param onIssue called once per issue, in the order found, on the calling thread; not null
   * @return the counts of records, errors and warnings; the issues themselves went to
   *     {@code onIssue}
   * @throws NullPointerException if {@code in}, {@code format} or {@code onIssue} is null
   * @throws java.io.UncheckedIOException if the stream cannot be read
   */
  public Summary validateStream(InputStream in, Format format, Consumer<Issue> onIssue) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(onIssue, "onIssue");
    Engine.Counts counts =
        format == Format.NDJSON
            ? engine.validateNdjson(in, onIssue)
            : engine.validateDocument(in, onIssue);
    return new Summary(counts.records, counts.errors, counts.warnings);
  }

  /**
   * Validates one JSON document and, when it has no error, reads it into the model: the verdict
   * and the record at the cost of one parse and one binding. Use it when you need both, e.g. to
   * show the warnings of a record you then store; {@link SstcJson#read(byte[], Class)} throws
   * instead when the document is not valid.
   *
   * <pre>{@code
   * Validator.Checked checked = validator.validateAndRead(bytes);
   * checked.report().warnings().forEach(System.out::println);
   * checked.record().ifPresent(store::put);
   * }</pre>
   *
   * @param json one JSON document in UTF-8, a record or a package; unreadable JSON is reported as
   *     {@code json.*} issues, not thrown; not null
   * @return the report and, when it is valid, the record the rules were checked on
   * @throws NullPointerException if {@code json} is null
   */
  public Checked validateAndRead(byte[] json) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = this.json.readDocument(json);
    } catch (ValidationException unreadable) {
      return new Checked(unreadable.report(), null);
    }
    SstcRecord[] bound = new SstcRecord[1];
    List<Issue> issues = engine.validateTree(tree, null, record -> bound[0] = record);
    return new Checked(ValidationReport.of(issues), bound[0]);
  }

  private ValidationReport collect(InputStream in, Format format) {
    List<Issue> issues = new ArrayList<>();
    validateStream(in, format, issues::add);
    return ValidationReport.of(issues);
  }

  /** Builds a {@link Validator} with other reading limits. */
  public static final class Builder {
    private JsonLimits limits = JsonLimits.DEFAULT;

    private Builder() {}

    /**
     * How deep objects and arrays may nest (default 64).
     *
     * @param depth the most levels of objects and arrays inside one another; deeper is a
     *     {@code json.limit} issue
     * @return this builder
     * @throws IllegalArgumentException if {@code depth} is zero or negative
     */
    public Builder maxNestingDepth(int depth) {
      limits = new JsonLimits(positive(depth), limits.maxDocumentBytes(), limits.maxRecordBytes(),
          limits.maxStringLength(), limits.maxNumberLength(), limits.maxNameLength());
      return this;
    }

    /**
     * The largest document read whole, in bytes (default 1 GiB).
     *
     * @param bytes the most bytes one JSON document may have; a larger one is a {@code json.limit}
     *     issue
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is zero or negative
     */
    public Builder maxDocumentBytes(long bytes) {
      limits = new JsonLimits(limits.maxNestingDepth(), positive(bytes), limits.maxRecordBytes(),
          limits.maxStringLength(), limits.maxNumberLength(), limits.maxNameLength());
      return this;
    }

    /**
     * The longest NDJSON line, in bytes (default 16 MiB).
     *
     * @param bytes the most bytes one NDJSON line may have, its newline not counted; a longer line
     *     is a {@code json.limit} issue
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is zero or negative
     */
    public Builder maxRecordBytes(int bytes) {
      limits = new JsonLimits(limits.maxNestingDepth(), limits.maxDocumentBytes(), positive(bytes),
          limits.maxStringLength(), limits.maxNumberLength(), limits.maxNameLength());
      return this;
    }

    /**
     * The longest string, in characters (default 1 MiB).
     *
     * @param characters the most characters one JSON string (a value, not a property name) may
     *     have; a longer one is a {@code json.limit} issue
     * @return this builder
     * @throws IllegalArgumentException if {@code characters} is zero or negative
     */
    public Builder maxStringLength(int characters) {
      limits = new JsonLimits(limits.maxNestingDepth(), limits.maxDocumentBytes(), limits.maxRecordBytes(),
          positive(characters), limits.maxNumberLength(), limits.maxNameLength());
      return this;
    }

    /**
     * The validator with these limits.
     *
     * @return a new validator, immutable and thread-safe; build it once and share it: it compiles
     *     the schemas
     */
    public Validator build() {
      return new Validator(limits);
    }

    private static int positive(int value) {
      if (value <= 0) {
        throw new IllegalArgumentException("a limit must be positive: " + value);
      }
      return value;
    }

    private static long positive(long value) {
      if (value <= 0) {
        throw new IllegalArgumentException("a limit must be positive: " + value);
      }
      return value;
    }
  }
}
