package org.sstc.exchange.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.report.ReportFormat;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The goal's {@code sarif} and {@code junit} reports, checked against the published schemas
 * (copies in {@code src/test/resources/schemas}, see the README there; nothing is fetched), and
 * read for what a code-scanning page or a CI test tab shows: the file, the rule, the pointer and
 * the line.
 *
 * <p>The project is a temporary directory, not the working directory: file names and SARIF's URIs
 * must be relative to the project, as they are when Maven runs the goal from another directory
 * (a multi-module build).
 */
class SarifAndJUnitReportTest {
  private static final String SARIF_ID =
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path project;
  private Path reports;
  private Path broken;
  private final List<String> lines = new ArrayList<>();
  private final ValidationRun.Console console = new ValidationRun.Console() {
    @Override public void error(String line) { lines.add("E " + line); }
    @Override public void warning(String line) { lines.add("W " + line); }
    @Override public void info(String line) { lines.add("I " + line); }
  };

  @BeforeEach
  void project() throws IOException {
    Path data = Files.createDirectories(project.resolve("src/main/sstc"));
    broken = copy("broken-target.json", data.resolve("cassava seeds.json"));
    copy("valid.json", data.resolve("valid.json"));
    copy("withdrawn-country.ndjson", data.resolve("records.ndjson"));
    reports = project.resolve("target/sstc");
  }

  private static Path copy(String record, Path to) throws IOException {
    try (InputStream in = SarifAndJUnitReportTest.class.getResourceAsStream("/records/" + record)) {
      Files.write(to, in.readAllBytes());
    }
    return to;
  }

  private ValidationRun.Outcome run(ReportFormat... formats) throws Exception {
    return new ValidationRun(project, reports, List.of(formats), console)
        .validate(List.of(project.resolve("missing.json")), List.of(project.resolve("src/main/sstc")));
  }

