package org.sstc.exchange.sheets.internal;

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
 * Every property of the standard's package, initiative and organisation has a column here: the
 * round-trip tests fail if one is missing.
 */
public final class Layout {
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

  public static final Sheet SDGS =
      new Sheet("sdgs.csv", INITIATIVES, "sdgs", Keying.POSITION, List.of(
          text("goal", "SDG goal"),
          text("target", "SDG target"),
          text("indicator", "SDG indicator"),
          text("contribution", "Contribution")));

  public static final Sheet SECTORS =
      new Sheet("sectors.csv", INITIATIVES, "sectors", Keying.POSITION, List.of(
          text("vocabulary", "Sector vocabulary"),
          text("code", "Sector"),
          number("percentage", "Percentage")));

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
      new Sheet("results.csv", INITIATIVES, "results", Keying.ID, List.of(
          text("id", "Result ID"),
          text("type", "Result type"),
          languages("title", "Title")));

  public static final Sheet INDICATORS =
      new Sheet("result-indicators.csv", RESULTS, "indicators", Keying.ID, List.of(
          text("id", "Indicator ID"),
          languages("title", "Title"),
          text("measure", "Measure"),
          text("sdgIndicator", "SDG indicator"),
          text("baseline/value", "Baseline"),
          text("baseline/date", "Baseline date"),
          text("target/value", "Target"),
          text("target/date", "Target date"),
          text("actual/value", "Actual"),
          text("actual/date", "Actual date")));

  public static final Sheet RELATED_INITIATIVES =
      new Sheet("related-initiatives.csv", INITIATIVES, "relatedInitiatives", Keying.POSITION, List.of(
          text("id", "Related initiative ID"),
          text("relation", "Relation")));

  public static final Sheet DOCUMENTS =
      new Sheet("documents.csv", INITIATIVES, "documents", Keying.ID, List.of(
          text("id", "Document ID"),
          text("url", "URL"),
          languages("title", "Title"),
          text("format", "Format"),
          text("category", "Category"),
          requiredList("languages", "Languages")));

  public static final Sheet INITIATIVE_IDENTIFIERS =
      new Sheet("initiative-other-identifiers.csv", INITIATIVES, "otherIdentifiers", Keying.POSITION, List.of(
          text("scheme", "Scheme"),
          text("id", "Identifier")));

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
      new Sheet("organisation-other-identifiers.csv", ORGANISATIONS, "otherIdentifiers", Keying.POSITION, List.of(
          text("scheme", "Scheme"),
          text("id", "Identifier")));

  /** Every sheet, parents before children: the order files are written and read in. */
  public static final List<Sheet> SHEETS = List.of(
      PACKAGE, INITIATIVES, PARTICIPANTS, RECIPIENT_COUNTRIES, RECIPIENT_REGIONS, SDGS, SECTORS,
      BUDGETS, TRANSACTIONS, CONTRIBUTIONS, RESULTS, INDICATORS, RELATED_INITIATIVES, DOCUMENTS,
      INITIATIVE_IDENTIFIERS, ORGANISATIONS, ORGANISATION_IDENTIFIERS);

  private Layout() {}
}
