package org.sstc.exchange.core;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.internal.json.Decimals;
import org.sstc.exchange.core.internal.json.JsonLimits;
import org.sstc.exchange.core.internal.json.JsonSupport;
import org.sstc.exchange.core.internal.json.NdjsonLines;
import org.sstc.exchange.core.internal.json.ReadFailures;
import org.sstc.exchange.core.internal.json.TreeValidation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core's own JSON settings, for the modules and tools that read or write SSTC Exchange JSON a
 * piece at a time (the hub's bulk upload, IATI and spreadsheet conversion) instead of through
 * {@link SstcJson} and {@link Validator}: the same reading limits, duplicate keys refused, exact
 * decimals, and NDJSON lines cut at the limit of one record.
 *
 * <p>Records are still best read with {@link SstcJson} and checked with {@link Validator}; use this
 * class only for what they cannot do, such as walking a package's arrays one element at a time.
 *
 * @since 1.0
 */
public final class JsonStreams {
  private static final JsonSupport DEFAULT = new JsonSupport(JsonLimits.DEFAULT);

  /** The default limits without a limit on a whole document: the caller bounds what it streams. */
  private static final JsonSupport UNBOUNDED = new JsonSupport(new JsonLimits(
      JsonLimits.DEFAULT.maxNestingDepth(), Long.MAX_VALUE, JsonLimits.DEFAULT.maxRecordBytes(),
      JsonLimits.DEFAULT.maxStringLength(), JsonLimits.DEFAULT.maxNumberLength(),
      JsonLimits.DEFAULT.maxNameLength()));

  private JsonStreams() {}

  /**
   * The strict mapper the core reads and writes with: duplicate keys refused, decimals exact and
   * written plainly, the default reading limits. Shared: do not reconfigure it.
   *
   * @return the core's strict mapper
   */
  public static JsonMapper mapper() {
    return DEFAULT.strictMapper();
  }

  /**
   * A streaming parser with the core's limits for nesting, strings, numbers, names and one record,
   * but none on the whole stream, which the caller bounds (e.g. a bulk upload's size limit).
   *
   * @param in the stream to parse, closed by the caller
   * @return a parser that can read subtrees one at a time
   */
  public static JsonParser streamParser(InputStream in) {
    return UNBOUNDED.documentParser(in);
  }

  /**
   * The most bytes one record (a document or an NDJSON line) may have.
   *
   * @return the limit of one record, in bytes
   */
  public static int maxRecordBytes() {
    return JsonLimits.DEFAULT.maxRecordBytes();
  }

  /**
   * The lines of an NDJSON stream, each cut at {@link #maxRecordBytes()}.
   *
   * @param in the stream to read, closed by the caller
   * @return a reader of its lines
   */
  public static Lines lines(InputStream in) {
    return new Lines(new NdjsonLines(in, maxRecordBytes()));
  }

  /**
   * The issue ({@code json.limit}) for a number whose exponent no decimal can hold, which Jackson
   * reports as a {@link NumberFormatException} rather than one of its own exceptions.
   *
   * @param failure what Jackson threw
   * @param parser the parser that threw it, for the line and pointer, or null
   * @return the issue, with advice
   */
  public static Issue numberOutOfRange(NumberFormatException failure, @Nullable JsonParser parser) {
    return ReadFailures.numberOutOfRange(failure, parser);
  }

  /**
   * The issue for what Jackson threw while reading a document with this SDK's limits, in the words
   * of the validator: {@code json.limit} (which limit, and how to stay within it), {@code
   * json.duplicate-key}, {@code json.encoding} or {@code json.syntax}, never Jackson's own text.
   *
   * @param failure what Jackson threw
   * @param parser the parser that threw it, for the line and pointer, or null
   * @return the issue, with advice
   * @since 1.1
   */
  public static Issue readFailure(JacksonException failure, @Nullable JsonParser parser) {
    return ReadFailures.toIssue(failure, parser, JsonLimits.DEFAULT);
  }

  /**
   * A decimal as text: plain notation ({@code "1250000.00"}) unless that would be absurdly long
   * (an extreme exponent), then scientific notation.
   *
   * @param value the decimal
   * @return its text
   */
  public static String decimalText(BigDecimal value) {
    return Decimals.text(value);
  }

  /**
   * Validates a document that is already parsed, as {@link Validator#validate(byte[])} validates
   * its bytes: the same schema, codelists and rules, pointers from its root, without writing the
   * tree back to bytes. For modules that parse a piece at a time (the hub's bulk upload, the
   * spreadsheet reader).
   *
   * @param validator the validator whose limits and checks apply; not null
   * @param document a record or a package; not null
   * @return the report
   */
  public static ValidationReport validateTree(Validator validator, JsonNode document) {
    return TreeValidation.validate(validator, document);
  }

  /**
   * Validates a parsed document and, when it has no error, hands {@code whenValid} the record it
   * stands for: the one the rules were checked on, so that the document is bound once.
   *
   * @param validator the validator whose limits and checks apply; not null
   * @param document a record or a package; not null
   * @param whenValid called once with the bound record when the report has no error; not null
   * @return the report
   */
  public static ValidationReport validateTree(
      Validator validator, JsonNode document, Consumer<SstcRecord> whenValid) {
    return TreeValidation.validate(validator, document, whenValid);
  }

  /**
   * The lines of an NDJSON stream as bytes, never holding more than the limit of one record: a
   * longer line is cut there and flagged. A UTF-8 byte-order mark before the first line is skipped.
   */
  public static final class Lines {
    private final NdjsonLines lines;

    private Lines(NdjsonLines lines) {
      this.lines = lines;
    }

    /**
     * Reads the next line.
     *
     * @return the next line without its newline, or null at the end of the stream
     * @throws IOException if the stream cannot be read
     */
    public byte @Nullable [] next() throws IOException {
      return lines.next();
    }

    /**
     * Whether the line {@link #next()} returned last was longer than the limit, and cut there.
     *
     * @return true if the last line was cut
     */
    public boolean overLimit() {
      return lines.overLimit();
    }
  }
}
