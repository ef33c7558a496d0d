package org.sstc.exchange.iati.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Codelists;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A completion profile's content, read from a file that passed its JSON Schema, and how it is
 * applied to one initiative's JSON tree. Everything it adds is returned as a {@link Filled}, so
 * that the caller can report it and the record can keep it under its extension.
 */
public final class ProfileRules {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** IATI OtherIdentifierType B1, "Previous Reporting Organisation Identifier", as the importer writes its scheme. */
  private static final String PREVIOUS_REPORTING_ORG = "iati-b1";

  /**
   * Where the standard has language maps in an initiative: the importer keeps untagged text under
   * {@code und} in these, and the profile's language replaces that key.
   */
  private static final List<String> LANGUAGE_MAPS = List.of(
      "/title", "/description", "/results/*/title", "/results/*/indicators/*/title", "/documents/*/title",
      "/locations/*/name", "/locations/*/description", "/policyMarkers/*/description",
      "/transactions/*/description", "/contributions/*/description");

  /** The role the importer derives from IATI's roles (IATI.md, Participants); the profile may replace it. */
  private static final Map<String, String> IMPORTER_ROLES = Map.of("1", "funder", "4", "implementer");

  /** One value the profile added: where, what, and which part of the profile said so. */
  public record Filled(String pointer, JsonNode value, String rule) {}

  /** A condition of a rule. */
  record Condition(String pointer, @Nullable Boolean absent, @Nullable JsonNode equals,
      @Nullable Integer minItems, @Nullable Integer maxItems) {}

  /** A rule: when every condition holds, set what is absent, or choose the roles. */
  record Rule(String name, List<Condition> when, Map<String, JsonNode> set, Map<String, String> roles) {}

  /** A default value for a member, by pointer. */
  record DefaultValue(String pointer, JsonNode value) {}

  private final String name;
  private final String description;
  private final @Nullable String instrument;
  private final @Nullable String sdgContribution;
  private final @Nullable String language;
  private final Map<String, String> roles;
  private final boolean lastUpdatedAtImport;
  private final boolean recipientCountryParticipant;
  private final boolean percentageRemainder;
  private final boolean setAsideNegativeBudgets;
  /** Previous reporting-org ids (IATI OtherIdentifierType B1) by current id. */
  private final Map<String, List<String>> previousReportingOrgIds;
  private final List<DefaultValue> values;
  private final List<Rule> rules;

  private ProfileRules(JsonNode profile) {
    this.name = profile.path("profile").asString();
    this.description = profile.path("description").asString("");
    JsonNode defaults = profile.path("defaults");
    this.instrument = text(defaults.get("instrument"));
    this.sdgContribution = text(defaults.get("sdgContribution"));
    this.language = text(defaults.get("language"));
    this.roles = roles(defaults.get("roles"));
    this.recipientCountryParticipant = defaults.path("recipientCountryParticipant").asBoolean(false);
    this.lastUpdatedAtImport = "import-time".equals(text(defaults.get("lastUpdated")));
    this.percentageRemainder = defaults.path("percentageRemainder").asBoolean(false);
    this.setAsideNegativeBudgets = "set-aside".equals(text(profile.get("negativeBudgets")));
    Map<String, List<String>> previous = new LinkedHashMap<>();
    JsonNode previousIds = defaults.path("previousReportingOrgIds");
    for (String current : previousIds.propertyNames()) {
      List<String> ids = new ArrayList<>();
      previousIds.get(current).forEach(id -> ids.add(id.asString()));
      previous.put(current, List.copyOf(ids));
    }
    this.previousReportingOrgIds = Map.copyOf(previous);
    List<DefaultValue> found = new ArrayList<>();
    for (JsonNode value : defaults.path("values")) {
      found.add(new DefaultValue(value.path("pointer").asString(), value.path("value").deepCopy()));
    }
    this.values = List.copyOf(found);
    List<Rule> read = new ArrayList<>();
    for (JsonNode rule : profile.path("rules")) {
      List<Condition> when = new ArrayList<>();
      for (JsonNode condition : rule.path("when")) {
        when.add(new Condition(condition.path("pointer").asString(),
            condition.has("absent") ? condition.get("absent").asBoolean() : null,
            condition.has("equals") ? condition.get("equals").deepCopy() : null,
            condition.has("minItems") ? condition.get("minItems").asInt() : null,
            condition.has("maxItems") ? condition.get("maxItems").asInt() : null));
      }
      Map<String, JsonNode> set = new LinkedHashMap<>();
      JsonNode sets = rule.path("set");
      for (String pointer : sets.propertyNames()) {
        set.put(pointer, sets.get(pointer).deepCopy());
      }
      read.add(new Rule(rule.path("name").asString(), List.copyOf(when), set, roles(rule.get("roles"))));
    }
    this.rules = List.copyOf(read);
  }

