package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.Validator;
import tools.jackson.databind.JsonNode;

/**
 * The completion profile: the default one makes a typical donor's 2.0x file valid (crafted:
 * {@code publishers/crafted-typical-donor-2.03.xml}), every value it adds is listed and kept in the
 * record, and a profile file that is not one is refused with the place of the problem.
 */
class CompletionProfileTest {
  private static final String TYPICAL = "/iati/publishers/crafted-typical-donor-2.03.xml";

  @TempDir Path dir;

  private static IatiImport read(String resource) throws IOException {
    try (InputStream in = CompletionProfileTest.class.getResourceAsStream(resource)) {
      return IatiXml.standard().read(in);
    }
  }

  private static boolean valid(byte[] json) {
    return Validator.standard().validate(json).valid();
  }

  @Test
  void theDefaultProfileMakesATypicalDonorsFileValidWhereTheImportAloneMakesNone() throws IOException {
    List<ImportedRecord<Initiative>> imported = read(TYPICAL).initiatives();
    assertThat(imported).hasSize(20);
    assertThat(imported).noneMatch(record -> valid(record.json()));

    List<Completion> completed = imported.stream().map(CompletionProfile.defaultProfile()::complete).toList();

    long valid = completed.stream().filter(completion -> valid(completion.record().json())).count();
    assertThat(valid * 100 / imported.size()).isGreaterThanOrEqualTo(95);
    // a valid record is a model object too
    assertThat(completed).allMatch(completion -> completion.record().record().isPresent()
        == valid(completion.record().json()));
    // the one left: a global activity with no collaboration type and no country, whose modality
    // nobody can tell; the profile does not guess it
    Completion last = completed.get(19);
    assertThat(Validator.standard().validate(last.record().json()).errors())
        .extracting(issue -> issue.code() + " " + issue.pointer())
        .containsExactly("schema.required /modality");
  }

  @Test
  void eachValueTheProfileAddsIsListedAndKeptInTheRecord() throws IOException {
    ImportedRecord<Initiative> triangular = read(TYPICAL).initiatives().get(8); // collaboration type 8
    Completion completion = CompletionProfile.defaultProfile().complete(triangular);
    JsonNode record = SstcJson.standard().readTree(completion.record().json());

    assertThat(record.path("instrument").asString()).isEqualTo("project");
    assertThat(record.path("participants").findValuesAsString("role"))
        .containsExactly("second-provider", "first-provider", "recipient");
    assertThat(completion.filled()).extracting(ProfileValue::toString).contains(
        "/instrument = \"project\" (defaults.instrument)",
        "/participants/0/role = \"second-provider\" (rules/0 (triangular-roles) (replaces funder, which the importer derived from IATI role 1))",
        "/participants/1/role = \"first-provider\" (rules/0 (triangular-roles))");
    JsonNode kept = record.path("extensions").path(CompletionProfile.EXTENSION_KEY);
    assertThat(kept.path("profile").asString()).isEqualTo("default");
    List<String> pointers = new ArrayList<>();
    kept.path("values").forEach(value -> pointers.add(value.path("pointer").asString()));
    assertThat(pointers).isEqualTo(completion.filled().stream().map(ProfileValue::pointer).toList());
    // each listed pointer names the value the profile put there
    for (JsonNode value : kept.path("values")) {
      assertThat(record.at(value.path("pointer").asString())).isEqualTo(value.path("value"));
    }
  }

  @Test
  void untaggedTextTakesTheProfilesLanguageAndModalityFollowsTheCountries() throws IOException {
    List<ImportedRecord<Initiative>> imported = read(TYPICAL).initiatives();
    JsonNode regional = SstcJson.standard().readTree(CompletionProfile.defaultProfile().complete(imported.get(16)).record().json());
    assertThat(SstcJson.standard().readTree(imported.get(16).json()).path("title").has("und")).isTrue();
    assertThat(regional.path("title").propertyNames()).containsExactly("en");
    assertThat(regional.path("modality").asString()).isEqualTo("regional");

    // no collaboration type, a funder and one recipient country, no implementer: bilateral, the
    // country's government as the recipient, named as added
    Completion bilateral = CompletionProfile.defaultProfile().complete(imported.get(15));
    JsonNode record = SstcJson.standard().readTree(bilateral.record().json());
    assertThat(record.path("modality").asString()).isEqualTo("bilateral");
    assertThat(record.path("participants").get(1).path("name").asString()).isEqualTo("Uganda");
    assertThat(bilateral.filled()).extracting(ProfileValue::pointer).contains("/modality", "/participants/1", "/lastUpdated");
    assertThat(valid(bilateral.record().json())).isTrue();
  }

