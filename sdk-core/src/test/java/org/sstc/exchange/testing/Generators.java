package org.sstc.exchange.testing;

import org.sstc.exchange.core.OrganisationRole;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.BudgetStatus;
import org.sstc.exchange.core.BudgetType;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.sstc.exchange.core.AdministrativeArea;
import org.sstc.exchange.core.Budget;
import org.sstc.exchange.core.CodelistItem;
import org.sstc.exchange.core.Codelists;
import org.sstc.exchange.core.Contribution;
import org.sstc.exchange.core.ContributionKind;
import org.sstc.exchange.core.Dates;
import org.sstc.exchange.core.Document;
import org.sstc.exchange.core.GeoPoint;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Instrument;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Location;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.OtherIdentifier;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.PolicyMarker;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.SdgContribution;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.SupportType;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.core.TransactionType;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * QuickTheories generators of valid records of the standard, built from the bundled codelists so
 * that every generated record passes every rule, and of single faults with the code and pointer
 * each must produce.
 */
public final class Generators {
  private static final List<String> REPORTERS = List.of("XM-DAC-41301", "XM-DAC-41114", "XM-DAC-41140", "XM-DAC-41122");
  private static final List<String> COUNTRIES = List.of("BR", "JP", "MZ", "IN", "ZA", "TH", "KE", "CN", "KR", "VN", "HT", "SN");
  private static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar", "zh", "ru", "pt");
  private static final List<String> WORDS =
      List.of("rice", "school feeding", "água", "santé maternelle", "مياه", "农业", "образование", "solar \"power\"", "back\\slash", "tab\there", "emoji 🌍");
  private static final List<String[]> CURRENCIES =
      List.of(new String[] {"USD", "2"}, new String[] {"JPY", "0"}, new String[] {"KWD", "3"}, new String[] {"EUR", "2"}, new String[] {"BRL", "2"});

  private static final List<CodelistItem> TARGETS = Codelists.standard().get(Codelists.SDG_TARGETS).items();
  private static final List<CodelistItem> INDICATORS =
      Codelists.standard().get(Codelists.SDG_INDICATORS).items().stream().filter(i -> !i.withdrawn()).toList();

  private Generators() {}

  public static Gen<Initiative> initiatives() {
    return integers().between(0, Integer.MAX_VALUE - 1).map(seed -> initiative(new java.util.Random(seed)));
  }

