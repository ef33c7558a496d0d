package org.sstc.exchange.core.internal.validation;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.sstc.exchange.core.Codelist;
import org.sstc.exchange.core.Codelists;

/**
 * The kinds of code a record carries: which bundled list each is checked against, the shape the
 * schema gives it, and the words a message uses to describe it and to suggest a fix.
 */
enum CodeKind {
  ACTIVITY_STATUS(
      "ActivityStatus",
      Shapes.IATI_CODE,
      "an IATI activity status code",
      "a code from '1' (pipeline) to '6' (suspended)"),
  ORGANISATION_TYPE(
      "OrganisationType",
      Shapes.IATI_CODE,
      "an IATI organisation type code",
      "a code such as '10' (government), '40' (multilateral) or '80' (academic)"),
  COUNTRY(
      "Country",
      Shapes.COUNTRY,
      "an ISO 3166-1 country code",
      "a two-letter code such as 'MZ'"),
  ORGANISATION_ROLE(
      "OrganisationRole",
      Shapes.IATI_CODE,
      "an IATI organisation role code",
      "'1' (funding), '2' (accountable), '3' (extending) or '4' (implementing)"),
  REGION_VOCABULARY(
      "RegionVocabulary",
      Shapes.IATI_CODE,
      "an IATI region vocabulary code",
      "'1' (OECD DAC regions) or '2' (UN M49 regions)"),
  REGION_DAC(
      "Region",
      Shapes.IATI_CODE,
      "an OECD DAC region code",
      "a code such as '289' (South of Sahara, regional)"),
  REGION_M49(
      "RegionM49",
      Shapes.IATI_CODE,
      "a UN M49 region code",
      "a three-digit code such as '202' (Sub-Saharan Africa)"),
  SDG_GOAL("UNSDG-Goals", Shapes.SDG_GOAL, "an SDG goal", "a goal number from '1' to '17'"),
  SDG_TARGET(
      "UNSDG-Targets", Shapes.SDG_TARGET, "an SDG target", "a target such as '2.3' or '2.a'"),
  SDG_INDICATOR(
      "UNSDG-Indicators",
      Shapes.SDG_INDICATOR,
      "an SDG indicator",
      "an indicator of the 2020 global framework such as '2.3.1'"),
  SECTOR_VOCABULARY(
      "SectorVocabulary",
      Shapes.IATI_CODE,
      "an IATI sector vocabulary code",
      "'1' (OECD DAC 5-digit purpose codes) or '2' (DAC 3-digit)"),
  SECTOR(
      "Sector",
      Shapes.IATI_CODE,
      "an OECD DAC 5-digit purpose code",
      "a code such as '31120' (agricultural development)"),
  SECTOR_CATEGORY(
      "SectorCategory",
      Shapes.IATI_CODE,
      "an OECD DAC 3-digit sector code",
      "a code such as '311' (agriculture)"),
  BUDGET_TYPE(
      "BudgetType",
      Shapes.IATI_CODE,
      "an IATI budget type",
      "'1' (original) or '2' (revised)"),
  BUDGET_STATUS(
      "BudgetStatus",
      Shapes.IATI_CODE,
      "an IATI budget status",
      "'1' (indicative) or '2' (committed)"),
  POLICY_MARKER_VOCABULARY(
      "PolicyMarkerVocabulary",
      Shapes.IATI_CODE,
      "an IATI policy marker vocabulary code",
      "'1' (OECD DAC CRS) or '99' (the reporting organisation's own)"),
  POLICY_MARKER(
      "PolicyMarker",
      Shapes.IATI_CODE,
      "an OECD DAC policy marker code",
      "a code from '1' (gender equality) to '12' (nutrition)"),
  POLICY_SIGNIFICANCE(
      "PolicySignificance",
      Shapes.IATI_CODE,
      "an IATI policy significance code",
      "a code from '0' (not targeted) to '4' (explicit primary objective)"),
  CURRENCY(
      "Currency",
      Shapes.CURRENCY,
      "an ISO 4217 currency code",
      "a three-letter code such as 'USD' or 'BRL'"),
  TRANSACTION_TYPE(
      "TransactionType",
      Shapes.IATI_CODE,
      "an IATI transaction type",
      "a code such as '2' (outgoing commitment) or '3' (disbursement)"),
  RESULT_TYPE(
      "ResultType",
      Shapes.IATI_CODE,
      "an IATI result type",
      "'1' (output), '2' (outcome), '3' (impact) or '9' (other)"),
  INDICATOR_MEASURE(
      "IndicatorMeasure",
      Shapes.IATI_CODE,
      "an IATI indicator measure",
      "a code such as '1' (unit) or '2' (percentage)"),
  DOCUMENT_CATEGORY(
      "DocumentCategory",
      Shapes.IATI_CODE,
      "an IATI document category",
      "a code such as 'A02' (objectives) or 'A07' (review and evaluation)"),
  /**
   * Documents carry BCP 47 tags ({@code "pt-BR"}); IATI's Language list has ISO 639-1 codes, so
   * the tag's primary language subtag is what is looked up.
   */
  LANGUAGE(
      "Language",
      Shapes.LANGUAGE_TAG,
      "an ISO 639-1 language",
      "a two-letter language code such as 'en', 'fr' or 'pt'",
      tag -> tag.split("-", 2)[0]);

  private final String listName;
  private final Pattern shape;
  private final String description;
  private final String example;
  private final UnaryOperator<String> lookupKey;

  CodeKind(String listName, Pattern shape, String description, String example) {
    this(listName, shape, description, example, UnaryOperator.identity());
  }

  CodeKind(
      String listName,
      Pattern shape,
      String description,
      String example,
      UnaryOperator<String> lookupKey) {
    this.listName = listName;
    this.shape = shape;
    this.description = description;
    this.example = example;
    this.lookupKey = lookupKey;
  }

  /** The bundled list, e.g. {@code Country}. */
  Codelist list() {
    return Codelists.standard().get(listName);
  }

  String listName() {
    return listName;
  }

  /** The shape the schema gives a code of this kind. */
  Pattern shape() {
    return shape;
  }

  /** What the code should be, e.g. "an ISO 3166-1 country code". */
  String description() {
    return description;
  }

  /** A valid code to suggest, e.g. "a two-letter code such as 'MZ'". */
  String example() {
    return example;
  }

  /** The code to look up for a value: the value itself, or a language tag's primary subtag. */
  String lookupKey(String value) {
    return lookupKey.apply(value);
  }
}
