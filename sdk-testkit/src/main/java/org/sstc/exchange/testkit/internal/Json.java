package org.sstc.exchange.testkit.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.InputStream;
import java.util.List;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationReport;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson as the hub uses it, configured as sdk-core configures it (its configuration is internal
 * to sdk-core, so it is repeated here): the same reading limits, duplicate keys refused, exact
 * decimals, offsets kept.
 *
 * <p>Records are always written by {@link SstcJson#standard()}; this class only parses streams
 * that sdk-core's public API cannot parse one element at a time (a package's arrays), and writes
 * issues. Records are bound by the core validator as it checks them ({@code Validator.validate(tree, whenValid)}).
 */
final class Json {
  /** sdk-core's default limits. */
  static final int MAX_NESTING_DEPTH = 64;
  static final int MAX_STRING_LENGTH = 1 << 20;
  static final int MAX_NUMBER_LENGTH = 64;
  static final int MAX_NAME_LENGTH = 1024;
  /** sdk-core's limit for one NDJSON line. */
  static final int MAX_LINE_BYTES = 16 << 20;

  private static final JsonMapper MAPPER = configure(JsonMapper.builder(factory())).build();

  private Json() {}

  private static JsonFactory factory() {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(-1)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .changeDefaultPropertyInclusion(
            incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));
  }

  /** A streaming parser with sdk-core's limits (the caller bounds the total size). */
  static JsonParser parser(InputStream in) {
    return MAPPER.createParser(in);
  }

  
  /** Writes issues as a JSON array, each in the form of the validation report schema. */
  static byte[] issues(List<Issue> issues) {
    return MAPPER.writeValueAsBytes(issues);
  }

  /** Writes a validation report exactly as {@link SstcJson#writeReport} does. */
  static String report(ValidationReport report) {
    return SstcJson.standard().writeReport(report);
  }

  static String read(byte[] json, String field) {
    return MAPPER.readTree(json).path(field).asString("");
  }

  static JsonNode tree(byte[] json) {
    return MAPPER.readTree(json);
  }
}
