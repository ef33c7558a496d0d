package org.sstc.exchange.core.internal.validation;

import java.util.List;
import org.sstc.exchange.core.Document;
import org.sstc.exchange.core.Evidence;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SolutionProvider;
import org.sstc.exchange.core.Transfer;

/**
 * The rules of the standard on a solution (since 1.1), where they are an initiative's too: the id
 * starts with the reporting organisation's, org ids have a known prefix, item ids are unique, SDG
 * links agree with the UN framework, sector shares add up, the indicative cost fits its currency,
 * and codes are in their lists.
 */
final class SolutionRules {
  private SolutionRules() {}

  static void check(Solution solution, Findings findings) {
    InitiativeRules.idPrefix("solution", solution.id(), solution.reportingOrg(), findings);
    OrgIdChecks.check(
        findings,
        "/reportingOrg/id",
        solution.reportingOrg() == null ? null : solution.reportingOrg().id());
    List<SolutionProvider> providers = solution.providers();
    for (int i = 0; i < providers.size(); i++) {
      OrgIdChecks.check(findings, Pointer.of("providers", i, "orgId"), providers.get(i).orgId());
    }
    SdgRules.links(solution.sdgs(), findings);
    SdgRules.duplicates(solution.sdgs(), findings);
    PercentageRules.sectors(solution.sectors(), findings);
    Transfer transfer = solution.transfer();
    if (transfer != null) {
      MoneyChecks.money(findings, "/transfer/indicativeCost", transfer.indicativeCost());
    }
    InitiativeRules.duplicates(findings, "/providers", "providers", providers, SolutionProvider::id);
    Evidence evidence = solution.evidence();
    if (evidence != null) {
      InitiativeRules.duplicates(findings, "/evidence/documents", "the evidence's documents",
          evidence.documents(), Document::id);
      InitiativeRules.results(findings, "/evidence/results", evidence.results());
    }
    CodelistChecks.solution(solution, findings);
  }
}
