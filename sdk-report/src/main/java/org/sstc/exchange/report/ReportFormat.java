package org.sstc.exchange.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable report formats a {@link ValidationRun} writes, besides what it tells its listener.
 *
 * @since 1.0
 */
public enum ReportFormat {
  /** One JSON array, an object a file: the shape of {@code sstc validate --format json}. */
  JSON("sstc-report.json"),
  /**
   * SARIF 2.1.0, for code-scanning dashboards (GitHub's {@code upload-sarif}): a rule a code, a
   * result an issue, located by line and column.
   */
  SARIF("sstc.sarif"),
  /**
   * JUnit XML, for CI test tabs and Surefire-style report readers (hence the {@code TEST-} prefix):
   * a suite a file and a testcase a record.
   */
  JUNIT("TEST-sstc.xml");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  /**
   * The usual name of a report file of this format, e.g. in a build's report directory.
   *
   * @return the file name, e.g. {@code sstc.sarif}
   */
  public String fileName() {
    return fileName;
  }

  /**
   * The format of that name, case-insensitive.
   *
   * @param value a name such as {@code sarif}
   * @return the format
   * @throws IllegalArgumentException for any other name, with the names to use
   */
  public static ReportFormat parse(@Nullable String value) {
    String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    for (ReportFormat format : values()) {
      if (format.name().equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown report format '" + value + "'; use "
            + Arrays.stream(values()).map(ReportFormat::toString).collect(Collectors.joining(", ")));
  }

  /** The name in lower case, as {@link #parse} takes it and the command line's {@code --format}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
