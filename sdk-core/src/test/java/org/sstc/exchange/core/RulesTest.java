package org.sstc.exchange.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstc.exchange.core.internal.validation.Findings;
import org.sstc.exchange.core.internal.validation.Pointer;
import org.sstc.exchange.core.internal.validation.RuleChecks;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of the standard beyond the schema ({@code rule.*}), each with failing and passing
 * examples run through {@link Validator#validate(byte[])}. Every example is a fixture of {@code
 * src/test/resources/rules/} changed in one place, and the report must hold exactly the expected
 * issues: code, severity and pointer.
 */
class RulesTest {
  static final String TRIANGULAR = "valid-triangular.json";
  static final String BILATERAL = "valid-bilateral.json";
  static final String REGIONAL = "valid-regional.json";
  static final String ORGANISATION = "valid-organisation.json";
  static final String PACKAGE = "valid-package.json";

  /** Every rule code of standard.md; each must have failing and passing examples below. */
  static final Set<String> RULE_CODES =
      Set.of(
          "rule.triangular-roles",
          "rule.bilateral-roles",
          "rule.bilateral-same-country",
          "rule.regional-countries",
          "rule.sdg-target-goal",
          "rule.sdg-indicator-target",
          "rule.sdg-too-many-targets",
          "rule.sdg-duplicate-link",
          "rule.org-id-legacy",
          "rule.date-order",
          "rule.closed-needs-actual-end",
          "rule.percentage-sum",
          "rule.currency-precision",
          "rule.unknown-participant",
          "rule.duplicate-id",
          "rule.id-prefix",
          "rule.id-prefix-previous",
          "rule.org-id-prefix");

  // ---------------------------------------------------------------- the examples

