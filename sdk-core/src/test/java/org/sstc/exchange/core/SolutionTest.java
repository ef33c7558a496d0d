package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The solution record of standard 1.1: built, validated by the standard's rules, read and written. */
class SolutionTest {
  private static final SstcJson JSON = SstcJson.standard();
  private static final Path VALID_11 = Path.of("../schema/test-fixtures/1.1/valid");
  private static final Path VALID_10 = Path.of("../schema/test-fixtures/valid");

  private static SolutionProvider provider(String id) {
    return SolutionProvider.builder().id(id).orgId("XM-DAC-41301").name("FAO").orgType("40").country("IT").build();
  }

  static Solution solution() {
    return Solution.builder()
        .id("XM-DAC-41301-SOL-0099")
        .reportingOrg(OrgRef.of("XM-DAC-41301", "FAO"))
        .title(LanguageMap.of("en", "Community seed banks"))
        .description(LanguageMap.of("en", "Farmers keep, multiply and share local seed."))
        .problem(LanguageMap.of("en", "Local seed varieties are lost after every drought."))
        .maturity(SolutionMaturity.REPLICATED)
        .addProvider(provider("pr-1"))
        .addCountry(SolutionCountry.builder().code("MZ").year(2019).initiativeId("XM-DAC-41301-SSTC-2021-0042").build())
        .addSdg(SdgLink.builder().goal("2").target("2.5").contribution(SdgContribution.PRINCIPAL).build())
        .addSector(Sector.builder().code("31120").percentage(new BigDecimal("100")).build())
        .transfer(Transfer.builder()
            .addSupportType(SupportType.TECHNICAL_COOPERATION)
            .indicativeCost(Money.of("250000.00", "USD"))
            .duration("P18M")
            .build())
        .addInitiativeId("XM-DAC-41301-SSTC-2021-0042")
        .lastUpdated(OffsetDateTime.parse("2025-03-01T00:00:00Z"))
        .build();
  }

  @Test
  void aSolutionBuiltWithTheBuilderIsValidAndDeclaresTheCurrentVersion() {
    Solution solution = solution();

    assertThat(solution.schemaVersion()).isEqualTo("1.1").isEqualTo(Solution.CURRENT_VERSION);
    assertThat(Validator.standard().validate(solution).issues()).isEmpty();
    assertThat(Validator.standard().validate(JSON.write(solution)).issues()).isEmpty();
    assertThat(JSON.read(JSON.write(solution), Solution.class)).isEqualTo(solution);
    assertThat(JSON.writeString(solution)).startsWith("{\"recordType\":\"solution\",\"id\":\"XM-DAC-41301-SOL-0099\",\"schemaVersion\":\"1.1\"");
  }

  @Test
  void buildRefusesASolutionWithoutItsRequiredMembers() {
    assertThatThrownBy(() -> Solution.builder().id("XM-DAC-41301-SOL-1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Solution is missing required members reportingOrg, title, description, problem,"
            + " lastUpdated: set them on the builder before build()");
  }

  @Test
  void aBrokenSolutionGetsExactlyTheRulesIssuesAtTheirPointers() {
    Solution broken = solution().toBuilder()
        .id("XM-DAC-41114-SOL-0099")
        .sdgs(List.of(SdgLink.builder().goal("2").target("3.1").contribution(SdgContribution.PRINCIPAL).build()))
        .transfer(Transfer.builder().indicativeCost(Money.of("250000.005", "USD")).build())
        .addProvider(provider("pr-1"))
        .build();

    ValidationReport onObject = Validator.standard().validate(broken);

    assertThat(onObject.issues())
        .extracting(Issue::code, Issue::pointer)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("rule.id-prefix", "/id"),
            org.assertj.core.groups.Tuple.tuple("rule.sdg-target-goal", "/sdgs/0/target"),
            org.assertj.core.groups.Tuple.tuple("rule.currency-precision", "/transfer/indicativeCost/amount"),
            org.assertj.core.groups.Tuple.tuple("rule.duplicate-id", "/providers/1/id"));
    assertThat(onObject.issues()).allMatch(Issue::isError);
    assertThat(onObject.issues().get(0).message()).contains("solution id");
    // The same document as JSON gets the same issues.
    assertThat(Validator.standard().validate(JSON.write(broken)).issues()).isEqualTo(onObject.issues());
  }

  @Test
  void theCodesOfASolutionAreCheckedAgainstTheirCodelists() {
    Solution unknownCodes = solution().toBuilder()
        .providers(List.of(provider("pr-1").toBuilder().orgId("ZZ-XXX-1").orgType("99999").country("XX").build()))
        .countries(List.of(SolutionCountry.builder().code("QQ").build()))
        .sectors(List.of(Sector.builder().code("99999").build()))
        .transfer(Transfer.builder().indicativeCost(Money.of("10", "ZZZ")).build())
        .evidence(Evidence.builder()
            .addDocument(Document.builder().id("d1").url("https://example.org/eval.pdf")
                .title(LanguageMap.of("en", "Evaluation")).format("application/pdf").category("Z99").build())
            .build())
        .build();

    List<Issue> issues = Validator.standard().validate(unknownCodes).issues();

    assertThat(issues).extracting(Issue::pointer).contains(
        "/providers/0/orgId", "/providers/0/orgType", "/providers/0/country", "/countries/0/code",
        "/sectors/0/code", "/transfer/indicativeCost/currency", "/evidence/documents/0/category");
    assertThat(issues).filteredOn(issue -> issue.pointer().equals("/providers/0/orgId"))
        .extracting(Issue::code).containsExactly("rule.org-id-prefix");
    assertThat(issues).filteredOn(issue -> issue.pointer().equals("/countries/0/code"))
        .extracting(Issue::code).containsExactly("codelist.unknown-code");
  }

