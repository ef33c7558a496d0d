package org.sstc.exchange.report.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), as code-scanning
 * tools such as GitHub's read it: one run; the tool's driver lists a rule for each issue code
 * found, with its help from {@code RULES.md}; one result an issue, with {@code ruleId},
 * {@code level} ({@code error} or {@code warning}), the message, and a physical location: the
 * file's URI relative to the working directory or another base (base {@code %SRCROOT%}) and the line and column
 * of the value the issue's JSON Pointer names (of the nearest enclosing value when the pointer
 * names a missing member). The pointer itself is the result's logical location and is in its
 * property bag, with the offending value.
 *
 * <p>The log is streamed: each file's results are written when the file ends, and the tool's
 * driver with its rules and the invocation come after the results (the members of a JSON object
 * have no order), so memory holds one file's issues and the rules, whatever the number of files.
 * Issues past the run's limit for a file are counted in a notification of the invocation.
 */
public final class SarifReporter implements Reporter {
  /** The {@code $id} of the OASIS SARIF 2.1.0 schema; a name here, never fetched. */
  public static final String SCHEMA =
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final PrintWriter out;
  private final String fullName;
  private final String version;
  private final Path base;
  private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
  private final ArrayNode rules = MAPPER.createArrayNode();
  private final ArrayNode notifications = MAPPER.createArrayNode();
  private @Nullable JsonGenerator json;
  private @Nullable FileIssues file;

  /**
   * The command line's writer: files are named relative to the working directory.
   *
   * @param out where the log goes, when {@link #finish} is called
   * @param version the SDK's version, the driver's {@code version}
   */
  public SarifReporter(PrintWriter out, String version) {
    this(out, "sstc validate (SSTC Exchange SDK)", version, Path.of(""));
  }

  /**
   * A writer whose file names are relative to {@code base}, which is the log's {@code %SRCROOT%}
   * (sstc-maven-plugin: the project's directory). The driver's {@code name} is {@code sstc} whoever
   * writes the log, so that code-scanning tools see one tool and match the results of both.
   *
   * @param out where the log goes, when {@link #finish} is called
   * @param fullName the driver's {@code fullName}, e.g. {@code sstc:validate (SSTC Exchange Maven plugin)}
   * @param version the driver's {@code version}
   * @param base the directory relative file names start from
   */
  public SarifReporter(PrintWriter out, String fullName, String version, Path base) {
    this.out = out;
    this.fullName = fullName;
    this.version = version;
    this.base = base.toAbsolutePath().normalize();
  }

  /** The file between startFile and endFile: a Reporter's calls come in that order. */
  private FileIssues current() {
    return Objects.requireNonNull(file, "startFile comes before addIssue and endFile");
  }

  /** The log's head, up to the open results array, written before the first file. */
  private JsonGenerator json() {
    JsonGenerator generator = json;
    if (generator == null) {
      generator = MAPPER.createGenerator(out);
      generator.writeStartObject();
      generator.writeStringProperty("$schema", SCHEMA);
      generator.writeStringProperty("version", "2.1.0");
      generator.writeArrayPropertyStart("runs");
      generator.writeStartObject();
      generator.writeStringProperty("columnKind", "utf16CodeUnits");
      ObjectNode bases = MAPPER.createObjectNode();
      bases.putObject("%SRCROOT%").put("uri", base.toUri().toASCIIString());
      generator.writeName("originalUriBaseIds");
      generator.writeTree(bases);
      generator.writeArrayPropertyStart("results");
      json = generator;
    }
    return generator;
  }

  @Override
  public void startFile(String name) {
    json();
    file = new FileIssues(name, base);
    file.allRecords = false; // SARIF locates values; it lists no records
  }

