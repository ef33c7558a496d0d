package org.sstc.exchange.consumer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Dates;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Instrument;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.SdgContribution;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.core.TransactionType;

/** What a consumer's own code does with the SDK: builds records with its builders. */
public final class Cooperation {
  private Cooperation() {}

  /**
   * A triangular initiative: Brazil and Japan provide, Mozambique receives, FAO reports.
   *
   * @param localId the reporting organisation's own id for it, e.g. {@code "SSTC-2022-0019"}
   * @return the initiative, made with the SDK's builders and not yet validated
   */
  public static Initiative triangularInitiative(String localId) {
    String fao = "XM-DAC-41301";
    return Initiative.builder()
        .id(fao + "-" + localId)
        .reportingOrg(OrgRef.of(fao, "Food and Agriculture Organization of the United Nations"))
        .title(LanguageMap.of("en", "Cassava seed systems in Mozambique")
            .with("pt", "Sistemas de sementes de mandioca em Moçambique"))
        .modality(Modality.TRIANGULAR)
        .instrument(Instrument.PROJECT)
        .status(ActivityStatus.IMPLEMENTATION)
        .dates(Dates.planned(LocalDate.of(2022, 3, 1), LocalDate.of(2025, 2, 28)))
        .addParticipant(Participation.builder().id("p-abc").name("Agência Brasileira de Cooperação")
            .orgType("10").country("BR").role(ParticipationRole.FIRST_PROVIDER).build())
        .addParticipant(Participation.builder().id("p-jica").orgId("XM-DAC-701-8")
            .name("Japan International Cooperation Agency").orgType("10").country("JP")
            .role(ParticipationRole.SECOND_PROVIDER).build())
        .addParticipant(Participation.builder()
            .id("p-iiam")
            .name("Instituto de Investigação Agrária de Moçambique")
            .orgType("15").country("MZ").role(ParticipationRole.RECIPIENT).build())
        .addSdg(SdgLink.builder()
            .goal("2").target("2.3").indicator("2.3.1")
            .contribution(SdgContribution.PRINCIPAL).build())
        .addTransaction(Transaction.builder()
            .id("t-1").type(TransactionType.INCOMING_FUNDS).date(LocalDate.of(2022, 4, 20)).value(Money.of("48000000", "JPY"))
            .providerId("p-jica").receiverId("p-iiam")
            .description(LanguageMap.of("en", "Japanese co-financing, first instalment")).build())
        .lastUpdated(OffsetDateTime.parse("2024-05-02T09:30:00Z"))
        .build();
  }
}