  static List<Case> failing() {
    return List.of(
        // roles per modality
        fails("rule.triangular-roles", "no second provider", TRIANGULAR,
            root -> set(root, "/participants/1/role", "implementer"),
            error("rule.triangular-roles", "/participants").value("triangular")),
        fails("rule.triangular-roles", "no recipient and no first provider", TRIANGULAR,
            root -> {
              set(root, "/participants/0/role", "funder");
              set(root, "/participants/2/role", "implementer");
            },
            error("rule.triangular-roles", "/participants")),
        fails("rule.bilateral-roles", "no recipient", BILATERAL,
            root -> set(root, "/participants/1/role", "implementer"),
            error("rule.bilateral-roles", "/participants").value("bilateral")),
        fails("rule.bilateral-roles", "triangular roles in a bilateral initiative", TRIANGULAR,
            root -> set(root, "/modality", "bilateral"),
            error("rule.bilateral-roles", "/participants")),
        fails("rule.bilateral-same-country", "provider and recipient both in Brazil", BILATERAL,
            root -> set(root, "/participants/1/country", "BR"),
            warning("rule.bilateral-same-country", "/participants").value("BR")),
        fails("rule.regional-countries", "two countries only", REGIONAL,
            root -> set(root, "/recipientCountries/1/code", "MZ"),
            error("rule.regional-countries", "/participants").value("regional")),
        fails("rule.regional-countries", "no country at all", REGIONAL,
            root -> {
              remove(root, "/participants/0/country");
              remove(root, "/participants/1/country");
              remove(root, "/recipientCountries");
              set(root, "/recipientRegions/0/percentage", 100);
            },
            error("rule.regional-countries", "/participants")),

        // SDGs
        fails("rule.sdg-target-goal", "target 3.4 under goal 2", TRIANGULAR,
            root -> add(root, "/sdgs", "{'goal': '2', 'target': '3.4', 'contribution': 'significant'}"),
            error("rule.sdg-target-goal", "/sdgs/1/target").value("3.4")),
        fails("rule.sdg-indicator-target", "indicator 2.3.1 under target 2.4", TRIANGULAR,
            root -> add(root, "/sdgs",
                "{'goal': '2', 'target': '2.4', 'indicator': '2.3.1', 'contribution': 'significant'}"),
            error("rule.sdg-indicator-target", "/sdgs/1/indicator").value("2.3.1")),
        fails("rule.sdg-indicator-target", "indicator 3.4.1 under goal 2, no target", TRIANGULAR,
            root -> add(root, "/sdgs",
                "{'goal': '2', 'indicator': '3.4.1', 'contribution': 'significant'}"),
            error("rule.sdg-indicator-target", "/sdgs/1/indicator").value("3.4.1")),
        fails("rule.sdg-too-many-targets", "eleven targets", TRIANGULAR,
            root -> sdgTargets(root, "2.1", "2.2", "2.3", "2.4", "2.5", "2.a", "2.b", "2.c",
                "17.1", "17.2", "17.3"),
            warning("rule.sdg-too-many-targets", "/sdgs").value("11")),
        fails("rule.sdg-duplicate-link", "one indicator linked twice (an IATI sector and tag)", TRIANGULAR,
            root -> add(root, "/sdgs", "{'goal': '2', 'target': '2.3', 'indicator': '2.3.1', 'contribution': 'significant'}"),
            warning("rule.sdg-duplicate-link", "/sdgs/1").value("2.3.1")),
        fails("rule.sdg-duplicate-link", "one goal linked three times", TRIANGULAR,
            root -> {
              add(root, "/sdgs", "{'goal': '5', 'contribution': 'significant'}");
              add(root, "/sdgs", "{'goal': '5', 'contribution': 'significant'}");
              add(root, "/sdgs", "{'goal': '5', 'contribution': 'principal'}");
            },
            warning("rule.sdg-duplicate-link", "/sdgs/2").value("5"),
            warning("rule.sdg-duplicate-link", "/sdgs/3").value("5")),

        // dates and status
        fails("rule.date-order", "planned end before planned start", TRIANGULAR,
            root -> set(root, "/dates/plannedEnd", "2022-12-31"),
            error("rule.date-order", "/dates/plannedEnd").value("2022-12-31")),
        fails("rule.date-order", "actual end before actual start", TRIANGULAR,
            root -> set(root, "/dates/actualEnd", "2023-02-28"),
            error("rule.date-order", "/dates/actualEnd").value("2023-02-28")),
        fails("rule.closed-needs-actual-end", "closed without actual end", TRIANGULAR,
            root -> set(root, "/status", "4"),
            error("rule.closed-needs-actual-end", "/dates/actualEnd")),

        // percentages
        fails("rule.percentage-sum", "one country at 90", TRIANGULAR,
            root -> set(root, "/recipientCountries/0/percentage", 90),
            error("rule.percentage-sum", "/recipientCountries").value("90")),
        fails("rule.percentage-sum", "country 100 and region 20", TRIANGULAR,
            root -> add(root, "/recipientRegions", "{'vocabulary': '1', 'code': '289', 'percentage': 20}"),
            error("rule.percentage-sum", "/recipientCountries").value("120")),
        fails("rule.percentage-sum", "regions only, 70", TRIANGULAR,
            root -> {
              remove(root, "/recipientCountries");
              add(root, "/recipientRegions", "{'vocabulary': '1', 'code': '289', 'percentage': 40}");
              add(root, "/recipientRegions", "{'vocabulary': '2', 'code': '014', 'percentage': 30}");
            },
            error("rule.percentage-sum", "/recipientRegions").value("70")),
        fails("rule.percentage-sum", "a share missing counts as 0", TRIANGULAR,
            root -> {
              set(root, "/recipientCountries/0/percentage", 60);
              add(root, "/recipientCountries", "{'code': 'MW'}");
            },
            error("rule.percentage-sum", "/recipientCountries").value("60")),
        fails("rule.percentage-sum", "DAC sectors add up to 90", TRIANGULAR,
            root -> {
              set(root, "/sectors/0/percentage", 60);
              add(root, "/sectors", "{'code': '31161', 'percentage': 30}");
            },
            error("rule.percentage-sum", "/sectors").value("90")),
        fails("rule.percentage-sum", "one vocabulary right, the other wrong", TRIANGULAR,
            root -> {
              add(root, "/sectors", "{'vocabulary': '2', 'code': '311', 'percentage': 50}");
              add(root, "/sectors", "{'vocabulary': '2', 'code': '312', 'percentage': 49.98}");
            },
            error("rule.percentage-sum", "/sectors").value("99.98")),

        // money
        fails("rule.currency-precision", "USD with 3 decimals", TRIANGULAR,
            root -> set(root, "/budgets/0/value/amount", "10.505"),
            error("rule.currency-precision", "/budgets/0/value/amount").value("10.505")),
        fails("rule.currency-precision", "JPY with a decimal point", TRIANGULAR,
            root -> set(root, "/transactions/0/value/amount", "100.0"),
            error("rule.currency-precision", "/transactions/0/value/amount").value("100.0")),
        fails("rule.currency-precision", "KWD with 4 decimals, in a contribution", TRIANGULAR,
            root -> {
              set(root, "/contributions/1/value/currency", "KWD");
              set(root, "/contributions/1/value/amount", "1500.1250");
            },
            error("rule.currency-precision", "/contributions/1/value/amount").value("1500.1250")),

        // references and ids
        fails("rule.unknown-participant", "providerId", TRIANGULAR,
            root -> set(root, "/transactions/0/providerId", "p-china"),
            error("rule.unknown-participant", "/transactions/0/providerId").value("p-china")),
        fails("rule.unknown-participant", "receiverId", TRIANGULAR,
            root -> set(root, "/transactions/0/receiverId", "p-undp"),
            error("rule.unknown-participant", "/transactions/0/receiverId").value("p-undp")),
        fails("rule.unknown-participant", "participantId", TRIANGULAR,
            root -> set(root, "/contributions/0/participantId", "p-embrapa"),
            error("rule.unknown-participant", "/contributions/0/participantId").value("p-embrapa")),
        fails("rule.duplicate-id", "participants", TRIANGULAR,
            root -> {
              // Brazil and Japan swap places, so that every reference still resolves.
              set(root, "/participants/1/id", "p-brazil");
              set(root, "/transactions/0/providerId", "p-brazil");
              set(root, "/contributions/1/participantId", "p-brazil");
            },
            error("rule.duplicate-id", "/participants/1/id").value("p-brazil")),
        fails("rule.duplicate-id", "budgets, second and third use", TRIANGULAR,
            root -> {
              add(root, "/budgets", copy(root, "/budgets/0"));
              add(root, "/budgets", copy(root, "/budgets/0"));
            },
            error("rule.duplicate-id", "/budgets/1/id"),
            error("rule.duplicate-id", "/budgets/2/id")),
        fails("rule.duplicate-id", "transactions", TRIANGULAR,
            root -> add(root, "/transactions", copy(root, "/transactions/0")),
            error("rule.duplicate-id", "/transactions/1/id").value("t-001")),
        fails("rule.duplicate-id", "contributions", TRIANGULAR,
            root -> set(root, "/contributions/1/id", "c-brazil"),
            error("rule.duplicate-id", "/contributions/1/id")),
        fails("rule.duplicate-id", "results", TRIANGULAR,
            root -> add(root, "/results", copy(root, "/results/0")),
            error("rule.duplicate-id", "/results/1/id")),
        fails("rule.duplicate-id", "indicators of one result", TRIANGULAR,
            root -> add(root, "/results/0/indicators", copy(root, "/results/0/indicators/0")),
            error("rule.duplicate-id", "/results/0/indicators/1/id")),
        fails("rule.duplicate-id", "documents", TRIANGULAR,
            root -> add(root, "/documents", copy(root, "/documents/0")),
            error("rule.duplicate-id", "/documents/1/id")),
        fails("rule.id-prefix", "another organisation's prefix", TRIANGULAR,
            root -> set(root, "/id", "XM-DAC-41114-TRI-BR-JP-MZ-001"),
            error("rule.id-prefix", "/id").value("XM-DAC-41114-TRI-BR-JP-MZ-001")),
        fails("rule.id-prefix", "no hyphen after the org id", TRIANGULAR,
            root -> set(root, "/id", "XM-DAC-41301TRI001"),
            error("rule.id-prefix", "/id")),
        fails("rule.id-prefix-previous", "an id under the reporting organisation's previous id (IATI B1)", TRIANGULAR,
            root -> {
              set(root, "/id", "GB-1-TRI-001");
              add(root, "/otherIdentifiers", "{\"scheme\": \"iati-b1\", \"id\": \"GB-1\"}");
            },
            warning("rule.id-prefix-previous", "/id").value("GB-1-TRI-001")),
        fails("rule.id-prefix", "a previous id in another scheme than iati-b1", TRIANGULAR,
            root -> {
              set(root, "/id", "GB-1-TRI-001");
              add(root, "/otherIdentifiers", "{\"scheme\": \"iati-a1\", \"id\": \"GB-1\"}");
            },
            error("rule.id-prefix", "/id").value("GB-1-TRI-001")),
        fails("rule.id-prefix", "nothing after the org id", TRIANGULAR,
            root -> set(root, "/id", "XM-DAC-41301-"),
            error("rule.id-prefix", "/id")),
        fails("rule.org-id-prefix", "unknown agency in a participant", TRIANGULAR,
            root -> set(root, "/participants/1/orgId", "ZZ-ABC-701-8"),
            error("rule.org-id-prefix", "/participants/1/orgId").value("ZZ-ABC-701-8")),
        fails("rule.org-id-prefix", "withdrawn agency in a participant", TRIANGULAR,
            root -> set(root, "/participants/3/orgId", "GB-GOVUK-dfid"),
            error("rule.org-id-prefix", "/participants/3/orgId").value("GB-GOVUK-dfid")),
        fails("rule.org-id-prefix", "unknown agency as reporting organisation", TRIANGULAR,
            root -> {
              set(root, "/reportingOrg/id", "ZZ-UN-41301");
              set(root, "/id", "ZZ-UN-41301-TRI-BR-JP-MZ-001");
            },
            error("rule.org-id-prefix", "/reportingOrg/id")),
        fails("rule.org-id-prefix", "organisation id", ORGANISATION,
            root -> set(root, "/id", "JP-XYZ-701-8"),
            error("rule.org-id-prefix", "/id")),
        fails("rule.org-id-prefix", "organisation parentId, withdrawn", ORGANISATION,
            root -> set(root, "/parentId", "US-DOS-701"),
            error("rule.org-id-prefix", "/parentId").value("US-DOS-701")),
        fails("rule.org-id-prefix", "package publisher", PACKAGE,
            root -> set(root, "/publisher/id", "ZZ-DAC-41301"),
            error("rule.org-id-prefix", "/publisher/id")),
        // IATI's long-standing publisher ids: a warning, as IATI's own rule for existing publishers.
        fails("rule.org-id-legacy", "a DAC code as reporting organisation (UNDP)", TRIANGULAR,
            root -> {
              set(root, "/reportingOrg/id", "41AAA");
              set(root, "/id", "41AAA-TRI-1");
            },
            warning("rule.org-id-legacy", "/reportingOrg/id").value("41AAA")),
        fails("rule.org-id-legacy", "a DAC number as a participant (World Bank)", TRIANGULAR,
            root -> set(root, "/participants/1/orgId", "44000"),
            warning("rule.org-id-legacy", "/participants/1/orgId").value("44000")),
        fails("rule.org-id-legacy", "a country and a number as package publisher (Canada)", PACKAGE,
            root -> set(root, "/publisher/id", "CA-3"),
            warning("rule.org-id-legacy", "/publisher/id").value("CA-3")),
        fails("rule.org-id-legacy", "a government id as reporting organisation (USAID)", TRIANGULAR,
            root -> {
              set(root, "/reportingOrg/id", "US-GOV-1");
              set(root, "/id", "US-GOV-1-TRI-1");
            },
            warning("rule.org-id-legacy", "/reportingOrg/id").value("US-GOV-1")),
        fails("rule.org-id-legacy", "a government id as organisation id (KOICA)", ORGANISATION,
            root -> set(root, "/id", "KR-GOV-010"),
            warning("rule.org-id-legacy", "/id").value("KR-GOV-010")));
  }

