package org.sstc.exchange.sheets.internal;

import static org.sstc.exchange.sheets.internal.Field.bool;
import static org.sstc.exchange.sheets.internal.Field.extensions;
import static org.sstc.exchange.sheets.internal.Field.languages;
import static org.sstc.exchange.sheets.internal.Field.list;
import static org.sstc.exchange.sheets.internal.Field.number;
import static org.sstc.exchange.sheets.internal.Field.requiredList;
import static org.sstc.exchange.sheets.internal.Field.text;

import java.util.List;
import org.sstc.exchange.sheets.internal.Sheet.Keying;

/**
 * The sheets of a flattened package, in the order they are written, and their columns in order.
 * Every property of the standard's package, initiative, organisation and solution has a column
 * here: the round-trip tests fail if one is missing. Sheets and columns marked {@code since("1.1")}
 * hold what version 1.1 added; a 1.0 package gets them only when it holds such values.
 */
public final class Layout {
  /**
   * The sheet flatten writes beside the layout's sheets when the package is not valid: one row an
   * issue, with its file, row and column. Not part of the package; unflatten does not read it.
   */
  public static final String ISSUES_FILE = "issues.csv";

  private static final String V1_1 = "1.1";

  /** The fields of an SDG link, an initiative's or a solution's. */
  private static final List<Field> SDG_FIELDS = List.of(
      text("goal", "SDG goal"),
      text("target", "SDG target"),
      text("indicator", "SDG indicator"),
      text("contribution", "Contribution"));

  /** The fields of a sector, an initiative's or a solution's. */
  private static final List<Field> SECTOR_FIELDS = List.of(
      text("vocabulary", "Sector vocabulary"),
      text("code", "Sector"),
      number("percentage", "Percentage"));

  /** The fields of a result, an initiative's or a solution's evidence. */
  private static final List<Field> RESULT_FIELDS = List.of(
      text("id", "Result ID"),
      text("type", "Result type"),
      languages("title", "Title"));

  /** The fields of a result indicator. */
  private static final List<Field> INDICATOR_FIELDS = List.of(
      text("id", "Indicator ID"),
      languages("title", "Title"),
      text("measure", "Measure"),
      text("sdgIndicator", "SDG indicator"),
      text("baseline/value", "Baseline"),
      text("baseline/date", "Baseline date"),
      text("target/value", "Target"),
      text("target/date", "Target date"),
      text("actual/value", "Actual"),
      text("actual/date", "Actual date"));

  /** The fields of a document, an initiative's or a solution's evidence. */
  private static final List<Field> DOCUMENT_FIELDS = List.of(
      text("id", "Document ID"),
      text("url", "URL"),
      languages("title", "Title"),
      text("format", "Format"),
      text("category", "Category"),
      requiredList("languages", "Languages"));

  /** The fields of another identifier. */
  private static final List<Field> IDENTIFIER_FIELDS = List.of(
      text("scheme", "Scheme"),
      text("id", "Identifier"));

  /** The column of a row's 1-based position among its siblings, for items without an id. */
  public static final Field POSITION = text("position", "Position");

  public static final Sheet PACKAGE =
      new Sheet("package.csv", null, "", Keying.SINGLE, List.of(
          text("schemaVersion", "Schema version"),
          text("publisher/id", "Publisher ID"),
          text("publisher/name", "Publisher name"),
          text("publishedAt", "Published at"),
          text("license", "Licence")));

  public static final Sheet INITIATIVES =
      new Sheet("initiatives.csv", PACKAGE, "initiatives", Keying.ID, List.of(
          text("id", "Initiative ID"),
          text("schemaVersion", "Schema version"),
          text("reportingOrg/id", "Reporting org ID"),
          text("reportingOrg/name", "Reporting org name"),
          languages("title", "Title"),
          languages("description", "Description"),
          text("modality", "Modality"),
          text("instrument", "Instrument"),
          list("supportTypes", "Support types"),
          text("status", "Status"),
          text("dates/plannedStart", "Planned start"),
          text("dates/plannedEnd", "Planned end"),
          text("dates/actualStart", "Actual start"),
          text("dates/actualEnd", "Actual end"),
          bool("humanitarian", "Humanitarian").since(V1_1),
          text("lastUpdated", "Last updated"),
          extensions()));

  public static final Sheet PARTICIPANTS =
      new Sheet("participants.csv", INITIATIVES, "participants", Keying.ID, List.of(
          text("id", "Participant ID"),
          text("orgId", "Org ID"),
          text("name", "Name"),
          text("orgType", "Org type"),
          text("country", "Country"),
          text("role", "Role"),
          list("iatiRoles", "IATI roles")));