  @Test
  void theFullSolutionFixtureIsReadAndWrittenBackByteForByte() throws IOException {
    byte[] original = Files.readAllBytes(VALID_11.resolve("solution-full.json"));

    Solution solution = JSON.read(original, Solution.class);

    assertThat(JSON.writeString(solution)).isEqualTo(JsonStreams.mapper().writeValueAsString(JSON.readTree(original)));
    assertThat(solution.maturity()).isEqualTo(SolutionMaturity.SCALED_UP);
    assertThat(solution.providers()).extracting(SolutionProvider::id).containsExactly("pr-fnde", "pr-coe");
    assertThat(solution.countries().get(1).year()).isEqualTo(2016);
    assertThat(Validator.standard().validate(original).issues()).isEmpty();
  }

  @Test
  void aOnePointZeroPackageUpgradedTakesASolutionAddedThroughTheModel() throws IOException {
    byte[] original = Files.readAllBytes(VALID_10.resolve("package.json"));
    Upgraded upgraded = Upgrader.to("1.1").upgrade(original);
    RecordPackage pkg = JSON.read(upgraded.json(), RecordPackage.class);
    Solution solution = solution().toBuilder()
        .id(pkg.publisher().id() + "-SOL-0001")
        .reportingOrg(pkg.publisher())
        .build();

    RecordPackage withSolution = pkg.toBuilder().addSolution(solution).build();
    byte[] written = JSON.write(withSolution);

    assertThat(withSolution.schemaVersion()).isEqualTo("1.1");
    assertThat(Validator.standard().validate(written).errors()).isEmpty();
    RecordPackage back = JSON.read(written, RecordPackage.class);
    assertThat(back.solutions()).containsExactly(solution);
    assertThat(back.initiatives()).isEqualTo(pkg.initiatives());
    // The same solution in a package left at 1.0 is refused: 1.0 packages have no solutions.
    ObjectNode tree = (ObjectNode) JSON.readTree(written);
    tree.put("schemaVersion", "1.0");
    assertThat(Validator.standard().validate(tree.toString().getBytes(StandardCharsets.UTF_8)).valid()).isFalse();
  }

  @Test
  void initiativeMembersOfOnePointOneAreReadIntoTheModel() throws IOException {
    byte[] original = Files.readAllBytes(VALID_11.resolve("initiative-locations-policy-markers.json"));

    Initiative initiative = JSON.read(original, Initiative.class);

    assertThat(initiative.locations()).hasSize(3);
    Location nampula = initiative.locations().get(0);
    assertThat(nampula.point().latitude()).isEqualByComparingTo("-15.1165");
    assertThat(nampula.administrative()).extracting(AdministrativeArea::vocabulary).containsExactly("A4", "G1");
    assertThat(nampula.administrative().get(0).level()).isZero();
    assertThat(initiative.policyMarkers()).extracting(PolicyMarker::code).containsExactly("1", "7", "SSTC-SEED");
    assertThat(initiative.humanitarian()).isFalse();
    assertThat(initiative.transactions()).anySatisfy(t -> assertThat(t.reversal()).isTrue());
    assertThat(JSON.readTree(JSON.write(initiative))).isEqualTo(JSON.readTree(original));
    assertThat(JSON.writeString(initiative)).contains("\"point\":{\"latitude\":-15.1165,\"longitude\":39.2666}");
  }

  @Test
  void aSolutionIdRepeatedInAnNdjsonStreamIsReportedOnItsSecondLine() {
    String line = JSON.writeString(solution());
    List<Issue> issues = new java.util.ArrayList<>();

    Validator.standard().validateStream(new java.io.ByteArrayInputStream((line + "\n" + line + "\n")
        .getBytes(StandardCharsets.UTF_8)), Validator.Format.NDJSON, issues::add);

    assertThat(issues).extracting(Issue::code, Issue::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("rule.duplicate-id", "/1/id")); // line 2, counted from 0
  }

  @Test
  void aReversalCountsNegativelyInTotals() {
    Transaction disbursement = Transaction.builder().id("t1").type(TransactionType.DISBURSEMENT)
        .date(java.time.LocalDate.of(2024, 10, 15)).value(Money.of("42000.00", "USD")).build();
    Transaction correction = disbursement.toBuilder().id("t2").reversal(true).value(Money.of("2000.00", "USD")).build();

    assertThat(disbursement.signedAmount()).isEqualByComparingTo("42000.00");
    assertThat(correction.signedAmount()).isEqualByComparingTo("-2000.00");
    assertThat(disbursement.toBuilder().reversal(false).build().signedAmount()).isEqualByComparingTo("42000.00");
  }
}
