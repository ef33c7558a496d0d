package org.sstc.exchange.core.internal.validation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Budget;
import org.sstc.exchange.core.Contribution;
import org.sstc.exchange.core.Dates;
import org.sstc.exchange.core.Document;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.Result;
import org.sstc.exchange.core.ResultIndicator;
import org.sstc.exchange.core.Transaction;

/**
 * The rules on an initiative's identity, dates and internal references: the id starts with the
 * reporting organisation's, ends follow starts, a closed initiative has an actual end, item ids
 * are unique in their array and references name a participant.
 */
final class InitiativeRules {
  static final String ID_PREFIX = "rule.id-prefix";
  static final String ID_PREFIX_PREVIOUS = "rule.id-prefix-previous";
  /**
   * IATI OtherIdentifierType B1, "Previous Reporting Organisation Identifier", as the importer
   * writes its scheme.
   */
  static final String PREVIOUS_REPORTING_ORG = "iati-b1";
  static final String DATE_ORDER = "rule.date-order";
  static final String CLOSED_NEEDS_ACTUAL_END = "rule.closed-needs-actual-end";
  static final String DUPLICATE_ID = "rule.duplicate-id";
  static final String UNKNOWN_PARTICIPANT = "rule.unknown-participant";

  /** IATI ActivityStatus "Closed". */

  private InitiativeRules() {}

  static void idPrefix(Initiative initiative, Findings findings) {
    String id = initiative.id();
    OrgRef reportingOrg = initiative.reportingOrg();
    // An activity first published under the organisation's previous id keeps that id for life
    // (IATI: an identifier never changes); IATI lists the previous org id as other-identifier B1.
    if (id != null && reportingOrg != null && reportingOrg.id() != null
        && !id.startsWith(reportingOrg.id() + "-")) {
      for (var other : initiative.otherIdentifiers()) {
        String previous = other.id();
        if (PREVIOUS_REPORTING_ORG.equals(other.scheme()) && OrgIdChecks.isOrgIdOrLegacy(previous)
            && id.startsWith(previous + "-") && id.length() > previous.length() + 1) {
          findings.warning(
              ID_PREFIX_PREVIOUS,
              "/id",
              "the initiative id '" + id + "' starts with '" + previous + "', given in otherIdentifiers"
                  + " (scheme " + PREVIOUS_REPORTING_ORG + ") as the reporting organisation's previous id, not"
                  + " with its id '" + reportingOrg.id() + "': fine for an initiative first published"
                  + " under the previous id (an id never changes); a new initiative's id starts with '"
                  + reportingOrg.id() + "-'",
              id);
          return;
        }
      }
    }
    idPrefix("initiative", id, reportingOrg, findings);
  }

  /** The id of a record ("initiative", "solution") starts with its reporting organisation's. */
  static void idPrefix(
      String kind, @Nullable String id, @Nullable OrgRef reportingOrg, Findings findings) {
    String orgId = reportingOrg == null ? null : reportingOrg.id();
    // Either id of the wrong shape was reported by the schema; comparing them would repeat it.
    if (id == null || orgId == null
        || !Shapes.matches(Shapes.INITIATIVE_ID, id) || !Shapes.matches(Shapes.ORG_ID, orgId)) {
      return;
    }
    String prefix = orgId + "-";
    if (!id.startsWith(prefix)) {
      findings.error(
          ID_PREFIX,
          "/id",
          "the " + kind + " id '" + id + "' does not start with the reporting organisation's id '"
              + orgId + "' and a hyphen: write it as '" + prefix + "' followed by the"
              + " organisation's own reference for the " + kind + ", e.g. '" + prefix + "0001'"
              + " (or correct reportingOrg.id)",
          id);
    } else if (id.length() == prefix.length()) {
      findings.error(
          ID_PREFIX,
          "/id",
          "the " + kind + " id '" + id + "' has nothing after the reporting organisation's id: add"
              + " the organisation's own reference for the " + kind + ", e.g. '" + prefix + "0001'",
          id);
    }
  }

  static void dateOrder(Initiative initiative, Findings findings) {
    Dates dates = initiative.dates();
    if (dates == null) {
      return;
    }
    endNotBeforeStart(findings, "planned", dates.plannedStart(), dates.plannedEnd());
    endNotBeforeStart(findings, "actual", dates.actualStart(), dates.actualEnd());
  }