  @Override
  public void omitted(long errors, long warnings) {
    ObjectNode notification = notifications.addObject();
    notification.put("level", "note");
    notification.putObject("message").put("text", (errors + warnings) + " more issues of " + current().name
        + " are not listed (" + errors + (errors == 1 ? " error, " : " errors, ") + warnings
        + (warnings == 1 ? " warning" : " warnings") + "): raise the limit on issues a file reports to see them");
    ObjectNode location = notification.putArray("locations").addObject().putObject("physicalLocation")
        .putObject("artifactLocation");
    location.put("uri", current().uri());
    if (current().relative()) {
      location.put("uriBaseId", "%SRCROOT%");
    }
  }

  @Override
  public void issue(Issue issue) {
    current().issues.add(issue);
  }

  @Override
  public void endFile() {
    JsonGenerator generator = json();
    for (Issue issue : current().issues) {
      generator.writeTree(result(issue));
    }
    generator.flush();
    file = null;
  }

  private ObjectNode result(Issue issue) {
    ObjectNode result = MAPPER.createObjectNode();
    result.put("ruleId", issue.code());
    result.put("ruleIndex", rule(issue));
    result.put("level", issue.isError() ? "error" : "warning");
    result.putObject("message").put("text", issue.message());
    ObjectNode location = result.putArray("locations").addObject();
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", current().uri());
    if (current().relative()) {
      artifact.put("uriBaseId", "%SRCROOT%");
    }
    SourceMap.Position at = current().position(issue);
    if (at != null) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", at.line());
      if (at.column() > 0) {
        region.put("startColumn", at.column());
      }
    }
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("fullyQualifiedName", issue.pointer().isEmpty() ? "/" : issue.pointer());
    logical.put("kind", "element");
    ObjectNode properties = result.putObject("properties");
    properties.put("pointer", issue.pointer());
    properties.put("file", current().name);
    if (issue.value() != null) {
      properties.set("value", issue.value());
    }
    if (issue.line() != null) {
      properties.put("line", issue.line());
    }
    return result;
  }

  /** The rule's index in the driver's list, adding the rule on its first use. */
  private int rule(Issue issue) {
    Integer known = ruleIndex.get(issue.code());
    if (known != null) {
      return known;
    }
    RuleHelp.Help help = RuleHelp.of(issue.code());
    ObjectNode rule = rules.addObject();
    rule.put("id", issue.code());
    rule.putObject("shortDescription").put("text", help.meaning());
    rule.putObject("fullDescription").put("text", help.meaning());
    ObjectNode text = rule.putObject("help");
    text.put("text", help.meaning() + " How to fix it: " + help.fix());
    text.put("markdown", help.meaning() + "\n\n**How to fix it:** " + help.fix());
    rule.putObject("defaultConfiguration").put("level", issue.isError() ? "error" : "warning");
    rule.putObject("properties").putArray("tags").add("sstc-exchange");
    ruleIndex.put(issue.code(), rules.size() - 1);
    return rules.size() - 1;
  }

  @Override
  public void finish(Tally tally) {
    JsonGenerator generator = json();
    generator.writeEndArray(); // results
    ObjectNode tool = MAPPER.createObjectNode();
    ObjectNode driver = tool.putObject("driver");
    driver.put("name", "sstc");
    driver.put("fullName", fullName);
    driver.put("version", version);
    driver.set("rules", rules);
    generator.writeName("tool");
    generator.writeTree(tool);
    ArrayNode invocations = MAPPER.createArrayNode();
    ObjectNode invocation = invocations.addObject();
    int exit = tally.unreadableFiles() > 0 ? 2 : tally.invalid() > 0 ? 1 : 0;
    invocation.put("executionSuccessful", tally.unreadableFiles() == 0);
    invocation.put("exitCode", exit);
    if (!notifications.isEmpty()) {
      invocation.set("toolExecutionNotifications", notifications);
    }
    generator.writeName("invocations");
    generator.writeTree(invocations);
    generator.writeEndObject(); // the run
    generator.writeEndArray(); // runs
    generator.writeEndObject();
    generator.close(); // leaves out open: AUTO_CLOSE_TARGET is off
    out.println();
    out.flush();
  }
}
