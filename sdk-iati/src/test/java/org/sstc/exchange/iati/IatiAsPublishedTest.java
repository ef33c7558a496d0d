package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Severity;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import tools.jackson.databind.JsonNode;

/**
 * IATI as publishers write it (issue 13, first list): one crafted file per lesson of real files,
 * in {@code src/test/resources/iati/crafted/} (see the README there). Each test failed before
 * its fix.
 */
class IatiAsPublishedTest {
  static IatiImport crafted(String name) throws IOException {
    try (InputStream in = IatiAsPublishedTest.class.getResourceAsStream("/iati/crafted/" + name)) {
      assertThat(in).as(name).isNotNull();
      return IatiXml.standard().read(in);
    }
  }

  private static JsonNode json(IatiImport imported, int index) {
    return Completed.json(imported.initiatives().get(index));
  }

  /** The record completed with placeholders (Completed) as JSON, so that the rules, which need a model object, run. */
  private static tools.jackson.databind.node.ObjectNode completedJson(ImportedRecord<Initiative> record) {
    return (tools.jackson.databind.node.ObjectNode) org.sstc.exchange.core.SstcJson.standard()
        .readTree(org.sstc.exchange.core.SstcJson.standard().write(Completed.initiative(record)));
  }

  private static IatiImport roundTrip(IatiImport imported) {
    byte[] exported = IatiXml.standard().write(Completed.pkg(imported));
    assertThat(IatiXml.standard().checkSchema(exported)).isEmpty();
    return IatiXml.standard().read(new ByteArrayInputStream(exported));
  }

  @Test
  void languageTagsAndMediaTypesInAnyCaseAreReadInTheStandardsSpellingAndEachChangeIsNoted() throws IOException {
    IatiImport imported = crafted("crafted-language-and-media-case-2.03.xml");
    JsonNode initiative = json(imported, 0);
    assertThat(initiative.get("title").propertyNames()).containsExactly("en", "fr-FR", "zh-Hant-TW");
    assertThat(initiative.get("description").propertyNames()).containsExactly("en");
    assertThat(initiative.get("documents").get(0).get("format").asString()).isEqualTo("application/pdf");
    assertThat(initiative.get("documents").get(1).get("format").asString()).isEqualTo("text/html");
    assertThat(initiative.get("documents").get(1).get("title").propertyNames()).containsExactly("en-GB");

    // Noted, never silent: once per spelling in the activity, and once per media type.
    List<String> messages = imported.unmapped().stream().map(IatiNote::message).toList();
    assertThat(messages).filteredOn(m -> m.contains("\"EN\" is read as \"en\"")).hasSize(1);
    assertThat(messages).filteredOn(m -> m.contains("\"fr_fr\" is read as \"fr-FR\"") && m.contains("underscore")).hasSize(1);
    assertThat(messages).filteredOn(m -> m.contains("\"ZH-HANT-TW\" is read as \"zh-Hant-TW\"")).hasSize(1);
    assertThat(messages).filteredOn(m -> m.contains("\"en_GB\" is read as \"en-GB\"")).hasSize(1);
    assertThat(imported.unmapped()).filteredOn(n -> n.path().endsWith("document-link[1]/@format")).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("\"APPLICATION/PDF\" is read as \"application/pdf\""));

