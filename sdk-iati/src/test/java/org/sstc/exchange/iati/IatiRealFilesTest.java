package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import tools.jackson.databind.JsonNode;

/**
 * What kept real publisher files invalid after the default completion profile (issue 13 item 2),
 * one crafted file per decision ({@code src/test/resources/iati/crafted/}, see the README there):
 * a participating-org ref that is not an org id, an OECD DAC policy marker without significance,
 * a negative budget. Each decision is noted in the import, never silent.
 */
class IatiRealFilesTest {
  private static ValidationReport validate(byte[] json) {
    return Validator.standard().validate(json);
  }

  private static List<String> notes(IatiImport imported, String pathPart) {
    return imported.unmapped().stream().filter(n -> n.path().contains(pathPart))
        .map(n -> n.line() + ":" + n.column() + " " + n.path() + ": " + n.message()).toList();
  }

  @Test
  void aRefThatIsNoOrgIdLeavesTheNamedParticipantWithoutOrgIdAndIsKeptBesideIt() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-participant-refs-not-org-ids-2.03.xml");
    JsonNode initiative = Completed.json(imported.initiatives().get(0));
    JsonNode participants = initiative.get("participants");
    assertThat(participants.get(0).has("orgId")).isFalse(); // "GB": a country code, no org id
    assertThat(participants.get(1).has("orgId")).isFalse(); // "35": a donor's internal code
    assertThat(participants.get(2).get("orgId").asString()).isEqualTo("41AAA"); // legacy DAC code: a warning, kept
    assertThat(initiative.path("extensions").path("sstc:participatingOrgRefs")).hasToString("{\"p1\":\"GB\",\"p2\":\"35\"}");
    // transactions still find their parties by the ref as written
    assertThat(initiative.get("transactions").get(0).get("providerId").asString()).isEqualTo("p1");
    assertThat(initiative.get("transactions").get(0).get("receiverId").asString()).isEqualTo("p2");
    // noted with line and column, once per participant
    assertThat(notes(imported, "iati-activity[1]/participating-org")).containsExactly(
        "9:3 /iati-activities/iati-activity[1]/participating-org[1]/@ref: ref \"GB\" of \"Reino Unido\" is not an organisation identifier"
            + " (org-id.guide's form, a known registration agency and the organisation's number, such as XM-DAC-41114):"
            + " the participant is kept by its name without an orgId, as the standard allows for a partner that has none,"
            + " and the ref in extensions.sstc:participatingOrgRefs (written back as @ref on export); set orgId if the"
            + " organisation has an identifier",
        "10:3 /iati-activities/iati-activity[1]/participating-org[2]/@ref: ref \"35\" of \"CCAA CAV - País Vasco\" is not an"
            + " organisation identifier (org-id.guide's form, a known registration agency and the organisation's number, such as"
            + " XM-DAC-41114): the participant is kept by its name without an orgId, as the standard allows for a partner that"
            + " has none, and the ref in extensions.sstc:participatingOrgRefs (written back as @ref on export); set orgId if"
            + " the organisation has an identifier");

    // with the default profile the record is valid: the refs were the only thing the file got wrong
    Completion completion = CompletionProfile.defaultProfile().complete(imported.initiatives().get(0));
    assertThat(validate(completion.record().json()).errors()).isEmpty();
    assertThat(validate(completion.record().json()).warnings()).extracting(i -> i.code() + " " + i.pointer())
        .contains("rule.org-id-legacy /participants/2/orgId");

