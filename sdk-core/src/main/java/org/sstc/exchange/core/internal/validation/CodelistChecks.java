package org.sstc.exchange.core.internal.validation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Budget;
import org.sstc.exchange.core.Codelist;
import org.sstc.exchange.core.CodelistItem;
import org.sstc.exchange.core.Document;
import org.sstc.exchange.core.Evidence;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.OrganisationRole;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.PolicyMarker;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.RecipientRegion;
import org.sstc.exchange.core.Result;
import org.sstc.exchange.core.ResultIndicator;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SolutionCountry;
import org.sstc.exchange.core.SolutionProvider;
import org.sstc.exchange.core.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * Checks that codes borrowed from IATI, ISO and the UN are in their bundled lists: an unknown code
 * in a closed list is an error ({@code codelist.unknown-code}), in an open list a warning ({@code
 * codelist.open-code}); a withdrawn code is a warning ({@code codelist.withdrawn-code}). Currency
 * codes are checked with the amounts they belong to, in {@link MoneyChecks}.
 */
final class CodelistChecks {
  static final String UNKNOWN_CODE = "codelist.unknown-code";
  static final String OPEN_CODE = "codelist.open-code";
  static final String WITHDRAWN_CODE = "codelist.withdrawn-code";

  private CodelistChecks() {}

  /** The codes of an initiative, in document order. */
  static void initiative(Initiative initiative, @Nullable JsonNode document, Findings findings) {
    check(findings, "/status", code(initiative.status(), document, "/status"),
        CodeKind.ACTIVITY_STATUS);
    participants(initiative.participants(), document, findings);
    recipientCountries(initiative.recipientCountries(), findings);
    recipientRegions(initiative.recipientRegions(), findings);
    sdgs(initiative.sdgs(), findings);
    sectors(initiative.sectors(), findings);
    policyMarkers(initiative.policyMarkers(), findings);
    budgets(initiative.budgets(), document, findings);
    transactions(initiative.transactions(), document, findings);
    results("/results", initiative.results(), findings);
    documents("/documents", initiative.documents(), findings);
  }

  /**
   * The codes of closed lists in an initiative's document, for one that has no model object (it
   * lacks a required member): a code outside its list binds as nothing, so only the document
   * still says it, and a record with such a status would otherwise have no issue but the missing
   * member's.
   */
  static void initiativeClosedCodes(JsonNode document, Findings findings) {
    check(findings, "/status", text(document.at("/status")), CodeKind.ACTIVITY_STATUS);
    JsonNode participants = document.path("participants");
    for (int i = 0; i < participants.size(); i++) {
      JsonNode roles = participants.path(i).path("iatiRoles");
      for (int r = 0; r < roles.size(); r++) {
        check(findings, Pointer.of("participants", i, "iatiRoles", r), text(roles.path(r)),
            CodeKind.ORGANISATION_ROLE);
      }
    }
    JsonNode budgets = document.path("budgets");
    for (int i = 0; i < budgets.size(); i++) {
      check(findings, Pointer.of("budgets", i, "type"), text(budgets.path(i).path("type")),
          CodeKind.BUDGET_TYPE);
      check(findings, Pointer.of("budgets", i, "status"), text(budgets.path(i).path("status")),
          CodeKind.BUDGET_STATUS);
    }
    JsonNode transactions = document.path("transactions");
    for (int i = 0; i < transactions.size(); i++) {
      check(findings, Pointer.of("transactions", i, "type"),
          text(transactions.path(i).path("type")), CodeKind.TRANSACTION_TYPE);
    }
  }

  private static @Nullable String text(JsonNode node) {
    return node.isString() ? node.asString() : null;
  }

  /** The codes of a solution, in document order; its currency is checked by {@link MoneyChecks}. */
  static void solution(Solution solution, Findings findings) {
    List<SolutionProvider> providers = solution.providers();
    for (int i = 0; i < providers.size(); i++) {
      SolutionProvider provider = providers.get(i);
      check(findings, Pointer.of("providers", i, "orgType"), provider.orgType(),
          CodeKind.ORGANISATION_TYPE);
      check(findings, Pointer.of("providers", i, "country"), provider.country(), CodeKind.COUNTRY);
    }
    List<SolutionCountry> countries = solution.countries();
    for (int i = 0; i < countries.size(); i++) {
      check(findings, Pointer.of("countries", i, "code"), countries.get(i).code(),
          CodeKind.COUNTRY);
    }
    sdgs(solution.sdgs(), findings);
    sectors(solution.sectors(), findings);
    Evidence evidence = solution.evidence();
    if (evidence != null) {
      documents("/evidence/documents", evidence.documents(), findings);
      results("/evidence/results", evidence.results(), findings);
    }
  }