  private static String resource(String name) {
    try (InputStream in = SarifAndJUnitReportTest.class.getResourceAsStream("/schemas/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Error> sarifErrors(JsonNode log) {
    String schema = resource("sarif-schema-2.1.0.json");
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        builder -> builder
            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
            .schemaLoader(loader -> loader.fetchRemoteResources(false))
            .schemas(iri -> iri.equals(SARIF_ID) ? schema : null));
    Schema sarif = registry.getSchema(SchemaLocation.of(SARIF_ID));
    return sarif.validate(log);
  }

  private static void validateJUnit(String xml) throws SAXException, IOException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    Validator validator = factory.newSchema(new StreamSource(new StringReader(resource("JUnit.xsd")))).newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  /** The 1-based line of the first line of {@code file} that contains {@code text}. */
  private static int lineOf(Path file, String text) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  @Test
  void sarifIsValidAndLocatesEachIssueRelativeToTheProject() throws Exception {
    ValidationRun.Outcome outcome = run(ReportFormat.SARIF);

    assertThat(outcome.errors()).isEqualTo(2); // the SDG target, the missing file
    Path file = reports.resolve("sstc.sarif");
    assertThat(lines).contains("I sstc: sarif report in " + file);
    JsonNode log = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(sarifErrors(log)).isEmpty();
    JsonNode sarifRun = log.at("/runs/0");
    assertThat(sarifRun.at("/tool/driver/name").asString()).isEqualTo("sstc");
    assertThat(sarifRun.at("/tool/driver/fullName").asString()).isEqualTo(ValidationRun.TOOL);
    assertThat(sarifRun.at("/originalUriBaseIds/%SRCROOT%/uri").asString())
        .isEqualTo(project.toAbsolutePath().normalize().toUri().toASCIIString());

    List<JsonNode> results = new ArrayList<>();
    sarifRun.get("results").forEach(results::add);
    // Files in the run's order: missing.json (given by name), then the directory's, sorted.
    assertThat(results).extracting(r -> r.get("ruleId").asString())
        .containsExactly("io.unreadable", "rule.sdg-target-goal", "codelist.withdrawn-code");

    JsonNode target = results.get(1);
    assertThat(target.get("level").asString()).isEqualTo("error");
    JsonNode physical = target.at("/locations/0/physicalLocation");
    assertThat(physical.at("/artifactLocation/uri").asString()).isEqualTo("src/main/sstc/cassava%20seeds.json");
    assertThat(physical.at("/artifactLocation/uriBaseId").asString()).isEqualTo("%SRCROOT%");
    int line = lineOf(broken, "\"target\": \"3.4\"");
    assertThat(physical.at("/region/startLine").asInt()).isEqualTo(line);
    String text = Files.readAllLines(broken).get(line - 1);
    assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(text.indexOf("\"3.4\"") + 1);
    assertThat(target.at("/properties/pointer").asString()).isEqualTo("/sdgs/0/target");
    assertThat(target.at("/properties/file").asString()).isEqualTo("src/main/sstc/cassava seeds.json");

    JsonNode warning = results.get(2);
    assertThat(warning.get("level").asString()).isEqualTo("warning");
    assertThat(warning.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
    assertThat(warning.at("/properties/pointer").asString()).isEqualTo("/0/participants/1/country");

    // One rule a code, with its help from sdk-core's RULES.md; the missing file makes the run unsuccessful.
    JsonNode rule = sarifRun.at("/tool/driver/rules").get(target.get("ruleIndex").asInt());
    assertThat(rule.get("id").asString()).isEqualTo("rule.sdg-target-goal");
    assertThat(rule.at("/help/text").asString())
        .contains("Change the goal to the target's goal, or pick a target of that goal.");
    assertThat(sarifRun.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
    assertThat(sarifRun.at("/invocations/0/exitCode").asInt()).isEqualTo(2);
  }

  @Test
  void theSarifSchemaCheckCanFail() throws Exception {
    run(ReportFormat.SARIF);
    ObjectNode log = (ObjectNode) JSON.readTree(Files.readString(reports.resolve("sstc.sarif")));
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");

    assertThat(sarifErrors(log)).as("a level outside the schema's enum must be refused").isNotEmpty();
  }

  @Test
  void junitIsValidWithASuiteAFileAndATestcaseARecord() throws Exception {
    run(ReportFormat.JUNIT, ReportFormat.SARIF);

    assertThat(reports.resolve("sstc.sarif")).exists();
    String xml = Files.readString(reports.resolve("TEST-sstc.xml"), StandardCharsets.UTF_8);
    validateJUnit(xml);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    // A file that cannot be read is an error, not a failure.
    assertThat(xml).contains("<testsuite name=\"missing.json\"")
        .contains("<error type=\"io.unreadable\"");
    // The broken record fails, named by the project-relative file, its id, the rule and the pointer.
    assertThat(xml).contains("<testsuite name=\"src/main/sstc/cassava seeds.json\" package=\"sstc.validate\" id=\"1\"")
        .contains("<testcase name=\"XM-DAC-41301-SSTC-2023-0007\" classname=\"src/main/sstc/cassava seeds.json\" time=\"0\">"
            + "<failure type=\"rule.sdg-target-goal\" message=\"1 error: rule.sdg-target-goal at /sdgs/0/target: ");
    // NDJSON: a testcase a line; the warning fails nothing and is in the suite's output.
    assertThat(xml).contains("<testcase name=\"/0 XM-DAC-41301-SSTC-2023-0007\" classname=\"src/main/sstc/records.ndjson\"")
        .contains("<system-out>/0 XM-DAC-41301-SSTC-2023-0007: warning codelist.withdrawn-code /0/participants/1/country");
    assertThat(xml).contains("name=\"src/main/sstc/valid.json\"")
        .containsPattern("name=\"src/main/sstc/valid.json\"[^>]* tests=\"1\" failures=\"0\" errors=\"0\"");
  }

  @Test
  void theJUnitSchemaCheckCanFail() throws Exception {
    run(ReportFormat.JUNIT);
    String withoutHost = Files.readString(reports.resolve("TEST-sstc.xml")).replace(" hostname=\"localhost\"", "");

    assertThatThrownBy(() -> validateJUnit(withoutHost)).isInstanceOf(SAXException.class);
  }
}
