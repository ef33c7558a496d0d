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

  @Test
  void aNegativeBudgetIsKeptAsWrittenNotedAndRefused() throws IOException {
    IatiImport imported = IatiAsPublishedTest.crafted("crafted-negative-budget-2.03.xml");
    JsonNode budgets = Completed.json(imported.initiatives().get(0)).get("budgets");
    assertThat(budgets.get(0).path("value").path("amount").asString()).isEqualTo("5000.00");
    assertThat(budgets.get(1).path("value").path("amount").asString()).isEqualTo("-280662.76");
    assertThat(notes(imported, "budget")).singleElement().asString()
        .startsWith("20:4 /iati-activities/iati-activity[1]/budget[2]/value[1]: the budget's value -280662.76 is negative")
        .contains("ask the publisher");
    Completion completion = CompletionProfile.defaultProfile().complete(imported.initiatives().get(0));
    assertThat(validate(completion.record().json()).errors()).extracting(i -> i.code() + " " + i.pointer())
        .containsExactly("schema.pattern /budgets/1/value/amount");
    assertThat(completion.filled()).extracting(ProfileValue::pointer).noneMatch(p -> p.startsWith("/budgets/1/value"));
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
