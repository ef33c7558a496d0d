package org.sstc.exchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Budget;
import org.sstc.exchange.core.Contribution;
import org.sstc.exchange.core.ContributionKind;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.RecipientRegion;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;

class SamplePackageTest {
  /** Where the committed NDJSON lives, relative to the module (Surefire's working directory). */
  private static final Path COMMITTED_NDJSON =
      Path.of("src/main/resources/org/sstc/exchange/examples", SamplePackage.NDJSON_RESOURCE);

  /** Set {@code -Dsstc.examples.regenerate=true} to rewrite the NDJSON from the package. */
  private static final boolean REGENERATE = Boolean.getBoolean("sstc.examples.regenerate");

  @Test
  void theSampleHasNeitherErrorsNorWarnings() {
    ValidationReport fromBytes = Validator.standard().validate(SamplePackage.bytes());
    assertEquals(List.of(), fromBytes.issues(), () -> describe(fromBytes.issues()));
    assertTrue(fromBytes.valid());

    // The model object gets the verdict its JSON gets.
    ValidationReport fromModel = Validator.standard().validate(SamplePackage.read());
    assertEquals(List.of(), fromModel.issues(), () -> describe(fromModel.issues()));
  }

  @Test
  void theNdjsonRecordsHaveNeitherErrorsNorWarnings() {
    List<Issue> issues = new ArrayList<>();
    Validator.standard()
        .validateStream(new ByteArrayInputStream(SamplePackage.ndjsonBytes()), Validator.Format.NDJSON, issues::add);
    ValidationReport report = ValidationReport.of(issues);
    assertEquals(List.of(), report.issues(), () -> describe(report.issues()));
  }

  @Test
  void theNdjsonHoldsThePackagesRecordsOneALine() throws IOException {
    String expected = ndjson(SamplePackage.read());
    if (REGENERATE) {
      // The copy on the class path is the old one until the next build: check the file only.
      Files.writeString(COMMITTED_NDJSON, expected, StandardCharsets.UTF_8);
      assertEquals(expected, Files.readString(COMMITTED_NDJSON, StandardCharsets.UTF_8));
      return;
    }
    String bundled = new String(SamplePackage.ndjsonBytes(), StandardCharsets.UTF_8);
    assertEquals(expected, bundled, "sample-records.ndjson is out of date: run the tests with"
        + " -Dsstc.examples.regenerate=true and commit the file");

    List<SstcRecord> records = SstcJson.standard().readNdjson(SamplePackage.ndjsonBytes());
    RecordPackage sample = SamplePackage.read();
    List<SstcRecord> inPackage = new ArrayList<>(sample.organisations());
    inPackage.addAll(sample.initiatives());
    assertEquals(inPackage, records);
  }

  @Test
  void thePackageReadsWritesAndReadsAgainUnchanged() {
    RecordPackage sample = SamplePackage.read();
    byte[] written = SstcJson.standard().write(sample);
    assertEquals(sample, SstcJson.standard().read(written, RecordPackage.class));
    assertEquals(SstcJson.standard().writeString(sample),
        SstcJson.standard().writeString(SstcJson.standard().read(written, RecordPackage.class)));
  }

