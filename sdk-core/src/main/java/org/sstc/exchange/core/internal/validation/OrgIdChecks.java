package org.sstc.exchange.core.internal.validation;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.CodelistItem;
import org.sstc.exchange.core.Codelists;

/**
 * {@code rule.org-id-prefix}: an org id's prefix (its first two hyphen-separated parts, {@code
 * XM-DAC} in {@code XM-DAC-41114}) must be a registration agency of IATI's
 * OrganisationRegistrationAgency list that is not withdrawn.
 */
final class OrgIdChecks {
  static final String ORG_ID_PREFIX = "rule.org-id-prefix";

  private OrgIdChecks() {}

  /** Checks one org id; absent ids and ids of the wrong shape (a schema error) are skipped. */
  static void check(Findings findings, String pointer, @Nullable String orgId) {
    if (orgId == null || !Shapes.matches(Shapes.ORG_ID, orgId)) {
      return;
    }
    String prefix = prefix(orgId);
    Optional<CodelistItem> agency =
        Codelists.standard().get(Codelists.ORGANISATION_REGISTRATION_AGENCY).find(prefix);
    if (agency.isEmpty()) {
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

  /** {@code XM-DAC} of {@code XM-DAC-41114}; the shape check guarantees two hyphens. */
  static String prefix(String orgId) {
    int first = orgId.indexOf('-');
    int second = orgId.indexOf('-', first + 1);
    return orgId.substring(0, second);
  }
}