  public static final Sheet RECIPIENT_COUNTRIES =
      new Sheet("recipient-countries.csv", INITIATIVES, "recipientCountries", Keying.POSITION, List.of(
          text("code", "Country"),
          number("percentage", "Percentage")));

  public static final Sheet RECIPIENT_REGIONS =
      new Sheet("recipient-regions.csv", INITIATIVES, "recipientRegions", Keying.POSITION, List.of(
          text("vocabulary", "Region vocabulary"),
          text("code", "Region"),
          number("percentage", "Percentage")));

  public static final Sheet LOCATIONS =
      new Sheet("locations.csv", INITIATIVES, "locations", Keying.POSITION, List.of(
          text("id", "Location ID"),
          languages("name", "Name"),
          languages("description", "Description"),
          number("point/latitude", "Latitude"),
          number("point/longitude", "Longitude"),
          text("locationReach", "Location reach"),
          text("exactness", "Exactness"))).since(V1_1);

  public static final Sheet LOCATION_AREAS =
      new Sheet("location-administrative-areas.csv", LOCATIONS, "administrative", Keying.POSITION, List.of(
          text("vocabulary", "Area vocabulary"),
          number("level", "Area level"),
          text("code", "Area code"))).since(V1_1);

  public static final Sheet SDGS =
      new Sheet("sdgs.csv", INITIATIVES, "sdgs", Keying.POSITION, SDG_FIELDS);

  public static final Sheet SECTORS =
      new Sheet("sectors.csv", INITIATIVES, "sectors", Keying.POSITION, SECTOR_FIELDS);

  public static final Sheet POLICY_MARKERS =
      new Sheet("policy-markers.csv", INITIATIVES, "policyMarkers", Keying.POSITION, List.of(
          text("vocabulary", "Policy marker vocabulary"),
          text("vocabularyUri", "Vocabulary URI"),
          text("code", "Policy marker"),
          text("significance", "Significance"),
          languages("description", "Description"))).since(V1_1);

  public static final Sheet BUDGETS =
      new Sheet("budgets.csv", INITIATIVES, "budgets", Keying.ID, List.of(
          text("id", "Budget ID"),
          text("type", "Budget type"),
          text("status", "Budget status"),
          text("periodStart", "Period start"),
          text("periodEnd", "Period end"),
          text("value/amount", "Amount"),
          text("value/currency", "Currency"),
          text("value/valueDate", "Value date")));

  public static final Sheet TRANSACTIONS =
      new Sheet("transactions.csv", INITIATIVES, "transactions", Keying.ID, List.of(
          text("id", "Transaction ID"),
          text("type", "Transaction type"),
          text("date", "Date"),
          text("value/amount", "Amount"),
          text("value/currency", "Currency"),
          text("value/valueDate", "Value date"),
          bool("reversal", "Reversal").since(V1_1),
          text("providerId", "Provider (participant ID)"),
          text("receiverId", "Receiver (participant ID)"),
          languages("description", "Description")));

  public static final Sheet CONTRIBUTIONS =
      new Sheet("contributions.csv", INITIATIVES, "contributions", Keying.ID, List.of(
          text("id", "Contribution ID"),
          text("participantId", "Participant ID"),
          text("kind", "Kind"),
          text("value/amount", "Amount"),
          text("value/currency", "Currency"),
          text("value/valueDate", "Value date"),
          languages("description", "Description")));

  public static final Sheet RESULTS =
      new Sheet("results.csv", INITIATIVES, "results", Keying.ID, RESULT_FIELDS);

  public static final Sheet INDICATORS =
      new Sheet("result-indicators.csv", RESULTS, "indicators", Keying.ID, INDICATOR_FIELDS);

  public static final Sheet RELATED_INITIATIVES =
      new Sheet("related-initiatives.csv", INITIATIVES, "relatedInitiatives", Keying.POSITION, List.of(
          text("id", "Related initiative ID"),
          text("relation", "Relation")));

  public static final Sheet DOCUMENTS =
      new Sheet("documents.csv", INITIATIVES, "documents", Keying.ID, DOCUMENT_FIELDS);

  public static final Sheet INITIATIVE_IDENTIFIERS =
      new Sheet("initiative-other-identifiers.csv", INITIATIVES, "otherIdentifiers", Keying.POSITION, IDENTIFIER_FIELDS);

  public static final Sheet ORGANISATIONS =
      new Sheet("organisations.csv", PACKAGE, "organisations", Keying.ID, List.of(
          text("id", "Organisation ID"),
          text("schemaVersion", "Schema version"),
          languages("name", "Name"),
          text("acronym", "Acronym"),
          text("orgType", "Org type"),
          text("country", "Country"),
          text("parentId", "Parent org ID"),
          text("website", "Website"),
          text("lastUpdated", "Last updated"),
          extensions()));

