package org.sstc.exchange.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled codelists load, with the counts, parents and minor units the rules rely on. */
class CodelistsTest {
  private final Codelists lists = Codelists.standard();

  @Test
  void everyListOfTheIndexLoads() {
    assertTrue(lists.names().size() >= 46, lists.names().toString());
    for (String name : lists.names()) {
      Codelist list = lists.get(name);
      assertEquals(name, list.name());
      assertFalse(list.items().isEmpty(), name);
    }
  }

  @ParameterizedTest(name = "{0}: {1} codes, {2} withdrawn, open={3}")
  @CsvSource({
    "ActivityStatus, 6, 0, false",
    "BudgetStatus, 2, 0, false",
    "BudgetType, 2, 0, false",
    "Country, 251, 1, false",
    "Currency, 307, 129, false",
    "DocumentCategory, 30, 0, false",
    "IndicatorMeasure, 5, 0, true",
    "Language, 181, 0, true",
    "OrganisationRegistrationAgency, 539, 19, true",
    "OrganisationRole, 4, 0, false",
    "OrganisationType, 16, 0, true",
    "Region, 26, 1, true",
    "RegionM49, 280, 1, false",
    "RegionVocabulary, 3, 0, true",
    "ResultType, 4, 0, true",
    "Sector, 325, 30, true",
    "SectorCategory, 44, 2, true",
    "SectorVocabulary, 14, 0, true",
    "TransactionType, 13, 0, false",
    "UNSDG-Goals, 17, 0, false",
    "UNSDG-Targets, 169, 0, false",
    "UNSDG-Indicators, 252, 5, false"
  })
  void listHasItsCodes(String name, int count, int withdrawn, boolean open) {
    Codelist list = lists.get(name);
    assertEquals(count, list.items().size());
    assertEquals(withdrawn, list.items().stream().filter(CodelistItem::withdrawn).count());
    assertEquals(open, list.isOpen());
  }

  @ParameterizedTest(name = "{0} {1} has parent {2} in {3}")
  @CsvSource({
    "UNSDG-Targets, 2.3, 2, UNSDG-Goals",
    "UNSDG-Targets, 14.b, 14, UNSDG-Goals",
    "UNSDG-Indicators, 2.3.1, 2.3, UNSDG-Targets",
    "UNSDG-Indicators, 17.9.1, 17.9, UNSDG-Targets",
    "Sector, 31120, 311, SectorCategory",
    "OrganisationRegistrationAgency, GB-COH, GB, Country"
  })
  void itemsKnowTheirParents(String name, String code, String parent, String parentList) {
    Codelist list = lists.get(name);
    assertEquals(Optional.of(parentList), list.parentList());
    assertEquals(Optional.of(parent), list.find(code).flatMap(CodelistItem::parentCode));
    assertTrue(lists.get(parentList).contains(parent));
  }

  @ParameterizedTest(name = "{0} has {1} minor units")
  @CsvSource({"JPY, 0", "USD, 2", "KWD, 3", "MZN, 2", "BRL, 2", "CLF, 4"})
  void currenciesHaveMinorUnits(String code, int minorUnits) {
    assertEquals(minorUnits, lists.get(Codelists.CURRENCY).find(code).orElseThrow().minorUnits());
  }

  @Test
  void someCurrenciesHaveNoMinorUnits() {
    assertEquals(null, lists.get(Codelists.CURRENCY).find("XAU").orElseThrow().minorUnits());
  }

  @Test
  void withdrawnCodesAreMarked() {
    assertTrue(lists.get(Codelists.COUNTRY).find("AN").orElseThrow().withdrawn());
    assertTrue(lists.get(Codelists.CURRENCY).find("HRK").orElseThrow().withdrawn());
    Codelist agencies = lists.get(Codelists.ORGANISATION_REGISTRATION_AGENCY);
    assertTrue(agencies.find("GB-GOVUK").orElseThrow().withdrawn());
    assertFalse(agencies.find("XM-DAC").orElseThrow().withdrawn());
  }

  @Test
  void namesFallBackToEnglish() {
    CodelistItem mozambique = lists.get(Codelists.COUNTRY).find("MZ").orElseThrow();
    assertEquals("Mozambique", mozambique.name("en"));
    assertEquals(mozambique.name("en"), mozambique.name("xx"));
  }

  @Test
  void anUnknownListIsRefused() {
    assertTrue(lists.find("NoSuchList").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> lists.get("NoSuchList"));
  }
}