  /** One valid initiative from a seed: QuickTheories shrinks the seed, the record follows. */
  public static Initiative initiative(java.util.Random random) {
    String reporter = pick(random, REPORTERS);
    Modality modality = pick(random, List.of(Modality.values()));
    List<Participation> participants = participants(random, modality);
    ActivityStatus status = ActivityStatus.values()[random.nextInt(6)];
    LocalDate start = LocalDate.of(2010 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28));
    Dates dates = Dates.planned(start, random.nextBoolean() ? start.plusDays(random.nextInt(2000)) : null);
    if (status == ActivityStatus.CLOSED || random.nextBoolean()) {
      dates = dates.withActual(start.plusDays(random.nextInt(30)), status == ActivityStatus.CLOSED ? start.plusDays(30 + random.nextInt(900)) : null);
    }
    Initiative.Builder builder =
        Initiative.builder()
            .id(reporter + "-" + Integer.toString(random.nextInt(1 << 30), 36).toUpperCase(java.util.Locale.ROOT))
            .reportingOrg(OrgRef.of(reporter, pick(random, WORDS)))
            .title(languageMap(random))
            .modality(modality)
            .instrument(pick(random, List.of(Instrument.values())))
            .status(status)
            .dates(dates)
            .participants(participants)
            .lastUpdated(instant(random));
    if (random.nextBoolean()) {
      builder.description(languageMap(random));
    }
    if (random.nextBoolean()) {
      builder.supportTypes(List.of(SupportType.values()).subList(0, 1 + random.nextInt(3)));
    }
    if (random.nextBoolean()) {
      CodelistItem target = pick(random, TARGETS);
      List<CodelistItem> indicators = INDICATORS.stream().filter(i -> target.code().equals(i.parent())).toList();
      String indicator = !indicators.isEmpty() && random.nextBoolean() ? pick(random, indicators).code() : null;
      builder.addSdg(SdgLink.builder()
          .goal(target.parent())
          .target(target.code())
          .indicator(indicator)
          .contribution(SdgContribution.PRINCIPAL)
          .build());
      builder.addSdg(SdgLink.goal("17", SdgContribution.SIGNIFICANT));
    }
    if (random.nextBoolean()) {
      builder.recipientCountries(List.of(
          RecipientCountry.builder()
              .code(participants.get(participants.size() - 1).country())
              .percentage(new BigDecimal("60"))
              .build(),
          RecipientCountry.builder().code("SN").percentage(new BigDecimal("40.00")).build()));
    }
    if (random.nextBoolean()) {
      builder.addSector(Sector.builder().code("31120").build());
    }
    int budgets = random.nextInt(3);
    for (int i = 0; i < budgets; i++) {
      builder.addBudget(Budget.builder()
          .id("b" + i)
          .type(BudgetType.ORIGINAL)
          .status(BudgetStatus.COMMITTED)
          .periodStart(start)
          .periodEnd(start.plusDays(364))
          .value(money(random))
          .build());
    }
    if (random.nextBoolean()) {
      builder.addTransaction(Transaction.builder()
          .id("t1")
          .type(TransactionType.DISBURSEMENT)
          .date(start.plusDays(10))
          .value(money(random))
          .providerId(participants.get(0).id())
          .receiverId(participants.get(participants.size() - 1).id())
          .description(languageMap(random))
          .build());
      builder.addContribution(Contribution.builder()
          .id("c1")
          .participantId(participants.get(0).id())
          .kind(ContributionKind.EXPERTISE)
          .description(languageMap(random))
          .build());
    }
    if (random.nextBoolean()) {
      // Empty languages (a language-neutral document) must survive the round trip: the schema requires the member.
      builder.documents(List.of(Document.builder().id("d1").url("https://example.org/d1.pdf").title(languageMap(random)).format("application/pdf").category("A02").languages(random.nextBoolean() ? List.of() : List.of(pick(random, LANGUAGES))).build()));
    }
    if (random.nextBoolean()) {
      builder.addOtherIdentifier(OtherIdentifier.of("iati", reporter + "-P" + random.nextInt(1000)));
      builder.extensions(java.util.Map.of("wfp:matchingScore", JsonNodeFactory.instance.numberNode(new BigDecimal("0.75"))));
    }
    return builder.build();
  }

  /**
   * Valid initiatives of standard 1.1 that use what 1.1 adds: {@link #initiative} with
   * locations, policy markers, humanitarian and a reversed transaction, each present or not.
   */
  public static Gen<Initiative> initiativesWithStandard11Members() {
    return integers().between(0, Integer.MAX_VALUE - 1).map(seed -> initiativeWithStandard11Members(new java.util.Random(seed)));
  }

  /** One valid 1.1 initiative from a seed, with some of locations, policyMarkers, humanitarian, reversal. */
  public static Initiative initiativeWithStandard11Members(java.util.Random random) {
    Initiative base = initiative(random);
    Initiative.Builder builder = base.toBuilder().schemaVersion("1.1");
    int locations = random.nextInt(3);
    for (int i = 0; i < locations; i++) {
      Location.Builder location = Location.builder()
          .id(random.nextBoolean() ? "loc-" + i : null)
          .name(languageMap(random));
      boolean point = random.nextBoolean();
      if (point) {
        location.point(GeoPoint.builder()
            .latitude(BigDecimal.valueOf(random.nextInt(1_800_001) - 900_000, 4))
            .longitude(BigDecimal.valueOf(random.nextInt(360_000_001) - 180_000_000, 6))
            .build());
      }
      if (!point || random.nextBoolean()) {
        location.addAdministrative(AdministrativeArea.builder()
            .vocabulary(pick(random, List.of("A1", "A2", "A3", "A4", "G1", "G2")))
            .level(random.nextBoolean() ? random.nextInt(4) : null)
            .code(String.valueOf(1000 + random.nextInt(9000)))
            .build());
      }
      if (random.nextBoolean()) {
        location.description(languageMap(random));
      }
      if (random.nextBoolean()) {
        location.locationReach(pick(random, List.of("1", "2")));
      }
      if (random.nextBoolean()) {
        location.exactness(pick(random, List.of("1", "2")));
      }
      builder.addLocation(location.build());
    }
    if (random.nextBoolean()) {
      builder.addPolicyMarker(PolicyMarker.builder()
          .vocabulary(random.nextBoolean() ? "1" : null)
          .code(String.valueOf(1 + random.nextInt(12)))
          .significance(String.valueOf(random.nextInt(5)))
          .build());
      if (random.nextBoolean()) {
        builder.addPolicyMarker(PolicyMarker.builder()
            .vocabulary("99")
            .vocabularyUri("https://example.org/markers")
            .code("M" + random.nextInt(100))
            .description(languageMap(random))
            .build());
      }
    }
    if (random.nextBoolean()) {
      builder.humanitarian(random.nextBoolean());
    }
    if (random.nextBoolean()) {
      Participation provider = base.participants().get(0);
      Participation receiver = base.participants().get(base.participants().size() - 1);
      Money paid = money(random);
      LocalDate date = base.dates().plannedStart() != null ? base.dates().plannedStart() : LocalDate.of(2020, 1, 1);
      builder.addTransaction(Transaction.builder()
          .id("t-paid").type(TransactionType.DISBURSEMENT).date(date.plusDays(20)).value(paid)
          .providerId(provider.id()).receiverId(receiver.id()).build());
      builder.addTransaction(Transaction.builder()
          .id("t-returned").type(TransactionType.DISBURSEMENT).date(date.plusDays(200))
          .value(Money.builder().amount(paid.amount().divide(BigDecimal.valueOf(2), java.math.RoundingMode.DOWN)
              .setScale(paid.amount().scale(), java.math.RoundingMode.DOWN)).currency(paid.currency()).build())
          .reversal(random.nextBoolean() ? Boolean.TRUE : Boolean.FALSE)
          .providerId(provider.id()).receiverId(receiver.id()).build());
    }
    return builder.build();
  }

  private static List<Participation> participants(java.util.Random random, Modality modality) {
    List<String> countries = new ArrayList<>(COUNTRIES);
    java.util.Collections.shuffle(countries, random);
    List<ParticipationRole> roles;
    switch (modality) {
      case TRIANGULAR:
        roles = List.of(ParticipationRole.FIRST_PROVIDER, ParticipationRole.SECOND_PROVIDER, ParticipationRole.RECIPIENT);
        break;
      case BILATERAL:
        roles = List.of(ParticipationRole.PROVIDER, ParticipationRole.RECIPIENT);
        break;
      default:
        roles = List.of(ParticipationRole.PROVIDER, ParticipationRole.RECIPIENT, ParticipationRole.RECIPIENT, ParticipationRole.RECIPIENT);
    }
    List<Participation> participants = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      participants.add(Participation.builder()
          .id("p" + (i + 1))
          .name("Government of " + countries.get(i))
          .orgType("10")
          .country(countries.get(i))
          .role(roles.get(i))
          .iatiRoles(i == 0 ? List.of(OrganisationRole.FUNDING) : List.of())
          .build());
    }
    return participants;
  }

  private static Money money(java.util.Random random) {
    String[] currency = pick(random, CURRENCIES);
    int digits = Integer.parseInt(currency[1]);
    BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000_000), random.nextInt(digits + 1));
    Money money = Money.builder().amount(amount).currency(currency[0]).build();
    return random.nextBoolean() ? money.withValueDate(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500))) : money;
  }

  private static OffsetDateTime instant(java.util.Random random) {
    ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofHours(random.nextInt(25) - 12);
    OffsetDateTime time = OffsetDateTime.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28),
        random.nextInt(24), random.nextInt(60), random.nextInt(60), 0, offset);
    return random.nextBoolean() ? time.withNano(random.nextInt(1000) * 1_000_000) : time;
  }

  private static LanguageMap languageMap(java.util.Random random) {
    LanguageMap map = LanguageMap.of(pick(random, LANGUAGES), pick(random, WORDS) + " " + random.nextInt(1000));
    if (random.nextBoolean()) {
      map = map.with(pick(random, LANGUAGES), pick(random, WORDS));
    }
    return map;
  }

  private static <T> T pick(java.util.Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Valid 1.1 initiatives: {@link #initiative11(java.util.Random)} from a seed. */
  public static Gen<Initiative> initiatives11() {
    return integers().between(0, Integer.MAX_VALUE - 1).map(seed -> initiative11(new java.util.Random(seed)));
  }

  /**
   * One valid initiative with the members version 1.1 added, each present or not at random:
   * locations (with and without an id, a point, administrative areas), policy markers (a DAC one
   * with its significance, a reporting organisation's own with its vocabulary URI), humanitarian,
   * and a transaction with {@code reversal}.
   */
  public static Initiative initiative11(java.util.Random random) {
    Initiative initiative = initiative(random);
    Initiative.Builder builder = initiative.toBuilder();
    if (random.nextBoolean()) {
      List<org.sstc.exchange.core.Location> locations = new ArrayList<>();
      locations.add(org.sstc.exchange.core.Location.builder()
          .id(random.nextBoolean() ? "loc-1" : null)
          .name(languageMap(random))
          .description(random.nextBoolean() ? languageMap(random) : null)
          .point(org.sstc.exchange.core.GeoPoint.builder()
              .latitude(BigDecimal.valueOf(random.nextInt(1_800_000) - 900_000, 4))
              .longitude(BigDecimal.valueOf(random.nextInt(3_600_000) - 1_800_000, 4))
              .build())
          .locationReach(random.nextBoolean() ? "1" : "2")
          .exactness(random.nextBoolean() ? "1" : null)
          .build());
      if (random.nextBoolean()) {
        locations.add(org.sstc.exchange.core.Location.builder()
            .name(languageMap(random))
            .addAdministrative(org.sstc.exchange.core.AdministrativeArea.builder()
                .vocabulary("A4").level(0).code(pick(random, COUNTRIES)).build())
            .addAdministrative(org.sstc.exchange.core.AdministrativeArea.builder()
                .vocabulary("G1").level(1).code(Integer.toString(1_000_000 + random.nextInt(1_000_000))).build())
            .build());
      }
      builder.locations(locations);
    }
    if (random.nextBoolean()) {
      List<org.sstc.exchange.core.PolicyMarker> markers = new ArrayList<>();
      markers.add(org.sstc.exchange.core.PolicyMarker.builder()
          .code(String.valueOf(1 + random.nextInt(9))).significance(String.valueOf(random.nextInt(3))).build());
      if (random.nextBoolean()) {
        markers.add(org.sstc.exchange.core.PolicyMarker.builder()
            .vocabulary("99").vocabularyUri("https://example.org/markers").code("M-" + random.nextInt(100))
            .description(languageMap(random)).build());
      }
      builder.policyMarkers(markers);
    }
    if (random.nextBoolean()) {
      builder.humanitarian(random.nextBoolean());
    }
    if (random.nextBoolean() && !initiative.transactions().isEmpty()) {
      Transaction first = initiative.transactions().get(0);
      List<Transaction> transactions = new ArrayList<>(initiative.transactions());
      transactions.add(first.toBuilder().id("t2").date(first.date().plusDays(30)).reversal(true).description(null).build());
      builder.transactions(transactions);
    }
    return builder.build();
  }

  /** Valid solutions: {@link #solution(java.util.Random)} from a seed. */
  public static Gen<org.sstc.exchange.core.Solution> solutions() {
    return integers().between(0, Integer.MAX_VALUE - 1).map(seed -> solution(new java.util.Random(seed)));
  }

  /**
   * One valid solution (standard 1.1) from a seed, each optional member present or not at random:
   * maturity, providers, countries where applied, SDG links, sectors, transfer, evidence (documents,
   * results with indicators), initiative ids, other identifiers, extensions.
   */
  public static org.sstc.exchange.core.Solution solution(java.util.Random random) {
    String reporter = pick(random, REPORTERS);
    org.sstc.exchange.core.Solution.Builder builder = org.sstc.exchange.core.Solution.builder()
        .id(reporter + "-SOL-" + Integer.toString(random.nextInt(1 << 30), 36).toUpperCase(java.util.Locale.ROOT))
        .reportingOrg(OrgRef.of(reporter, pick(random, WORDS)))
        .title(languageMap(random))
        .description(languageMap(random))
        .problem(languageMap(random))
        .lastUpdated(instant(random));
    if (random.nextBoolean()) {
      builder.maturity(pick(random, List.of(org.sstc.exchange.core.SolutionMaturity.values())));
    }
    if (random.nextBoolean()) {
      int providers = 1 + random.nextInt(2);
      for (int i = 0; i < providers; i++) {
        builder.addProvider(org.sstc.exchange.core.SolutionProvider.builder()
            .id("pr-" + i)
            .orgId(random.nextBoolean() ? pick(random, REPORTERS) : null)
            .name(pick(random, WORDS))
            .orgType(random.nextBoolean() ? "10" : "80")
            .country(random.nextBoolean() ? pick(random, COUNTRIES) : null)
            .build());
      }
    }
    String initiativeId = reporter + "-SSTC-" + random.nextInt(1000);
    if (random.nextBoolean()) {
      List<String> countries = new ArrayList<>(COUNTRIES);
      java.util.Collections.shuffle(countries, random);
      int applied = 1 + random.nextInt(3);
      for (int i = 0; i < applied; i++) {
        builder.addCountry(org.sstc.exchange.core.SolutionCountry.builder()
            .code(countries.get(i))
            .year(random.nextBoolean() ? 2000 + random.nextInt(25) : null)
            .initiativeId(random.nextBoolean() ? initiativeId : null)
            .build());
      }
    }
    if (random.nextBoolean()) {
      builder.addSdg(SdgLink.goal(String.valueOf(1 + random.nextInt(17)), SdgContribution.PRINCIPAL));
    }
    if (random.nextBoolean()) {
      builder.addSector(Sector.builder().code("11250").percentage(new BigDecimal("60")).build());
      builder.addSector(Sector.builder().code("31120").percentage(new BigDecimal("40.0")).build());
    }
    if (random.nextBoolean()) {
      org.sstc.exchange.core.Transfer.Builder transfer = org.sstc.exchange.core.Transfer.builder()
          .duration("P" + (1 + random.nextInt(36)) + "M");
      if (random.nextBoolean()) {
        transfer.supportTypes(List.of(SupportType.values()).subList(0, 1 + random.nextInt(3)));
      }
      if (random.nextBoolean()) {
        transfer.indicativeCost(money(random));
      }
      if (random.nextBoolean()) {
        transfer.prerequisites(languageMap(random));
      }
      builder.transfer(transfer.build());
    }
    if (random.nextBoolean()) {
      org.sstc.exchange.core.Evidence.Builder evidence = org.sstc.exchange.core.Evidence.builder();
      boolean documents = random.nextBoolean();
      if (documents) {
        evidence.addDocument(Document.builder().id("d1").url("https://example.org/evaluation.pdf")
            .title(languageMap(random)).format("application/pdf").category("A12")
            .languages(random.nextBoolean() ? List.of() : List.of(pick(random, LANGUAGES))).build());
      }
      if (!documents || random.nextBoolean()) {
        org.sstc.exchange.core.Result.Builder result = org.sstc.exchange.core.Result.builder()
            .id("r1").type("2").title(languageMap(random));
        if (random.nextBoolean()) {
          result.addIndicator(org.sstc.exchange.core.ResultIndicator.builder()
              .id("i1").title(languageMap(random)).measure("1")
              .baseline(org.sstc.exchange.core.IndicatorValue.of(BigDecimal.valueOf(random.nextInt(100))))
              .actual(org.sstc.exchange.core.IndicatorValue.builder()
                  .value(BigDecimal.valueOf(random.nextInt(10_000), 1)).date(LocalDate.of(2020, 12, 31)).build())
              .build());
        }
        evidence.addResult(result.build());
      }
      builder.evidence(evidence.build());
    }
    if (random.nextBoolean()) {
      builder.addInitiativeId(initiativeId);
    }
    if (random.nextBoolean()) {
      builder.addOtherIdentifier(OtherIdentifier.of("south-south-galaxy", "solution-" + random.nextInt(10_000)));
      builder.extensions(java.util.Map.of("wfp:matchingScore", JsonNodeFactory.instance.numberNode(new BigDecimal("0.87"))));
    }
    return builder.build();
  }

  /** One fault injected into a valid initiative, and what the validator must say about it. */
  public record Fault(String name, String code, String pointer, java.util.function.UnaryOperator<Initiative> inject) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static Gen<Fault> faults() {
    return Generate.pick(FAULTS);
  }

  public static final List<Fault> FAULTS =
      List.of(
          // A required member left out is no model object (build() refuses it): RulesTest covers its JSON.
          new Fault("no participants", "schema.required", "/participants", i -> i.toBuilder().participants(List.of()).build()),
          new Fault("planned end before start", "rule.date-order", "/dates/plannedEnd",
              i -> i.toBuilder().dates(Dates.builder()
                  .plannedStart(i.dates().plannedStart())
                  .plannedEnd(i.dates().plannedStart().minusDays(1))
                  .actualStart(i.dates().actualStart())
                  .actualEnd(i.dates().actualEnd())
                  .build()).build()),
          new Fault("target outside its goal", "rule.sdg-target-goal", "/sdgs/0/target",
              i -> i.toBuilder().sdgs(List.of(SdgLink.builder()
                  .goal("2")
                  .target("3.4")
                  .contribution(SdgContribution.PRINCIPAL)
                  .build())).build()),
          new Fault("unknown recipient country", "codelist.unknown-code", "/recipientCountries/0/code",
              i -> i.toBuilder().recipientCountries(List.of(RecipientCountry.of("QQ"))).build()),
          new Fault("yen with decimals", "rule.currency-precision", "/budgets/0/value/amount",
              i -> i.toBuilder().budgets(List.of(Budget.builder()
                  .id("b0")
                  .type(BudgetType.ORIGINAL)
                  .status(BudgetStatus.COMMITTED)
                  .periodStart(LocalDate.of(2020, 1, 1))
                  .periodEnd(LocalDate.of(2020, 12, 31))
                  .value(Money.of("100.5", "JPY"))
                  .build())).build()),
          new Fault("id without the reporting org's prefix", "rule.id-prefix", "/id",
              i -> i.toBuilder().id("XM-DAC-99999-X1").build()),
          new Fault("duplicate participant id", "rule.duplicate-id", "/participants/1/id",
              i -> {
                List<Participation> participants = new ArrayList<>(i.participants());
                participants.set(1, participants.get(1).toBuilder().id(participants.get(0).id()).build());
                return i.toBuilder().participants(participants).build();
              }),
          new Fault("transaction from nobody", "rule.unknown-participant", "/transactions/0/providerId",
              i -> i.toBuilder().transactions(List.of(Transaction.builder()
                  .id("t9")
                  .type(TransactionType.DISBURSEMENT)
                  .date(LocalDate.of(2020, 2, 2))
                  .value(Money.of("10.00", "USD"))
                  .providerId("nobody")
                  .build())).build()),
          new Fault("closed without actual end", "rule.closed-needs-actual-end", "/dates/actualEnd",
              i -> i.toBuilder().status(ActivityStatus.CLOSED).dates(Dates.planned(i.dates().plannedStart(), null)).build()),
          new Fault("negative amount", "schema.pattern", "/budgets/0/value/amount",
              i -> i.toBuilder().budgets(List.of(Budget.builder()
                  .id("b0")
                  .type(BudgetType.ORIGINAL)
                  .status(BudgetStatus.COMMITTED)
                  .periodStart(LocalDate.of(2020, 1, 1))
                  .periodEnd(LocalDate.of(2020, 12, 31))
                  .value(Money.of("-5", "USD"))
                  .build())).build()),
          new Fault("unknown reporting org prefix", "rule.org-id-prefix", "/reportingOrg/id",
              i -> i.toBuilder().id("ZZ-NOPE-1-X").reportingOrg(OrgRef.of("ZZ-NOPE-1", "x")).build()));
}
