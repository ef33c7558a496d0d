package org.sstc.exchange.hub.internal;

import java.io.InputStream;
import java.util.List;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.JsonStreams;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Jackson as the hub uses it: sdk-core's own configuration (the same reading limits, duplicate
 * keys refused, exact decimals, offsets kept), through sdk-core's public {@link JsonStreams}.
 *
 * <p>Records are always written by {@link SstcJson#standard()}; this class parses the streams that
 * sdk-core's public API cannot parse one element at a time (a package's arrays), and writes issues.
 * Records are bound by the core validator as it checks them ({@code TreeValidation.validate(validator, tree, whenValid)}).
 */
final class Json {
  /** sdk-core's limit for one NDJSON line. */
  static final int MAX_LINE_BYTES = JsonStreams.maxRecordBytes();

  private Json() {}

  /**
   * A streaming parser with sdk-core's limits but none on a whole document: a bulk body is bounded
   * by the hub's own, configurable limit as it streams in ({@link Limited}).
   */
  static JsonParser parser(InputStream in) {
    return JsonStreams.streamParser(in);
  }

  private static final byte[] NO_ISSUES = {'[', ']'};

  /** Writes issues as a JSON array, each in the form of the validation report schema. */
  static byte[] issues(List<Issue> issues) {
    if (issues.isEmpty()) {
      return NO_ISSUES.clone(); // most of a bulk report's results
    }
    return JsonStreams.mapper().writeValueAsBytes(issues);
  }

  /** Writes a validation report exactly as {@link SstcJson#writeReport} does. */
  static String report(ValidationReport report) {
    return SstcJson.standard().writeReport(report);
  }

  static JsonNode tree(byte[] json) {
    return JsonStreams.mapper().readTree(json);
  }
}
