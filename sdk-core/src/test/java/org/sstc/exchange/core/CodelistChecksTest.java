package org.sstc.exchange.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sstc.exchange.core.RulesTest.BILATERAL;
import static org.sstc.exchange.core.RulesTest.ORGANISATION;
import static org.sstc.exchange.core.RulesTest.REGIONAL;
import static org.sstc.exchange.core.RulesTest.TRIANGULAR;
import static org.sstc.exchange.core.RulesTest.add;
import static org.sstc.exchange.core.RulesTest.error;
import static org.sstc.exchange.core.RulesTest.fails;
import static org.sstc.exchange.core.RulesTest.passes;
import static org.sstc.exchange.core.RulesTest.remove;
import static org.sstc.exchange.core.RulesTest.set;
import static org.sstc.exchange.core.RulesTest.warning;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sstc.exchange.core.RulesTest.Case;

/**
 * The codelist checks: a code outside a closed list is an error ({@code codelist.unknown-code}),
 * outside an open list a warning ({@code codelist.open-code}), a withdrawn code a warning ({@code
 * codelist.withdrawn-code}); the pointer names the code. One example per coded field.
 */
class CodelistChecksTest {
  static final String UNKNOWN = "codelist.unknown-code";
  static final String OPEN = "codelist.open-code";
  static final String WITHDRAWN = "codelist.withdrawn-code";