  /**
   * Policy markers: the vocabulary, the significance, and the code where the vocabulary is the
   * DAC's ("1", also when absent); a reporting organisation's own codes ("99") go unchecked.
   */
  private static void policyMarkers(List<PolicyMarker> markers, Findings findings) {
    for (int i = 0; i < markers.size(); i++) {
      PolicyMarker marker = markers.get(i);
      check(findings, Pointer.of("policyMarkers", i, "vocabulary"), marker.vocabulary(),
          CodeKind.POLICY_MARKER_VOCABULARY);
      if (marker.vocabulary() == null || "1".equals(marker.vocabulary())) {
        check(findings, Pointer.of("policyMarkers", i, "code"), marker.code(),
            CodeKind.POLICY_MARKER);
      }
      check(findings, Pointer.of("policyMarkers", i, "significance"), marker.significance(),
          CodeKind.POLICY_SIGNIFICANCE);
    }
  }

  /** The codes of an organisation. */
  static void organisation(Organisation organisation, Findings findings) {
    check(findings, "/orgType", organisation.orgType(), CodeKind.ORGANISATION_TYPE);
    check(findings, "/country", organisation.country(), CodeKind.COUNTRY);
  }

  private static void participants(
      List<Participation> participants, @Nullable JsonNode document, Findings findings) {
    for (int i = 0; i < participants.size(); i++) {
      Participation participant = participants.get(i);
      check(findings, Pointer.of("participants", i, "orgType"), participant.orgType(),
          CodeKind.ORGANISATION_TYPE);
      check(findings, Pointer.of("participants", i, "country"), participant.country(),
          CodeKind.COUNTRY);
      // A role outside the list binds as null and is left out of the model: its code is read
      // from the document, where it stands at its own index.
      JsonNode written = document == null ? null : document.path("participants").path(i).path("iatiRoles");
      if (written != null && written.isArray()) {
        for (int r = 0; r < written.size(); r++) {
          JsonNode role = written.get(r);
          if (role.isString()) {
            check(findings, Pointer.of("participants", i, "iatiRoles", r), role.asString(),
                CodeKind.ORGANISATION_ROLE);
          }
        }
      } else {
        List<OrganisationRole> roles = participant.iatiRoles();
        for (int r = 0; r < roles.size(); r++) {
          check(findings, Pointer.of("participants", i, "iatiRoles", r), roles.get(r).code(),
              CodeKind.ORGANISATION_ROLE);
        }
      }
    }
  }

  private static void recipientCountries(List<RecipientCountry> countries, Findings findings) {
    for (int i = 0; i < countries.size(); i++) {
      check(findings, Pointer.of("recipientCountries", i, "code"), countries.get(i).code(),
          CodeKind.COUNTRY);
    }
  }

  private static void recipientRegions(List<RecipientRegion> regions, Findings findings) {
    for (int i = 0; i < regions.size(); i++) {
      RecipientRegion region = regions.get(i);
      check(findings, Pointer.of("recipientRegions", i, "vocabulary"), region.vocabulary(),
          CodeKind.REGION_VOCABULARY);
      CodeKind codes = regionCodes(region.vocabulary());
      if (codes != null) {
        check(findings, Pointer.of("recipientRegions", i, "code"), region.code(), codes);
      }
    }
  }

  /** Only the DAC and M49 vocabularies have bundled lists; other vocabularies go unchecked. */
  static @Nullable CodeKind regionCodes(@Nullable String vocabulary) {
    if ("1".equals(vocabulary)) {
      return CodeKind.REGION_DAC;
    }
    if ("2".equals(vocabulary)) {
      return CodeKind.REGION_M49;
    }
    return null;
  }

  private static void sdgs(List<SdgLink> sdgs, Findings findings) {
    for (int i = 0; i < sdgs.size(); i++) {
      SdgLink link = sdgs.get(i);
      check(findings, Pointer.of("sdgs", i, "goal"), link.goal(), CodeKind.SDG_GOAL);
      check(findings, Pointer.of("sdgs", i, "target"), link.target(), CodeKind.SDG_TARGET);
      check(findings, Pointer.of("sdgs", i, "indicator"), link.indicator(),
          CodeKind.SDG_INDICATOR);
    }
  }

  private static void sectors(List<Sector> sectors, Findings findings) {
    for (int i = 0; i < sectors.size(); i++) {
      Sector sector = sectors.get(i);
      check(findings, Pointer.of("sectors", i, "vocabulary"), sector.vocabulary(),
          CodeKind.SECTOR_VOCABULARY);
      CodeKind codes = sectorCodes(sector.vocabularyOrDefault());
      if (codes != null) {
        // The schema gives every sector code the IATI shape, whatever its vocabulary: a code of
        // that shape that is not, say, an SDG goal is this check's to report.
        check(findings, Pointer.of("sectors", i, "code"), sector.code(), codes, Shapes.IATI_CODE);
      }
    }
  }

