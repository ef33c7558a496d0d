package org.sstc.exchange.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.sstc.exchange.core.internal.json.JsonLimits;
import org.sstc.exchange.core.internal.json.JsonSupport;
import org.sstc.exchange.core.internal.validation.BeanCheck;
import org.sstc.exchange.core.internal.validation.Engine;
import org.sstc.exchange.core.internal.validation.SchemaCheck;
import tools.jackson.databind.JsonNode;

/**
 * Checks documents against the standard: reading limits, the JSON Schema, the codelists and the
 * rules, with one {@link ValidationReport} whatever the input — bytes, a stream, a file, a parsed
 * tree or a model object.
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
 */
public final class Validator {
  private static final Validator STANDARD = builder().build();

  private final Engine engine;
  private final BeanCheck beans;
  private final SstcJson writer;

  private Validator(JsonLimits limits) {
    this.engine = new Engine(new JsonSupport(limits), new SchemaCheck());
    this.beans = new BeanCheck();
    this.writer = SstcJson.standard();
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
   * Validates one JSON document (a record or a package) given as UTF-8 bytes.
   *
   * @param json the document; unreadable JSON is reported as {@code json.*} issues, not thrown
   * @return the report; valid when no issue is an error
   */
  public ValidationReport validate(byte[] json) {
    return validate(new ByteArrayInputStream(json), Format.JSON);
  }

  /**
   * Validates a file: NDJSON if its name ends in {@code .ndjson} or {@code .jsonl}, else one JSON
   * document.
   *
   * @param file the file to read, UTF-8
   * @return the report; for NDJSON, each pointer starts with the zero-based line index
   * @throws java.io.UncheckedIOException if the file cannot be opened or read (the message names
   *     it)
   */
  public ValidationReport validate(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return validate(in, Format.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Validates a stream, which the caller closes; the whole report is kept in memory.
   *
   * @param in the input, UTF-8, read to its end
   * @param format {@link Format#NDJSON} for one record a line, {@link Format#JSON} for one document
   * @return the report; for NDJSON, each pointer starts with the zero-based line index
   */
  public ValidationReport validate(InputStream in, Format format) {
    List<Issue> issues = new ArrayList<>();
    validate(in, format, issues::add);
    return ValidationReport.of(issues);
  }

  /**
   * Validates a stream in constant memory, handing each issue to {@code onIssue} as it is found.
   * This is the way to check files of any size.
   *
   * @param in the input, UTF-8, read to its end; the caller closes it; not null
   * @param format {@link Format#NDJSON} for one record a line, {@link Format#JSON} for one document
   * @param onIssue called once per issue, in the order found, on the calling thread; not null
   * @return the counts of records, errors and warnings; the issues themselves went to
   *     {@code onIssue}
   * @throws NullPointerException if {@code in} or {@code onIssue} is null
   */
  public Summary validate(InputStream in, Format format, Consumer<Issue> onIssue) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(onIssue, "onIssue");
    Engine.Counts counts =
        format == Format.NDJSON
            ? engine.validateNdjson(in, onIssue)
            : engine.validateDocument(in, onIssue);
    return new Summary(counts.records, counts.errors, counts.warnings);
  }

  /**
   * Validates an already parsed document: a record or a package.
   *
   * @param document the tree, e.g. from {@link SstcJson#readTree(byte[])}
   * @return the report; valid when no issue is an error
   */
  public ValidationReport validate(JsonNode document) {
    return ValidationReport.of(engine.validateTree(document));
  }

  /**
   * Validates an already parsed document and, when it has no error, hands {@code whenValid} the
   * record it stands for, bound to the model. Use it when you need both the verdict and the
   * record: the record is the one the rules were checked on, so the document is bound once,
   * where {@code validate(tree)} then {@link SstcJson#bind} would bind it twice.
   *
   * <pre>{@code
   * ValidationReport report = validator.validate(tree, record -> store.put((Initiative) record));
   * }</pre>
   *
   * @param document the tree, e.g. from {@link SstcJson#readTree(byte[])}
   * @param whenValid gets the bound record, once, before this method returns, only when the
   *     document has no error; not null
   * @return the report, warnings included; {@code whenValid} has run when it is valid
   * @throws NullPointerException if {@code whenValid} is null
   */
  public ValidationReport validate(JsonNode document, Consumer<SstcRecord> whenValid) {
    Objects.requireNonNull(whenValid, "whenValid");
    return ValidationReport.of(engine.validateTree(document, null, whenValid));
  }

  /**
   * Validates a model object: Bean Validation on the object, then the same schema and rules as
   * its JSON. The verdict is the one its JSON would get.
   *
   * @param record an initiative, organisation or package, built by hand or read; not null
   * @return the report; pointers point into the record's JSON, e.g. {@code /participants/0/id}
   * @throws NullPointerException if {@code record} is null
   */
  public ValidationReport validate(SstcRecord record) {
    Objects.requireNonNull(record, "record");
    // The rules check the object itself: binding its JSON again would give an equal one.
    List<Issue> fromJson = engine.validateTree(writer.toTree(record), record, null);
    Set<String> pointersSeen = new LinkedHashSet<>();
    fromJson.forEach(issue -> pointersSeen.add(issue.pointer()));
    List<Issue> issues = new ArrayList<>();
    for (Issue issue : beans.check(record)) {
      // The schema already speaks for this value, in the words it would use for the JSON.
      if (!pointersSeen.contains(issue.pointer())) {
        issues.add(issue);
      }
    }
    issues.addAll(fromJson);
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
