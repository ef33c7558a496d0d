package org.sstc.exchange.core.internal.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.CodelistItem;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.ParticipationRole;
import tools.jackson.databind.JsonNode;

/**
 * Decides on the JSON tree alone, for a record whose schema check against its own version was
 * empty, whether {@link RuleChecks} would certainly report nothing (no error, no warning): then the
 * validate-only path need not bind the record to the model (issue 14).
 *
 * <p>Each check mirrors one of RuleChecks' on the members the model reads them from. Anything not
 * mirrored exactly answers "not certain" and the caller runs the full path, which explains it:
 * a solution or package, an initiative whose id does not start with its reporting organisation's
 * (the previous-id warning), a value of an unexpected JSON type. Soundness matters, not reach.
 */
final class FastRules {
  /** Thrown, preallocated and without a stack trace, where a check cannot vouch for the record. */
  private static final class NotCertain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotCertain() {
      super(null, null, false, false);
    }
  }

  private static final NotCertain NOT_CERTAIN = new NotCertain();

  private FastRules() {}

  /** True only if the rules and codelist checks certainly report nothing on this record. */
  static boolean certainlyClean(String recordType, JsonNode document) {
    try {
      return switch (recordType) {
        case "initiative" -> {
          initiative(document);
          yield true;
        }
        case "organisation" -> {
          organisation(document);
          yield true;
        }
        default -> false; // solutions and packages: not mirrored yet
      };
    } catch (NotCertain unknown) {
      return false;
    }
  }

  private static void organisation(JsonNode organisation) {
    orgId(organisation.path("id"));
    orgId(organisation.path("parentId"));
    code(organisation.path("orgType"), CodeKind.ORGANISATION_TYPE);
    code(organisation.path("country"), CodeKind.COUNTRY);
  }

  /** RuleChecks.initiative, in its order. */
  private static void initiative(JsonNode initiative) {
    idPrefix(initiative);
    orgId(initiative.path("reportingOrg").path("id"));
    JsonNode dates = initiative.path("dates");
    endNotBeforeStart(dates.path("plannedStart"), dates.path("plannedEnd"));
    endNotBeforeStart(dates.path("actualStart"), dates.path("actualEnd"));
    String status = text(initiative.path("status"));
    if (ActivityStatus.CLOSED.toString().equals(status) && isObject(dates)
        && text(dates.path("actualEnd")) == null) {
      throw NOT_CERTAIN;
    }
    JsonNode participants = array(initiative.path("participants"));
    for (JsonNode participant : participants) {
      orgId(participant.path("orgId"));
    }
    roles(initiative, participants);
    sdgs(array(initiative.path("sdgs")));
    percentages(initiative);
    for (String items : new String[] {"budgets", "transactions", "contributions"}) {
      for (JsonNode item : array(initiative.path(items))) {
        money(item.path("value"));
      }
    }
    participantReferences(initiative, participants);
    uniqueIds(participants);
    uniqueIds(array(initiative.path("budgets")));
    uniqueIds(array(initiative.path("transactions")));
    uniqueIds(array(initiative.path("contributions")));
    results(array(initiative.path("results")));
    documents(array(initiative.path("documents")));
    codes(initiative, participants);
  }

  /** InitiativeRules.idPrefix: certain only when the id is the org id, a hyphen and more. */
  private static void idPrefix(JsonNode initiative) {
    String id = text(initiative.path("id"));
    String orgId = text(initiative.path("reportingOrg").path("id"));
    if (id == null || orgId == null) {
      return;
    }
    if (!(id.length() > orgId.length() + 1 && id.startsWith(orgId)
        && id.charAt(orgId.length()) == '-')) {
      throw NOT_CERTAIN;
    }
  }

  private static void orgId(JsonNode node) {
    if (!OrgIdChecks.reportsNothing(text(node))) {
      throw NOT_CERTAIN;
    }
  }

  /** InitiativeRules.dateOrder on ISO dates, whose text order is their order. */
  private static void endNotBeforeStart(JsonNode startNode, JsonNode endNode) {
    String start = text(startNode);
    String end = text(endNode);
    if (start == null || end == null) {
      return;
    }
    if (start.length() != 10 || end.length() != 10 || end.compareTo(start) < 0) {
      throw NOT_CERTAIN;
    }
  }

  /** RoleRules.check. */
  private static void roles(JsonNode initiative, JsonNode participants) {
    String modalityCode = text(initiative.path("modality"));
    Modality modality = modalityCode == null ? null : Modality.fromCode(modalityCode).orElse(null);
    if (modality == null || participants.isEmpty()) {
      return;
    }
    List<ParticipationRole> roles = new ArrayList<>(participants.size());
    for (JsonNode participant : participants) {
      String code = text(participant.path("role"));
      ParticipationRole role = code == null ? null : ParticipationRole.fromCode(code).orElse(null);
      if (role == null) {
        return; // RoleRules judges no roles then
      }
      roles.add(role);
    }
    switch (modality) {
      case TRIANGULAR -> has(roles, ParticipationRole.FIRST_PROVIDER,
          ParticipationRole.SECOND_PROVIDER, ParticipationRole.RECIPIENT);
      case BILATERAL -> {
        has(roles, ParticipationRole.PROVIDER, ParticipationRole.RECIPIENT);
        bilateralCountries(participants, roles);
      }
      case REGIONAL -> regionalCountries(initiative, participants);
      default -> throw NOT_CERTAIN;
    }
  }

  private static void has(List<ParticipationRole> roles, ParticipationRole... needed) {
    for (ParticipationRole role : needed) {
      if (!roles.contains(role)) {
        throw NOT_CERTAIN;
      }
    }
  }

  /** RoleRules.bilateralSameCountry: certain when its providers and recipients name two countries. */
  private static void bilateralCountries(JsonNode participants, List<ParticipationRole> roles) {
    Set<String> countries = new HashSet<>();
    boolean providerHasCountry = false;
    boolean recipientHasCountry = false;
    for (int i = 0; i < roles.size(); i++) {
      boolean provider = roles.get(i) == ParticipationRole.PROVIDER;
      boolean recipient = roles.get(i) == ParticipationRole.RECIPIENT;
      String country = text(participants.get(i).path("country"));
      if ((provider || recipient) && country != null) {
        if (!Shapes.matches(Shapes.COUNTRY, country)) {
          return;
        }
        countries.add(country);
        providerHasCountry |= provider;
        recipientHasCountry |= recipient;
      }
    }
    if (providerHasCountry && recipientHasCountry && countries.size() == 1) {
      throw NOT_CERTAIN;
    }
  }

  /** RoleRules.regionalCountries. */
  private static void regionalCountries(JsonNode initiative, JsonNode participants) {
    List<String> values = new ArrayList<>();
    for (JsonNode participant : participants) {
      addText(values, participant.path("country"));
    }
    for (JsonNode country : array(initiative.path("recipientCountries"))) {
      addText(values, country.path("code"));
    }
    for (String value : values) {
      if (!Shapes.matches(Shapes.COUNTRY, value)) {
        return;
      }
    }
    if (new HashSet<>(values).size() < 3) {
      throw NOT_CERTAIN;
    }
  }

  /** SdgRules.check and the SDG codes of CodelistChecks. */
  private static void sdgs(JsonNode sdgs) {
    Set<List<@Nullable String>> links = new HashSet<>();
    Set<String> targets = new HashSet<>();
    for (JsonNode link : sdgs) {
      String goal = code(link.path("goal"), CodeKind.SDG_GOAL);
      String target = code(link.path("target"), CodeKind.SDG_TARGET);
      String indicator = code(link.path("indicator"), CodeKind.SDG_INDICATOR);
      String knownGoal = SdgRules.knownGoal(goal);
      String targetGoal = SdgRules.parent(CodeKind.SDG_TARGET, target);
      if (knownGoal != null && target != null && targetGoal != null && !targetGoal.equals(knownGoal)) {
        throw NOT_CERTAIN;
      }
      String indicatorTarget = SdgRules.parent(CodeKind.SDG_INDICATOR, indicator);
      if (indicator != null && indicatorTarget != null) {
        if (target != null) {
          if (CodelistChecks.find(CodeKind.SDG_TARGET, target).isPresent()
              && !indicatorTarget.equals(target)) {
            throw NOT_CERTAIN;
          }
        } else {
          String indicatorGoal = SdgRules.parent(CodeKind.SDG_TARGET, indicatorTarget);
          if (knownGoal != null && indicatorGoal != null && !indicatorGoal.equals(knownGoal)) {
            throw NOT_CERTAIN;
          }
        }
      }
      if (goal != null && !links.add(Arrays.asList(goal, target, indicator))) {
        throw NOT_CERTAIN;
      }
      if (Shapes.matches(Shapes.SDG_TARGET, target)) {
        targets.add(target);
      }
    }
    if (targets.size() > SdgRules.MAX_TARGETS) {
      throw NOT_CERTAIN;
    }
  }

  /** PercentageRules, with its own sum. */
  private static void percentages(JsonNode initiative) {
    List<@Nullable BigDecimal> shares = new ArrayList<>();
    for (JsonNode country : array(initiative.path("recipientCountries"))) {
      shares.add(number(country.path("percentage")));
    }
    for (JsonNode region : array(initiative.path("recipientRegions"))) {
      shares.add(number(region.path("percentage")));
    }
    if (PercentageRules.wrongSum(shares) != null) {
      throw NOT_CERTAIN;
    }
    Map<String, List<@Nullable BigDecimal>> byVocabulary = new LinkedHashMap<>();
    for (JsonNode sector : array(initiative.path("sectors"))) {
      String vocabulary = text(sector.path("vocabulary"));
      byVocabulary
          .computeIfAbsent(vocabulary == null ? "1" : vocabulary, unused -> new ArrayList<@Nullable BigDecimal>())
          .add(number(sector.path("percentage")));
    }
    for (List<@Nullable BigDecimal> sectorShares : byVocabulary.values()) {
      if (PercentageRules.wrongSum(sectorShares) != null) {
        throw NOT_CERTAIN;
      }
    }
  }

  /** MoneyChecks.money: a known, current currency and no more fraction digits than its minor units. */
  private static void money(JsonNode money) {
    if (isAbsent(money)) {
      return;
    }
    if (!money.isObject()) {
      throw NOT_CERTAIN;
    }
    String currency = code(money.path("currency"), CodeKind.CURRENCY);
    int digits = fractionDigits(money.path("amount"));
    Integer minorUnits =
        CodelistChecks.find(CodeKind.CURRENCY, currency).map(CodelistItem::minorUnits).orElse(null);
    if (minorUnits != null && digits > minorUnits) {
      throw NOT_CERTAIN;
    }
  }

  /**
   * The fraction digits of an amount as the model's BigDecimal keeps them: a decimal string of the
   * schema's shape (digits, then a point and digits), or a number; 0 when absent.
   */
  private static int fractionDigits(JsonNode amount) {
    if (!amount.isString()) {
      BigDecimal number = number(amount);
      return number == null ? 0 : MoneyChecks.fractionDigits(number);
    }
    String text = amount.asString();
    int point = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' && point < 0 && i > 0) {
        point = i;
      } else if (c < '0' || c > '9') {
        throw NOT_CERTAIN;
      }
    }
    if (text.isEmpty() || point == text.length() - 1) {
      throw NOT_CERTAIN;
    }
    return point < 0 ? 0 : text.length() - point - 1;
  }

  /** InitiativeRules.unknownParticipants. */
  private static void participantReferences(JsonNode initiative, JsonNode participants) {
    Set<String> ids = new HashSet<>();
    for (JsonNode participant : participants) {
      addText(ids, participant.path("id"));
    }
    for (JsonNode transaction : array(initiative.path("transactions"))) {
      reference(transaction.path("providerId"), ids);
      reference(transaction.path("receiverId"), ids);
    }
    for (JsonNode contribution : array(initiative.path("contributions"))) {
      reference(contribution.path("participantId"), ids);
    }
  }

  private static void reference(JsonNode node, Set<String> ids) {
    String id = text(node);
    if (Shapes.matches(Shapes.ITEM_ID, id) && !ids.contains(id)) {
      throw NOT_CERTAIN;
    }
  }

  /** InitiativeRules.duplicates on one array of items. */
  private static void uniqueIds(JsonNode items) {
    Set<String> ids = new HashSet<>();
    for (JsonNode item : items) {
      String id = text(item.path("id"));
      if (id != null && !ids.add(id)) {
        throw NOT_CERTAIN;
      }
    }
  }

  /** InitiativeRules.results and CodelistChecks.results. */
  private static void results(JsonNode results) {
    uniqueIds(results);
    for (JsonNode result : results) {
      code(result.path("type"), CodeKind.RESULT_TYPE);
      JsonNode indicators = array(result.path("indicators"));
      uniqueIds(indicators);
      for (JsonNode indicator : indicators) {
        code(indicator.path("measure"), CodeKind.INDICATOR_MEASURE);
        code(indicator.path("sdgIndicator"), CodeKind.SDG_INDICATOR);
      }
    }
  }

  /** InitiativeRules.duplicates and CodelistChecks.documents. */
  private static void documents(JsonNode documents) {
    uniqueIds(documents);
    for (JsonNode document : documents) {
      code(document.path("category"), CodeKind.DOCUMENT_CATEGORY);
      for (JsonNode language : array(document.path("languages"))) {
        code(language, CodeKind.LANGUAGE);
      }
    }
  }

  /** The rest of CodelistChecks.initiative (SDGs, currencies, results, documents are above). */
  private static void codes(JsonNode initiative, JsonNode participants) {
    code(initiative.path("status"), CodeKind.ACTIVITY_STATUS);
    for (JsonNode participant : participants) {
      code(participant.path("orgType"), CodeKind.ORGANISATION_TYPE);
      code(participant.path("country"), CodeKind.COUNTRY);
      for (JsonNode role : array(participant.path("iatiRoles"))) {
        code(role, CodeKind.ORGANISATION_ROLE);
      }
    }
    for (JsonNode country : array(initiative.path("recipientCountries"))) {
      code(country.path("code"), CodeKind.COUNTRY);
    }
    for (JsonNode region : array(initiative.path("recipientRegions"))) {
      String vocabulary = code(region.path("vocabulary"), CodeKind.REGION_VOCABULARY);
      CodeKind regions = CodelistChecks.regionCodes(vocabulary);
      if (regions != null) {
        code(region.path("code"), regions);
      }
    }
    for (JsonNode sector : array(initiative.path("sectors"))) {
      String vocabulary = code(sector.path("vocabulary"), CodeKind.SECTOR_VOCABULARY);
      CodeKind sectors = CodelistChecks.sectorCodes(vocabulary == null ? "1" : vocabulary);
      if (sectors != null) {
        code(sector.path("code"), sectors, Shapes.IATI_CODE);
      }
    }
    for (JsonNode marker : array(initiative.path("policyMarkers"))) {
      String vocabulary = code(marker.path("vocabulary"), CodeKind.POLICY_MARKER_VOCABULARY);
      if (vocabulary == null || "1".equals(vocabulary)) {
        code(marker.path("code"), CodeKind.POLICY_MARKER);
      }
      code(marker.path("significance"), CodeKind.POLICY_SIGNIFICANCE);
    }
    for (JsonNode budget : array(initiative.path("budgets"))) {
      code(budget.path("type"), CodeKind.BUDGET_TYPE);
      code(budget.path("status"), CodeKind.BUDGET_STATUS);
    }
    for (JsonNode transaction : array(initiative.path("transactions"))) {
      code(transaction.path("type"), CodeKind.TRANSACTION_TYPE);
    }
  }

  /** CodelistChecks.check reports nothing on this code; the code, or null when absent. */
  private static @Nullable String code(JsonNode node, CodeKind kind) {
    return code(node, kind, kind.shape());
  }

  private static @Nullable String code(JsonNode node, CodeKind kind, Pattern shape) {
    String code = text(node);
    if (code == null || !Shapes.matches(shape, code)) {
      return code;
    }
    Optional<CodelistItem> item = kind.list().find(kind.lookupKey(code));
    if (item.isEmpty() || item.get().withdrawn()) {
      throw NOT_CERTAIN;
    }
    return code;
  }

  /** A string member, or null when absent or JSON null (as the model holds it); else not certain. */
  private static @Nullable String text(JsonNode node) {
    if (node.isString()) {
      return node.asString();
    }
    requireAbsent(node);
    return null;
  }

  private static <C extends java.util.Collection<String>> void addText(C values, JsonNode node) {
    String value = text(node);
    if (value != null) {
      values.add(value);
    }
  }

  /** A number as the model binds it (big decimals, trailing zeros kept), or null when absent. */
  private static @Nullable BigDecimal number(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    requireAbsent(node);
    return null;
  }

  /** An array member (absent reads as the model's empty list); anything else is not certain. */
  private static JsonNode array(JsonNode node) {
    if (node.isArray() || node.isMissingNode()) {
      return node;
    }
    throw NOT_CERTAIN;
  }

  private static boolean isObject(JsonNode node) {
    if (node.isObject()) {
      return true;
    }
    requireAbsent(node);
    return false;
  }

  /** A member of another JSON type than the model expects: not mirrored, so not certain. */
  private static void requireAbsent(JsonNode node) {
    if (!isAbsent(node)) {
      throw NOT_CERTAIN;
    }
  }

  private static boolean isAbsent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }
}