  public static final Sheet ORGANISATION_IDENTIFIERS =
      new Sheet("organisation-other-identifiers.csv", ORGANISATIONS, "otherIdentifiers", Keying.POSITION, IDENTIFIER_FIELDS);

  public static final Sheet SOLUTIONS =
      new Sheet("solutions.csv", PACKAGE, "solutions", Keying.ID, List.of(
          text("id", "Solution ID"),
          text("schemaVersion", "Schema version"),
          text("reportingOrg/id", "Reporting org ID"),
          text("reportingOrg/name", "Reporting org name"),
          languages("title", "Title"),
          languages("description", "Description"),
          languages("problem", "Problem"),
          text("maturity", "Maturity"),
          list("transfer/supportTypes", "Transfer support types"),
          text("transfer/indicativeCost/amount", "Transfer cost"),
          text("transfer/indicativeCost/currency", "Transfer cost currency"),
          text("transfer/indicativeCost/valueDate", "Transfer cost value date"),
          text("transfer/duration", "Transfer duration"),
          languages("transfer/prerequisites", "Transfer prerequisites"),
          list("initiativeIds", "Initiative IDs"),
          text("lastUpdated", "Last updated"),
          extensions())).since(V1_1);

  public static final Sheet SOLUTION_PROVIDERS =
      new Sheet("solution-providers.csv", SOLUTIONS, "providers", Keying.ID, List.of(
          text("id", "Provider ID"),
          text("orgId", "Org ID"),
          text("name", "Name"),
          text("orgType", "Org type"),
          text("country", "Country"))).since(V1_1);

  public static final Sheet SOLUTION_COUNTRIES =
      new Sheet("solution-countries.csv", SOLUTIONS, "countries", Keying.POSITION, List.of(
          text("code", "Country"),
          number("year", "Year"),
          text("initiativeId", "Through initiative ID"))).since(V1_1);

  public static final Sheet SOLUTION_SDGS =
      new Sheet("solution-sdgs.csv", SOLUTIONS, "sdgs", Keying.POSITION, SDG_FIELDS).since(V1_1);

  public static final Sheet SOLUTION_SECTORS =
      new Sheet("solution-sectors.csv", SOLUTIONS, "sectors", Keying.POSITION, SECTOR_FIELDS).since(V1_1);

  public static final Sheet SOLUTION_DOCUMENTS =
      new Sheet("solution-evidence-documents.csv", SOLUTIONS, "evidence/documents", Keying.ID, DOCUMENT_FIELDS)
          .since(V1_1);

  public static final Sheet SOLUTION_RESULTS =
      new Sheet("solution-evidence-results.csv", SOLUTIONS, "evidence/results", Keying.ID, RESULT_FIELDS)
          .since(V1_1);

  public static final Sheet SOLUTION_INDICATORS =
      new Sheet("solution-evidence-result-indicators.csv", SOLUTION_RESULTS, "indicators", Keying.ID,
          INDICATOR_FIELDS).since(V1_1);

  public static final Sheet SOLUTION_IDENTIFIERS =
      new Sheet("solution-other-identifiers.csv", SOLUTIONS, "otherIdentifiers", Keying.POSITION, IDENTIFIER_FIELDS)
          .since(V1_1);

  /** Every sheet, parents before children: the order files are written and read in. */
  public static final List<Sheet> SHEETS = List.of(
      PACKAGE, INITIATIVES, PARTICIPANTS, RECIPIENT_COUNTRIES, RECIPIENT_REGIONS, LOCATIONS, LOCATION_AREAS,
      SDGS, SECTORS, POLICY_MARKERS, BUDGETS, TRANSACTIONS, CONTRIBUTIONS, RESULTS, INDICATORS,
      RELATED_INITIATIVES, DOCUMENTS, INITIATIVE_IDENTIFIERS, ORGANISATIONS, ORGANISATION_IDENTIFIERS,
      SOLUTIONS, SOLUTION_PROVIDERS, SOLUTION_COUNTRIES, SOLUTION_SDGS, SOLUTION_SECTORS, SOLUTION_DOCUMENTS,
      SOLUTION_RESULTS, SOLUTION_INDICATORS, SOLUTION_IDENTIFIERS);

  /**
   * True if a package of {@code version} predates {@code since}: {@code "1.0"} predates {@code
   * "1.1"}. An unreadable version predates nothing, so that nothing is left out.
   */
  static boolean predates(String version, String since) {
    String[] have = version.split("\\.");
    String[] need = since.split("\\.");
    try {
      for (int i = 0; i < need.length; i++) {
        int a = i < have.length ? Integer.parseInt(have[i]) : 0;
        int b = Integer.parseInt(need[i]);
        if (a != b) {
          return a < b;
        }
      }
    } catch (NumberFormatException e) {
      return false;
    }
    return false;
  }

  private Layout() {}
}