  static List<Case> passing() {
    return List.of(
        passes("rule.triangular-roles", "several partners per role", TRIANGULAR,
            root -> add(root, "/participants",
                "{'id': 'p-malawi', 'name': 'Ministry of Agriculture of Malawi', 'orgType': '10',"
                    + " 'country': 'MW', 'role': 'recipient'}")),
        passes("rule.bilateral-roles", "provider and recipient", BILATERAL, root -> {}),
        passes("rule.bilateral-same-country", "a partner without country", BILATERAL,
            root -> remove(root, "/participants/1/country")),
        passes("rule.bilateral-same-country", "the same country in a triangular", TRIANGULAR,
            root -> set(root, "/participants/1/country", "BR")),
        passes("rule.regional-countries", "participants' and recipient countries together",
            REGIONAL, root -> {}),
        passes("rule.sdg-target-goal", "target of its goal", TRIANGULAR,
            root -> add(root, "/sdgs", "{'goal': '14', 'target': '14.b', 'contribution': 'significant'}")),
        passes("rule.sdg-indicator-target", "indicator of its target", TRIANGULAR,
            root -> add(root, "/sdgs",
                "{'goal': '17', 'target': '17.9', 'indicator': '17.9.1', 'contribution': 'significant'}")),
        passes("rule.sdg-indicator-target", "indicator of the goal, no target", TRIANGULAR,
            root -> add(root, "/sdgs", "{'goal': '2', 'indicator': '2.1.2', 'contribution': 'significant'}")),
        passes("rule.sdg-too-many-targets", "ten targets, one named again with an indicator", TRIANGULAR,
            root -> {
              sdgTargets(root, "2.1", "2.2", "2.3", "2.4", "2.5", "2.a", "2.b", "2.c", "17.1", "17.2");
              add(root, "/sdgs", "{'goal': '2', 'target': '2.3', 'indicator': '2.3.1', 'contribution': 'significant'}");
            }),
        passes("rule.date-order", "ends on the day it starts", TRIANGULAR,
            root -> {
              set(root, "/dates/plannedEnd", "2023-01-15");
              set(root, "/dates/actualEnd", "2023-03-01");
            }),
        passes("rule.date-order", "actual end after planned end", TRIANGULAR,
            root -> set(root, "/dates/actualEnd", "2026-06-30")),
        passes("rule.closed-needs-actual-end", "closed with an actual end", TRIANGULAR,
            root -> {
              set(root, "/status", "4");
              set(root, "/dates/actualEnd", "2025-12-20");
            }),
        passes("rule.closed-needs-actual-end", "cancelled without an actual end", TRIANGULAR,
            root -> set(root, "/status", "5")),
        passes("rule.percentage-sum", "country 85 and region 15", TRIANGULAR,
            root -> {
              set(root, "/recipientCountries/0/percentage", 85);
              add(root, "/recipientRegions", "{'vocabulary': '1', 'code': '289', 'percentage': 15}");
            }),
        passes("rule.percentage-sum", "thirds within the 0.01 tolerance", TRIANGULAR,
            root -> {
              set(root, "/recipientCountries/0/percentage", new BigDecimal("33.33"));
              add(root, "/recipientCountries", "{'code': 'MW', 'percentage': 33.33}");
              add(root, "/recipientCountries", "{'code': 'ZM', 'percentage': 33.33}");
            }),
        passes("rule.percentage-sum", "no percentages at all", TRIANGULAR,
            root -> {
              remove(root, "/recipientCountries/0/percentage");
              remove(root, "/sectors/0/percentage");
              add(root, "/recipientCountries", "{'code': 'MW'}");
            }),
        passes("rule.percentage-sum", "each vocabulary sums to 100 on its own", TRIANGULAR,
            root -> {
              set(root, "/sectors/0/percentage", 60);
              add(root, "/sectors", "{'code': '31161', 'percentage': 40}");
              add(root, "/sectors", "{'vocabulary': '2', 'code': '311', 'percentage': 100}");
              add(root, "/sectors", "{'vocabulary': '7', 'code': '2'}");
            }),
        passes("rule.currency-precision", "USD with 2 decimals, trailing zero kept", TRIANGULAR,
            root -> set(root, "/budgets/0/value/amount", "10.50")),
        passes("rule.currency-precision", "KWD with 3 decimals", TRIANGULAR,
            root -> {
              set(root, "/budgets/0/value/currency", "KWD");
              set(root, "/budgets/0/value/amount", "1500.125");
            }),
        passes("rule.currency-precision", "JPY whole number", TRIANGULAR,
            root -> set(root, "/transactions/0/value/amount", "100")),
        passes("rule.currency-precision", "gold has no minor units to compare with", TRIANGULAR,
            root -> {
              set(root, "/budgets/0/value/currency", "XAU");
              set(root, "/budgets/0/value/amount", "12.123456");
            }),
        passes("rule.unknown-participant", "references to participants", TRIANGULAR,
            root -> {
              set(root, "/transactions/0/providerId", "p-fao");
              set(root, "/transactions/0/receiverId", "p-mozambique");
            }),
        passes("rule.duplicate-id", "the same id in different arrays", TRIANGULAR,
            root -> {
              set(root, "/budgets/0/id", "x-1");
              set(root, "/transactions/0/id", "x-1");
              set(root, "/documents/0/id", "x-1");
            }),
        passes("rule.duplicate-id", "the same indicator id in two results", TRIANGULAR,
            root -> {
              ObjectNode second = (ObjectNode) copy(root, "/results/0");
              second.put("id", "r-2");
              add(root, "/results", second);
            }),
        passes("rule.id-prefix", "reporting org id, hyphen, local id", TRIANGULAR,
            root -> set(root, "/id", "XM-DAC-41301-X")),
        passes("rule.id-prefix-previous", "a previous id listed, the id under the current one", TRIANGULAR,
            root -> {
              set(root, "/id", "XM-DAC-41301-X");
              add(root, "/otherIdentifiers", "{\"scheme\": \"iati-b1\", \"id\": \"GB-1\"}");
            }),
        passes("rule.org-id-prefix", "sub-national agency with an underscore", TRIANGULAR,
            root -> set(root, "/participants/0/orgId", "CA_AB-ABT-2012345678")),
        passes("rule.org-id-prefix", "an organisation with a known parent", ORGANISATION,
            root -> {}),
        passes("rule.sdg-duplicate-link", "a goal, and a target of that goal", TRIANGULAR,
            root -> add(root, "/sdgs", "{'goal': '2', 'contribution': 'significant'}")),
        passes("rule.org-id-legacy", "an org-id.guide identifier", TRIANGULAR, root -> {}),
        passes("rule.org-id-prefix", "a package publisher", PACKAGE,
            root -> set(root, "/publisher/id", "XI-IATI-EC_FPI")));
  }

