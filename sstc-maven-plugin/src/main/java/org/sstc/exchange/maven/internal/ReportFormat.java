package org.sstc.exchange.maven.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sstc.exchange.core.internal.report.JUnitReporter;
import org.sstc.exchange.core.internal.report.JsonReporter;
import org.sstc.exchange.core.internal.report.SarifReporter;

/**
 * The report files the goal can write besides the build log (the {@code formats} parameter), in
 * the report directory.
 *
 * <p>SARIF and JUnit XML are written by the {@code sstc} command line's own writers, which live in
 * sdk-core's {@code internal.report} package so that the plugin need not depend on sdk-cli (which
 * would bring picocli, the client and OkHttp into Maven): the content rules are the command line's.
 */
public enum ReportFormat {
  /** One JSON array, an object a file: the shape of {@code sstc validate --format json}. */
  JSON("sstc-report.json"),
  /**
   * SARIF 2.1.0, for code-scanning dashboards (GitHub's {@code upload-sarif}): {@code sstc validate
   * --format sarif}, with file URIs relative to the project's directory.
   */
  SARIF("sstc.sarif"),
  /**
   * JUnit XML, for CI test tabs and Surefire-style report readers (hence the {@code TEST-} prefix):
   * {@code sstc validate --format junit}, a suite a file and a testcase a record.
   */
  JUNIT("TEST-sstc.xml");

  /** The SARIF driver's {@code fullName}; its {@code name} is {@code sstc}, as the command line's. */
  static final String TOOL = "sstc:validate (SSTC Exchange Maven plugin)";

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
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
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown report format '" + value + "' in formats; use "
            + Arrays.stream(values()).map(ReportFormat::toString)
                .collect(Collectors.joining(", "))
            + " (the build log always has the text report)");
  }

  /**
   * A writer of this format on {@code out}, which the writer closes when it finishes.
   *
   * @param out the report file
   * @param basedir the project's directory: relative file names start from it (and SARIF's
   *     {@code %SRCROOT%} is it)
   * @return the writer
   * @throws IOException when the writer cannot start the file
   */
  public ReportWriter open(OutputStream out, Path basedir) throws IOException {
    switch (this) {
      case JSON:
        return new SharedFormatWriter(out, JsonReporter::new);
      case SARIF:
        return new SharedFormatWriter(out,
            print -> new SarifReporter(print, TOOL, PluginVersion.get(), basedir));
      case JUNIT:
        return new SharedFormatWriter(out, print -> new JUnitReporter(print, basedir));
      default:
        throw new IllegalStateException(this + " has no writer");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
