package org.sstc.exchange.core.internal.validation;

import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcRecord;
import tools.jackson.databind.JsonNode;

/**
 * The rules of the standard beyond the schema, and the codelist checks, on one bound record.
 *
 * <p>The record was bound leniently from JSON that may have failed the schema: it has every
 * required member (a document that lacks one is not bound), but an optional member may be absent,
 * an enum null (a code outside its list), any string malformed. So every check skips what is absent, and skips a
 * value of the wrong shape (the schema reported it: one fault, one issue). No check throws.
 */
public final class RuleChecks {
  private RuleChecks() {}

  /**
   * Checks one record. The record was bound leniently: a value of the wrong shape or a code outside
   * its list may have been left out, and the schema check has already reported it.
   *
   * <p>For a {@link org.sstc.exchange.core.RecordPackage} only the package's own fields are checked
   * (the publisher's org id): its initiatives and organisations are checked one by one by the
   * caller, each under its own pointer prefix.
   */
  public static void check(SstcRecord record, Findings findings) {
    check(record, null, findings);
  }

  /**
   * Checks one record bound from {@code document}. A code of a closed list the model types as an
   * enum binds as null when it is not in the list; the codelist check reads it from {@code
   * document} to report it at its pointer.
   */
  public static void check(SstcRecord record, @Nullable JsonNode document, Findings findings) {
    if (record instanceof Initiative initiative) {
      initiative(initiative, document, findings);
    } else if (record instanceof Organisation organisation) {
      organisation(organisation, findings);
    } else if (record instanceof Solution solution) {
      SolutionRules.check(solution, findings);
    } else if (record instanceof org.sstc.exchange.core.RecordPackage pkg) {
      OrgIdChecks.check(
          findings, "/publisher/id", pkg.publisher() == null ? null : pkg.publisher().id());
    }
  }

  /**
   * What can be checked of a record that has no model object because it lacks a required member
   * (which the schema check reports): the rules need the model, so only the codes of closed lists
   * of an initiative are checked, from the document.
   */
  public static void checkUnbound(String recordType, JsonNode document, Findings findings) {
    if (recordType.equals(org.sstc.exchange.core.Initiative.RECORD_TYPE)) {
      CodelistChecks.initiativeClosedCodes(document, findings);
    }
  }

  private static void initiative(
      Initiative initiative, @Nullable JsonNode document, Findings findings) {
    InitiativeRules.idPrefix(initiative, findings);
    OrgIdChecks.check(
        findings,
        "/reportingOrg/id",
        initiative.reportingOrg() == null ? null : initiative.reportingOrg().id());
    InitiativeRules.dateOrder(initiative, findings);
    InitiativeRules.closedNeedsActualEnd(initiative, findings);
    for (int i = 0; i < initiative.participants().size(); i++) {
      Participation participant = initiative.participants().get(i);
      OrgIdChecks.check(findings, Pointer.of("participants", i, "orgId"), participant.orgId());
    }
    RoleRules.check(initiative, findings);
    SdgRules.check(initiative, findings);
    PercentageRules.check(initiative, findings);
    MoneyChecks.check(initiative, findings);
    InitiativeRules.unknownParticipants(initiative, findings);
    InitiativeRules.duplicateIds(initiative, findings);
    CodelistChecks.initiative(initiative, document, findings);
  }

  private static void organisation(Organisation organisation, Findings findings) {
    OrgIdChecks.check(findings, "/id", organisation.id());
    OrgIdChecks.check(findings, "/parentId", organisation.parentId());
    CodelistChecks.organisation(organisation, findings);
  }
}