  // ---------------------------------------------------------------- the tests

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TRIANGULAR, BILATERAL, REGIONAL, ORGANISATION, PACKAGE})
  void validFixtureHasNoIssueAtAll(String fixture) {
    ValidationReport report = validate(fixture(fixture));
    assertEquals(List.of(), report.issues(), fixture);
    assertTrue(report.valid());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failing")
  void failingExampleIsReported(Case example) {
    example.assertReported();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("passing")
  void passingExampleHasNoIssue(Case example) {
    example.assertReported();
  }

  @Test
  void everyRuleHasAFailingAndAPassingExample() {
    assertEquals(RULE_CODES, failing().stream().map(Case::code).collect(Collectors.toSet()));
    assertEquals(RULE_CODES, passing().stream().map(Case::code).collect(Collectors.toSet()));
  }

  @Test
  void messagesNameTheValuesAndTheFix() {
    assertMessage(TRIANGULAR,
        root -> add(root, "/sdgs", "{'goal': '2', 'target': '3.4', 'contribution': 'significant'}"),
        "target 3.4 belongs to goal 3, but this link names goal 2: change the goal to 3 or pick a"
            + " target of goal 2");
    assertMessage(TRIANGULAR,
        root -> {
          set(root, "/dates/plannedStart", "2019-06-30");
          set(root, "/dates/plannedEnd", "2019-01-01");
          set(root, "/dates/actualStart", "2019-07-01");
        },
        "the planned end 2019-01-01 is before the planned start 2019-06-30: swap them or correct"
            + " one");
    assertMessage(TRIANGULAR,
        root -> set(root, "/budgets/0/value/amount", "10.505"),
        "USD amounts have at most 2 decimal places; '10.505' has 3: round it to 2 decimal places");
    assertMessage(TRIANGULAR,
        root -> set(root, "/transactions/0/value/amount", "100.0"),
        "JPY amounts have no decimal places; '100.0' has 1: write a whole number, without a"
            + " decimal point");
  }

  @Test
  void anOrgIdThatIsNeitherCurrentNorLegacyKeepsItsErrorAndItsMessageNamesOnlyCharactersItHas() {
    for (String id : List.of("35", "FAO", "41AAAA", "CA-12345", "ZZ-GOV-1")) {
      ValidationReport report = validate(TRIANGULAR, root -> set(root, "/reportingOrg/id", id));
      assertFalse(report.valid(), id);
      assertTrue(report.issues().stream().noneMatch(i -> i.code().equals("rule.org-id-legacy")), () -> id + ": " + report.issues());
    }
    Issue plain = validate(TRIANGULAR, root -> set(root, "/reportingOrg/id", "35")).issues().stream()
        .filter(i -> i.pointer().equals("/reportingOrg/id")).findFirst().orElseThrow();
    assertEquals("schema.pattern", plain.code());
    assertTrue(plain.message().contains("XM-DAC-41301"), plain::message);
    assertFalse(plain.message().contains("/") || plain.message().contains("#") || plain.message().contains("|"), plain::message);
    Issue spaced = validate(TRIANGULAR, root -> set(root, "/reportingOrg/id", "XM-DAC-413 01")).issues().stream()
        .filter(i -> i.pointer().equals("/reportingOrg/id")).findFirst().orElseThrow();
    assertTrue(spaced.message().contains("a space"), spaced::message);
    assertFalse(spaced.message().contains("'/'"), spaced::message);
  }

  @Test
  void withdrawnAgencyIsSaidToBeWithdrawn() {
    Issue issue = single(TRIANGULAR, root -> set(root, "/participants/3/orgId", "GB-GOVUK-dfid"));
    assertTrue(issue.message().contains("withdrawn"), issue.message());
    Issue unknown = single(TRIANGULAR, root -> set(root, "/participants/3/orgId", "ZZ-ABC-1"));
    assertFalse(unknown.message().contains("withdrawn"), unknown.message());
  }

  /** A value of the wrong shape is the schema's to report: no rule repeats it. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/participants/1/orgId=FAO",
        "/reportingOrg/id=fao",
        "/id=XM-DAC-41301 TRI 001",
        "/transactions/0/providerId=p japan",
        "/sdgs/0/goal=two",
        "/sdgs/0/target=2-3",
        "/participants/0/role=first_provider"
      })
  void malformedValuesAreLeftToTheSchema(String change) {
    String[] parts = change.split("=", 2);
    ValidationReport report = validate(TRIANGULAR, root -> set(root, parts[0], parts[1]));
    assertFalse(report.issues().isEmpty(), "the schema reports " + change);
    for (Issue issue : report.issues()) {
      assertTrue(
          issue.code().startsWith("schema."), "only schema issues for " + change + ": " + issue);
    }
  }

  /**
   * A record that lacks a required member has no model object (no accessor may return null): the
   * schema names what is missing, and a code outside its closed list is still reported from the
   * document, so the report says everything the record's JSON gets wrong there.
   */
  @Test
  void aRecordThatLacksARequiredMemberIsReportedAndItsClosedCodesStillChecked() {
    ValidationReport report = validate(TRIANGULAR, root -> {
      root.remove("title");
      root.put("status", "9");
      ((ObjectNode) root.withArray("transactions").get(0)).put("type", "99");
    });
    assertTrue(has(report, "schema.required", "/title"), report::toString);
    assertTrue(has(report, "codelist.unknown-code", "/status"), report::toString);
    assertTrue(has(report, "codelist.unknown-code", Pointer.of("transactions", 0, "type")), report::toString);
    assertFalse(Validator.standard().validateAndRead(MAPPER.writeValueAsBytes(fixtureWithout("title"))).record().isPresent(),
        "an incomplete record is not bound");
  }

  /** A status outside ActivityStatus binds as nothing, and a required one at that: never "valid". */
  @Test
  void aRequiredCodeOutsideItsClosedListIsAnErrorAlthoughTheRecordCannotBind() {
    ValidationReport report = validate(TRIANGULAR, root -> root.put("status", "9"));
    assertFalse(report.valid(), report::toString);
    assertTrue(has(report, "codelist.unknown-code", "/status"), report::toString);
  }

  private static boolean has(ValidationReport report, String code, String pointer) {
    return report.errors().stream().anyMatch(i -> i.code().equals(code) && i.pointer().equals(pointer));
  }

  private static ObjectNode fixtureWithout(String member) {
    ObjectNode root = fixture(TRIANGULAR);
    root.remove(member);
    return root;
  }

  /**
   * Records that lack members anywhere are reported, never a crash: the rules see only complete
   * records, and what is checked of an incomplete one reads its JSON whatever its shape.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"recordType\":\"initiative\"}",
      "{\"recordType\":\"initiative\",\"status\":4,\"participants\":[{},7,{\"iatiRoles\":[null,\"9\",{}]}],"
          + "\"budgets\":[{\"value\":{}},\"b\"],\"transactions\":{\"type\":\"99\"}}",
      "{\"recordType\":\"initiative\",\"reportingOrg\":{},\"dates\":{\"actualEnd\":\"2020-01-01\"},\"status\":\"4\","
          + "\"sdgs\":[{}],\"results\":[{\"indicators\":[{}]}],\"documents\":[{}]}",
      "{\"recordType\":\"organisation\"}",
      "{\"recordType\":\"package\"}",
      "{\"recordType\":\"package\",\"publisher\":{},\"initiatives\":[{\"recordType\":\"initiative\"}]}",
      "{\"recordType\":\"solution\"}"
  })
  void incompleteRecordsAreReportedNeverACrash(String document) {
    ValidationReport report = Validator.standard().validate(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertFalse(report.valid(), document);
    assertTrue(report.errors().stream().anyMatch(i -> i.code().equals("schema.required")), report::toString);
  }

  // ---------------------------------------------------------------- the harness

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  /** What a report must hold: severity, code and pointer exactly, and the value where given. */
  record Expected(Severity severity, String code, String pointer, @Nullable String value) {
    Expected value(String expectedValue) {
      return new Expected(severity, code, pointer, expectedValue);
    }

    String key() {
      return severity + " " + code + " " + pointer;
    }
  }

  static Expected error(String code, String pointer) {
    return new Expected(Severity.ERROR, code, pointer, null);
  }

  static Expected warning(String code, String pointer) {
    return new Expected(Severity.WARNING, code, pointer, null);
  }

  /** One example: a fixture, one change, and every issue the report must then hold. */
  record Case(
      String code,
      String name,
      String fixture,
      Consumer<ObjectNode> change,
      List<Expected> expected) {

    void assertReported() {
      ValidationReport report = validate(fixture, change);
      Set<String> found = new TreeSet<>();
      for (Issue issue : report.issues()) {
        found.add(issue.severity() + " " + issue.code() + " " + issue.pointer());
        assertFalse(issue.message().isBlank(), "a message for " + issue);
      }
      Set<String> wanted =
          expected.stream().map(Expected::key).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(wanted, found, () -> this + ": " + report.issues());
      for (Expected want : expected) {
        if (want.value() != null) {
          Issue issue =
              report.issues().stream()
                  .filter(i -> want.key().equals(i.severity() + " " + i.code() + " " + i.pointer()))
                  .findFirst()
                  .orElseThrow();
          assertNotNull(issue.value(), "a value for " + issue);
          assertEquals(want.value(), issue.value().asString(), "value of " + issue);
          assertTrue(
              issue.message().contains(want.value()), "the message names the value: " + issue);
        }
      }
      boolean noError = expected.stream().noneMatch(e -> e.severity() == Severity.ERROR);
      assertEquals(noError, report.valid());
    }

    @Override
    public String toString() {
      return code + ": " + name + (expected.isEmpty() ? " (passes)" : "");
    }
  }

  static Case fails(
      String code, String name, String fixture, Consumer<ObjectNode> change, Expected... expected) {
    return new Case(code, name, fixture, change, List.of(expected));
  }

  static Case passes(String code, String name, String fixture, Consumer<ObjectNode> change) {
    return new Case(code, name, fixture, change, List.of());
  }

  static ValidationReport validate(String fixture, Consumer<ObjectNode> change) {
    ObjectNode root = fixture(fixture);
    change.accept(root);
    return validate(root);
  }

  static ValidationReport validate(ObjectNode root) {
    return Validator.standard().validate(MAPPER.writeValueAsBytes(root));
  }

  static Issue single(String fixture, Consumer<ObjectNode> change) {
    List<Issue> issues = validate(fixture, change).issues();
    assertEquals(1, issues.size(), () -> issues.toString());
    return issues.get(0);
  }

  static void assertMessage(String fixture, Consumer<ObjectNode> change, String message) {
    assertEquals(message, single(fixture, change).message());
  }

  /** A fresh, mutable copy of a fixture of {@code src/test/resources/rules/}. */
  static ObjectNode fixture(String name) {
    try (InputStream in = RulesTest.class.getResourceAsStream("/rules/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture rules/" + name);
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON snippet; single quotes allowed. */
  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  /** Sets the value at a pointer: a String, a number or a JsonNode. */
  static void set(ObjectNode root, String pointer, Object value) {
    JsonPointer path = JsonPointer.compile(pointer);
    JsonNode parent = root.at(path.head());
    JsonNode node = toNode(value);
    if (parent instanceof ArrayNode array) {
      array.set(path.last().getMatchingIndex(), node);
    } else {
      ((ObjectNode) parent).set(path.last().getMatchingProperty(), node);
    }
  }

  static void remove(ObjectNode root, String pointer) {
    JsonPointer path = JsonPointer.compile(pointer);
    JsonNode parent = root.at(path.head());
    if (parent instanceof ArrayNode array) {
      array.remove(path.last().getMatchingIndex());
    } else {
      ((ObjectNode) parent).remove(path.last().getMatchingProperty());
    }
  }

  /** Appends to the array at a pointer, creating it if absent. */
  static void add(ObjectNode root, String arrayPointer, Object value) {
    JsonPointer path = JsonPointer.compile(arrayPointer);
    JsonNode array = root.at(path);
    if (array.isMissingNode()) {
      array = ((ObjectNode) root.at(path.head())).putArray(path.last().getMatchingProperty());
    }
    boolean snippet = value instanceof String text && text.startsWith("{");
    ((ArrayNode) array).add(snippet ? json((String) value) : toNode(value));
  }

  static JsonNode copy(ObjectNode root, String pointer) {
    return root.at(pointer).deepCopy();
  }

  /** Replaces the SDG links with one link per target, each under its own goal. */
  static void sdgTargets(ObjectNode root, String... targets) {
    ArrayNode sdgs = root.putArray("sdgs");
    Arrays.stream(targets)
        .forEach(
            target ->
                sdgs.addObject()
                    .put("goal", target.substring(0, target.indexOf('.')))
                    .put("target", target)
                    .put("contribution", "significant"));
  }

  private static JsonNode toNode(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof BigDecimal decimal) {
      return nodes.numberNode(decimal);
    }
    if (value instanceof Integer number) {
      return nodes.numberNode(number);
    }
    return nodes.stringNode(String.valueOf(value));
  }
}
