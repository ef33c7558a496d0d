package org.sstc.exchange.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.core.ValidationReport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where Jackson is configured: a strict reader (duplicate keys refused, hard
 * limits, exact decimals) and a deterministic writer (fixed property order, absent and empty
 * values left out), so that JSON the SDK wrote reads back and writes again byte for byte.
 */
public final class JsonSupport {
  private final JsonLimits limits;
  private final JsonMapper strictMapper;
  private final JsonMapper recordMapper;
  private final JsonFactory documentFactory;
  /**
   * The quick readers: the same limits and trees, duplicate keys found as the tree is built
   * ({@code FAIL_ON_READING_DUP_TREE_KEY}) instead of by the parser's per-object name set
   * ({@code STRICT_DUPLICATE_DETECTION}, 15% of the time to read a record: benchmarks/README.md,
   * "Stop 24"). They only say "readable" or not: whatever they refuse is read again strictly, for
   * the exact issue (a duplicate found at the end of its value, not at its name, would name
   * another line).
   */
  private final JsonMapper quickDocumentMapper;
  private final JsonMapper quickRecordMapper;
  /** Made when a record is first bound: a run that only validates valid records may never need it. */
  private volatile @Nullable JsonMapper lenientBinder;

  public JsonSupport(JsonLimits limits) {
    this.limits = limits;
    this.documentFactory = factory(limits, limits.maxDocumentBytes());
    JsonFactory recordFactory = factory(limits, limits.maxRecordBytes());
    this.strictMapper = configure(JsonMapper.builder(documentFactory)).build();
    this.recordMapper = configure(JsonMapper.builder(recordFactory)).build();
    this.quickDocumentMapper = quick(limits, limits.maxDocumentBytes());
    this.quickRecordMapper = quick(limits, limits.maxRecordBytes());
  }

  private static JsonMapper quick(JsonLimits limits, long maxDocumentBytes) {
    JsonFactory factory = factoryBuilder(limits, maxDocumentBytes)
        .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    return configure(JsonMapper.builder(factory))
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();
  }

  private static JsonFactory factory(JsonLimits limits, long maxDocumentBytes) {
    return factoryBuilder(limits, maxDocumentBytes).build();
  }

  private static JsonFactoryBuilder factoryBuilder(JsonLimits limits, long maxDocumentBytes) {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxDocumentLength(maxDocumentBytes)
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxNameLength(limits.maxNameLength())
                .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        // Names interned once each, as the parser's symbol table learns them (Jackson 2's
        // default), so that the schema's and the rules' look-ups by name match by identity
        // instead of comparing characters. The JVM collects interned strings no longer used.
        .enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES);
  }

  private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .addModule(ModelModule.create())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .changeDefaultPropertyInclusion(
            incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));
  }

  public JsonLimits limits() {
    return limits;
  }

  /** A parser for whole documents (records and packages) that can read subtrees. */
  public JsonParser documentParser(InputStream in) {
    return strictMapper.createParser(in);
  }

  /** A parser for whole documents given as bytes. */
  public JsonParser documentParser(byte[] document) {
    return strictMapper.createParser(document);
  }

  /** A parser for one record, e.g. a line of NDJSON: a smaller size limit. */
  public JsonParser recordParser(byte[] record) {
    return recordMapper.createParser(record);
  }

  /** Reads trees and writes model objects. */
  public JsonMapper strictMapper() {
    return strictMapper;
  }

  /** Binds an already parsed (and schema-checked) tree to the model, as far as it can. */
  public JsonMapper lenientBinder() {
    JsonMapper binder = lenientBinder;
    if (binder == null) {
      synchronized (this) {
        binder = lenientBinder;
        if (binder == null) {
          // Binding after the schema check: an unknown property or enum value has been reported
          // already, so binding goes on and lets the rules see the rest of the record.
          binder =
              configure(JsonMapper.builder(documentFactory))
                  .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                  .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                  .build();
          lenientBinder = binder;
        }
      }
    }
    return binder;
  }

  /**
   * Parses one whole document strictly (limits, duplicate keys, encoding, nothing after it).
   *
   * @throws ValidationException with the {@code json.*} issue if it cannot be read
   */
  public JsonNode readDocument(byte[] document) {
    Issue encoding = ReadFailures.notUtf8(document, Math.min(4, document.length));
    if (encoding != null) {
      throw new ValidationException("The document", ValidationReport.of(List.of(encoding)));
    }
    JsonNode quick = quickTree(quickDocumentMapper, document, false);
    if (quick != null) {
      return quick;
    }
    JsonParser parser = null;
    try {
      parser = documentParser(document);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ValidationException("The document", ValidationReport.of(List.of(
            Issue.error("json.syntax", "", "the document is empty"))));
      }
      JsonNode tree = parser.readValueAsTree();
      if (parser.nextToken() != null) {
        throw new ValidationException("The document", ValidationReport.of(List.of(
            Issue.error("json.syntax", "", "there is more after the end of the JSON document"))));
      }
      return tree;
    } catch (JacksonException failure) {
      throw new ValidationException(
          "The document", ValidationReport.of(List.of(ReadFailures.toIssue(failure, parser, limits))));
    } catch (NumberFormatException failure) {
      throw new ValidationException(
          "The document", ValidationReport.of(List.of(ReadFailures.numberOutOfRange(failure, parser))));
    } finally {
      if (parser != null) {
        parser.close();
      }
    }
  }

  /**
   * One record (an NDJSON line) as a tree if it is one readable JSON object and nothing else, or
   * null: then the caller reads it strictly ({@link #recordParser}) to say what is wrong.
   */
  public @Nullable JsonNode quickRecord(byte[] record) {
    return quickTree(quickRecordMapper, record, true);
  }

  /**
   * One whole document as a tree if it is one readable JSON object and nothing else, or null:
   * then the caller reads it strictly ({@link #documentParser}) to say what is wrong.
   */
  public @Nullable JsonNode quickDocument(byte[] document) {
    return quickTree(quickDocumentMapper, document, true);
  }

  private static @Nullable JsonNode quickTree(JsonMapper mapper, byte[] document, boolean object) {
    try (JsonParser parser = mapper.createParser(document)) {
      JsonToken first = parser.nextToken();
      if (first == null || (object && first != JsonToken.START_OBJECT)) {
        return null;
      }
      JsonNode tree = parser.readValueAsTree();
      return parser.nextToken() == null ? tree : null;
    } catch (JacksonException | NumberFormatException unreadable) {
      return null; // read again strictly, for the exact issue
    }
  }
}
