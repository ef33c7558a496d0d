package org.sstc.exchange.maven.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.ValidationReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The json report: one JSON array, an object a file, as {@code sstc validate --format json}
 * writes it ({@code file, valid, schemaVersion, issues: [{severity, code, pointer, message,
 * value?, line?}]}). A file's issues are kept until the file ends, because {@code valid} comes
 * first; the array itself is streamed.
 */
final class JsonReportWriter implements ReportWriter {
  /** Decimals exactly as read, as the SDK writes them. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final JsonGenerator json;
  private final List<Issue> issues = new ArrayList<>();
  private String file = "";

  JsonReportWriter(OutputStream out) {
    this.json = MAPPER.createGenerator(out);
    json.writeStartArray();
  }

  @Override
  public void startFile(String name) {
    file = name;
    issues.clear();
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
    json.writeBooleanProperty("valid", report.valid());
    json.writeStringProperty("schemaVersion", report.schemaVersion());
    json.writeArrayPropertyStart("issues");
    for (Issue issue : report.issues()) {
      // Property by property: Issue's bean view would add "error": true, which the report schema refuses.
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
    json.writeEndArray();
    json.writeEndObject();
    issues.clear();
  }

  @Override
  public void finish() {
    json.writeEndArray();
    json.close();
  }
}