    // a nameless partner has nothing else to go by: its ref stays its orgId, and the validator says so
    IatiImport namelessFile = IatiXml.standard().read(new ByteArrayInputStream("""
        <iati-activities version="2.03"><iati-activity>
         <iati-identifier>ES-DIR3-E04585801-REF-2</iati-identifier>
         <reporting-org ref="ES-DIR3-E04585801" type="10"><narrative>Ministerio</narrative></reporting-org>
         <title><narrative xml:lang="es">Sin nombre</narrative></title>
         <participating-org ref="60" role="1"/>
         <activity-status code="2"/><activity-date type="1" iso-date="2024-01-01"/>
        </iati-activity></iati-activities>""".getBytes(StandardCharsets.UTF_8)));
    JsonNode nameless = Completed.json(namelessFile.initiatives().get(0));
    assertThat(nameless.get("participants").get(0).get("orgId").asString()).isEqualTo("60");
    assertThat(nameless.has("extensions")).isFalse();
    assertThat(validate(namelessFile.initiatives().get(0).json()).errors()).extracting(i -> i.pointer())
        .contains("/participants/0/orgId");
  }

  @Test
  void aKeptRefIsWrittenBackAsTheParticipatingOrgsRefAndComesBackTheSame() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-participant-refs-not-org-ids-2.03.xml");
    byte[] exported = IatiXml.standard().write(Completed.pkg(imported));
    assertThat(IatiXml.standard().checkSchema(exported)).isEmpty();
    String xml = new String(exported, StandardCharsets.UTF_8);
    assertThat(xml).contains("<participating-org ref=\"GB\"").contains("<participating-org ref=\"35\"")
        .contains("<provider-org ref=\"GB\"").contains("<receiver-org ref=\"35\"");
    assertThat(xml).doesNotContain("sstc:participatingOrgRefs"); // each is an @ref, not a second copy
    IatiImport back = IatiXml.standard().read(new ByteArrayInputStream(exported));
    assertThat(Completed.pkg(back).initiatives()).isEqualTo(Completed.pkg(imported).initiatives());
    Initiative first = Completed.pkg(back).initiatives().get(0);
    assertThat(first.participants()).extracting(Participation::orgId).containsExactly(null, null, "41AAA");
    assertThat(Completed.pkg(back).initiatives()).hasSize(1);
  }

  @Test
  void anOecdDacPolicyMarkerWithoutSignificanceIsLeftOutWithANote() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-policy-markers-without-significance-2.03.xml");
    JsonNode markers = Completed.json(imported.initiatives().get(0)).get("policyMarkers");
    assertThat(markers).hasSize(2);
    assertThat(markers.get(0)).hasToString("{\"vocabulary\":\"1\",\"code\":\"3\",\"significance\":\"2\"}");
    assertThat(markers.get(1).get("code").asString()).isEqualTo("SEED"); // another vocabulary needs none
    assertThat(notes(imported, "policy-marker")).containsExactly(
        "11:3 /iati-activities/iati-activity[1]/policy-marker[1]: policy marker 1 (OECD DAC CRS) has no significance"
            + " (an empty significance=\"\" is an absent one), which vocabulary 1 requires, and without it says nothing about"
            + " the activity: it is left out; add it to policyMarkers with its significance (0 not targeted … 4 explicit"
            + " primary objective) if the publisher knows it",
        "12:3 /iati-activities/iati-activity[1]/policy-marker[2]: policy marker 2 (OECD DAC CRS) has no significance"
            + " (an empty significance=\"\" is an absent one), which vocabulary 1 requires, and without it says nothing about"
            + " the activity: it is left out; add it to policyMarkers with its significance (0 not targeted … 4 explicit"
            + " primary objective) if the publisher knows it");
    Completion completion = CompletionProfile.defaultProfile().complete(imported.initiatives().get(0));
    assertThat(validate(completion.record().json()).errors()).extracting(i -> i.pointer())
        .noneMatch(pointer -> pointer.startsWith("/policyMarkers"));
  }

  /** The budgets of an IATI file, one line each (type, status, period, value), in the file's order. */
  private static List<String> budgetLines(String xml) {
    List<String> lines = new java.util.ArrayList<>();
    java.util.regex.Matcher budget = java.util.regex.Pattern.compile("(?s)<budget( [^>]*)?>(.*?)</budget>").matcher(xml);
    while (budget.find()) {
      String attributes = budget.group(1) == null ? "" : budget.group(1).replaceAll("\\s+", " ").strip();
      // the export writes the currency on every value (IATI.md); the file's default is the same
      String body = budget.group(2).replaceAll("(?s)<sstc:item[^>]*/>", "").replaceAll(" currency=\"[A-Z]{3}\"", "")
          .replaceAll("\\s+", "");
      lines.add(attributes + " " + body);
    }
    return lines;
  }

  private static CompletionProfile defaultProfileWith(String from, String to) throws IOException {
    try (java.io.InputStream in = CompletionProfile.class.getResourceAsStream(CompletionProfile.DEFAULT_RESOURCE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).contains(from);
      return CompletionProfile.parse(text.replace(from, to).getBytes(StandardCharsets.UTF_8), "changed default");
    }
  }

  @Test
  void aNegativeBudgetIsNotedAndTheDefaultProfileSetsItAsideAndTheExportWritesItBackInItsPlace() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-negative-budget-2.03.xml");
    JsonNode budgets = Completed.json(imported.initiatives().get(0)).get("budgets");
    assertThat(budgets.get(0).path("value").path("amount").asString()).isEqualTo("5000.00");
    assertThat(budgets.get(1).path("value").path("amount").asString()).isEqualTo("-280662.76");
    assertThat(notes(imported, "budget")).singleElement().asString()
        .startsWith("20:4 /iati-activities/iati-activity[1]/budget[2]/value[1]: the budget's value -280662.76 is negative")
        .contains("ask the publisher").contains("\"negativeBudgets\": \"set-aside\"");
    // as imported, and with a profile that keeps negative budgets: refused where it is
    assertThat(validate(imported.initiatives().get(0).json()).errors()).extracting(i -> i.code() + " " + i.pointer())
        .contains("schema.pattern /budgets/1/value/amount");
    Completion kept = defaultProfileWith("\"negativeBudgets\": \"set-aside\"", "\"negativeBudgets\": \"keep\"")
        .complete(imported.initiatives().get(0));
    assertThat(validate(kept.record().json()).errors()).extracting(i -> i.code() + " " + i.pointer())
        .containsExactly("schema.pattern /budgets/1/value/amount");

    // the default profile sets it aside, whole, says so, and the record is valid
    Completion completion = CompletionProfile.defaultProfile().complete(imported.initiatives().get(0));
    assertThat(validate(completion.record().json()).errors()).isEmpty();
    JsonNode record = Completed.json(completion.record());
    assertThat(record.get("budgets")).extracting(b -> b.get("id").asString()).containsExactly("b1", "b3");
    JsonNode aside = record.path("extensions").path("sstc:setAsideByProfile");
    assertThat(aside).hasSize(1);
    assertThat(aside.get(0).get("from").asString()).isEqualTo("/budgets/1");
    assertThat(aside.get(0).get("why").asString()).contains("negative").contains("ask the publisher");
    assertThat(aside.get(0).get("budget")).isEqualTo(budgets.get(1)); // as imported, nothing changed
    assertThat(completion.filled()).filteredOn(v -> v.pointer().equals("/extensions/sstc:setAsideByProfile/0"))
        .singleElement().extracting(ProfileValue::rule).asString().startsWith("negativeBudgets: set-aside");
    assertThat(record.path("extensions").path(CompletionProfile.EXTENSION_KEY).path("values").toString())
        .contains("\"pointer\":\"/extensions/sstc:setAsideByProfile/0\"");

    // the export writes it back as the IATI budget, in its place: IATI -> SSTC -> IATI keeps the budgets
    Initiative initiative = completion.record().record().orElseThrow();
    byte[] exported = IatiXml.standard().write(Completed.pkg(imported).toBuilder().initiatives(List.of(initiative)).build());
    assertThat(IatiXml.standard().checkSchema(exported)).isEmpty();
    String original;
    try (java.io.InputStream in = getClass().getResourceAsStream("/iati/crafted/crafted-negative-budget-2.03.xml")) {
      original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String xml = new String(exported, StandardCharsets.UTF_8);
    assertThat(budgetLines(xml)).hasSize(3).isEqualTo(budgetLines(original));
    assertThat(xml).contains("set-aside=\"true\"");
    // and SSTC -> IATI -> SSTC gives the same record: the budget is set aside again, not doubled
    Initiative back = IatiXml.standard().read(new ByteArrayInputStream(exported)).initiatives().get(0).record().orElseThrow();
    assertThat(org.sstc.exchange.core.SstcJson.standard().writeString(back))
        .isEqualTo(org.sstc.exchange.core.SstcJson.standard().writeString(initiative));
  }

  @Test
  void theOneShareWithoutAPercentageGetsTheRemainderAndOtherSumsAreLeft() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-percentage-remainder-2.03.xml");
    List<Completion> done = imported.initiatives().stream().map(CompletionProfile.defaultProfile()::complete).toList();
    // a region without a percentage beside a country of 16.66 %: 83.34; a sector beside one of 60 %: 40
    assertThat(done.get(0).filled()).filteredOn(v -> v.pointer().endsWith("/percentage")).extracting(ProfileValue::toString)
        .containsExactly(
            "/recipientRegions/0/percentage = 83.34 (defaults.percentageRemainder (the one of the recipient countries and"
                + " regions without a percentage: 100 minus the others' 16.66))",
            "/sectors/1/percentage = 40 (defaults.percentageRemainder (the one of the sectors of vocabulary 1 without a"
                + " percentage: 100 minus the others' 60))");
    assertThat(validate(done.get(0).record().json()).errors()).isEmpty();
    // two without, or more than 100: only the publisher knows; the validator names it
    for (int i : new int[] {1, 2}) {
      assertThat(done.get(i).filled()).extracting(ProfileValue::pointer).noneMatch(p -> p.endsWith("/percentage"));
      assertThat(validate(done.get(i).record().json()).errors()).extracting(issue -> issue.code())
          .contains("rule.percentage-sum");
    }
    // the others make 100 already: nothing to add
    assertThat(done.get(3).filled()).extracting(ProfileValue::pointer).noneMatch(p -> p.endsWith("/percentage"));
    assertThat(validate(done.get(3).record().json()).errors()).isEmpty();
  }

  @Test
  void anIdUnderTheReportingOrgsPreviousIdGetsThatIdFromTheProfileAndIsAWarningNotAnError() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-previous-reporting-org-id-2.03.xml");
    List<Completion> done = imported.initiatives().stream().map(CompletionProfile.defaultProfile()::complete).toList();
    // GB-1-… under GB-GOV-1: the default profile knows GB-1 as DFID's previous id, and says it added it
    assertThat(done.get(0).filled()).filteredOn(v -> v.pointer().startsWith("/otherIdentifiers"))
        .extracting(ProfileValue::toString).containsExactly(
            "/otherIdentifiers/0 = {\"scheme\":\"iati-b1\",\"id\":\"GB-1\"} (defaults.previousReportingOrgIds"
                + " (GB-GOV-1 reported as GB-1 before))");
    ValidationReport first = validate(done.get(0).record().json());
    assertThat(first.errors()).isEmpty();
    assertThat(first.warnings()).extracting(issue -> issue.code()).contains("rule.id-prefix-previous");
    // the file lists GB-1 as other-identifier B1 itself: nothing to add, and the same warning
    assertThat(done.get(1).filled()).extracting(ProfileValue::pointer).noneMatch(p -> p.startsWith("/otherIdentifiers"));
    assertThat(validate(done.get(1).record().json()).errors()).isEmpty();
    // GB-9 is no previous id the profile knows: the id stays an error
    assertThat(done.get(2).filled()).extracting(ProfileValue::pointer).noneMatch(p -> p.startsWith("/otherIdentifiers"));
    assertThat(validate(done.get(2).record().json()).errors()).extracting(issue -> issue.code())
        .contains("rule.id-prefix");
  }

  @Test
  void collaborationTypes3And7AreBilateralAndComeBackAsWritten() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-collaboration-types-2.03.xml");
    JsonNode core = Completed.json(imported.initiatives().get(0));
    assertThat(core.get("modality").asString()).isEqualTo("bilateral");
    assertThat(core.path("extensions").path("sstc:collaborationType").asString()).isEqualTo("3");
    assertThat(Completed.json(imported.initiatives().get(1)).get("modality").asString()).isEqualTo("bilateral");
    assertThat(Completed.json(imported.initiatives().get(2)).has("modality")).isFalse(); // 2: multilateral
    assertThat(notes(imported, "collaboration-type")).containsExactly(
        "13:3 /iati-activities/iati-activity[1]/collaboration-type[1]/@code: collaboration-type 3 (\"Bilateral, core"
            + " contributions to NGOs and other private bodies / PPPs\") is read as modality bilateral, as IATI's"
            + " CollaborationType names it a bilateral flow; the code is kept in extensions.sstc:collaborationType and"
            + " written back on export",
        "23:3 /iati-activities/iati-activity[2]/collaboration-type[1]/@code: collaboration-type 7 (\"Bilateral, ex-post"
            + " reporting on NGOs' activities funded through core contributions\") is read as modality bilateral, as IATI's"
            + " CollaborationType names it a bilateral flow; the code is kept in extensions.sstc:collaborationType and"
            + " written back on export",
        "33:3 /iati-activities/iati-activity[3]/collaboration-type[1]: collaboration-type 2 names no SSTC modality (1, 3, 7"
            + " → bilateral, 8 → triangular; 2 and 4 are multilateral, 6 private, regional has no IATI code): set modality");
    assertThat(validate(CompletionProfile.defaultProfile().complete(imported.initiatives().get(0)).record().json()).errors())
        .isEmpty();
    byte[] exported = IatiXml.standard().write(Completed.pkg(imported));
    assertThat(IatiXml.standard().checkSchema(exported)).isEmpty();
    String xml = new String(exported, StandardCharsets.UTF_8);
    assertThat(xml).contains("<collaboration-type code=\"3\"/>").contains("<collaboration-type code=\"7\"/>")
        .doesNotContain("key=\"sstc:collaborationType\"");
    assertThat(Completed.pkg(IatiXml.standard().read(new ByteArrayInputStream(exported))).initiatives())
        .isEqualTo(Completed.pkg(imported).initiatives());
  }

  @Test
  void aParticipantWithoutANameTakesTheNameTheActivityGivesItsRefOnlyWhenThereIsOne() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-participant-without-name-2.03.xml");
    JsonNode first = Completed.json(imported.initiatives().get(0)).get("participants");
    // the reporting organisation's ref: its name; WFP's ref: WFP, one participant with both roles
    assertThat(first).hasSize(2);
    assertThat(first.get(0).get("name").asString()).isEqualTo("UNDP");
    assertThat(first.get(1).get("name").asString()).isEqualTo("WFP");
    assertThat(first.get(1).get("iatiRoles")).hasToString("[\"4\",\"2\"]");
    assertThat(notes(imported, "iati-activity[1]/participating-org")).containsExactly(
        "8:3 /iati-activities/iati-activity[1]/participating-org[1]: participating-org with ref \"XM-DAC-41114\" has no"
            + " name: it is named \"UNDP\", as the file names the organisation with that ref elsewhere in the activity (the"
            + " same ref is the same organisation); give it its own narrative if it is another",
        "10:3 /iati-activities/iati-activity[1]/participating-org[3]: participating-org with ref \"XM-DAC-41140\" has no"
            + " name: it is named \"WFP\", as the file names the organisation with that ref elsewhere in the activity (the"
            + " same ref is the same organisation); give it its own narrative if it is another");
    assertThat(validate(CompletionProfile.defaultProfile().complete(imported.initiatives().get(0)).record().json()).errors())
        .isEmpty();
    // one ref, two names: which one is unnamed, nothing says; the validator names the gap
    JsonNode second = Completed.json(imported.initiatives().get(1)).get("participants");
    assertThat(second).hasSize(4);
    assertThat(imported.initiatives().get(1).json()).isNotNull();
    assertThat(second.get(3).has("name")).isFalse();
    assertThat(notes(imported, "iati-activity[2]/participating-org[4]")).isEmpty();
    assertThat(validate(imported.initiatives().get(1).json()).errors()).extracting(i -> i.pointer())
        .contains("/participants/3/name");
  }

  @Test
  void noNoteAsksForWhatTheValidatorNamesAndAProfileSets() throws IOException {
    // the SDG contribution and the SSTC role: the validator names them (by JSON Pointer) while
    // absent, and nothing asks for them once the profile has set them
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-sdg-sector-and-tag-2.03.xml");
    assertThat(imported.unmapped()).extracting(IatiNote::message)
        .noneMatch(m -> m.contains("contribution") || m.contains("set its role"));
    assertThat(validate(imported.initiatives().get(0).json()).errors()).extracting(i -> i.pointer())
        .contains("/sdgs/0/contribution");
    Completion completion = CompletionProfile.defaultProfile().complete(imported.initiatives().get(0));
    assertThat(completion.filled()).extracting(ProfileValue::pointer).contains("/sdgs/0/contribution");
    assertThat(validate(completion.record().json()).errors()).extracting(i -> i.pointer())
        .noneMatch(pointer -> pointer.contains("contribution"));
  }
}