  static List<Case> failing() {
    return List.of(
        // closed lists: an error
        fails(UNKNOWN, "activity status", TRIANGULAR,
            root -> set(root, "/status", "7"),
            error(UNKNOWN, "/status").value("7")),
        fails(UNKNOWN, "participant country", TRIANGULAR,
            root -> set(root, "/participants/0/country", "XX"),
            error(UNKNOWN, "/participants/0/country").value("XX")),
        fails(UNKNOWN, "IATI organisation role", TRIANGULAR,
            root -> set(root, "/participants/2/iatiRoles/1", "5"),
            error(UNKNOWN, "/participants/2/iatiRoles/1").value("5")),
        fails(UNKNOWN, "recipient country", TRIANGULAR,
            root -> set(root, "/recipientCountries/0/code", "UK"),
            error(UNKNOWN, "/recipientCountries/0/code").value("UK")),
        fails(UNKNOWN, "UN M49 region", TRIANGULAR,
            root -> add(root, "/recipientRegions", "{'vocabulary': '2', 'code': '999'}"),
            error(UNKNOWN, "/recipientRegions/0/code").value("999")),
        fails(UNKNOWN, "SDG goal", TRIANGULAR,
            root -> add(root, "/sdgs", "{'goal': '18', 'contribution': 'significant'}"),
            error(UNKNOWN, "/sdgs/1/goal").value("18")),
        fails(UNKNOWN, "SDG target", TRIANGULAR,
            root -> set(root, "/sdgs/0/target", "2.9"),
            error(UNKNOWN, "/sdgs/0/target").value("2.9")),
        fails(UNKNOWN, "SDG indicator", TRIANGULAR,
            root -> set(root, "/sdgs/0/indicator", "2.3.9"),
            error(UNKNOWN, "/sdgs/0/indicator").value("2.3.9")),
        fails(UNKNOWN, "sector in the SDG goal vocabulary", TRIANGULAR,
            root -> add(root, "/sectors", "{'vocabulary': '7', 'code': '18'}"),
            error(UNKNOWN, "/sectors/1/code").value("18")),
        fails(UNKNOWN, "sector in the SDG target vocabulary", TRIANGULAR,
            root -> add(root, "/sectors", "{'vocabulary': '8', 'code': '2.9'}"),
            error(UNKNOWN, "/sectors/1/code")),
        fails(UNKNOWN, "sector in the SDG indicator vocabulary", TRIANGULAR,
            root -> add(root, "/sectors", "{'vocabulary': '9', 'code': '2.3.9'}"),
            error(UNKNOWN, "/sectors/1/code")),
        fails(UNKNOWN, "budget type", TRIANGULAR,
            root -> set(root, "/budgets/0/type", "3"),
            error(UNKNOWN, "/budgets/0/type").value("3")),
        fails(UNKNOWN, "budget status", TRIANGULAR,
            root -> set(root, "/budgets/0/status", "0"),
            error(UNKNOWN, "/budgets/0/status").value("0")),
        fails(UNKNOWN, "budget currency", TRIANGULAR,
            root -> set(root, "/budgets/0/value/currency", "XYZ"),
            error(UNKNOWN, "/budgets/0/value/currency").value("XYZ")),
        fails(UNKNOWN, "transaction currency", TRIANGULAR,
            root -> set(root, "/transactions/0/value/currency", "YEN"),
            error(UNKNOWN, "/transactions/0/value/currency")),
        fails(UNKNOWN, "contribution currency", TRIANGULAR,
            root -> set(root, "/contributions/1/value/currency", "JPN"),
            error(UNKNOWN, "/contributions/1/value/currency")),
        fails(UNKNOWN, "transaction type", TRIANGULAR,
            root -> set(root, "/transactions/0/type", "14"),
            error(UNKNOWN, "/transactions/0/type").value("14")),
        fails(UNKNOWN, "indicator's SDG indicator", TRIANGULAR,
            root -> set(root, "/results/0/indicators/0/sdgIndicator", "2.3.7"),
            error(UNKNOWN, "/results/0/indicators/0/sdgIndicator").value("2.3.7")),
        fails(UNKNOWN, "document category", TRIANGULAR,
            root -> set(root, "/documents/0/category", "A99"),
            error(UNKNOWN, "/documents/0/category").value("A99")),
        fails(UNKNOWN, "organisation country", ORGANISATION,
            root -> set(root, "/country", "XX"),
            error(UNKNOWN, "/country").value("XX")),

        // open lists: a warning
        fails(OPEN, "participant organisation type", TRIANGULAR,
            root -> set(root, "/participants/0/orgType", "99"),
            warning(OPEN, "/participants/0/orgType").value("99")),
        fails(OPEN, "region vocabulary", TRIANGULAR,
            root -> add(root, "/recipientRegions", "{'vocabulary': '98', 'code': 'SADC'}"),
            warning(OPEN, "/recipientRegions/0/vocabulary").value("98")),
        fails(OPEN, "OECD DAC region", TRIANGULAR,
            root -> add(root, "/recipientRegions", "{'vocabulary': '1', 'code': '999'}"),
            warning(OPEN, "/recipientRegions/0/code").value("999")),
        fails(OPEN, "sector vocabulary", TRIANGULAR,
            root -> set(root, "/sectors/0/vocabulary", "77"),
            warning(OPEN, "/sectors/0/vocabulary").value("77")),
        fails(OPEN, "DAC 5-digit sector", TRIANGULAR,
            root -> set(root, "/sectors/0/code", "31199"),
            warning(OPEN, "/sectors/0/code").value("31199")),
        fails(OPEN, "DAC 5-digit sector, vocabulary left out", TRIANGULAR,
            root -> {
              remove(root, "/sectors/0/vocabulary");
              set(root, "/sectors/0/code", "99999");
            },
            warning(OPEN, "/sectors/0/code")),
        fails(OPEN, "DAC 3-digit sector", TRIANGULAR,
            root -> {
              set(root, "/sectors/0/vocabulary", "2");
              set(root, "/sectors/0/code", "319");
            },
            warning(OPEN, "/sectors/0/code").value("319")),
        fails(OPEN, "result type", TRIANGULAR,
            root -> set(root, "/results/0/type", "8"),
            warning(OPEN, "/results/0/type").value("8")),
        fails(OPEN, "indicator measure", TRIANGULAR,
            root -> set(root, "/results/0/indicators/0/measure", "6"),
            warning(OPEN, "/results/0/indicators/0/measure").value("6")),
        fails(OPEN, "document language", TRIANGULAR,
            root -> set(root, "/documents/0/languages/1", "xx"),
            warning(OPEN, "/documents/0/languages/1").value("xx")),
        fails(OPEN, "organisation type of an organisation", ORGANISATION,
            root -> set(root, "/orgType", "99"),
            warning(OPEN, "/orgType").value("99")),

        // withdrawn codes: a warning
        fails(WITHDRAWN, "participant country", TRIANGULAR,
            root -> set(root, "/participants/2/country", "AN"),
            warning(WITHDRAWN, "/participants/2/country").value("AN")),
        fails(WITHDRAWN, "recipient country", REGIONAL,
            root -> set(root, "/recipientCountries/1/code", "AN"),
            warning(WITHDRAWN, "/recipientCountries/1/code").value("AN")),
        fails(WITHDRAWN, "OECD DAC region", TRIANGULAR,
            root -> add(root, "/recipientRegions", "{'vocabulary': '1', 'code': '380'}"),
            warning(WITHDRAWN, "/recipientRegions/0/code").value("380")),
        fails(WITHDRAWN, "UN M49 region", TRIANGULAR,
            root -> add(root, "/recipientRegions", "{'vocabulary': '2', 'code': '680'}"),
            warning(WITHDRAWN, "/recipientRegions/0/code").value("680")),
        fails(WITHDRAWN, "SDG indicator", TRIANGULAR,
            root -> add(root, "/sdgs",
                "{'goal': '17', 'target': '17.6', 'indicator': '17.6.2', 'contribution': 'significant'}"),
            warning(WITHDRAWN, "/sdgs/1/indicator").value("17.6.2")),
        fails(WITHDRAWN, "DAC 5-digit sector", TRIANGULAR,
            root -> set(root, "/sectors/0/code", "11321"),
            warning(WITHDRAWN, "/sectors/0/code").value("11321")),
        fails(WITHDRAWN, "DAC 3-digit sector", TRIANGULAR,
            root -> add(root, "/sectors", "{'vocabulary': '2', 'code': '230'}"),
            warning(WITHDRAWN, "/sectors/1/code").value("230")),
        fails(WITHDRAWN, "currency", TRIANGULAR,
            root -> set(root, "/budgets/0/value/currency", "BGN"),
            warning(WITHDRAWN, "/budgets/0/value/currency").value("BGN")),
        fails(WITHDRAWN, "organisation country", ORGANISATION,
            root -> set(root, "/country", "AN"),
            warning(WITHDRAWN, "/country")),

        // a withdrawn currency still has its minor units
        fails(WITHDRAWN, "withdrawn currency, too many decimals", TRIANGULAR,
            root -> {
              set(root, "/budgets/0/value/currency", "BGN");
              set(root, "/budgets/0/value/amount", "10.505");
            },
            warning(WITHDRAWN, "/budgets/0/value/currency"),
            error("rule.currency-precision", "/budgets/0/value/amount")));
  }