  /**
   * Reads a profile that passed the profile schema (the caller checks it first).
   *
   * @param profile the profile's JSON tree
   * @return its rules
   */
  public static ProfileRules of(JsonNode profile) {
    return new ProfileRules(profile);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node == null || !node.isString() ? null : node.asString();
  }

  private static Map<String, String> roles(@Nullable JsonNode node) {
    Map<String, String> roles = new LinkedHashMap<>();
    if (node != null) {
      for (String iatiRole : node.propertyNames()) {
        roles.put(iatiRole, node.get(iatiRole).asString());
      }
    }
    return Map.copyOf(roles);
  }

  /**
   * Completes an initiative's tree in place: the rules in order, then the defaults, each only
   * where the record has no value (a role the importer derived excepted).
   *
   * @param record the initiative as imported; changed in place
   * @param now the time of the completion, for {@code lastUpdated: import-time}
   * @return what was added, in the order it was added
   */
  public List<Filled> apply(ObjectNode record, Instant now) {
    List<Filled> filled = new ArrayList<>();
    if (setAsideNegativeBudgets) {
      // first, so that no default (such as /budgets/*/type) is filled into a budget set aside
      SetAside.negativeBudgets(record, filled);
    }
    previousReportingOrgId(record, filled);
    Map<String, String> chosenRoles = null;
    String rolesFrom = "defaults.roles";
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (!rule.when().stream().allMatch(condition -> holds(record, condition))) {
        continue;
      }
      String label = "rules/" + i + " (" + rule.name() + ")";
      rule.set().forEach((pointer, value) -> fill(record, pointer, value, label, filled));
      if (chosenRoles == null && !rule.roles().isEmpty()) {
        chosenRoles = rule.roles();
        rolesFrom = label;
      }
    }
    if (language != null) {
      for (String map : LANGUAGE_MAPS) {
        for (String pointer : expand(record, map)) {
          if (record.at(pointer) instanceof ObjectNode texts && texts.has("und") && !texts.has(language)) {
            JsonNode text = Objects.requireNonNull(texts.remove("und"));
            texts.set(language, text);
            filled.add(new Filled(pointer + "/" + language, text, "defaults.language (the text had no language: und)"));
          }
        }
      }
    }
    if (instrument != null) {
      fill(record, "/instrument", NODES.stringNode(instrument), "defaults.instrument", filled);
    }
    participants(record, chosenRoles == null ? roles : chosenRoles, rolesFrom, filled);
    if (recipientCountryParticipant) {
      recipientCountry(record, filled);
    }
    if (sdgContribution != null) {
      fill(record, "/sdgs/*/contribution", NODES.stringNode(sdgContribution), "defaults.sdgContribution", filled);
    }
    if (lastUpdatedAtImport) {
      fill(record, "/lastUpdated", NODES.stringNode(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS))),
          "defaults.lastUpdated (import-time: the file gives no last-updated-datetime with a time zone)", filled);
    }
    if (percentageRemainder) {
      Remainders.fill(record, filled);
    }
    for (int i = 0; i < values.size(); i++) {
      DefaultValue value = values.get(i);
      fill(record, value.pointer(), value.value(), "defaults.values/" + i, filled);
    }
    return filled;
  }

  /**
   * An initiative id under the reporting organisation's previous id (DFID's {@code GB-1-…} under
   * {@code GB-GOV-1}) gets that previous id in otherIdentifiers, scheme {@code iati-b1}, as IATI
   * publishers list it, unless the record lists it already: the id is then one IATI accepts
   * (an activity's identifier never changes), and the validator warns rather than refuses.
   */
  private void previousReportingOrgId(ObjectNode record, List<Filled> filled) {
    String id = record.path("id").asString("");
    String reportingOrg = record.path("reportingOrg").path("id").asString("");
    List<String> previous = previousReportingOrgIds.get(reportingOrg);
    if (previous == null || id.startsWith(reportingOrg + "-")) {
      return;
    }
    for (String before : previous) {
      if (!id.startsWith(before + "-") || id.length() <= before.length() + 1) {
        continue;
      }
      for (JsonNode other : record.path("otherIdentifiers")) {
        if (PREVIOUS_REPORTING_ORG.equals(other.path("scheme").asString("")) && before.equals(other.path("id").asString(""))) {
          return;
        }
      }
      ArrayNode others = record.get("otherIdentifiers") instanceof ArrayNode given ? given : record.putArray("otherIdentifiers");
      ObjectNode added = others.addObject().put("scheme", PREVIOUS_REPORTING_ORG).put("id", before);
      filled.add(new Filled("/otherIdentifiers/" + (others.size() - 1), added.deepCopy(),
          "defaults.previousReportingOrgIds (" + reportingOrg + " reported as " + before + " before)"));
      return;
    }
  }

  /** Each participant with IATI roles and no SSTC role (or the one the importer derived) gets the profile's. */
  private static void participants(ObjectNode record, Map<String, String> roles, String rule, List<Filled> filled) {
    JsonNode participants = record.path("participants");
    for (int i = 0; i < participants.size(); i++) {
      if (!(participants.get(i) instanceof ObjectNode participant)) {
        continue;
      }
      List<String> iatiRoles = new ArrayList<>();
      participant.path("iatiRoles").forEach(role -> iatiRoles.add(role.asString()));
      String chosen = null;
      for (String iatiRole : iatiRoles) {
        chosen = roles.get(iatiRole);
        if (chosen != null) {
          break;
        }
      }
      JsonNode current = participant.get("role");
      if (chosen == null || (current != null && !derivedByImporter(current, iatiRoles))
          || (current != null && current.asString().equals(chosen))) {
        continue;
      }
      participant.put("role", chosen);
      filled.add(new Filled("/participants/" + i + "/role", NODES.stringNode(chosen), rule
          + (current == null ? "" : " (replaces " + current.asString() + ", which the importer derived from IATI role "
              + iatiRoles.stream().filter(IMPORTER_ROLES::containsKey).findFirst().orElse("?") + ")")));
    }
  }

  /**
   * A participant for the one recipient country of an initiative none of whose participants is a
   * recipient: IATI names the country that receives, not an organisation in it.
   */
  private static void recipientCountry(ObjectNode record, List<Filled> filled) {
    JsonNode countries = record.path("recipientCountries");
    if (countries.size() != 1 || !countries.get(0).path("code").isString()
        || !(record.get("participants") instanceof ArrayNode participants)) {
      return;
    }
    for (JsonNode participant : participants) {
      if (participant.path("role").asString("").equals("recipient")) {
        return;
      }
    }
    String code = countries.get(0).path("code").asString();
    ObjectNode added = participants.addObject();
    added.put("id", "recipient-country-" + code);
    added.put("name", Codelists.standard().get(Codelists.COUNTRY).find(code).map(item -> item.name("en")).orElse(code));
    added.put("orgType", "10");
    added.put("country", code);
    added.put("role", "recipient");
    filled.add(new Filled("/participants/" + (participants.size() - 1), added.deepCopy(),
        "defaults.recipientCountryParticipant (the recipient country " + code + " as the recipient)"));
  }

  /** Whether a participant's role is the one the importer derives from its IATI roles. */
  private static boolean derivedByImporter(JsonNode role, List<String> iatiRoles) {
    for (String iatiRole : iatiRoles) {
      String derived = IMPORTER_ROLES.get(iatiRole);
      if (derived != null) {
        return derived.equals(role.asString());
      }
    }
    return false;
  }

  private static void fill(ObjectNode record, String pattern, JsonNode value, String rule, List<Filled> filled) {
    int slash = pattern.lastIndexOf('/');
    String member = unescape(pattern.substring(slash + 1));
    for (String parentPointer : expand(record, pattern.substring(0, slash))) {
      JsonNode parent = parentPointer.isEmpty() ? record : record.at(parentPointer);
      if (parent instanceof ObjectNode object && !object.has(member)) {
        object.set(member, value.deepCopy());
        filled.add(new Filled(parentPointer + "/" + escape(member), value.deepCopy(), rule));
      }
    }
  }

  private static boolean holds(ObjectNode record, Condition condition) {
    List<JsonNode> found = new ArrayList<>();
    for (String pointer : expand(record, condition.pointer())) {
      JsonNode node = record.at(pointer);
      if (!node.isMissingNode() && !node.isNull()) {
        found.add(node);
      }
    }
    if (condition.absent() != null && condition.absent() != found.isEmpty()) {
      return false;
    }
    if (condition.equals() != null && found.stream().noneMatch(condition.equals()::equals)) {
      return false;
    }
    int items = found.size() == 1 && found.get(0) instanceof ArrayNode array ? array.size() : 0;
    return (condition.minItems() == null || items >= condition.minItems())
        && (condition.maxItems() == null || items <= condition.maxItems());
  }

  /**
   * The concrete pointers a pattern names: each {@code *} token stands for every index of the
   * array there. Only pointers whose nodes exist are returned (the pattern {@code ""} gives
   * {@code ""}), except the last token, which may name an absent member.
   */
  static List<String> expand(JsonNode root, String pattern) {
    List<String> pointers = List.of("");
    if (pattern.isEmpty()) {
      return pointers;
    }
    String[] tokens = pattern.substring(1).split("/", -1);
    for (int t = 0; t < tokens.length; t++) {
      boolean last = t == tokens.length - 1;
      List<String> next = new ArrayList<>();
      for (String at : pointers) {
        JsonNode node = at.isEmpty() ? root : root.at(at);
        if (tokens[t].equals("*")) {
          for (int i = 0; node.isArray() && i < node.size(); i++) {
            next.add(at + "/" + i);
          }
        } else if (last || !root.at(at + "/" + tokens[t]).isMissingNode()) {
          next.add(at + "/" + tokens[t]);
        }
      }
      pointers = next;
    }
    return pointers;
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  private static String escape(String member) {
    return member.replace("~", "~0").replace("/", "~1");
  }
}
