package org.sstc.exchange.core.internal.validation;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.CodelistItem;
import org.sstc.exchange.core.Codelists;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Severity;
import tools.jackson.databind.JsonNode;

/**
 * {@code rule.org-id-legacy}: a publisher id from before IATI's organisation identifiers
 * (org-id.guide), which IATI still accepts from the publishers that registered under it: a DAC
 * channel or donor code ({@code 41AAA} UNDP, {@code 44000} the World Bank), a country and a
 * number ({@code CA-3}, {@code GB-1}) or a country's government and a number ({@code US-GOV-1},
 * {@code KR-GOV-010}). IATI's validator warns about these for existing publishers; so does the
 * standard. Any other id keeps its verdict.
 *
 * <p>{@code rule.org-id-prefix}: an org id's prefix (its first two hyphen-separated parts, {@code
 * XM-DAC} in {@code XM-DAC-41114}) must be a registration agency of IATI's
 * OrganisationRegistrationAgency list that is not withdrawn.
 */
final class OrgIdChecks {
  static final String ORG_ID_PREFIX = "rule.org-id-prefix";
  static final String ORG_ID_LEGACY = "rule.org-id-legacy";

  /** The legacy forms that the org-id shape refuses: DAC codes, and a country with a number. */
  private static final Pattern LEGACY_SHAPE = Pattern.compile("[0-9]{2}[0-9A-Z]{3}|[A-Z]{2}-[0-9]{1,4}");

  /** The legacy form that has the org-id shape: a country's government, a number ({@code US-GOV-1}). */
  private static final Pattern LEGACY_GOVERNMENT = Pattern.compile("[A-Z]{2}-GOV-[0-9]{1,4}");

  /** The characters the org-id shape refuses after the prefix, as the schema lists them. */
  private static final Pattern FORBIDDEN = Pattern.compile("[\\s/?#&|\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]");

  private OrgIdChecks() {}

  /** Checks one org id; absent ids and ids of the wrong shape (a schema error) are skipped. */
  static void check(Findings findings, String pointer, @Nullable String orgId) {
    if (orgId == null || !Shapes.matches(Shapes.ORG_ID, orgId)) {
      return;
    }
    String prefix = prefix(orgId);
    Optional<CodelistItem> agency =
        Codelists.standard().get(Codelists.ORGANISATION_REGISTRATION_AGENCY).find(prefix);
    if (agency.isEmpty() && isLegacy(LEGACY_GOVERNMENT, orgId)) {
      findings.warning(ORG_ID_LEGACY, pointer, legacyMessage(orgId), orgId);
    } else if (agency.isEmpty()) {
      findings.error(
          ORG_ID_PREFIX,
          pointer,
          "the org id '" + orgId + "' starts with '" + prefix + "', which is not a known"
              + " registration agency (IATI OrganisationRegistrationAgency codelist): look the"
              + " organisation up on org-id.guide and use its identifier there, e.g. 'XM-DAC-41301'"
              + " for FAO",
          orgId);
    } else if (agency.get().withdrawn()) {
      findings.error(
          ORG_ID_PREFIX,
          pointer,
          "the org id '" + orgId + "' starts with '" + prefix + "' (" + agency.get().name("en")
              + "), a registration agency that has been withdrawn from the IATI"
              + " OrganisationRegistrationAgency codelist: identify the organisation with a"
              + " current agency's prefix (see org-id.guide)",
          orgId);
    }
  }

  /** Whether {@link #check} reports nothing on this org id: absent, not of the shape, or of a current agency. */
  static boolean reportsNothing(@Nullable String orgId) {
    if (orgId == null || !Shapes.matches(Shapes.ORG_ID, orgId)) {
      return true;
    }
    Optional<CodelistItem> agency =
        Codelists.standard().get(Codelists.ORGANISATION_REGISTRATION_AGENCY).find(prefix(orgId));
    return agency.isPresent() && !agency.get().withdrawn();
  }

  /**
   * What to say about a value the schema's org-id pattern refused ({@code
   * common.schema.json#/$defs/orgId}): a warning {@code rule.org-id-legacy} for a legacy publisher
   * id, else the schema error, naming only characters the value has.
   */
  static Issue patternFailure(String pointer, JsonNode value) {
    String orgId = value.isString() ? value.asString() : value.toString();
    if (isLegacy(LEGACY_SHAPE, orgId)) {
      return new Issue(Severity.WARNING, ORG_ID_LEGACY, pointer, legacyMessage(orgId), value, null);
    }
    Set<String> found = new LinkedHashSet<>();
    Matcher forbidden = FORBIDDEN.matcher(orgId);
    while (forbidden.find()) {
      String character = forbidden.group();
      found.add(character.equals(" ") ? "a space" : character.isBlank() || Character.isISOControl(character.charAt(0))
          || character.charAt(0) >= 0x202A ? String.format("U+%04X", (int) character.charAt(0)) : "'" + character + "'");
    }
    return SchemaCheck.issue("schema.pattern", pointer,
        SchemaMessages.describe(value) + " is not an org id: the standard expects a registration agency prefix, then the"
            + " organisation's identifier in it, such as 'XM-DAC-41301' (FAO) or 'GB-COH-01234567'"
            + (found.isEmpty() ? "" : "; it also contains " + String.join(", ", found) + ", which an org id may not")
            + ": look the organisation up on org-id.guide",
        value);
  }

  /** An id of the org-id shape, or a legacy publisher id IATI still accepts ({@code GB-1}, {@code 41AAA}). */
  static boolean isOrgIdOrLegacy(String id) {
    return Shapes.matches(Shapes.ORG_ID, id) || isLegacy(LEGACY_SHAPE, id);
  }

  /** The form matches, and a form that starts with a country names one of ISO 3166-1. */
  private static boolean isLegacy(Pattern form, String orgId) {
    if (!form.matcher(orgId).matches()) {
      return false;
    }
    return Character.isDigit(orgId.charAt(0))
        || Codelists.standard().get(Codelists.COUNTRY).find(orgId.substring(0, 2)).isPresent();
  }

  private static String legacyMessage(String orgId) {
    return "'" + orgId + "' is a publisher id from before IATI's organisation identifiers; IATI accepts it from the"
        + " publishers registered under it, so this is a warning: new records should use the organisation's"
        + " org-id.guide identifier (such as 'XM-DAC-41114' for UNDP, 'XM-DAC-44000' for the World Bank)";
  }

  /** {@code XM-DAC} of {@code XM-DAC-41114}; the shape check guarantees two hyphens. */
  static String prefix(String orgId) {
    int first = orgId.indexOf('-');
    int second = orgId.indexOf('-', first + 1);
    return orgId.substring(0, second);
  }
}