  static List<Case> passing() {
    return List.of(
        passes(UNKNOWN, "every coded field of the triangular fixture", TRIANGULAR, root -> {}),
        passes(UNKNOWN, "UN M49 region, leading zeros", REGIONAL,
            root -> set(root, "/recipientRegions/0/code", "014")),
        passes(UNKNOWN, "sector codes in the SDG vocabularies", TRIANGULAR,
            root -> {
              add(root, "/sectors", "{'vocabulary': '7', 'code': '2'}");
              add(root, "/sectors", "{'vocabulary': '8', 'code': '2.a'}");
              add(root, "/sectors", "{'vocabulary': '9', 'code': '2.3.2'}");
            }),
        passes(UNKNOWN, "currencies of every precision", TRIANGULAR,
            root -> {
              set(root, "/budgets/0/value/currency", "KWD");
              set(root, "/transactions/0/value/currency", "BRL");
              set(root, "/transactions/0/value/amount", "1234.56");
            }),
        passes(UNKNOWN, "organisation country and type", ORGANISATION, root -> {}),
        passes(OPEN, "vocabularies without a bundled list are not checked", TRIANGULAR,
            root -> {
              add(root, "/recipientRegions", "{'vocabulary': '99', 'code': 'ZAMBEZI-VALLEY'}");
              add(root, "/sectors", "{'vocabulary': '99', 'code': 'FAO-BP2'}");
              add(root, "/sectors", "{'vocabulary': '3', 'code': '04.2.1'}");
            }),
        passes(OPEN, "a document language with a region subtag", TRIANGULAR,
            root -> set(root, "/documents/0/languages/1", "pt-BR")),
        passes(OPEN, "listed codes of open lists", BILATERAL,
            root -> {
              set(root, "/participants/0/orgType", "80");
              add(root, "/sectors", "{'code': '31166'}");
              add(root, "/recipientRegions", "{'vocabulary': '1', 'code': '289'}");
            }),
        passes(WITHDRAWN, "current codes", TRIANGULAR,
            root -> {
              set(root, "/budgets/0/value/currency", "EUR");
              set(root, "/participants/2/country", "SS");
              set(root, "/sectors/0/code", "11320");
            }));
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
  void everyCodelistCodeHasAFailingAndAPassingExample() {
    Set<String> codes = Set.of(UNKNOWN, OPEN, WITHDRAWN);
    assertEquals(codes, failing().stream().map(Case::code).collect(Collectors.toSet()));
    assertEquals(codes, passing().stream().map(Case::code).collect(Collectors.toSet()));
  }

  @Test
  void messagesSayWhatTheCodeShouldBe() {
    assertEquals(
        "'XX' is not an ISO 3166-1 country code (Country codelist); use a two-letter code such as"
            + " 'MZ'",
        RulesTest.single(TRIANGULAR, root -> set(root, "/participants/0/country", "XX")).message());
  }
}
