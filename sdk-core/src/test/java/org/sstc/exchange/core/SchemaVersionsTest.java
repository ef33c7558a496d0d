package org.sstc.exchange.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the validator meets each record's {@code schemaVersion}: the schema of the version a record
 * declares applies; a newer minor is read calmly (unknown members are warnings); a new major is
 * refused with one clear error; a missing or malformed version is an error at {@code
 * /schemaVersion}; a package's records follow the package's version.
 */
class SchemaVersionsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path VALID = Path.of("../schema/test-fixtures/valid");

  private static ObjectNode fixture(String name) throws IOException {
    return (ObjectNode) JSON.readTree(Files.readAllBytes(VALID.resolve(name)));
  }

  private static List<Issue> issues(JsonNode document) {
    return Validator.standard().validate(JSON.writeValueAsBytes(document)).issues();
  }

  private static List<String> summary(List<Issue> issues) {
    return issues.stream().map(i -> i.severity().name() + " " + i.code() + " " + i.pointer()).toList();
  }

  @Test
  void aNewerMinorIsValidAndEachUnknownMemberIsAWarningAtItsPointer() throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.put("schemaVersion", "1.99");
    record.put("carbonFootprint", "low");
    ((ObjectNode) record.get("participants").get(0)).put("website", "https://abc.gov.br");

    List<Issue> issues = issues(record);

    assertEquals(
        List.of("WARNING schema.newer-minor /carbonFootprint", "WARNING schema.newer-minor /participants/0/website"),
        summary(issues).stream().sorted().toList());
    assertTrue(issues.get(0).message().contains("1.99"), issues.get(0).message());
    assertTrue(Validator.standard().validate(JSON.writeValueAsBytes(record)).valid());
  }

  @Test
  void aNewerMinorStillHasItsKnownMembersChecked() throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.put("schemaVersion", "1.99");
    record.put("modality", "bilaterale");

    assertEquals(List.of("ERROR schema.enum /modality"), summary(issues(record)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "0.9", "10.1"})
  void anotherMajorIsOneUnsupportedVersionErrorAndNothingElse(String version) throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.put("schemaVersion", version);
    record.put("whateverTwoPointOhHas", true);
    record.remove("title");

    List<Issue> issues = issues(record);

    assertEquals(List.of("ERROR schema.unsupported-version /schemaVersion"), summary(issues));
    assertTrue(issues.get(0).message().contains(version) && issues.get(0).message().contains("1.x"),
        issues.get(0).message());
  }

  @Test
  void aMissingVersionIsRequired() throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.remove("schemaVersion");

    assertEquals(List.of("ERROR schema.required /schemaVersion"), summary(issues(record)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.0", "v1.0", "1", "", "1.x", " 1.0"})
  void aMalformedVersionIsAnErrorAtSchemaVersion(String version) throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.put("schemaVersion", version);

    List<Issue> issues = issues(record);

    assertEquals(1, issues.size(), issues::toString);
    assertEquals("/schemaVersion", issues.get(0).pointer());
    assertTrue(issues.get(0).isError());
    assertTrue(issues.get(0).message().contains("1.0"), issues.get(0).message());
  }

  @Test
  void aVersionThatIsNotAStringIsATypeError() throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.put("schemaVersion", 1.0);

    assertEquals(List.of("ERROR schema.type /schemaVersion"), summary(issues(record)));
  }

  @Test
  void aPackageWhoseRecordDeclaresAnotherVersionNamesThatRecord() throws IOException {
    ObjectNode pkg = fixture("package.json");
    ObjectNode second = fixture("initiative-minimal.json");
    second.put("id", "XM-DAC-41301-SSTC-2023-0008");
    second.put("schemaVersion", "1.99");
    pkg.withArray("initiatives").add(second);

    List<Issue> issues = issues(pkg);

    assertEquals(List.of("ERROR rule.package-version /initiatives/" + (pkg.get("initiatives").size() - 1) + "/schemaVersion"),
        summary(issues));
    assertTrue(issues.get(0).message().contains("1.99") && issues.get(0).message().contains("its package declares"),
        issues.get(0).message());
  }

  @Test
  void aLaterMinorsMemberInAnEarlierRecordIsAnErrorNamingTheVersionThatHasIt() throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.put("humanitarian", true);

    List<Issue> issues = issues(record);

    assertEquals(List.of("ERROR schema.additionalProperties /humanitarian"), summary(issues));
    assertTrue(issues.get(0).message().contains("part of version 1.1")
        && issues.get(0).message().contains("\"schemaVersion\": \"1.1\""), issues.get(0).message());

    record.put("schemaVersion", "1.1");
    assertEquals(List.of(), summary(issues(record)));
  }

  @Test
  void aMisspelledMemberOfAnEarlierRecordKeepsItsPlainMessage() throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.put("humanitarain", true);

    List<Issue> issues = issues(record);

    assertEquals(List.of("ERROR schema.additionalProperties /humanitarain"), summary(issues));
    assertTrue(issues.get(0).message().contains("check its spelling"), issues.get(0).message());
  }

  @Test
  void aSolutionDeclaringOnePointOhIsToldSolutionsBeginAtOnePointOne() throws IOException {
    ObjectNode record = fixture("initiative-minimal.json");
    record.put("recordType", "solution");

    List<Issue> issues = issues(record);

    assertEquals(List.of("ERROR schema.enum /recordType"), summary(issues));
    assertTrue(issues.get(0).message().contains("from version 1.1"), issues.get(0).message());
  }

  @Test
  void aPackageBuiltWithoutAVersionTakesTheVersionItsRecordsShare() throws IOException {
    Initiative old = SstcJson.standard().read(Files.readAllBytes(VALID.resolve("initiative-minimal.json")), Initiative.class);
    RecordPackage.Builder pkg = RecordPackage.builder()
        .publisher(OrgRef.of("XM-DAC-41301", "FAO"))
        .publishedAt(java.time.OffsetDateTime.parse("2024-05-03T06:00:00Z"));

    RecordPackage ofOld = pkg.initiatives(List.of(old)).build();
    assertEquals("1.0", ofOld.schemaVersion());
    assertTrue(Validator.standard().validate(ofOld).valid(), () -> Validator.standard().validate(ofOld).toString());

    RecordPackage mixed = pkg.addInitiative(old.toBuilder().id(old.id() + "-2").schemaVersion("1.1").build()).build();
    assertEquals(Initiative.CURRENT_VERSION, mixed.schemaVersion());
    assertEquals(List.of("ERROR rule.package-version /initiatives/0/schemaVersion"),
        summary(Validator.standard().validate(mixed).issues()));
  }
}