  @Test
  void whatTheProfileAddedSurvivesExportToIatiAndBack() throws IOException {
    IatiImport imported = read(TYPICAL);
    List<Initiative> complete = imported.initiatives().stream()
        .map(record -> CompletionProfile.defaultProfile().complete(record).record().record())
        .flatMap(java.util.Optional::stream).toList();
    assertThat(complete).hasSize(19);
    RecordPackage pkg = imported.header().record().orElseThrow().toBuilder().initiatives(complete).build();
    java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
    IatiXml.standard().write(pkg, xml);

    IatiImport back = IatiXml.standard().read(new java.io.ByteArrayInputStream(xml.toByteArray()));

    assertThat(back.initiatives()).extracting(record -> record.record().orElseThrow()).isEqualTo(complete);
    assertThat(complete.get(0).extensions()).containsKey(CompletionProfile.EXTENSION_KEY);
  }

  @Test
  void aCompletedOrSstcAuthoredRecordIsLeftAlone() throws IOException {
    ImportedRecord<Initiative> imported = read(TYPICAL).initiatives().get(0);
    Completion once = CompletionProfile.defaultProfile().complete(imported);
    Completion twice = CompletionProfile.defaultProfile().complete(once.record());
    assertThat(twice.filled()).isEmpty();
    assertThat(twice.record().json()).isEqualTo(once.record().json());
  }

  @Test
  void aProfileFileChoosesItsOwnValuesAndRules() throws IOException {
    Path file = dir.resolve("wfp.json");
    Files.writeString(file, """
        {"profile": "wfp-south-south",
         "defaults": {"instrument": "action", "sdgContribution": "principal",
                      "roles": {"1": "funder", "3": "provider", "4": "recipient"}},
         "rules": [{"name": "kenya-is-bilateral",
                    "when": [{"pointer": "/recipientCountries/*/code", "equals": "KE"}],
                    "set": {"/modality": "bilateral", "/supportTypes": ["technical-cooperation"]}}]}
        """);
    CompletionProfile profile = CompletionProfile.load(file);
    List<ImportedRecord<Initiative>> imported = read(TYPICAL).initiatives();
    JsonNode kenya = SstcJson.standard().readTree(profile.complete(imported.get(16)).record().json());
    assertThat(profile.name()).isEqualTo("wfp-south-south");
    assertThat(kenya.path("instrument").asString()).isEqualTo("action");
    assertThat(kenya.path("modality").asString()).isEqualTo("bilateral");
    assertThat(kenya.path("supportTypes").get(0).asString()).isEqualTo("technical-cooperation");
    assertThat(kenya.path("sdgs").get(0).path("contribution").asString()).isEqualTo("principal");
    assertThat(kenya.path("participants").findValuesAsString("role")).containsExactly("funder", "recipient");
    // a rule whose condition does not hold adds nothing
    JsonNode uganda = SstcJson.standard().readTree(profile.complete(imported.get(12)).record().json());
    assertThat(uganda.has("modality")).isFalse();
    assertThat(uganda.has("supportTypes")).isFalse();
  }

  @Test
  void aFileThatIsNoProfileIsRefusedWithThePlaceOfEachProblem() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, """
        {"profile": "bad", "defaults": {"instrument": "programmes", "roles": {"5": "provider"}}}
        """);
    assertThatThrownBy(() -> CompletionProfile.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + ":/defaults/instrument")
        .hasMessageContaining(file + ":/defaults/roles");
    Files.writeString(file, "{\"profile\": ", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CompletionProfile.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + " is not JSON");
    assertThatThrownBy(() -> CompletionProfile.load(dir.resolve("absent.json"))).isInstanceOf(IOException.class);
  }

  @Test
  void theDefaultProfileIsAValidProfileFileThatTheJarShipsWithItsSchema() throws IOException {
    try (InputStream schema = CompletionProfile.class.getResourceAsStream(CompletionProfile.SCHEMA_RESOURCE);
        InputStream profile = CompletionProfile.class.getResourceAsStream(CompletionProfile.DEFAULT_RESOURCE)) {
      assertThat(schema).isNotNull();
      assertThat(profile).isNotNull();
      assertThat(CompletionProfile.parse(profile.readAllBytes(), "default.json").name()).isEqualTo("default");
    }
  }
}