  @Test
  void theSampleCoversWhatAnExampleShouldShow() {
    RecordPackage sample = SamplePackage.read();
    List<Initiative> initiatives = sample.initiatives();
    assertTrue(initiatives.size() >= 12, "at least 12 initiatives");

    Map<Modality, Long> modalities = initiatives.stream()
        .collect(Collectors.groupingBy(Initiative::modality, TreeMap::new, Collectors.counting()));
    for (Modality modality : Modality.values()) {
      assertTrue(modalities.getOrDefault(modality, 0L) >= 2, "two or more " + modality);
    }
    assertTrue(initiatives.stream().anyMatch(
        i -> i.status() == ActivityStatus.CLOSED && i.dates().actualEnd() != null), "a closed initiative");
    Set<ActivityStatus> statuses = initiatives.stream().map(Initiative::status).collect(Collectors.toSet());
    assertTrue(statuses.containsAll(Set.of(ActivityStatus.PIPELINE, ActivityStatus.IMPLEMENTATION,
        ActivityStatus.FINALISATION, ActivityStatus.CLOSED)), statuses::toString);

    // Titles and descriptions in the six UN languages, across the package.
    Set<String> languages = new HashSet<>();
    for (Initiative initiative : initiatives) {
      languages.addAll(initiative.title().asMap().keySet());
      if (initiative.description() != null) {
        languages.addAll(initiative.description().asMap().keySet());
      }
    }
    assertTrue(languages.containsAll(Set.of("en", "fr", "es", "ar", "zh", "ru")), languages::toString);

    // Money in several currencies, yen and CFA francs without decimals.
    Set<String> currencies = initiatives.stream()
        .flatMap(i -> Stream.concat(
            i.budgets().stream().map(Budget::value),
            i.transactions().stream().map(Transaction::value)))
        .map(money -> {
          if (Set.of("JPY", "KRW", "XAF", "XOF", "UGX", "KMF").contains(money.currency())) {
            assertEquals(0, money.amount().scale(), money::toString);
          }
          return money.currency();
        })
        .collect(Collectors.toSet());
    assertTrue(currencies.containsAll(Set.of("USD", "JPY", "CNY", "CAD", "XAF")), currencies::toString);
    Set<ContributionKind> kinds = initiatives.stream()
        .flatMap(i -> i.contributions().stream()).map(Contribution::kind).collect(Collectors.toSet());
    assertEquals(Set.of(ContributionKind.values()), kinds);
  }

  @Test
  void identifiersHoldTogether() {
    RecordPackage sample = SamplePackage.read();
    Set<String> organisations = sample.organisations().stream()
        .map(Organisation::id).collect(Collectors.toSet());
    Set<String> initiativeIds = new HashSet<>();
    for (Initiative initiative : sample.initiatives()) {
      assertTrue(initiativeIds.add(initiative.id()), "unique " + initiative.id());
      assertTrue(initiative.id().startsWith(initiative.reportingOrg().id() + "-"), initiative.id());
      assertTrue(organisations.contains(initiative.reportingOrg().id()), initiative.id());
      for (Participation participant : initiative.participants()) {
        if (participant.orgId() != null) {
          assertTrue(organisations.contains(participant.orgId()),
              initiative.id() + " names " + participant.orgId() + ", which has no organisation record");
        }
      }
      BigDecimal shares = Stream.concat(
              initiative.recipientCountries().stream().map(RecipientCountry::percentage),
              initiative.recipientRegions().stream().map(RecipientRegion::percentage))
          .filter(Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertTrue(shares.signum() == 0 || shares.compareTo(new BigDecimal(100)) == 0,
          initiative.id() + " recipient shares " + shares);
    }
    for (Initiative initiative : sample.initiatives()) {
      initiative.relatedInitiatives().forEach(related -> assertTrue(
          initiativeIds.contains(related.id()), initiative.id() + " relates to " + related.id()));
    }
    assertTrue(organisations.contains(sample.publisher().id()));
  }

  @Test
  void mainPrintsTheSamplesInitiatives() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    SamplePackage.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String printed = buffer.toString(StandardCharsets.UTF_8);

    RecordPackage sample = SamplePackage.read();
    assertTrue(printed.contains(sample.initiatives().size() + " initiatives, "
        + sample.organisations().size() + " organisations"), printed);
    assertTrue(printed.contains("By modality: {bilateral="), printed);
    for (Initiative initiative : sample.initiatives()) {
      assertTrue(printed.contains(initiative.id()), initiative.id());
    }
    assertTrue(printed.contains("China–WFP South-South cooperation pilot"), printed);
  }

  /** The package's records as NDJSON: organisations first, then initiatives, compact JSON. */
  static String ndjson(RecordPackage sample) {
    StringBuilder out = new StringBuilder();
    List<SstcRecord> records = new ArrayList<>(sample.organisations());
    records.addAll(sample.initiatives());
    for (SstcRecord record : records) {
      out.append(SstcJson.standard().writeString(record)).append('\n');
    }
    return out.toString();
  }

  private static String describe(List<Issue> issues) {
    return issues.stream().map(Issue::toString).collect(Collectors.joining("\n", "\n", "\n"));
  }
}
