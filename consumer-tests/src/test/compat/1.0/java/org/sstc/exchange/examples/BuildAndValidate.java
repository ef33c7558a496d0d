package org.sstc.exchange.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Contribution;
import org.sstc.exchange.core.ContributionKind;
import org.sstc.exchange.core.Dates;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Instrument;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.SdgContribution;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SupportType;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.core.TransactionType;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;

/**
 * Builds a triangular initiative with the SDK's builders, validates it, writes it as JSON and
 * reads it back.
 */
public final class BuildAndValidate {
  private BuildAndValidate() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}, and returns the initiative it built. */
  public static Initiative run(PrintStream out) {
    // 1. Build the record. Builders do not throw on a missing field: the validator reports it.
    Initiative initiative = triangularInitiative();

    // 2. Validate it: JSON Schema, codelists and the standard's rules. Every issue has a
    //    severity, a stable code and a JSON Pointer to the value at fault.
    ValidationReport report = Validator.standard().validate(initiative);
    out.println("Validation: " + (report.valid() ? "valid" : "INVALID") + ", "
        + report.errors().size() + " error(s), " + report.warnings().size() + " warning(s)");
    report.issues().forEach(issue -> out.println("  " + issue));

    // 3. Write it as JSON. The output is deterministic; money is written as decimal strings.
    SstcJson json = SstcJson.standard();
    String text = json.writePretty(initiative);
    out.println(text);

    // 4. Read it back. Reading validates first and refuses a document with errors.
    Initiative again = json.read(text.getBytes(StandardCharsets.UTF_8), Initiative.class);
    if (!again.equals(initiative)) {
      throw new IllegalStateException("the initiative read back differs from the one written");
    }
    out.println("Read back: equal to the original.");
    return initiative;
  }

  /** Brazil shares its expertise, Japan co-finances, Mozambique receives; FAO reports it. */
  public static Initiative triangularInitiative() {
    String fao = "XM-DAC-41301"; // org ids follow org-id.guide: OECD DAC channel code of FAO

    return Initiative.builder()
        .id(fao + "-SSTC-2022-0019") // always {reportingOrg.id}-{local id}
        .reportingOrg(OrgRef.of(fao, "Food and Agriculture Organization of the United Nations"))
        .title(LanguageMap.of("en", "Cassava seed systems in Mozambique: Brazil–Japan–Mozambique"
                + " triangular cooperation")
            .with("pt", "Sistemas de sementes de mandioca em Moçambique: cooperação triangular"
                + " Brasil–Japão–Moçambique"))
        .modality(Modality.TRIANGULAR)
        .instrument(Instrument.PROJECT)
        .addSupportType(SupportType.TECHNICAL_COOPERATION)
        .addSupportType(SupportType.CAPACITY_DEVELOPMENT)
        .status(ActivityStatus.IMPLEMENTATION) // IATI ActivityStatus: implementation
        .dates(Dates.planned(LocalDate.of(2022, 3, 1), LocalDate.of(2025, 2, 28))
            .withActual(LocalDate.of(2022, 4, 11), null))

        // Triangular: at least one first provider, one second provider and one recipient.
        .addParticipant(Participation.builder()
            .id("p-abc").name("Agência Brasileira de Cooperação (ABC)")
            .orgType("10").country("BR").role(ParticipationRole.FIRST_PROVIDER).build())
        .addParticipant(Participation.builder()
            .id("p-jica").orgId("XM-DAC-701-8").name("Japan International Cooperation Agency")
            .orgType("10").country("JP").role(ParticipationRole.SECOND_PROVIDER).build())
        .addParticipant(Participation.builder()
            .id("p-iiam").name("Instituto de Investigação Agrária de Moçambique (IIAM)")
            .orgType("15").country("MZ").role(ParticipationRole.RECIPIENT).build())
        .addParticipant(Participation.builder()
            .id("p-fao").orgId(fao).name("FAO Mozambique")
            .orgType("40").role(ParticipationRole.FACILITATOR).build())
        .addRecipientCountry(RecipientCountry.of("MZ"))

        // An SDG target must belong to its goal, an indicator to its target.
        .addSdg(SdgLink.builder()
            .goal("2").target("2.3").indicator("2.3.1")
            .contribution(SdgContribution.PRINCIPAL).build())
        .addSdg(SdgLink.target("17", "17.9", SdgContribution.SIGNIFICANT))
        // DAC 5-digit sectors; when percentages are given they add up to 100.
        .addSector(Sector.builder() // food crop production
            .vocabulary("1").code("31161").percentage(new BigDecimal("70")).build())
        .addSector(Sector.builder() // agricultural extension
            .vocabulary("1").code("31166").percentage(new BigDecimal("30")).build())

        // Money is exact, with no more decimals than the currency has: yen have none.
        // providerId and receiverId name participants by their participation id.
        .addTransaction(Transaction.builder()
            .id("t-1").type(TransactionType.INCOMING_FUNDS).date(LocalDate.of(2022, 4, 20))
            .value(Money.of("48000000", "JPY").withValueDate(LocalDate.of(2022, 4, 20)))
            .providerId("p-jica").receiverId("p-fao")
            .description(LanguageMap.of("en", "Japanese co-financing, first instalment")).build())
        .addContribution(Contribution.builder()
            .id("c-abc").participantId("p-abc").kind(ContributionKind.EXPERTISE)
            .description(LanguageMap.of("en", "Two Embrapa cassava breeders, 12 person-months in Nampula"))
            .build())
        .lastUpdated(OffsetDateTime.parse("2024-05-02T09:30:00Z"))
        .build();
  }
}