  private static void endNotBeforeStart(
      Findings findings, String which, @Nullable LocalDate start, @Nullable LocalDate end) {
    if (start != null && end != null && end.isBefore(start)) {
      findings.error(
          DATE_ORDER,
          "/dates/" + which + "End",
          "the " + which + " end " + end + " is before the " + which + " start " + start
              + ": swap them or correct one",
          end.toString());
    }
  }

  static void closedNeedsActualEnd(Initiative initiative, Findings findings) {
    Dates dates = initiative.dates();
    // Without dates at all the schema has reported the missing object already.
    if (initiative.status() == ActivityStatus.CLOSED && dates != null && dates.actualEnd() == null) {
      findings.error(
          CLOSED_NEEDS_ACTUAL_END,
          "/dates/actualEnd",
          "the status is '4' (closed) but there is no actual end date: add dates.actualEnd, the"
              + " day the initiative ended, or correct the status",
          null);
    }
  }

  /** Ids are unique within each array of items; the second and later uses are reported. */
  static void duplicateIds(Initiative initiative, Findings findings) {
    duplicates(findings, "/participants", "participants", initiative.participants(),
        Participation::id);
    duplicates(findings, "/budgets", "budgets", initiative.budgets(), Budget::id);
    duplicates(findings, "/transactions", "transactions", initiative.transactions(),
        Transaction::id);
    duplicates(findings, "/contributions", "contributions", initiative.contributions(),
        Contribution::id);
    results(findings, "/results", initiative.results());
    duplicates(findings, "/documents", "documents", initiative.documents(), Document::id);
  }

  /** The ids of results, and of each result's indicators, are unique; {@code at} is the array. */
  static void results(Findings findings, String at, List<Result> results) {
    duplicates(findings, at, "results", results, Result::id);
    for (int i = 0; i < results.size(); i++) {
      duplicates(
          findings,
          Pointer.child(at, i, "indicators"),
          "the indicators of result " + (i + 1),
          results.get(i).indicators(),
          ResultIndicator::id);
    }
  }

  static <T> void duplicates(
      Findings findings,
      String array,
      String listName,
      List<T> items,
      Function<T, @Nullable String> idOf) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String id = idOf.apply(items.get(i));
      if (id == null) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(id, i);
      if (first != null) {
        findings.error(
            DUPLICATE_ID,
            Pointer.child(array, i, "id"),
            "the id '" + id + "' is used more than once in " + listName + " (by item "
                + (first + 1) + " and again by item " + (i + 1) + ", counting from 1): give each"
                + " item its own id, unique within the list and never changed afterwards",
            id);
      }
    }
  }

  /** providerId, receiverId and participantId must name a participant's id. */
  static void unknownParticipants(Initiative initiative, Findings findings) {
    Set<String> ids = new LinkedHashSet<>();
    for (Participation participant : initiative.participants()) {
      if (participant.id() != null) {
        ids.add(participant.id());
      }
    }
    List<Transaction> transactions = initiative.transactions();
    for (int i = 0; i < transactions.size(); i++) {
      Transaction transaction = transactions.get(i);
      reference(findings, Pointer.of("transactions", i, "providerId"), "providerId",
          transaction.providerId(), ids);
      reference(findings, Pointer.of("transactions", i, "receiverId"), "receiverId",
          transaction.receiverId(), ids);
    }
    List<Contribution> contributions = initiative.contributions();
    for (int i = 0; i < contributions.size(); i++) {
      reference(findings, Pointer.of("contributions", i, "participantId"), "participantId",
          contributions.get(i).participantId(), ids);
    }
  }

  private static void reference(
      Findings findings, String pointer, String field, @Nullable String id, Set<String> ids) {
    if (!Shapes.matches(Shapes.ITEM_ID, id) || ids.contains(id)) {
      return;
    }
    findings.error(
        UNKNOWN_PARTICIPANT,
        pointer,
        field + " '" + id + "' names no participant of this initiative: use the id of one of"
            + " its participants (" + sample(ids) + "), or add the partner to participants",
        id);
  }

  /** Up to five ids, for a message. */
  private static String sample(Set<String> ids) {
    if (ids.isEmpty()) {
      return "there are none yet";
    }
    List<String> quoted = ids.stream().limit(5).map(id -> "'" + id + "'").toList();
    return String.join(", ", quoted) + (ids.size() > 5 ? ", …" : "");
  }
}