  /** Vocabularies with a bundled list; the others (COFOG, NACE, reporting org …) go unchecked. */
  static @Nullable CodeKind sectorCodes(String vocabulary) {
    return switch (vocabulary) {
      case "1" -> CodeKind.SECTOR;
      case "2" -> CodeKind.SECTOR_CATEGORY;
      case "7" -> CodeKind.SDG_GOAL;
      case "8" -> CodeKind.SDG_TARGET;
      case "9" -> CodeKind.SDG_INDICATOR;
      default -> null;
    };
  }

  private static void budgets(
      List<Budget> budgets, @Nullable JsonNode document, Findings findings) {
    for (int i = 0; i < budgets.size(); i++) {
      Budget budget = budgets.get(i);
      String type = Pointer.of("budgets", i, "type");
      check(findings, type, code(budget.type(), document, type), CodeKind.BUDGET_TYPE);
      String status = Pointer.of("budgets", i, "status");
      check(findings, status, code(budget.status(), document, status), CodeKind.BUDGET_STATUS);
    }
  }

  private static void transactions(
      List<Transaction> transactions, @Nullable JsonNode document, Findings findings) {
    for (int i = 0; i < transactions.size(); i++) {
      String type = Pointer.of("transactions", i, "type");
      check(findings, type, code(transactions.get(i).type(), document, type),
          CodeKind.TRANSACTION_TYPE);
    }
  }

  /**
   * The code of a closed list the model types as an enum (whose {@code toString()} is its code):
   * the constant's code, or, where the code was not in the list and so bound as null, the string
   * at {@code pointer} in the document it was bound from (absent when there is none).
   */
  private static @Nullable String code(
      @Nullable Enum<?> constant, @Nullable JsonNode document, String pointer) {
    if (constant != null) {
      return constant.toString();
    }
    if (document == null) {
      return null;
    }
    JsonNode node = document.at(pointer);
    return node.isString() ? node.asString() : null;
  }

  private static void results(String at, List<Result> results, Findings findings) {
    for (int i = 0; i < results.size(); i++) {
      Result result = results.get(i);
      check(findings, Pointer.child(at, i, "type"), result.type(), CodeKind.RESULT_TYPE);
      List<ResultIndicator> indicators = result.indicators();
      for (int n = 0; n < indicators.size(); n++) {
        ResultIndicator indicator = indicators.get(n);
        check(findings, Pointer.child(at, i, "indicators", n, "measure"),
            indicator.measure(), CodeKind.INDICATOR_MEASURE);
        check(findings, Pointer.child(at, i, "indicators", n, "sdgIndicator"),
            indicator.sdgIndicator(), CodeKind.SDG_INDICATOR);
      }
    }
  }

  private static void documents(String at, List<Document> documents, Findings findings) {
    for (int i = 0; i < documents.size(); i++) {
      Document document = documents.get(i);
      check(findings, Pointer.child(at, i, "category"), document.category(),
          CodeKind.DOCUMENT_CATEGORY);
      List<String> languages = document.languages();
      for (int n = 0; n < languages.size(); n++) {
        check(findings, Pointer.child(at, i, "languages", n), languages.get(n),
            CodeKind.LANGUAGE);
      }
    }
  }

  /** Checks one code that has the shape the schema gives its kind; absent codes are skipped. */
  static void check(Findings findings, String pointer, @Nullable String code, CodeKind kind) {
    check(findings, pointer, code, kind, kind.shape());
  }

  /** Checks one code that has {@code shape}; other values were reported by the schema. */
  static void check(
      Findings findings, String pointer, @Nullable String code, CodeKind kind, Pattern shape) {
    if (code == null || !Shapes.matches(shape, code)) {
      return;
    }
    Codelist list = kind.list();
    Optional<CodelistItem> item = list.find(kind.lookupKey(code));
    if (item.isEmpty()) {
      notInList(findings, pointer, code, kind, list.isOpen());
    } else if (item.get().withdrawn()) {
      findings.warning(
          WITHDRAWN_CODE,
          pointer,
          "'" + code + "' (" + item.get().name("en") + ") has been withdrawn from the "
              + kind.listName() + " codelist: it is still accepted, but replace it with a current "
              + "code of that list",
          code);
    }
  }

  private static void notInList(
      Findings findings, String pointer, String code, CodeKind kind, boolean open) {
    if (open) {
      findings.warning(
          OPEN_CODE,
          pointer,
          "'" + code + "' is not in the " + kind.listName() + " codelist (" + kind.description()
              + "); the list is open, so it is accepted, but check it is not a typo or use "
              + kind.example(),
          code);
    } else {
      findings.error(
          UNKNOWN_CODE,
          pointer,
          "'" + code + "' is not " + kind.description() + " (" + kind.listName()
              + " codelist); use " + kind.example(),
          code);
    }
  }

  /** The item for a code of the right shape, if its list has it. */
  static Optional<CodelistItem> find(CodeKind kind, @Nullable String code) {
    if (code == null || !Shapes.matches(kind.shape(), code)) {
      return Optional.empty();
    }
    return kind.list().find(kind.lookupKey(code));
  }
}
