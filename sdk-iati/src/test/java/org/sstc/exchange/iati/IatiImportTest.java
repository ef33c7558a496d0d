package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.BudgetStatus;
import org.sstc.exchange.core.BudgetType;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.OrganisationRole;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.OtherIdentifier;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.RecipientRegion;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;

/** Importing IATI activity XML: what maps, what is reported with its position, nothing invented. */
class IatiImportTest {
  static IatiImport fixture(String name) {
    try (InputStream in = IatiImportTest.class.getResourceAsStream("/iati/" + name)) {
      return IatiXml.standard().read(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static IatiImport xml(String xml) {
    return IatiXml.standard().read(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String activity(String body) {
    return "<iati-activities version=\"2.03\"><iati-activity xml:lang=\"en\" default-currency=\"USD\" last-updated-datetime=\"2024-01-02T03:04:05Z\">\n"
        + "<iati-identifier>XM-DAC-41301-T1</iati-identifier>\n"
        + "<reporting-org ref=\"XM-DAC-41301\" type=\"40\"><narrative>FAO</narrative></reporting-org>\n"
        + "<title><narrative>Rice</narrative></title>\n"
        + body
        + "<activity-status code=\"2\"/><activity-date type=\"1\" iso-date=\"2020-01-01\"/>\n"
        + "</iati-activity></iati-activities>";
  }

  /** An activity complete for the standard but for what IATI cannot say (modality, instrument): */
  private static final String COMPLETE_BUT_FOR_IATI = "<participating-org ref=\"XM-DAC-41301\" role=\"1\" type=\"40\"><narrative>FAO</narrative></participating-org>"
      + "<collaboration-type code=\"1\"/>";

  @Test
  void anActivityWithoutATitleIsJsonOnlyAndItsReportNamesTheTitle() {
    IatiImport imported = xml(activity(COMPLETE_BUT_FOR_IATI).replace("<title><narrative>Rice</narrative></title>\n", ""));
    ImportedRecord<Initiative> record = imported.initiatives().get(0);

    assertThat(record.record()).isEmpty(); // never an Initiative whose title() is null
    assertThat(record.complete()).isFalse();
    assertThat(record.id()).contains("XM-DAC-41301-T1");
    assertThat(record.line()).isEqualTo(1);
    assertThat(Completed.json(record).has("title")).isFalse();
    assertThat(Completed.json(record).path("reportingOrg").path("name").asString()).isEqualTo("FAO"); // the rest is there
    assertThat(imported.pkg()).isEmpty();
    ValidationReport report = Validator.standard().validate(record.json());
    assertThat(report.errors()).anySatisfy(issue -> {
      assertThat(issue.code()).isEqualTo("schema.required");
      assertThat(issue.pointer()).isEqualTo("/title");
    });
    // the package JSON holds it, and its report names the member under the initiative's place
    assertThat(Validator.standard().validate(imported.packageJson()).errors()).anySatisfy(issue -> {
      assertThat(issue.code()).isEqualTo("schema.required");
      assertThat(issue.pointer()).isEqualTo("/initiatives/0/title");
    });
  }

  @Test
  void anActivityWithoutAnIdentifierIsJsonOnlyWithoutAnIdAndItsReportNamesTheId() {
    IatiImport imported = xml(activity(COMPLETE_BUT_FOR_IATI).replace("<iati-identifier>XM-DAC-41301-T1</iati-identifier>\n", ""));
    ImportedRecord<Initiative> record = imported.initiatives().get(0);

    assertThat(record.record()).isEmpty(); // never an Initiative whose id() is null
    assertThat(record.id()).isEmpty();
    assertThat(record.toString()).isEqualTo("ImportedRecord{initiative, line 1, incomplete}");
    assertThat(Completed.json(record).has("id")).isFalse();
    assertThat(Validator.standard().validate(record.json()).errors()).anySatisfy(issue -> {
      assertThat(issue.code()).isEqualTo("schema.required");
      assertThat(issue.pointer()).isEqualTo("/id");
    });
  }

  @Test
  void aCompleteActivityIsAModelObjectWhoseJsonIsTheOneTheSdkWrites() {
    String extension = "<sstc:initiative xmlns:sstc=\"" + IatiXml.EXTENSION_NAMESPACE + "\" instrument=\"project\"/>";
    IatiImport imported = xml(activity(COMPLETE_BUT_FOR_IATI + extension)
        .replace("<iati-activities version=\"2.03\">", "<iati-activities version=\"2.03\" generated-datetime=\"2024-01-02T03:04:05Z\">"));
    ImportedRecord<Initiative> record = imported.initiatives().get(0);

    assertThat(record.record()).as(record.jsonText()).isPresent();
    assertThat(record.json()).isEqualTo(org.sstc.exchange.core.SstcJson.standard().write(record.record().get()));
    assertThat(imported.header().record()).isPresent();
    assertThat(imported.pkg()).hasValueSatisfying(pkg -> assertThat(pkg.initiatives()).containsExactly(record.record().get()));
    assertThat(Validator.standard().validate(imported.packageJson()).errors()).noneSatisfy(issue ->
        assertThat(issue.code()).isEqualTo("schema.required"));
  }

  @Test
  void importsTheOfficialExampleAndReportsWhatHasNoPlace() {
    IatiImport imported = fixture("activity-standard-example-annotated.xml");
    assertThat(Completed.pkg(imported).initiatives()).hasSize(1);
    Initiative initiative = Completed.pkg(imported).initiatives().get(0);
    assertThat(initiative.id()).isEqualTo("AA-AAA-123456789-ABC123");
    assertThat(initiative.reportingOrg()).isEqualTo(OrgRef.of("AA-AAA-123456789", "Organisation name"));
    assertThat(initiative.title().asMap()).containsEntry("en", "Activity title").containsEntry("fr", "Titre de l'activité").hasSize(3);
    assertThat(initiative.modality()).isEqualTo(Modality.BILATERAL); // collaboration-type 1
    assertThat(initiative.status()).isEqualTo(ActivityStatus.IMPLEMENTATION);
    assertThat(initiative.dates().plannedStart()).hasToString("2012-04-15");
    assertThat(initiative.dates().actualStart()).hasToString("2012-04-28");
    assertThat(initiative.dates().plannedEnd()).hasToString("2015-12-31");
    // the example's refs are placeholders (no registration agency BB-BBB …): kept beside the
    // participants, by participation id, and not as their orgId
    assertThat(initiative.participants()).extracting(Participation::orgId, Participation::iatiRoles)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, List.of(OrganisationRole.FUNDING)),
            org.assertj.core.groups.Tuple.tuple(null, List.of(OrganisationRole.ACCOUNTABLE)),
            org.assertj.core.groups.Tuple.tuple(null, List.of(OrganisationRole.EXTENDING)));
    assertThat(initiative.extensions().get("sstc:participatingOrgRefs")).hasToString(
        "{\"p1\":\"BB-BBB-123456789\",\"p2\":\"CC-CCC-123456789\",\"p3\":\"AA-AAA-123456789\"}");
    assertThat(initiative.participants().get(0).role()).isEqualTo(ParticipationRole.FUNDER);
    assertThat(initiative.recipientCountries()).extracting(RecipientCountry::code).containsExactly("AF", "AG");
    assertThat(initiative.recipientRegions()).extracting(RecipientRegion::vocabulary, RecipientRegion::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "489"), org.assertj.core.groups.Tuple.tuple("99", "A1"));
    assertThat(initiative.budgets()).singleElement().satisfies(b -> {
      assertThat(b.value()).isEqualTo(Money.builder()
          .amount(new java.math.BigDecimal("3000"))
          .currency("EUR")
          .valueDate(java.time.LocalDate.of(2014, 1, 1))
          .build());
      assertThat(b.type()).isEqualTo(BudgetType.ORIGINAL);
    });
    assertThat(initiative.transactions()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("1234");
      assertThat(t.providerId()).isEqualTo("p1"); // BB-BBB-123456789 is participant p1
      assertThat(t.receiverId()).isEqualTo("p3");
    });
    assertThat(initiative.results()).singleElement().satisfies(r -> {
      assertThat(r.indicators()).singleElement().satisfies(i -> {
        assertThat(i.baseline().value()).isEqualByComparingTo("10");
        assertThat(i.target().value()).isEqualByComparingTo("10");
        assertThat(i.actual().value()).isEqualByComparingTo("11");
        assertThat(i.actual().date()).hasToString("2013-03-31");
      });
    });
    Map<String, IatiNote> byPath = imported.unmapped().stream().collect(Collectors.toMap(IatiNote::path, n -> n, (a, b) -> a));
    IatiNote contact = byPath.get("/iati-activities/iati-activity[1]/contact-info[1]");
    assertThat(contact).isNotNull();
    assertThat(contact.line()).isEqualTo(79);
    assertThat(contact.activityId()).isEqualTo("AA-AAA-123456789-ABC123");
    assertThat(byPath).containsKeys(
        "/iati-activities/iati-activity[1]/location[1]/location-id[1]",
        "/iati-activities/iati-activity[1]/location[1]/activity-description[1]",
        "/iati-activities/iati-activity[1]/location[1]/location-class[1]",
        "/iati-activities/iati-activity[1]/location[1]/feature-designation[1]",
        "/iati-activities/iati-activity[1]/description[2]",
        "/iati-activities/iati-activity[1]/tag[1]",
        "/iati-activities/iati-activity[1]/crs-add[1]",
        "/iati-activities/iati-activity[1]/participating-org[1]/@activity-id");
    // what standard 1.1 adds is mapped, not noted
    assertThat(byPath).doesNotContainKeys("/iati-activities/iati-activity[1]/location[1]",
        "/iati-activities/iati-activity[1]/policy-marker[1]", "/iati-activities/iati-activity[1]/@humanitarian");
    assertThat(initiative.schemaVersion()).isEqualTo("1.1");
    assertThat(initiative.humanitarian()).isTrue();
    assertThat(initiative.locations()).hasSize(2);
    assertThat(initiative.locations().get(0)).satisfies(location -> {
      assertThat(location.id()).isEqualTo("AF-KAN");
      assertThat(location.locationReach()).isEqualTo("1");
      assertThat(location.name().asMap()).containsEntry("en", "Location name");
      assertThat(location.description().asMap()).containsEntry("en", "Location description");
      assertThat(location.administrative()).singleElement().satisfies(area -> {
        assertThat(area.vocabulary()).isEqualTo("G1");
        assertThat(area.level()).isEqualTo(1);
        assertThat(area.code()).isEqualTo("1453782");
      });
      assertThat(location.point().latitude()).isEqualByComparingTo("31.616944");
      assertThat(location.point().longitude()).isEqualByComparingTo("65.716944");
      assertThat(location.exactness()).isEqualTo("1");
    });
    assertThat(initiative.policyMarkers()).extracting(m -> m.vocabulary() + "|" + m.code() + "|" + m.significance() + "|" + m.vocabularyUri())
        .containsExactly("1|2|3|null", "1|9|4|null", "99|A1|3|http://example.com/vocab.html");
    // an imported activity is not invented into a valid initiative: the validator says what is missing
    assertThat(imported.initiatives().get(0).record()).isEmpty(); // incomplete: JSON only
    ValidationReport report = Validator.standard().validate(imported.initiatives().get(0).json());
    assertThat(report.valid()).isFalse();
    assertThat(report.issues()).anySatisfy(issue -> assertThat(issue.pointer()).isEqualTo("/instrument"));
  }

  @Test
  void importsTheRealMaecFileAndEveryInitiativeKeepsItsIatiRoles() {
    IatiImport imported = fixture("MAEC_IATI_INDONESIA.xml");
    assertThat(Completed.pkg(imported).initiatives()).hasSize(83);
    assertThat(Completed.pkg(imported).publisher()).isEqualTo(OrgRef.of("ES-DIR3-E04585801", "Ministry of Foreign Affairs and Cooperation, Spain"));
    // generated-datetime has no zone: reported, not guessed
    assertThat(imported.header().record()).isEmpty();
    assertThat(Completed.json(imported.header()).has("publishedAt")).isFalse();
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.path()).isEqualTo("/iati-activities/@generated-datetime"));
    Initiative first = Completed.pkg(imported).initiatives().get(0);
    assertThat(first.id()).isEqualTo("ES-DIR3-E04585801-009-001301");
    assertThat(first.modality()).isEqualTo(Modality.BILATERAL);
    // ref="35" appears twice, with roles 3 and 2: one participation, both IATI roles
    assertThat(first.participants()).extracting(Participation::name, Participation::iatiRoles).contains(
        org.assertj.core.groups.Tuple.tuple("CCAA CAV - País Vasco", List.of(OrganisationRole.EXTENDING, OrganisationRole.ACCOUNTABLE)),
        org.assertj.core.groups.Tuple.tuple("Spain", List.of(OrganisationRole.FUNDING)));
    assertThat(first.title().asMap()).containsEntry("es", "Personas cooperantes voluntarias en organismos internacionales");
    assertThat(first.otherIdentifiers()).containsExactly(OtherIdentifier.of("iati-a1", "009-001301-IDN"));
    // policy markers are mapped (standard 1.1); the 456 of vocabulary 1 with significance=""
    // say nothing and are left out, each with a note
    assertThat(imported.unmapped()).filteredOn(n -> n.path().contains("/policy-marker["))
        .hasSize(456).allSatisfy(n -> assertThat(n.message()).contains("has no significance"));
    assertThat(Completed.pkg(imported).initiatives().stream().mapToInt(i -> i.policyMarkers().size()).sum()).isEqualTo(664 - 456);
    assertThat(first.policyMarkers()).allSatisfy(m -> assertThat(m.vocabulary()).isEqualTo("1"));
    assertThat(imported.unmapped()).allSatisfy(n -> assertThat(n.line()).isPositive());
    long invalid = imported.initiatives().stream().filter(i -> !Validator.standard().validate(i.json()).valid()).count();
    assertThat(invalid).isEqualTo(83); // IATI has no instrument: each needs completing, and says so
    // the gaps are the data's, not the mapping's: what the mapping itself makes is valid where the data is
    assertThat(imported.initiatives()).allSatisfy(i -> assertThat(Validator.standard().validate(i.json()).issues())
        .noneSatisfy(issue -> assertThat(issue.pointer()).startsWith("/otherIdentifiers"))
        .noneSatisfy(issue -> assertThat(issue.pointer()).startsWith("/recipientRegions"))
        .noneSatisfy(issue -> assertThat(issue.pointer()).matches("/(title|description|dates|status|modality).*")));
  }

  @Test
  void aCodeOutsideAClosedIatiListIsLeftOutWithANote() {
    IatiImport imported = xml(activity(
        "<budget type=\"7\" status=\"2\"><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/>"
            + "<value currency=\"USD\" value-date=\"2020-01-01\">10</value></budget>\n"
            + "<transaction><transaction-type code=\"99\"/><transaction-date iso-date=\"2020-02-01\"/>"
            + "<value currency=\"USD\" value-date=\"2020-02-01\">5</value></transaction>\n"));
    // Left out of the JSON, which is then incomplete: a budget and a transaction require a type.
    assertThat(imported.initiatives().get(0).record()).isEmpty();
    tools.jackson.databind.JsonNode json = Completed.json(imported.initiatives().get(0));
    assertThat(json.path("budgets")).singleElement().satisfies(b -> {
      assertThat(b.has("type")).isFalse();
      assertThat(b.path("status").asString()).isEqualTo(BudgetStatus.COMMITTED.code());
    });
    assertThat(json.path("transactions")).singleElement().satisfies(t -> assertThat(t.has("type")).isFalse());
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.message())
        .isEqualTo("type \"7\" is not in IATI's BudgetType codelist, so it is left out: use a code of that list"));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.path()).endsWith("transaction-type[1]/@code"));
  }

  @Test
  void importsTheOfficialOrganisationExampleIntoAnOrganisation() {
    IatiImport imported = fixture("organisation-standard-example-annotated.xml");
    assertThat(Completed.pkg(imported).initiatives()).isEmpty();
    Organisation organisation = Completed.pkg(imported).organisations().get(0);
    assertThat(Completed.pkg(imported).organisations()).hasSize(1);
    assertThat(organisation.id()).isEqualTo("AA-AAA-123456789");
    assertThat(organisation.name().asMap()).containsExactly(Map.entry("en", "Organisation name"), Map.entry("fr", "Nom de l'organisme"));
    assertThat(organisation.orgType()).isEqualTo("40");
    assertThat(organisation.lastUpdated()).isEqualTo(java.time.OffsetDateTime.parse("2014-09-10T07:15:37Z"));
    assertThat(imported.unmapped()).extracting(IatiNote::path).contains(
        "/iati-organisations/iati-organisation[1]/total-budget[1]",
        "/iati-organisations/iati-organisation[1]/recipient-country-budget[1]",
        "/iati-organisations/iati-organisation[1]/document-link[1]");
  }

  @Test
  void importsTheSchemaTestFileWithOnlyRequiredElements() {
    IatiImport imported = fixture("only-required-elements-exist.xml");
    assertThat(Completed.pkg(imported).initiatives()).singleElement().satisfies(i -> assertThat(i.title().asMap()).containsEntry("und", "Xxxxxxx"));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.message()).contains("version \"xx\" is not 2.01 to 2.03"));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.message()).contains("\"und\""));
  }

  @Test
  void collaborationTypeEightIsTriangularAndSdgTagsSectorsAndIndicatorsAreSdgLinks() {
    IatiImport imported = xml(activity(
        "<participating-org ref=\"XM-DAC-41301\" role=\"1\" type=\"40\"><narrative>FAO</narrative></participating-org>\n"
            + "<sector vocabulary=\"7\" code=\"2\"/><sector vocabulary=\"8\" code=\"2.3\"/><sector vocabulary=\"9\" code=\"2.3.1\"/>"
            + "<sector code=\"31120\" percentage=\"100\"/>\n"
            + "<tag vocabulary=\"2\" code=\"17\"/><tag vocabulary=\"3\" code=\"17.9\"/>\n"
            + "<collaboration-type code=\"8\"/>\n"
            + "<result type=\"1\"><title><narrative>R</narrative></title><indicator measure=\"1\"><title><narrative>I</narrative></title>"
            + "<reference vocabulary=\"9\" code=\"12.3.1\"/></indicator></result>\n").replace(
        "<activity-status code=\"2\"/>", "<activity-status code=\"2\"/>"));
    Initiative initiative = Completed.pkg(imported).initiatives().get(0);
    assertThat(initiative.modality()).isEqualTo(Modality.TRIANGULAR);
    assertThat(initiative.sdgs()).extracting(SdgLink::goal, SdgLink::target, SdgLink::indicator).containsExactly(
        org.assertj.core.groups.Tuple.tuple("2", null, null),
        org.assertj.core.groups.Tuple.tuple("2", "2.3", null),
        org.assertj.core.groups.Tuple.tuple("2", "2.3", "2.3.1"),
        org.assertj.core.groups.Tuple.tuple("17", null, null),
        org.assertj.core.groups.Tuple.tuple("17", "17.9", null),
        org.assertj.core.groups.Tuple.tuple("12", "12.3", "12.3.1"));
    // IATI does not say: not invented
    assertThat(Completed.json(imported.initiatives().get(0)).path("sdgs")).allSatisfy(link -> assertThat(link.has("contribution")).isFalse());
    assertThat(initiative.sectors()).containsExactly(Sector.builder()
        .code("31120")
        .percentage(new java.math.BigDecimal("100"))
        .build());
    assertThat(initiative.results().get(0).indicators().get(0).sdgIndicator()).isEqualTo("12.3.1");
    // the validator names the gap (no importer note: a profile that sets it leaves nothing asking)
    assertThat(imported.unmapped()).noneSatisfy(n -> assertThat(n.message()).contains("contribution"));
    assertThat(Validator.standard().validate(imported.initiatives().get(0).json()).issues())
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("/sdgs/0/contribution"));
  }

  @Test
  void otherCollaborationTypesAreReportedNotGuessed() {
    IatiImport imported = xml(activity("<participating-org role=\"1\"><narrative>X</narrative></participating-org><collaboration-type code=\"2\"/>"));
    assertThat(Completed.json(imported.initiatives().get(0)).has("modality")).isFalse();
    assertThat(imported.unmapped()).anySatisfy(n -> {
      assertThat(n.path()).endsWith("/collaboration-type[1]");
      assertThat(n.message()).contains("collaboration-type 2").contains("set modality");
      assertThat(n.line()).isEqualTo(5);
    });
  }

  @Test
  void aTransactionWithAProviderWhoIsNoParticipantIsReported() {
    IatiImport imported = xml(activity("<participating-org ref=\"XM-DAC-41301\" role=\"1\"><narrative>FAO</narrative></participating-org>"
        + "<transaction><transaction-type code=\"3\"/><transaction-date iso-date=\"2020-02-02\"/><value value-date=\"2020-02-02\">12.50</value>"
        + "<provider-org ref=\"XM-DAC-99999\"><narrative>Someone</narrative></provider-org><receiver-org ref=\"XM-DAC-41301\"/></transaction>"));
    Transaction transaction = Completed.pkg(imported).initiatives().get(0).transactions().get(0);
    assertThat(transaction.value()).isEqualTo(Money.builder()
        .amount(new java.math.BigDecimal("12.50"))
        .currency("USD")
        .valueDate(java.time.LocalDate.of(2020, 2, 2))
        .build());
    assertThat(transaction.providerId()).isNull();
    assertThat(transaction.receiverId()).isEqualTo("p1");
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.message()).contains("XM-DAC-99999").contains("not one of the activity's participating-orgs"));
  }
}
