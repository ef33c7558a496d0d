package org.sstc.exchange.maven.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report files the goal can write besides the build log (the {@code formats} parameter).
 *
 * <p>SARIF and JUnit XML are reserved: the {@code sstc} command line has those writers, with the
 * protocol of {@link ReportWriter}, but in its own internal package. Once they live where the plugin
 * may use them (not in sdk-cli, which would bring picocli, the client and OkHttp into Maven), each
 * is one {@link #open} case here, and the goal needs nothing else.
 */
public enum ReportFormat {
  /** One JSON array, an object a file: the shape of {@code sstc validate --format json}. */
  JSON("sstc-report.json", true),
  /** SARIF 2.1.0, for code-scanning dashboards: not yet available. */
  SARIF("sstc-report.sarif", false),
  /** JUnit XML, for CI test tabs: not yet available. */
  JUNIT("TEST-sstc.xml", false);

  private final String fileName;
  private final boolean available;

  ReportFormat(String fileName, boolean available) {
    this.fileName = fileName;
    this.available = available;
  }

  /** The name of the report file in the report directory. */
  public String fileName() {
    return fileName;
  }

  /** A format named in {@code formats}, case-insensitive; a clear error for anything else. */
  public static ReportFormat parse(String value) {
    String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    for (ReportFormat format : values()) {
      if (format.name().equals(name)) {
        if (!format.available) {
          throw new IllegalArgumentException(
              "the " + format + " report is not available in this version of the plugin; use json"
                  + " (the build log always has the text report), or sstc validate --format " + format);
        }
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown report format '" + value + "' in formats; use "
            + Arrays.stream(values()).filter(f -> f.available).map(ReportFormat::toString)
                .collect(Collectors.joining(", "))
            + " (the build log always has the text report)");
  }

  /** A writer of this format on {@code out}, which the writer closes when it finishes. */
  public ReportWriter open(OutputStream out) throws IOException {
    switch (this) {
      case JSON:
        return new JsonReportWriter(out);
      default:
        throw new IllegalStateException(this + " has no writer yet");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
