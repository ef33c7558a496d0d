package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sstc.exchange.iati.IatiImportTest.activity;
import static org.sstc.exchange.iati.IatiImportTest.xml;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.core.TransactionType;

/** What other publishers' files showed up in the importer, one regression each. */
class IatiOtherPublishersRegressionTest {
  private static final String PARTICIPANT = "<participating-org ref=\"XM-DAC-41301\" role=\"1\" type=\"40\"><narrative>FAO</narrative></participating-org>\n";

  private static String transaction(String ref, String date) {
    return "<transaction" + (ref == null ? "" : " ref=\"" + ref + "\"") + "><transaction-type code=\"2\"/>"
        + "<transaction-date iso-date=\"" + date + "\"/><value value-date=\"" + date + "\">10</value></transaction>\n";
  }

  @Test
  void aGeneratedTransactionIdNeverTakesAnotherTransactionsRefAndARepeatedRefIsNamed() {
    IatiImport imported = xml(activity(PARTICIPANT + transaction("t2", "2020-01-01") + transaction(null, "2020-01-02")
        + transaction("t2", "2020-01-03")));
    List<Transaction> transactions = Completed.pkg(imported).initiatives().get(0).transactions();
    assertThat(transactions).extracting(Transaction::id).containsExactly("t2", "t3", "t4");
    assertThat(imported.unmapped()).filteredOn(n -> n.path().endsWith("transaction[3]/@ref")).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("\"t2\" repeats an earlier transaction's").contains("\"t4\""));

