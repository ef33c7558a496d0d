package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.fixture;
import static org.sstc.exchange.cli.CliRun.sstc;

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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code validate --format sarif|junit}, checked against the published schemas (copies in
 * {@code src/test/resources/schemas}, see the README there; nothing is fetched).
 */
class SarifAndJUnitFormatTest {
  private static final String SARIF_ID =
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

  /** Below the working directory, so that SARIF URIs are relative, as code scanning wants them. */
  private Path dir;

  @BeforeEach
  void makeDir() throws IOException {
    dir = Files.createDirectories(Path.of("target", "format-test-" + UUID.randomUUID()));
  }

  @AfterEach
  void removeDir() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String resource(String name) {
    try (InputStream in = SarifAndJUnitFormatTest.class.getResourceAsStream("/schemas/" + name)) {
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
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  @Test
  void sarifIsValidAndLocatesEachIssue() throws IOException {
    Path broken = fixture("package-third-broken.json", dir.resolve("data/broken.json"));
    Path ndjson = fixture("records.ndjson", dir.resolve("data/records.ndjson"));
    Path warning = fixture("initiative-warning.json", dir.resolve("data/warning.json"));

    CliRun run = sstc("validate", "--format", "sarif", broken.toString(), ndjson.toString(), warning.toString());

    assertEquals(1, run.status, run::toString);
    JsonNode log = CliRun.JSON.readTree(run.out);
    assertEquals(List.of(), sarifErrors(log), run.out);
    assertEquals("2.1.0", log.get("version").asString());
    JsonNode sarifRun = log.get("runs").get(0);
    assertEquals("sstc", sarifRun.at("/tool/driver/name").asString());
    JsonNode results = sarifRun.get("results");
    assertEquals(3, results.size(), run.out);

    JsonNode target = results.get(0);
    assertEquals("rule.sdg-target-goal", target.get("ruleId").asString());
    assertEquals("error", target.get("level").asString());
    JsonNode physical = target.at("/locations/0/physicalLocation");
    assertEquals(dir.resolve("data/broken.json").toString().replace('\\', '/'), physical.at("/artifactLocation/uri").asString());
    assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asString());
    assertEquals(lineOf(broken, "\"target\": \"3.1\""), physical.at("/region/startLine").asInt());
    assertEquals("/initiatives/2/sdgs/0/target", target.at("/properties/pointer").asString());
    assertEquals("/initiatives/2/sdgs/0/target", target.at("/locations/0/logicalLocations/0/fullyQualifiedName").asString());
    // The value's own column: "target": "3.1" — the string starts after the key.
    String line = Files.readAllLines(broken).get(physical.at("/region/startLine").asInt() - 1);
    assertEquals(line.indexOf("\"3.1\"") + 1, physical.at("/region/startColumn").asInt());

    JsonNode enumIssue = results.get(1);
    assertEquals("schema.enum", enumIssue.get("ruleId").asString());
    assertEquals(2, enumIssue.at("/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals("warning", results.get(2).get("level").asString());
    assertEquals(lineOf(warning, "\"99999\""), results.get(2).at("/locations/0/physicalLocation/region/startLine").asInt());

    // One rule a code, with the help from sdk-core/RULES.md.
    JsonNode rules = sarifRun.at("/tool/driver/rules");
    assertEquals(3, rules.size());
    assertEquals("rule.sdg-target-goal", rules.get(target.get("ruleIndex").asInt()).get("id").asString());
    assertTrue(rules.get(0).at("/help/text").asString().contains("Change the goal to the target's goal, or pick a target of that goal."),
        rules.get(0)::toString);
    assertEquals(1, sarifRun.at("/invocations/0/exitCode").asInt());
  }

  @Test
  void theSarifSchemaCheckCanFail() {
    CliRun run = sstc("validate", "--format", "sarif", fixture("records.ndjson", dir.resolve("r.ndjson")).toString());
    ObjectNode log = (ObjectNode) CliRun.JSON.readTree(run.out);
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");

    assertFalse(sarifErrors(log).isEmpty(), "a level outside the schema's enum must be refused");
  }

  @Test
  void sarifOfValidFilesHasNoResultsAndExitsZero() {
    CliRun run = sstc("validate", "--format", "sarif", fixture("package.json", dir.resolve("p.json")).toString());

    assertEquals(0, run.status, run::toString);
    JsonNode log = CliRun.JSON.readTree(run.out);
    assertEquals(List.of(), sarifErrors(log));
    assertEquals(0, log.at("/runs/0/results").size());
  }

  @Test
  void junitIsValidWithATestcaseARecord() throws Exception {
    Path broken = fixture("package-third-broken.json", dir.resolve("broken.json"));
    Path warning = fixture("initiative-warning.json", dir.resolve("warning.json"));
    Path missing = dir.resolve("missing.json");

    CliRun run = sstc("validate", "--format", "junit", broken.toString(), warning.toString(), missing.toString());

    assertEquals(2, run.status, run::toString);
    validateJUnit(run.out);
    String xml = run.out;
    // The package: its header and 3 initiatives and 2 organisations; the third initiative fails.
    assertTrue(xml.contains("name=\"" + broken + "\" package=\"sstc.validate\" id=\"0\""), xml);
    assertTrue(xml.contains("tests=\"6\" failures=\"1\" errors=\"0\""), xml);
    assertTrue(xml.contains("<testcase name=\"/initiatives/2 XM-DAC-41301-SSTC-2024-0011\" classname=\"" + broken
        + "\" time=\"0\"><failure type=\"rule.sdg-target-goal\""), xml);
    // A warning does not fail its record; it is in the suite's output.
    assertTrue(xml.contains("tests=\"1\" failures=\"0\" errors=\"0\""), xml);
    assertTrue(xml.contains("<system-out>XM-DAC-41301-SSTC-2023-0007: warning codelist.open-code /sectors/0/code"), xml);
    // A file that cannot be read is an error, not a failure.
    assertTrue(xml.contains("<error type=\"io.unreadable\""), xml);
  }

  @Test
  void theJUnitSchemaCheckCanFail() {
    CliRun run = sstc("validate", "--format", "junit", fixture("package.json", dir.resolve("p.json")).toString());
    assertEquals(0, run.status, run::toString);
    String withoutHost = run.out.replace(" hostname=\"localhost\"", "");

    assertThrows(SAXException.class, () -> validateJUnit(withoutHost));
  }

  @Test
  void controlCharactersStayValidXml() throws Exception {
    // XML 1.0 cannot hold U+0001 even escaped; a file name may (Linux allows it).
    Path record = fixture("initiative-warning.json", dir.resolve("odd\u0001name.json"));

    CliRun run = sstc("validate", "--format", "junit", record.toString());

    assertEquals(0, run.status, run::toString);
    validateJUnit(run.out);
    assertTrue(run.out.contains("odd\uFFFDname.json"), run.out);
  }
}