    // And the validator no longer refuses what the import made of them.
    ValidationReport report = Validator.standard().validate(imported.initiatives().get(0).json());
    assertThat(report.issues()).extracting(Issue::pointer)
        .noneMatch(p -> p.startsWith("/title") || p.startsWith("/documents/"));
  }

  @Test
  void anSdgTargetGivenAsASectorAndAsATagIsOneLinkAndTheRepeatIsNoted() throws IOException {
    IatiImport imported = crafted("crafted-sdg-sector-and-tag-2.03.xml");
    Initiative initiative = Completed.initiatives(imported).get(0);
    assertThat(initiative.sdgs()).extracting(l -> l.goal() + "/" + l.target()).containsExactly("2/2.3", "2/null");
    assertThat(imported.unmapped()).filteredOn(n -> n.message().contains("is given again")).hasSize(2);
    assertThat(initiative.sectors()).hasSize(1);
    // An SSTC package that still holds a repeat (written by hand, or by an older import) is flagged.
    tools.jackson.databind.node.ObjectNode completed = completedJson(imported.initiatives().get(0));
    assertThat(Validator.standard().validate(completed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .issues()).extracting(Issue::code).doesNotContain("rule.sdg-duplicate-link");
    ((tools.jackson.databind.node.ArrayNode) completed.get("sdgs")).add(completed.get("sdgs").get(0).deepCopy());
    ValidationReport report = Validator.standard().validate(completed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(report.issues()).filteredOn(i -> i.code().equals("rule.sdg-duplicate-link")).singleElement()
        .satisfies(i -> {
          assertThat(i.pointer()).isEqualTo("/sdgs/2");
          assertThat(i.severity()).isEqualTo(Severity.WARNING);
          assertThat(i.message()).contains("/sdgs/0").contains("2.3");
        });
  }

  @Test
  void aSecondGeneralDescriptionInAnotherLanguageIsKeptAndOneInARepeatedLanguageIsNamed() throws IOException {
    IatiImport imported = crafted("crafted-two-descriptions-2.03.xml");
    Initiative initiative = Completed.initiatives(imported).get(0);
    assertThat(initiative.description().asMap())
        .containsExactly(Map.entry("it", "Pozzi in tre villaggi."), Map.entry("en", "Wells in three villages."));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.path()).contains("description[3]/narrative[1]"));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.path()).endsWith("description[4]"));
    // Both languages come back (as one description with two narratives).
    assertThat(Completed.initiatives(roundTrip(imported)).get(0).description()).isEqualTo(initiative.description());
  }

  @Test
  void countriesAndSectorsGivenOnTransactionsAreTheInitiativesWithoutPercentagesAndSaidSo() throws IOException {
    IatiImport imported = crafted("crafted-transaction-countries-sectors-2.03.xml");
    JsonNode first = json(imported, 0);
    assertThat(first.get("recipientCountries").toString()).isEqualTo("[{\"code\":\"MZ\"},{\"code\":\"AO\"}]");
    assertThat(first.get("sectors").toString())
        .isEqualTo("[{\"vocabulary\":\"1\",\"code\":\"12220\"},{\"vocabulary\":\"1\",\"code\":\"13020\"}]");
    List<IatiNote> notes = imported.unmapped();
    assertThat(notes).noneMatch(n -> n.message().contains("no place in the SSTC standard")
        && (n.path().contains("/recipient-country") || n.path().contains("/sector")));
    assertThat(notes).anySatisfy(n -> assertThat(n.message()).contains("given on the transactions").contains("MZ, AO")
        .contains("without percentages"));
    // IATI allows one or the other: when the activity gives its own, the transaction's is named.
    JsonNode second = json(imported, 1);
    assertThat(second.get("recipientCountries").toString()).isEqualTo("[{\"code\":\"KE\",\"percentage\":100}]");
    assertThat(notes).anySatisfy(n -> assertThat(n.message()).contains("the activity's are kept"));
    // The aggregated places validate (no percentage, so no percentage sum) and come back on the activity.
    ValidationReport report = Validator.standard().validate(imported.initiatives().get(0).json());
    assertThat(report.issues()).extracting(Issue::code).doesNotContain("rule.percentage-sum");
    assertThat(Completed.initiatives(roundTrip(imported)).get(0).recipientCountries())
        .isEqualTo(Completed.initiatives(imported).get(0).recipientCountries());
  }

  @Test
  void namesThatDifferOnlyInLetterCaseAreOneParticipantAndTheMergeIsNoted() throws IOException {
    IatiImport imported = crafted("crafted-organisation-name-case-2.03.xml");
    Initiative initiative = Completed.initiatives(imported).get(0);
    assertThat(initiative.participants()).hasSize(2);
    assertThat(initiative.participants().get(0).name()).isEqualTo("Food and Agriculture Organization");
    assertThat(initiative.participants().get(0).iatiRoles()).hasSize(2);
    assertThat(initiative.participants().get(1).name()).isEqualTo("Ministry of Fisheries");
    assertThat(imported.unmapped()).filteredOn(n -> n.message().contains("only in letter case")).hasSize(2);
    // A transaction's receiver named in a third spelling is that participant.
    assertThat(initiative.transactions().get(0).receiverId()).isEqualTo(initiative.participants().get(1).id());
  }

  @Test
  void aCarriageReturnSurvivesTheRoundTrip() throws IOException {
    IatiImport imported = crafted("crafted-carriage-return-2.03.xml");
    String text = Completed.initiatives(imported).get(0).description().asMap().get("en");
    assertThat(text).isEqualTo("First line.\r\nSecond line.\r\nThird line.");
    byte[] exported = IatiXml.standard().write(Completed.pkg(imported));
    assertThat(new String(exported, java.nio.charset.StandardCharsets.UTF_8)).contains("First line.&#13;\nSecond line.");
    assertThat(Completed.initiatives(roundTrip(imported)).get(0).description().asMap().get("en")).isEqualTo(text);
  }

  @Test
  void longStandingPublisherIdsAreAWarningNotAnError() throws IOException {
    IatiImport imported = crafted("crafted-legacy-publisher-ids-2.03.xml");
    assertThat(imported.initiatives()).hasSize(5);
    for (ImportedRecord<Initiative> record : imported.initiatives()) {
      // Completed, so that the rules run (they need a model object); then /reportingOrg/id is a warning only.
      tools.jackson.databind.node.ObjectNode completed = completedJson(record);
      ValidationReport report = Validator.standard().validate(completed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String id = completed.get("reportingOrg").get("id").asString();
      assertThat(report.issues()).as(id).filteredOn(i -> i.pointer().equals("/reportingOrg/id")).singleElement()
          .satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.WARNING);
            assertThat(i.code()).isEqualTo("rule.org-id-legacy");
            assertThat(i.message()).contains(id).doesNotContain("/ ? # & |");
          });
      assertThat(report.issues()).as(id).filteredOn(i -> i.pointer().equals("/participants/0/orgId"))
          .extracting(Issue::severity).containsOnly(Severity.WARNING);
    }
  }

  @Test
  void locationsPolicyMarkersAndHumanitarianAreMappedToTheStandard11MembersAndExportedBack() throws IOException {
    IatiImport imported;
    try (InputStream in = getClass().getResourceAsStream("/iati/publishers/crafted-1.1-members-2.03.xml")) {
      imported = IatiXml.standard().read(in);
    }
    Initiative initiative = Completed.initiatives(imported).get(0);
    assertThat(initiative.locations()).isNotEmpty();
    assertThat(initiative.policyMarkers()).isNotEmpty();
    assertThat(initiative.humanitarian()).isNotNull();
    Initiative back = Completed.initiatives(roundTrip(imported)).get(0);
    assertThat(back.locations()).isEqualTo(initiative.locations());
    assertThat(back.policyMarkers()).isEqualTo(initiative.policyMarkers());
    assertThat(back.humanitarian()).isEqualTo(initiative.humanitarian());
  }

  @Test
  void anIati1xFileIsNamedAsNotSupported() throws IOException {
    IatiImport imported = crafted("crafted-version-1.05.xml");
    assertThat(imported.unmapped()).filteredOn(n -> n.path().equals("/iati-activities/@version")).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("1.x").contains("convert the file to IATI 2.03"));
  }
}