    // The ids written as refs come back unchanged, with no note on them.
    byte[] exported = IatiXml.standard().write(Completed.pkg(imported));
    assertThat(IatiXml.standard().checkSchema(exported)).isEmpty();
    IatiImport back = IatiXml.standard().read(new ByteArrayInputStream(exported));
    assertThat(Completed.pkg(back).initiatives().get(0).transactions()).isEqualTo(transactions);
  }

  @Test
  void aNamespacedIatiRootIsNamedAsSuchNotAsAnotherKindOfFile() {
    assertThatThrownBy(() -> xml("<iati:iati-activities xmlns:iati=\"http://iatistandard.org/\" version=\"2.03\">"
        + "<iati:iati-activity/></iati:iati-activities>"))
        .isInstanceOf(IatiReadException.class)
        .hasMessageContaining("in the namespace \"http://iatistandard.org/\"")
        .hasMessageContaining("remove the namespace declaration");
    assertThatThrownBy(() -> xml("<iati-activities xmlns=\"urn:x\" version=\"2.03\"/>"))
        .isInstanceOf(IatiReadException.class)
        .hasMessageContaining("IATI elements are in no namespace");
  }

  @Test
  void aMissingOrEmptyVersionAndA1xVersionAreNamedClearly() {
    assertThat(xml("<iati-activities version=\"\"/>").unmapped()).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("does not say its IATI version").doesNotContain("null"));
    IatiImport old = xml("<iati-activities version=\"1.05\"><iati-activity><iati-identifier>GB-1-1</iati-identifier>"
        + "<title>A 1.05 title</title></iati-activity></iati-activities>");
    assertThat(old.unmapped()).filteredOn(n -> n.path().equals("/iati-activities/@version")).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("1.x").contains("convert the file to IATI 2.03"));
    // Its texts are not lost silently either.
    assertThat(old.unmapped()).anySatisfy(n -> assertThat(n.path()).isEqualTo("/iati-activities/iati-activity[1]/title[1]/text()"));
  }

  @Test
  void itemsLackingWhatTheStandardRequiresAreJsonOnlyAndOnceCompletedExportAndComeBack() {
    // Real files (IATI Publisher's among them) have a budget without its period, a document
    // without a format, a result indicator without a measure: the export used to be refused.
    IatiImport imported = xml(activity(PARTICIPANT
        + "<budget type=\"1\" status=\"2\"><value currency=\"USD\">120000</value></budget>\n"
        + "<budget type=\"1\"><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/>"
        + "<value value-date=\"2020-01-01\">5</value></budget>\n"
        + "<transaction><transaction-date iso-date=\"2020-01-01\"/><value value-date=\"2020-01-01\">7</value></transaction>\n"
        + transaction(null, "2020-02-01")
        + "<document-link url=\"http://example.org/a.pdf\"><title><narrative>A</narrative></title><category code=\"A01\"/></document-link>\n"
        + "<result type=\"1\"><title><narrative>R</narrative></title><indicator><title><narrative>I</narrative></title></indicator></result>\n"));
    Initiative initiative = Completed.pkg(imported).initiatives().get(0);
    assertThat(initiative.budgets()).hasSize(2);
    assertThat(initiative.transactions()).hasSize(2);
    assertThat(initiative.documents()).hasSize(1);
    assertThat(initiative.results()).hasSize(1);

    byte[] exported = IatiXml.standard().write(Completed.pkg(imported));
    assertThat(IatiXml.standard().checkSchema(exported)).isEmpty();
    String text = new String(exported, java.nio.charset.StandardCharsets.UTF_8);
    // The budget without its period, the transaction without its type, the indicator without its
    // measure and the document without its format lack what the standard requires too: JSON
    // only, until completed (here by Completed), and then IATI holds them.
    assertThat(imported.initiatives().get(0).record()).isEmpty();
    tools.jackson.databind.JsonNode json = Completed.json(imported.initiatives().get(0));
    assertThat(json.path("budgets").path(0).has("periodStart")).isFalse();
    assertThat(json.path("transactions").path(0).has("type")).isFalse();
    assertThat(json.path("results").path(0).path("indicators").path(0).has("measure")).isFalse();
    assertThat(json.path("documents").path(0).has("format")).isFalse();
    assertThat(text).doesNotContain("<sstc:record");
    IatiImport back = IatiXml.standard().read(new ByteArrayInputStream(exported));
    assertThat(Completed.pkg(back).initiatives()).containsExactly(initiative);
    assertThat(back.unmapped()).noneSatisfy(n -> assertThat(n.path()).contains("sstc:record"));
  }

  @Test
  void aNumberWithAHugeExponentOrAMegabyteOfDigitsIsNamedAndLeftOutNotExpandedOnExport() {
    String budget = "<budget><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/>"
        + "<value value-date=\"2020-01-01\">%s</value></budget>\n";
    IatiImport imported = xml(activity(PARTICIPANT
        + "<recipient-country code=\"KE\" percentage=\"1e999999999\"/>\n"
        + budget.formatted("1E999999999") + budget.formatted("9".repeat(1_000_000)) + budget.formatted("-1500.25")));
    // What is left out leaves the budget incomplete: JSON only, the amount absent
    tools.jackson.databind.JsonNode budgets = Completed.json(imported.initiatives().get(0)).path("budgets");
    assertThat(budgets).extracting(b -> b.path("value").path("amount").asString(null)).containsExactly(null, null, "-1500.25");
    assertThat(imported.unmapped()).filteredOn(n -> n.message().contains("is not a decimal number")).hasSize(2)
        .allSatisfy(n -> assertThat(n.message().length()).isLessThan(300));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.path()).endsWith("recipient-country[1]/@percentage"));
    byte[] exported = IatiXml.standard().write(Completed.pkg(imported));
    assertThat(IatiXml.standard().checkSchema(exported)).isEmpty();
  }

  @Test
  void theWriterRefusesAnAmountWhosePlainFormWouldBeHugeInsteadOfRunningOutOfMemory() {
    Initiative initiative = Completed.pkg(xml(activity(PARTICIPANT + transaction(null, "2020-01-01")))).initiatives().get(0);
    Transaction huge = Transaction.builder()
        .id("t1")
        .type(TransactionType.OUTGOING_COMMITMENT)
        .date(java.time.LocalDate.parse("2020-01-01"))
        .value(Money.builder().amount(new java.math.BigDecimal("1E999999999")).currency("USD").build())
        .build();
    RecordPackage pkg = header()
        .initiatives(List.of(initiative.toBuilder().transactions(List.of(huge)).build()))
        .build();
    assertThatThrownBy(() -> IatiXml.standard().write(pkg))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1000 digits");
  }

  @Test
  void theLayoutAroundAPrettyPrintedNarrativeIsNotPartOfTheText() {
    // DFID's 2.03 files write <narrative>\nUK Core Support …\n</narrative>.
    IatiImport imported = xml("<iati-activities version=\"2.03\"><iati-activity xml:lang=\"en\">"
        + "<iati-identifier>GB-GOV-1-1</iati-identifier><title><narrative>\n   UK Core Support\n  to WFP \n</narrative></title>"
        + "<description><narrative xml:lang=\"fr\">\n\tSoutien\n</narrative></description></iati-activity></iati-activities>");
    Initiative initiative = Completed.pkg(imported).initiatives().get(0);
    assertThat(initiative.title().asMap()).containsExactly(java.util.Map.entry("en", "UK Core Support\n  to WFP"));
    assertThat(initiative.description().asMap()).containsExactly(java.util.Map.entry("fr", "Soutien"));
  }

  @Test
  void aDecimalLongerThanLibxml2AcceptsIsNamedSoTheExportValidatesThereToo() {
    // xmllint and lxml refuse an xsd:decimal of more than 24 digits (fraction's trailing zeros count).
    String budget = "<budget><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/>"
        + "<value value-date=\"2020-01-01\">%s</value></budget>\n";
    IatiImport imported = xml(activity(PARTICIPANT + budget.formatted("99999999999999999999999999999999.123456789")
        + budget.formatted("1.00000000000000000000000000") + budget.formatted("+0012345678901234567890123.4")
        + budget.formatted("123456789012345678.123456")));
    assertThat(Completed.json(imported.initiatives().get(0)).path("budgets")).extracting(b -> b.path("value").path("amount").asString(null))
        .containsExactly(null, null, "12345678901234567890123.4", "123456789012345678.123456");
    assertThat(imported.unmapped()).filteredOn(n -> n.message().contains("at most 24 digits")).hasSize(2);
  }

  @Test
  void anUnderscoredLanguageIsHyphenatedAndAnUnreadableOneKeptAsUndeterminedBothNoted() {
    IatiImport imported = xml("<iati-activities version=\"2.03\"><iati-activity xml:lang=\"en_GB\">"
        + "<iati-identifier>GB-GOV-1-1</iati-identifier><title><narrative>Title</narrative>"
        + "<narrative xml:lang=\"fr_FR\">Titre</narrative><narrative xml:lang=\"pt BR\">Título</narrative></title>"
        + "</iati-activity></iati-activities>");
    assertThat(Completed.pkg(imported).initiatives().get(0).title().asMap())
        .containsExactly(java.util.Map.entry("en-GB", "Title"), java.util.Map.entry("fr-FR", "Titre"), java.util.Map.entry("und", "Título"));
    assertThat(imported.unmapped()).filteredOn(n -> n.message().contains("underscore")).hasSize(2);
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.message()).contains("\"pt BR\" is not a language tag"));
  }

  @Test
  void aForeignElementIsNamedWithItsNamespaceSoItIsNotTakenForAnIatiOne() {
    IatiImport imported = xml(activity(PARTICIPANT + "<x:status xmlns:x=\"urn:x\">foo</x:status>\n"));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.path()).isEqualTo("/iati-activities/iati-activity[1]/{urn:x}status[1]"));
  }

  @Test
  void anUndeclaredIso88591FileNamesTheAccentedByteAndItsColumnNotTheLetterAfterIt() {
    byte[] latin = ("<iati-activities version=\"2.03\">\n<iati-activity><iati-identifier>X</iati-identifier>"
        + "<title><narrative>Cooperaci\u00f3n</narrative></title></iati-activity></iati-activities>")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> IatiXml.standard().read(new ByteArrayInputStream(latin)))
        .isInstanceOfSatisfying(IatiReadException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(79); // the ó
        })
        .hasMessageContaining("byte 0xF3 is not valid UTF-8 here").hasMessageContaining("ISO-8859-1")
        .hasMessageContaining("declare its encoding");
  }

  @Test
  void aNoteGivesTheLineAndColumnOfTheStartTagsLessThanSignEvenForATagOverSeveralLines() {
    // The JDK parser reports the position after a start tag's '>': for a tag written over several
    // lines that was the wrong line, and the column was never the tag's.
    IatiImport imported = xml("<iati-activities version=\"2.03\"><iati-activity\n"
        + "   xml:lang=\"en\"><iati-identifier>X-1</iati-identifier><contact-info/>\n"
        + " <!-- c --><humanitarian-scope\n    type=\"a\"\n/>text<planned-disbursement  />&amp;<capital-spend percentage=\"1\"/><![CDATA[x]]><fss/>"
        + "</iati-activity>\n</iati-activities>");
    java.util.Map<String, String> positions = new java.util.HashMap<>();
    imported.unmapped().forEach(n -> positions.put(n.path().replace("/iati-activities/iati-activity[1]", ""), n.line() + ":" + n.column()));
    assertThat(positions).containsEntry("/contact-info[1]", "2:56").containsEntry("/humanitarian-scope[1]", "3:12")
        .containsEntry("/planned-disbursement[1]", "5:7").containsEntry("/capital-spend[1]", "5:37").containsEntry("/fss[1]", "5:81")
        .containsEntry("/text()", "1:33");
  }

  @Test
  void aNarrativeInheritsXmlLangFromAnyAncestorUpToTheFileAsXmlSays() {
    // Some publishers set xml:lang once, on <iati-activities>; others on the element holding the narratives.
    IatiImport imported = xml("<iati-activities version=\"2.03\" xml:lang=\"fr\"><iati-activity>"
        + "<iati-identifier>X-1</iati-identifier><title><narrative>Titre</narrative></title>"
        + "<description xml:lang=\"es\"><narrative>Descripción</narrative><narrative xml:lang=\"en\">Description</narrative></description>"
        + "</iati-activity></iati-activities>");
    Initiative initiative = Completed.pkg(imported).initiatives().get(0);
    assertThat(initiative.title().asMap()).containsExactly(java.util.Map.entry("fr", "Titre"));
    assertThat(initiative.description().asMap()).containsExactly(java.util.Map.entry("es", "Descripción"), java.util.Map.entry("en", "Description"));
    assertThat(imported.unmapped()).noneSatisfy(n -> assertThat(n.message()).contains("und"));
  }

  @Test
  void participatingOrgsWithNeitherRefNorNameAreNotMergedIntoOneOrganisation() {
    // World Bank's pre-1.0 sample: three participating-orgs with ref="" and their names as text.
    IatiImport imported = IatiImportTest.fixture("publishers/world-bank-sample-pre-1.0.xml");
    List<Participation> participants = Completed.pkg(imported).initiatives().get(0).participants();
    // Pre-1.0 IATI wrote roles as words, which are not OrganisationRole codes: each is left out
    // with a note naming it, and the three participations stay three.
    assertThat(participants).hasSize(3).allSatisfy(p -> assertThat(p.iatiRoles()).isEmpty());
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.message())
        .contains("role \"donor\" is not in IATI's OrganisationRole codelist"));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.path()).endsWith("participating-org[3]/text()"));
  }

  @Test
  void anOrganisationFileGetsTheSameLanguageAndLayoutRulesAndAReporterNameThatDiffersIsNamed() {
    IatiImport imported = xml("<iati-organisations version=\"2.03\" xml:lang=\"en_GB\"><iati-organisation>"
        + "<organisation-identifier>XM-DAC-1</organisation-identifier>"
        + "<name><narrative>\n  Agency A\n</narrative><narrative xml:lang=\"fr\">Agence A</narrative></name>"
        + "<reporting-org ref=\"XM-DAC-1\" type=\"10\"><narrative>Agency A</narrative><narrative>Agency A (old name)</narrative></reporting-org>"
        + "</iati-organisation></iati-organisations>");
    Organisation organisation = Completed.pkg(imported).organisations().get(0);
    assertThat(organisation.name().asMap()).containsExactly(java.util.Map.entry("en-GB", "Agency A"), java.util.Map.entry("fr", "Agence A"));
    assertThat(imported.unmapped()).anySatisfy(n -> assertThat(n.message()).contains("underscore"));
    assertThat(imported.unmapped()).anySatisfy(n -> {
      assertThat(n.path()).endsWith("reporting-org[1]/narrative[2]");
      assertThat(n.message()).contains("names the organisation otherwise");
    });
  }

  @Test
  void aRefusedInitiativeLeavesNothingOfItInTheFileSoTheWriterCanGoOn() {
    Initiative good = Completed.pkg(xml(activity(PARTICIPANT))).initiatives().get(0);
    // Refused only once its start is written: a transaction's amount has no plain form IATI takes.
    Transaction huge = Transaction.builder().id("t9").type(org.sstc.exchange.core.TransactionType.DISBURSEMENT)
        .date(java.time.LocalDate.parse("2020-01-01"))
        .value(Money.builder().amount(new java.math.BigDecimal("1E999999999")).currency("USD").build())
        .build();
    Initiative bad = good.toBuilder().id("XM-DAC-41301-T2").transactions(List.of(huge)).build();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    IatiWriter writer = IatiXml.standard().writer(out, header().build());
    writer.write(good);
    assertThatThrownBy(() -> writer.write(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1000 digits");
    writer.write(good.toBuilder().id("XM-DAC-41301-T3").build());
    writer.close();
    assertThat(IatiXml.standard().checkSchema(out.toByteArray())).isEmpty();
    assertThat(Completed.pkg(IatiXml.standard().read(new ByteArrayInputStream(out.toByteArray()))).initiatives())
        .extracting(Initiative::id).containsExactly("XM-DAC-41301-T1", "XM-DAC-41301-T3");
  }

  @Test
  void anAmountLongerThanLibxml2AcceptsIsHeldInTheExtensionSoTheExportValidatesEverywhere() {
    Initiative initiative = Completed.pkg(xml(activity(PARTICIPANT + transaction("t1", "2020-01-01")))).initiatives().get(0);
    Transaction transaction = initiative.transactions().get(0);
    Transaction longer = Transaction.builder()
        .id("t2")
        .type(TransactionType.OUTGOING_COMMITMENT)
        .date(transaction.date())
        .value(Money.builder().amount(new java.math.BigDecimal("1234567890123456789012345.5")).currency("USD").build())
        .build();
    Initiative both = initiative.toBuilder().transactions(List.of(transaction, longer)).build();
    byte[] exported = IatiXml.standard().write(header()
        .initiatives(List.of(both))
        .build());
    String text = new String(exported, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("kind=\"transaction\" index=\"1\"").doesNotContain(">1234567890123456789012345.5<");
    assertThat(Completed.pkg(IatiXml.standard().read(new ByteArrayInputStream(exported))).initiatives()).containsExactly(both);
  }

  /** A package header with what the standard requires: a publisher and the time of publication. */
  private static RecordPackage.Builder header() {
    return RecordPackage.builder().publisher(OrgRef.of("XM-DAC-41301", "FAO"))
        .publishedAt(java.time.OffsetDateTime.parse("2025-01-01T00:00:00Z"));
  }
}
