package org.sstc.exchange.report.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.ValidationReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one JSON array, one object a file, as each file ends:
 *
 * <pre>{@code
 * [ { "file": "a.json", "valid": false, "schemaVersion": "1.0",
 *     "issues": [ { "severity": "error", "code": "...", "pointer": "...", "message": "..." } ] } ]
 * }</pre>
 *
 * A file's issues are kept until the file ends, because {@code valid} comes before them; the array
 * itself is streamed. With a limit on the issues a file reports, the ones past it are only counted
 * ({@code "omittedIssues": N} after {@code issues}), so memory stays bounded. {@code sstc validate --format json} prints it, and sstc-maven-plugin writes it
 * as its json report: the same bytes for the same files.
 */
public final class JsonReporter implements Reporter {
  /**
   * Writes values ({@code value} is any JSON) as the SDK does: decimals exactly as read. The
   * target is stdout, so closing the generator leaves it open.
   */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final PrintWriter out;
  private final JsonGenerator json;
  private final List<Issue> issues = new ArrayList<>();
  private String file = "";
  private long omittedErrors;
  private long omittedIssues;

  public JsonReporter(PrintWriter out) {
    this.out = out;
    this.json = MAPPER.createGenerator(out);
    json.writeStartArray();
  }

  @Override
  public void startFile(String name) {
    file = name;
    issues.clear();
    omittedErrors = 0;
    omittedIssues = 0;
  }

  @Override
  public void omitted(long errors, long warnings) {
    omittedErrors = errors;
    omittedIssues = errors + warnings;
  }

  @Override
  public void issue(Issue issue) {
    issues.add(issue);
  }

  @Override
  public void endFile() {
    ValidationReport report = ValidationReport.of(issues);
    json.writeStartObject();
    json.writeStringProperty("file", file);
    json.writeBooleanProperty("valid", report.valid() && omittedErrors == 0);
    json.writeStringProperty("schemaVersion", report.schemaVersion());
    json.writeArrayPropertyStart("issues");
    for (Issue issue : report.issues()) {
      writeIssue(issue);
    }
    json.writeEndArray();
    if (omittedIssues > 0) {
      json.writeNumberProperty("omittedIssues", omittedIssues); // past the run's maxIssues
    }
    json.writeEndObject();
    json.flush();
    issues.clear();
  }

  /**
   * The issue as in {@code validation-report.schema.json}: severity, code, pointer, message, then
   * value and line when present. Written property by property rather than with the mapper,
   * because Issue's bean view also has {@code isError()}, which would add {@code "error": true}
   * (a property the report schema refuses).
   */
  private void writeIssue(Issue issue) {
    json.writeStartObject();
    json.writeStringProperty("severity", issue.severity().code());
    json.writeStringProperty("code", issue.code());
    json.writeStringProperty("pointer", issue.pointer());
    json.writeStringProperty("message", issue.message());
    if (issue.value() != null) {
      json.writeName("value");
      json.writeTree(issue.value());
    }
    if (issue.line() != null) {
      json.writeNumberProperty("line", issue.line().longValue());
    }
    json.writeEndObject();
  }

  @Override
  public void finish(Tally tally) {
    json.writeEndArray();
    json.close(); // leaves out open: AUTO_CLOSE_TARGET is off
    out.println();
    out.flush();
  }
}
