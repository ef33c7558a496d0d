package org.sstc.exchange.iati.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.OrganisationRole;
import org.sstc.exchange.core.AdministrativeArea;
import org.sstc.exchange.core.Budget;
import org.sstc.exchange.core.BudgetStatus;
import org.sstc.exchange.core.BudgetType;
import org.sstc.exchange.core.Contribution;
import org.sstc.exchange.core.ContributionKind;
import org.sstc.exchange.core.Dates;
import org.sstc.exchange.core.Document;
import org.sstc.exchange.core.GeoPoint;
import org.sstc.exchange.core.IndicatorValue;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.InitiativeRelation;
import org.sstc.exchange.core.Instrument;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Location;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.OtherIdentifier;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.PolicyMarker;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.RecipientRegion;
import org.sstc.exchange.core.RelatedInitiative;
import org.sstc.exchange.core.Result;
import org.sstc.exchange.core.ResultIndicator;
import org.sstc.exchange.core.SdgContribution;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.SupportType;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.core.TransactionType;
import org.sstc.exchange.iati.IatiNote;
import tools.jackson.databind.JsonNode;

/**
 * Maps one IATI activity (a small tree) to an initiative, marking what it reads; what it leaves
 * unread becomes a note. The mapping table is in {@code sdk-iati/IATI.md}.
 *
 * <p>An activity written by this SDK carries an {@code sstc:initiative} element (and small
 * {@code sstc:*} children in some IATI elements) with what IATI has no place for; when it is
 * there, it is authoritative, which is what makes SSTC → IATI → SSTC lossless.
 */
final class ActivityMapper {
  private final XmlElement activity;
  private final List<IatiNote> notes = new ArrayList<>();
  private final @Nullable String defaultCurrency;
  private final @Nullable XmlElement extension;
  private @Nullable String activityId;
  private @Nullable Draft reportingOrg;
  /** The language spellings already noted as normalised in this activity: one note each. */
  private final java.util.Set<String> normalisedLanguages = new java.util.HashSet<>();
  /** participating-org refs that are not org ids, by participation id (OrgIds.KEPT_REFS). */
  private final Map<String, String> keptRefs = new LinkedHashMap<>();
  /** A collaboration type 3 or 7 read as bilateral (CollaborationTypes.KEY), else null. */
  private @Nullable String bilateralFlow;

  private ActivityMapper(XmlElement activity) {
    this.activity = activity;
    activity.use();
    activity.consume("xml:lang"); // the language narratives inherit (XmlElement.inheritedLanguage)
    this.defaultCurrency = activity.attr("default-currency");
    this.extension = activity.sstcChild("initiative");
  }

  /**
   * An initiative's JSON, possibly incomplete, its reporting org (the file's publisher when it
   * names none), and the notes on what was not mapped.
   */
  record Mapped(Draft initiative, @Nullable Draft reportingOrg, List<IatiNote> notes) {}

  static Mapped map(XmlElement activity) {
    ActivityMapper mapper = new ActivityMapper(activity);
    // Nothing required is invented: what IATI lacks stays absent from the JSON, and the validator
    // reports it; the initiative is a model object only when it is complete (IatiReading).
    Draft initiative = mapper.map();
    activity.reportUnused(mapper.activityId, mapper.notes);
    mapper.notes.sort(Comparator.comparingLong(IatiNote::line).thenComparingLong(IatiNote::column));
    return new Mapped(initiative, mapper.reportingOrg, List.copyOf(mapper.notes));
  }

  private Draft map() {
    Draft builder = Draft.record(Initiative.class, Initiative.RECORD_TYPE, Initiative.CURRENT_VERSION);
    XmlElement identifier = activity.child("iati-identifier");
    if (identifier != null) {
      identifier.use();
      activityId = identifier.trimmedText();
      builder.set("id", activityId);
    }
    String lastUpdated = activity.attr("last-updated-datetime");
    if (lastUpdated != null) {
      try {
        builder.set("lastUpdated", OffsetDateTime.parse(lastUpdated));
      } catch (DateTimeParseException e) {
        note(activity, "/@last-updated-datetime", "last-updated-datetime \"" + lastUpdated
            + "\" has no time zone (or is not a date-time): lastUpdated needs an instant with a zone; set it");
      }
    }
    builder.set("humanitarian", humanitarian());
    XmlElement title = activity.child("title");
    if (title != null) {
      builder.set("title", texts(title.use()));
    }
    boolean noDescription = extension != null && "true".equals(extension.peek("no-description"));
    boolean hasDescription = false;
    // Several general descriptions (AICS writes one per language) are one language map; a text in
    // a language an earlier one gave is reported by textsInto, not dropped silently.
    Map<String, String> general = new LinkedHashMap<>();
    for (XmlElement description : activity.children("description")) {
      String type = description.peek("type");
      if (noDescription && !hasDescription) {
        description.useAll(); // the title, written because IATI requires a description
        hasDescription = true;
      } else if ((type == null || type.equals("1")) && !noDescription) {
        description.use().consume("type");
        textsInto(description, general);
        hasDescription = true;
      } else {
        description.unmapped("description of type " + (type == null ? "1" : type)
            + ": the standard keeps one general description (type 1)");
      }
    }
    builder.set("description", general.isEmpty() ? null : LanguageMap.of(general));
    List<Draft> participants = participants();
    builder.set("participants", participants);
    reportingOrg = reportingOrg(participants);
    builder.set("reportingOrg", reportingOrg);
    builder.set("otherIdentifiers", otherIdentifiers());
    XmlElement status = activity.child("activity-status");
    if (status != null) {
      builder.set("status", closedCode(status.use(), "code", ActivityStatus::fromCode, "ActivityStatus"));
    }
    builder.set("dates", dates());
    for (XmlElement country : activity.children("recipient-country")) {
      country.use();
      builder.add("recipientCountries", Draft.of(RecipientCountry.class)
          .set("code", country.attr("code"))
          .set("percentage", percentage(country)));
    }
    for (XmlElement region : activity.children("recipient-region")) {
      region.use();
      String vocabulary = region.attr("vocabulary");
      builder.add("recipientRegions", Draft.of(RecipientRegion.class)
          .set("vocabulary", vocabulary == null ? "1" : vocabulary)
          .set("code", region.attr("code"))
          .set("percentage", percentage(region)));
    }
    builder.set("locations", locations());
    List<Indexed<Draft>> sdgs = new ArrayList<>();
    for (XmlElement sector : activity.children("sector")) {
      XmlElement link = sector.sstcChild("sdg-link");
      String vocabulary = sector.peek("vocabulary");
      if (link != null) {
        sdgs.add(sdgFromExtension(sector, link));
      } else if (extension == null && vocabulary != null && List.of("7", "8", "9").contains(vocabulary)) {
        sector.use().consume("vocabulary");
        addSdg(sdgs, sector, sdgFromCode(sector, sector.attr("code"), vocabulary.equals("7") ? 1 : vocabulary.equals("8") ? 2 : 3));
      } else {
        sector.use();
        builder.add("sectors", Draft.of(Sector.class)
            .set("vocabulary", sector.attr("vocabulary"))
            .set("code", sector.attr("code"))
            .set("percentage", percentage(sector)));
      }
    }
    for (XmlElement tag : activity.children("tag")) {
      XmlElement link = tag.sstcChild("sdg-link");
      String vocabulary = tag.peek("vocabulary");
      if (link != null) {
        sdgs.add(sdgFromExtension(tag, link));
      } else if (extension == null && ("2".equals(vocabulary) || "3".equals(vocabulary))) {
        tag.use().consume("vocabulary");
        addSdg(sdgs, tag, sdgFromCode(tag, tag.attr("code"), "2".equals(vocabulary) ? 1 : 2));
      } else {
        tag.unmapped("tag of vocabulary " + vocabulary + ": only SDG goal (2) and target (3) tags map, to SDG links");
      }
    }
    builder.set("policyMarkers", policyMarkers());
    modality(builder);
    List<Indexed<Draft>> results = new ArrayList<>();
    int resultCount = 0;
    for (XmlElement result : activity.children("result")) {
      results.add(result(result, ++resultCount, sdgs));
    }
    builder.set("budgets", budgets());
    builder.set("transactions", transactions(participants));
    if (extension == null) {
      transactionClassifications(builder, sdgs);
    }
    builder.set("documents", documents());
    List<Indexed<Draft>> related = new ArrayList<>();
    for (XmlElement relatedActivity : activity.children("related-activity")) {
      relatedActivity.use();
      String type = relatedActivity.attr("type");
      Optional<InitiativeRelation> relation = relation(type);
      XmlElement item = itemOf(relatedActivity);
      int index = item != null && item.peek("index") != null ? intAttr(item, "index") : related.size();
      if (relation.isPresent()) {
        related.add(new Indexed<>(index, Draft.of(RelatedInitiative.class).set("id", relatedActivity.attr("ref")).set("relation", relation.get())));
      } else {
        relatedActivity.unmapped("related-activity of type " + type + ": no SSTC relation (1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party map)");
      }
    }
    if (extension != null) {
      readExtension(builder, related, results);
    } else if (!keptRefs.isEmpty() || bilateralFlow != null) {
      builder.set("extensions", importerExtensions());
    }
    builder.set("relatedInitiatives", sorted(related));
    builder.set("results", sorted(results));
    builder.set("sdgs", sorted(sdgs));
    return builder;
  }

  // ---- participants and reporting org

  private List<Draft> participants() {
    Map<String, Draft> byKey = new LinkedHashMap<>();
    Map<String, List<OrganisationRole>> roles = new LinkedHashMap<>();
    Map<String, Boolean> explicitRole = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (XmlElement org : activity.children("participating-org")) {
      org.use();
      XmlElement ext = org.sstcChild("participant");
      String ref = org.attr("ref");
      String name = plainName(org);
      if (name == null && ref != null && ext == null) {
        name = nameOfRef(ref);
        if (name != null) {
          note(org, "", "participating-org with ref \"" + ref + "\" has no name: it is named \"" + name + "\", as the"
              + " file names the organisation with that ref elsewhere in the activity (the same ref is the same organisation);"
              + " give it its own narrative if it is another");
        }
      }
      String type = org.peek("type");
      // By ref and name: real files reuse one internal ref for different organisations.
      // Without a ref and a name nothing says two elements are one organisation: each stays its
      // own participation (World Bank's sample has three nameless ones, two of one type).
      // Names are compared ignoring letter case: "Ministry of Health" and "MINISTRY OF HEALTH"
      // under one ref (or with no ref) are one organisation, noted below.
      String folded = name == null ? null : name.toLowerCase(java.util.Locale.ROOT);
      String key = ext != null && ext.peek("id") != null ? "id:" + ext.peek("id")
          : ref != null ? "ref:" + ref + "|name:" + folded
          : name != null ? "name:" + folded + "|" + type
          : "element:" + org.path();
      Draft participation = byKey.get(key);
      if (participation == null) {
        String id = ext != null && ext.peek("id") != null ? ext.peek("id") : "p" + (byKey.size() + 1);
        String orgId = ref;
        // A ref that is no org id (MAEC's "35", DFID's "GB", the placeholder AA-AAA-123456789):
        // the standard gives orgId "whenever the partner has one", so the named organisation is
        // kept without it, and the ref is kept beside it (never dropped silently).
        if (ref != null && name != null && !OrgIds.isOrgId(ref)) {
          orgId = null;
          keptRefs.put(id, ref);
          note(org, "/@ref", "ref \"" + ref + "\" of \"" + name + "\" is not an organisation identifier"
              + " (org-id.guide's form, a known registration agency and the organisation's number, such as XM-DAC-41114):"
              + " the participant is kept by its name without an orgId, as the standard allows for a partner that has none,"
              + " and the ref in extensions." + OrgIds.KEPT_REFS + " (written back as @ref on export);"
              + " set orgId if the organisation has an identifier");
        }
        participation = Draft.of(Participation.class)
            .set("id", id)
            .set("orgId", orgId)
            .set("name", name)
            .set("orgType", org.attr("type"));
        byKey.put(key, participation);
        roles.put(key, new ArrayList<>());
        names.put(key, name == null ? "" : name);
        if (type != null) {
          types.put(key, type);
        }
      } else {
        if (type != null && !types.containsKey(key)) {
          participation.set("orgType", org.attr("type"));
          types.put(key, type);
        } else if (type == null || type.equals(types.get(key))) {
          org.consume("type");
        }
        String first = names.get(key);
        if (name != null && !name.equals(first)) {
          note(org, "/narrative[1]", name.equalsIgnoreCase(first)
              ? "\"" + name + "\" differs from the organisation named \"" + first + "\"" + (ref != null ? " with the same ref" : "")
                  + " only in letter case: they are one participant, named as first written"
              : "a second name \"" + name + "\" for the organisation already named \"" + first + "\": the first is kept");
        }
      }
      OrganisationRole role = closedCode(org, "role", OrganisationRole::fromCode, "OrganisationRole");
      boolean derived = false;
      if (ext != null) {
        ext.use();
        ext.consume("id");
        String country = ext.attr("country");
        if (country != null) {
          participation.set("country", country);
        }
        String sstcRole = ext.attr("role");
        if (sstcRole != null) {
          participation.set("role", ParticipationRole.fromCode(sstcRole).orElse(null));
          explicitRole.put(key, true);
        }
        derived = "true".equals(ext.attr("derived-role"));
      }
      List<OrganisationRole> keyRoles = Objects.requireNonNull(roles.get(key), "roles has every key of byKey");
      if (role != null && !derived && !keyRoles.contains(role)) {
        keyRoles.add(role);
      }
    }
    List<Draft> participants = new ArrayList<>();
    for (Map.Entry<String, Draft> entry : byKey.entrySet()) {
      // roles and names get a key whenever byKey does.
      List<OrganisationRole> iatiRoles = Objects.requireNonNull(roles.get(entry.getKey()));
      Draft participation = entry.getValue().set("iatiRoles", List.copyOf(iatiRoles));
      if (!explicitRole.containsKey(entry.getKey())) {
        ParticipationRole role = null;
        for (OrganisationRole code : iatiRoles) {
          if (code == OrganisationRole.FUNDING) {
            role = ParticipationRole.FUNDER;
            break;
          }
          if (code == OrganisationRole.IMPLEMENTING) {
            role = ParticipationRole.IMPLEMENTER;
            break;
          }
        }
        // Roles 2 and 3 alone name no SSTC role: it stays absent, and the validator names it
        // (/participants/N/role) unless a profile sets it; iatiRoles keeps what IATI said.
        participation.set("role", role);
      }
      participants.add(participation);
    }
    return participants;
  }

  /**
   * The name the activity gives elsewhere to the organisation with this ref (another
   * participating-org, the reporting-org), when it gives one name (letter case aside, the first
   * written); null when it gives none or several (real files reuse one internal ref for different
   * organisations: then nothing says which).
   */
  private @Nullable String nameOfRef(String ref) {
    List<XmlElement> named = new ArrayList<>(activity.children("participating-org"));
    XmlElement reporting = activity.child("reporting-org");
    if (reporting != null) {
      named.add(reporting);
    }
    String found = null;
    for (XmlElement org : named) {
      if (!ref.equals(org.peek("ref"))) {
        continue;
      }
      String name = org.children("narrative").stream().map(n -> n.text().strip()).filter(t -> !t.isEmpty())
          .findFirst().orElse(null);
      if (name == null) {
        continue;
      }
      if (found != null && !found.equalsIgnoreCase(name)) {
        return null;
      }
      found = found == null ? name : found;
    }
    return found;
  }

  private @Nullable Draft reportingOrg(List<Draft> participants) {
    XmlElement org = activity.child("reporting-org");
    if (org == null) {
      return null;
    }
    org.use();
    String ref = org.attr("ref");
    String name = plainName(org);
    String type = org.peek("type");
    if (type == null) {
      org.consume("type"); // blank: nothing to keep
    } else if (participants.stream().anyMatch(p -> Objects.equals(p.text("orgId"), ref) && type.equals(p.text("orgType")))) {
      org.consume("type"); // the same organisation's participation keeps it
    }
    return Draft.of(OrgRef.class).set("id", ref).set("name", name);
  }

  private List<Draft> otherIdentifiers() {
    List<Indexed<Draft>> found = new ArrayList<>();
    for (XmlElement other : activity.children("other-identifier")) {
      other.use();
      XmlElement item = itemOf(other);
      int index = item != null && item.peek("index") != null ? intAttr(item, "index") : found.size();
      String type = other.attr("type");
      // The standard's schemes are lower-case kebab: IATI OtherIdentifierType A1 is scheme "iati-a1".
      found.add(new Indexed<>(index, Draft.of(OtherIdentifier.class)
          .set("scheme", type == null ? null : "iati-" + type.toLowerCase(java.util.Locale.ROOT)).set("id", other.attr("ref"))));
    }
    if (extension != null) {
      for (XmlElement other : extension.sstcChildren("other-identifier")) {
        other.use();
        int index = other.peek("index") != null ? intAttr(other, "index") : found.size();
        found.add(new Indexed<>(index, Draft.of(OtherIdentifier.class).set("scheme", other.attr("scheme")).set("id", other.attr("id"))));
      }
    }
    return sorted(found);
  }

  private Draft dates() {
    @Nullable LocalDate[] dates = new @Nullable LocalDate[4];
    for (XmlElement date : activity.children("activity-date")) {
      String type = date.peek("type");
      int slot = type == null ? -1 : List.of("1", "2", "3", "4").indexOf(type);
      if (slot < 0 || dates[slot] != null) {
        date.unmapped(slot < 0 ? "activity-date of type " + type + ": no SSTC date" : "a second activity-date of type " + type + ": the first is kept");
        continue;
      }
      date.use().consume("type");
      dates[slot] = date(date, "iso-date");
    }
    // IATI ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end.
    return Draft.of(Dates.class)
        .set("plannedStart", dates[0])
        .set("plannedEnd", dates[2])
        .set("actualStart", dates[1])
        .set("actualEnd", dates[3]);
  }

  // ---- modality and the SSTC extension

  private void modality(Draft builder) {
    XmlElement collaboration = activity.child("collaboration-type");
    String fromExtension = extension == null ? null : extension.peek("modality");
    if (collaboration != null) {
      String code = collaboration.peek("code");
      String flow = code == null ? null : CollaborationTypes.BILATERAL_FLOWS.get(code);
      Modality mapped = "8".equals(code) ? Modality.TRIANGULAR
          : "1".equals(code) || flow != null ? Modality.BILATERAL : null;
      if (mapped != null && (fromExtension == null || fromExtension.equals(mapped.code()))) {
        collaboration.use().consume("code");
        builder.set("modality", mapped);
        if (flow != null) {
          bilateralFlow = code;
          if (fromExtension == null) {
            note(collaboration, "/@code", "collaboration-type " + code + " (\"" + flow + "\") is read as modality bilateral,"
                + " as IATI's CollaborationType names it a bilateral flow; the code is kept in extensions."
                + CollaborationTypes.KEY + " and written back on export");
          }
        }
      } else if (fromExtension == null) {
        collaboration.unmapped("collaboration-type " + code + " names no SSTC modality (1, 3, 7 → bilateral,"
            + " 8 → triangular; 2 and 4 are multilateral, 6 private, regional has no IATI code): set modality");
      } else {
        collaboration.use().consume("code");
      }
    }
  }

  private void readExtension(Draft builder, List<Indexed<Draft>> related, List<Indexed<Draft>> results) {
    XmlElement ext = Objects.requireNonNull(extension);
    ext.use();
    String version = ext.attr("schema-version");
    if (version != null) {
      builder.set("schemaVersion", version); // else the SDK's, as a model object would have
    }
    ext.consume("no-description");
    String modality = ext.attr("modality");
    if (modality != null) {
      builder.set("modality", Modality.fromCode(modality).orElse(null));
    }
    String instrument = ext.attr("instrument");
    if (instrument != null) {
      builder.set("instrument", Instrument.fromCode(instrument).orElse(null));
    }
    for (XmlElement support : ext.sstcChildren("support-type")) {
      support.use();
      SupportType.fromCode(Objects.requireNonNullElse(support.attr("code"), "")).ifPresentOrElse(
          type -> builder.add("supportTypes", type), () -> support.unmapped("unknown support type"));
    }
    for (XmlElement contribution : ext.sstcChildren("contribution")) {
      contribution.use();
      XmlElement value = contribution.sstcChild("value");
      XmlElement description = contribution.sstcChild("description");
      builder.add("contributions", Draft.of(Contribution.class)
          .set("id", contribution.attr("id"))
          .set("participantId", contribution.attr("participant-id"))
          .set("kind", ContributionKind.fromCode(Objects.requireNonNullElse(contribution.attr("kind"), "")).orElse(null))
          .set("value", value == null ? null : extensionMoney(value.use()))
          .set("description", description == null ? null : extensionTexts(description.use())));
    }
    for (XmlElement relation : ext.sstcChildren("related-initiative")) {
      relation.use();
      int index = relation.peek("index") != null ? intAttr(relation, "index") : related.size();
      related.add(new Indexed<>(index, Draft.of(RelatedInitiative.class).set("id", relation.attr("id"))
          .set("relation", InitiativeRelation.fromCode(Objects.requireNonNullElse(relation.attr("relation"), "")).orElse(null))));
    }
    for (XmlElement result : ext.sstcChildren("result")) {
      result.use();
      int index = result.peek("index") != null ? intAttr(result, "index") : results.size();
      XmlElement title = result.sstcChild("title");
      results.add(new Indexed<>(index, Draft.of(Result.class)
          .set("id", result.attr("id"))
          .set("type", result.attr("type"))
          .set("title", title == null ? null : extensionTexts(title.use()))
          .set("indicators", List.of())));
    }
    for (XmlElement record : ext.sstcChildren("record")) {
      if (!"result".equals(record.peek("kind"))) {
        continue; // budgets, transactions and documents are put back where they are read
      }
      record.use().consume("kind");
      try {
        int index = intAttr(record, "index");
        results.add(new Indexed<>(index, Draft.of(Result.class, IatiJson.read(record.text(), Result.class))));
      } catch (RuntimeException e) {
        record.unmapped("the SSTC result cannot be read back: " + e.getMessage());
      }
    }
    Map<String, JsonNode> extensions = importerExtensions(); // first, as when it was first imported
    for (XmlElement value : ext.sstcChildren("extension")) {
      value.use();
      String key = value.attr("key");
      if (key == null) {
        value.unmapped("an extension value without a key");
        continue;
      }
      try {
        extensions.put(key, IatiJson.readValue(value.text()));
      } catch (RuntimeException e) {
        value.unmapped("the extension value is not JSON: " + e.getMessage());
      }
    }
    builder.set("extensions", extensions);
  }

  /** What the importer keeps of the file in extensions: refs that are no org ids, a bilateral flow's code. */
  private Map<String, JsonNode> importerExtensions() {
    Map<String, JsonNode> extensions = new LinkedHashMap<>();
    if (!keptRefs.isEmpty()) {
      extensions.put(OrgIds.KEPT_REFS, keptRefsNode());
    }
    if (bilateralFlow != null) {
      extensions.put(CollaborationTypes.KEY, tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(bilateralFlow));
    }
    return extensions;
  }

  private JsonNode keptRefsNode() {
    tools.jackson.databind.node.ObjectNode refs = org.sstc.exchange.core.JsonStreams.mapper().createObjectNode();
    keptRefs.forEach(refs::put);
    return refs;
  }

  private Draft extensionMoney(XmlElement value) {
    String date = value.attr("value-date");
    return Draft.of(Money.class)
        .setDecimalText("amount", decimal(value, value.attr("amount")))
        .set("currency", value.attr("currency"))
        .set("valueDate", date == null ? null : parseDate(value, date));
  }

  private LanguageMap extensionTexts(XmlElement parent) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (XmlElement text : parent.sstcChildren("text")) {
      text.use();
      texts.put(Objects.requireNonNullElse(text.attr("xml:lang"), "und"), text.text());
    }
    return LanguageMap.of(texts);
  }

  // ---- SDG links

  private Indexed<Draft> sdgFromExtension(XmlElement host, XmlElement link) {
    host.useAll(); // vocabulary and code restate the link, which is the authority
    int index = link.peek("index") != null ? intAttr(link, "index") : 0;
    String contribution = link.peek("contribution");
    return new Indexed<>(index, Draft.of(SdgLink.class)
        .set("goal", link.peek("goal"))
        .set("target", link.peek("target"))
        .set("indicator", link.peek("indicator"))
        .set("contribution", contribution == null ? null : SdgContribution.fromCode(contribution).orElse(null)));
  }

  /**
   * Adds a link read from IATI unless an identical one (same goal, target and indicator) is there:
   * publishers give one SDG target both as a sector (vocabulary 8) and as a tag (vocabulary 3),
   * which is one link, not two; the repeat is noted.
   */
  private void addSdg(List<Indexed<Draft>> sdgs, XmlElement host, @Nullable Draft link) {
    if (link == null) {
      return;
    }
    for (Indexed<Draft> earlier : sdgs) {
      Draft other = earlier.value();
      if (Objects.equals(other.text("goal"), link.text("goal")) && Objects.equals(other.text("target"), link.text("target"))
          && Objects.equals(other.text("indicator"), link.text("indicator"))) {
        note(host, "the SDG " + sdgName(link) + " is given again (as a sector and a tag, or twice): it is one SDG link,"
            + " kept once");
        return;
      }
    }
    sdgs.add(new Indexed<>(sdgs.size(), link));
  }

  private static String sdgName(Draft link) {
    String indicator = link.text("indicator");
    String target = link.text("target");
    return indicator != null ? "indicator " + indicator : target != null ? "target " + target : "goal " + link.text("goal");
  }

  /** A link from a code of the given depth (1 goal, 2 target, 3 indicator), its parents from its prefix. */
  private @Nullable Draft sdgFromCode(XmlElement host, @Nullable String code, int depth) {
    if (code == null) {
      host.unmapped("an SDG " + (depth == 1 ? "goal" : depth == 2 ? "target" : "indicator") + " without a code");
      return null;
    }
    String[] parts = code.split("\\.", -1);
    if (parts.length != depth) {
      host.unmapped("\"" + code + "\" is not an SDG " + (depth == 1 ? "goal (\"2\")" : depth == 2 ? "target (\"2.3\")" : "indicator (\"2.3.1\")"));
      return null;
    }
    String percentage = host.peek("percentage");
    if (percentage != null) {
      note(host, "/@percentage", "an SDG link has no percentage: " + percentage + "% is not kept");
      host.consume("percentage");
    }
    // IATI does not say whether the SDG is a principal or a significant objective: contribution
    // stays absent, and the validator names it (/sdgs/N/contribution) unless a profile sets it.
    return Draft.of(SdgLink.class)
        .set("goal", parts[0])
        .set("target", depth >= 2 ? parts[0] + "." + parts[1] : null)
        .set("indicator", depth == 3 ? code : null);
  }

  // ---- humanitarian, locations and policy markers (standard 1.1)

  private @Nullable Boolean humanitarian() {
    String value = activity.peek("humanitarian");
    if (value == null) {
      activity.consume("humanitarian"); // blank: nothing said
      return null;
    }
    switch (value) {
      case "1": case "true":
        activity.consume("humanitarian");
        return Boolean.TRUE;
      case "0": case "false":
        activity.consume("humanitarian");
        return Boolean.FALSE;
      default:
        note(activity, "/@humanitarian", "humanitarian=\"" + value + "\" is not a boolean (1, 0, true or false): it is left out");
        activity.consume("humanitarian");
        return null;
    }
  }

  /** The WGS84 reference system IATI's point must name (its guidance; the XSD takes any string). */
  static final String WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326";

  private List<Draft> locations() {
    List<Draft> locations = new ArrayList<>();
    for (XmlElement location : activity.children("location")) {
      location.use();
      Draft builder = Draft.of(Location.class).set("id", location.attr("ref"));
      XmlElement reach = location.child("location-reach");
      if (reach != null) {
        builder.set("locationReach", reach.use().attr("code"));
      }
      XmlElement name = location.child("name");
      if (name != null) {
        builder.set("name", texts(name.use()));
      }
      XmlElement description = location.child("description");
      if (description != null) {
        builder.set("description", texts(description.use()));
      }
      for (XmlElement administrative : location.children("administrative")) {
        administrative.use();
        Integer level = null;
        String levelText = administrative.peek("level");
        if (levelText != null) {
          if (levelText.matches("\\+?\\d{1,9}")) {
            level = Integer.valueOf(administrative.attr("level"));
          } else {
            note(administrative, "/@level", "the administrative level \"" + levelText
                + "\" is not a whole number of 0 or more (0 a country, 1 its first subdivision …): it is left out");
            administrative.consume("level");
          }
        }
        builder.add("administrative", Draft.of(AdministrativeArea.class)
            .set("vocabulary", administrative.attr("vocabulary"))
            .set("level", level)
            .set("code", administrative.attr("code")));
      }
      XmlElement point = location.child("point");
      if (point != null) {
        builder.set("point", point(point));
      }
      XmlElement exactness = location.child("exactness");
      if (exactness != null) {
        builder.set("exactness", exactness.use().attr("code"));
      }
      for (String other : List.of("location-id", "activity-description", "location-class", "feature-designation")) {
        for (XmlElement element : location.children(other)) {
          element.unmapped("<" + other + ">: the standard's locations (1.1) keep ref, name, description, administrative,"
              + " point, location-reach and exactness; " + other + " may come in a later minor version");
        }
      }
      locations.add(builder);
    }
    return locations;
  }

  /**
   * A {@code <point>}: {@code <pos>} is "latitude longitude" in decimal degrees, WGS84. Anything
   * else (another reference system, not two numbers, a coordinate out of range) is a note and the
   * point is left out.
   */
  private @Nullable Draft point(XmlElement point) {
    point.use();
    String srs = point.peek("srsName");
    XmlElement pos = point.child("pos");
    if (srs != null && !srs.equals(WGS84)) {
      note(point, "/@srsName", "the point's srsName \"" + srs + "\" is not WGS84 (" + WGS84
          + "), the only reference system the standard's points use: the point is left out");
      point.useAll();
      return null;
    }
    point.consume("srsName"); // absent: IATI's guidance and the standard both mean WGS84
    if (pos == null) {
      note(point, "a point without <pos>: the point is left out");
      return null;
    }
    pos.use();
    String text = Objects.requireNonNullElse(pos.trimmedText(), "");
    String[] parts = text.isEmpty() ? new String[0] : text.split("\\s+");
    BigDecimal latitude = parts.length == 2 ? parseDecimal(parts[0]) : null;
    BigDecimal longitude = parts.length == 2 ? parseDecimal(parts[1]) : null;
    String shown = text.length() <= 80 ? text : text.substring(0, 77) + "...";
    if (latitude == null || longitude == null) {
      note(pos, "the position \"" + shown + "\" is not two decimal numbers, latitude then longitude"
          + " (such as \"-15.1165 39.2666\"): the point is left out");
      return null;
    }
    if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
      note(pos, "the latitude " + latitude.toPlainString() + " of \"" + shown + "\" is not between -90 and 90"
          + " (is it the longitude? <pos> is latitude first): the point is left out");
      return null;
    }
    if (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
      note(pos, "the longitude " + longitude.toPlainString() + " of \"" + shown + "\" is not between -180 and 180: the point is left out");
      return null;
    }
    return Draft.of(GeoPoint.class).set("latitude", latitude).set("longitude", longitude);
  }

  private List<Draft> policyMarkers() {
    List<Draft> markers = new ArrayList<>();
    for (XmlElement marker : activity.children("policy-marker")) {
      String vocabulary = marker.peek("vocabulary");
      String significance = marker.peek("significance");
      if ((vocabulary == null || vocabulary.equals("1")) && significance == null) {
        // The DAC directives, IATI's rules and the standard ask a significance of an OECD DAC
        // marker; without one it claims nothing (0 is "not targeted"), and MAEC writes
        // significance="" (an empty attribute is an absent one) on most of its markers.
        marker.unmapped("policy marker " + marker.peek("code") + " (OECD DAC CRS) has no significance"
            + " (an empty significance=\"\" is an absent one), which vocabulary 1 requires, and without it says nothing about the activity: it is left out;"
            + " add it to policyMarkers with its significance (0 not targeted … 4 explicit primary objective) if the publisher knows it");
        continue;
      }
      marker.use();
      markers.add(Draft.of(PolicyMarker.class)
          .set("vocabulary", marker.attr("vocabulary"))
          .set("vocabularyUri", marker.attr("vocabulary-uri"))
          .set("code", marker.attr("code"))
          .set("significance", marker.attr("significance"))
          .set("description", marker.children("narrative").isEmpty() ? null : texts(marker)));
    }
    return markers;
  }

  // ---- money

  private List<Draft> budgets() {
    List<Draft> budgets = new ArrayList<>();
    for (XmlElement budget : activity.children("budget")) {
      budget.use();
      XmlElement item = itemOf(budget);
      if (extension != null && item != null && "true".equals(item.peek("set-aside"))) {
        budget.useAll(); // written back from extensions.sstc:setAsideByProfile, which holds it (SetAside)
        continue;
      }
      String status = budget.attr("status");
      XmlElement start = budget.child("period-start");
      XmlElement end = budget.child("period-end");
      budgets.add(Draft.of(Budget.class)
          .set("id", item != null && item.peek("id") != null ? item.attr("id") : "b" + (budgets.size() + 1))
          .set("type", closedCode(budget, "type", BudgetType::fromCode, "BudgetType"))
          // IATI: "if @status is not present, the budget is assumed to be indicative"
          .set("status", status == null ? BudgetStatus.INDICATIVE
              : closedCode(budget, "status", BudgetStatus::fromCode, "BudgetStatus"))
          .set("periodStart", start == null ? null : date(start.use(), "iso-date"))
          .set("periodEnd", end == null ? null : date(end.use(), "iso-date"))
          .set("value", money(budget.child("value"), item)));
      XmlElement value = budget.child("value");
      String written = value == null ? null : value.trimmedText();
      BigDecimal amount = written == null ? null : parseDecimal(written);
      if (value != null && amount != null && amount.signum() < 0) {
        // A budget is money planned for a period; only a transaction has a reversal (standard
        // 1.1), and Money is never negative. Which positive amount was meant, the publisher knows.
        note(value, "the budget's value " + amount.toPlainString() + " is negative: a budget is what is planned for its"
            + " period, the standard's amounts are never negative (only a transaction can be a reversal), so it is kept"
            + " as written and the validator refuses it (a completion profile with \"negativeBudgets\": \"set-aside\", such as the"
            + " default one, sets it aside in extensions." + SetAside.KEY + "); ask the publisher for the budget of that"
            + " period and correct it");
      }
    }
    return withHeld("budget", budgets, Budget.class);
  }

  private List<Draft> transactions(List<Draft> participants) {
    List<Draft> transactions = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (XmlElement transaction : activity.children("transaction")) {
      transaction.use();
      XmlElement item = itemOf(transaction);
      String ref = transaction.peek("ref");
      String id;
      if (ref != null && !seen.contains(ref)) {
        id = transaction.attr("ref");
      } else {
        // A generated id never takes one that an earlier transaction's ref holds.
        int next = transactions.size() + 1;
        while (seen.contains("t" + next)) {
          next++;
        }
        id = "t" + next;
        if (ref != null) {
          note(transaction, "/@ref", "ref \"" + ref + "\" repeats an earlier transaction's: a transaction's id must be"
              + " unique, so this one is \"" + id + "\"; give each transaction its own ref");
          transaction.consume("ref");
        }
      }
      seen.add(id);
      XmlElement type = transaction.child("transaction-type");
      XmlElement date = transaction.child("transaction-date");
      XmlElement description = transaction.child("description");
      Draft value = money(transaction.child("value"), item);
      // IATI corrects a transaction with a negative value; the standard keeps amounts
      // non-negative and says reversal (docs/standard-1.1.md). What this SDK wrote says it too.
      Boolean reversal = null;
      BigDecimal amount = value == null ? null : value.decimal("amount");
      if (value != null && amount != null && amount.signum() < 0) {
        value.setDecimalText("amount", amount.negate());
        reversal = Boolean.TRUE;
      }
      if (item != null && item.peek("reversal") != null) {
        reversal = Boolean.valueOf(item.attr("reversal"));
      }
      transactions.add(Draft.of(Transaction.class)
          .set("id", id)
          .set("type", type == null ? null
              : closedCode(type.use(), "code", TransactionType::fromCode, "TransactionType"))
          .set("date", date == null ? null : date(date.use(), "iso-date"))
          .set("value", value)
          .set("reversal", reversal)
          .set("providerId", party(transaction.child("provider-org"), participants))
          .set("receiverId", party(transaction.child("receiver-org"), participants))
          .set("description", description == null ? null : texts(description.use())));
    }
    return withHeld("transaction", transactions, Transaction.class);
  }

  /**
   * Countries, regions and sectors given on transactions. IATI (2.01 on) lets a publisher give
   * them on each transaction instead of the activity, not both; the standard keeps them on the
   * initiative, so the distinct ones are aggregated there. Transactions carry no percentages and
   * a split by transaction value would mix commitments with disbursements, so none is made up:
   * the aggregated items have no percentage (the note says so). When the activity gives its own,
   * IATI's rule is broken and the activity's are kept; the transaction's are reported.
   */
  private void transactionClassifications(Draft builder, List<Indexed<Draft>> sdgs) {
    boolean activityGeography = !activity.children("recipient-country").isEmpty() || !activity.children("recipient-region").isEmpty();
    boolean activitySectors = !activity.children("sector").isEmpty();
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<String> countries = new ArrayList<>();
    List<String> sectors = new ArrayList<>();
    @Nullable XmlElement firstGeography = null;
    @Nullable XmlElement firstSector = null;
    for (XmlElement transaction : activity.children("transaction")) {
      for (XmlElement place : transaction.children) {
        boolean country = place.is("recipient-country");
        if (!country && !place.is("recipient-region")) {
          continue;
        }
        if (activityGeography) {
          place.unmapped("<" + place.name + "> on a transaction while the activity gives its own recipient countries or regions"
              + " (IATI allows one or the other): the activity's are kept");
          continue;
        }
        place.use();
        String code = place.attr("code");
        String vocabulary = country ? null : place.attr("vocabulary");
        if (!country && vocabulary == null) {
          vocabulary = "1";
        }
        if (code != null && seen.add((country ? "country:" : "region:" + vocabulary + ":") + code)) {
          firstGeography = firstGeography == null ? place : firstGeography;
          countries.add(code);
          builder.add(country ? "recipientCountries" : "recipientRegions", country
              ? Draft.of(RecipientCountry.class).set("code", code)
              : Draft.of(RecipientRegion.class).set("vocabulary", vocabulary).set("code", code));
        }
      }
      for (XmlElement sector : transaction.children("sector")) {
        if (activitySectors) {
          sector.unmapped("a sector on a transaction while the activity gives its own sectors (IATI allows one or the other):"
              + " the activity's are kept");
          continue;
        }
        String vocabulary = sector.peek("vocabulary");
        if (vocabulary != null && List.of("7", "8", "9").contains(vocabulary)) {
          sector.use().consume("vocabulary");
          addSdg(sdgs, sector, sdgFromCode(sector, sector.attr("code"), vocabulary.equals("7") ? 1 : vocabulary.equals("8") ? 2 : 3));
          continue;
        }
        sector.use();
        String code = sector.attr("code");
        vocabulary = sector.attr("vocabulary");
        if (code != null && seen.add("sector:" + (vocabulary == null ? "1" : vocabulary) + ":" + code)) {
          firstSector = firstSector == null ? sector : firstSector;
          sectors.add(code);
          builder.add("sectors", Draft.of(Sector.class).set("vocabulary", vocabulary).set("code", code));
        }
      }
    }
    if (firstGeography != null) {
      note(firstGeography, "the recipient countries and regions are given on the transactions, which IATI allows: "
          + String.join(", ", countries) + " are the initiative's, without percentages (transactions carry none)");
    }
    if (firstSector != null) {
      note(firstSector, "the sectors are given on the transactions, which IATI allows: " + String.join(", ", sectors)
          + " are the initiative's, without percentages (transactions carry none)");
    }
  }

  private @Nullable String party(@Nullable XmlElement org, List<Draft> participants) {
    if (org == null) {
      return null;
    }
    XmlElement ext = org.sstcChild("participant-ref");
    if (ext != null) {
      org.useAll();
      return ext.peek("id");
    }
    String ref = org.peek("ref");
    String name = org.child("narrative") == null ? null : Objects.requireNonNull(org.child("narrative")).text().strip();
    for (Draft participant : participants) {
      if ((ref != null && (ref.equals(participant.text("orgId")) || ref.equals(keptRefs.get(participant.text("id"))))) || (ref == null && name != null && name.equalsIgnoreCase(participant.text("name")))) {
        org.use().consume("ref");
        org.children("narrative").forEach(narrative -> narrative.text());
        org.children("narrative").forEach(XmlElement::use);
        String type = org.peek("type");
        if (type == null || type.equals(participant.text("orgType"))) {
          org.consume("type");
        }
        return participant.text("id");
      }
    }
    org.unmapped("<" + org.name + "> " + (ref != null ? "ref=\"" + ref + "\"" : "\"" + name + "\"")
        + " is not one of the activity's participating-orgs: a transaction's provider and receiver must be participants");
    return null;
  }

  private @Nullable Draft money(@Nullable XmlElement value, @Nullable XmlElement item) {
    if (value == null) {
      return null;
    }
    value.use();
    String currency = value.attr("currency");
    String valueDate = value.attr("value-date");
    LocalDate date = valueDate == null ? null : parseDate(value, valueDate);
    if (item != null && "true".equals(item.attr("no-value-date"))) {
      date = null; // written only because IATI requires it
    }
    return Draft.of(Money.class)
        .setDecimalText("amount", decimal(value, value.trimmedText()))
        .set("currency", currency == null ? defaultCurrency : currency)
        .set("valueDate", date);
  }

  /**
   * The items this SDK wrote as JSON in {@code sstc:record} because IATI could not hold them
   * (they lack a part the XSD requires), put back at their places among the IATI ones.
   */
  private List<Draft> withHeld(String kind, List<Draft> fromIati, Class<?> type) {
    if (extension == null) {
      return fromIati;
    }
    List<Indexed<Draft>> held = new ArrayList<>();
    for (XmlElement record : extension.sstcChildren("record")) {
      if (!kind.equals(record.peek("kind"))) {
        continue;
      }
      record.use().consume("kind");
      try {
        int index = intAttr(record, "index");
        held.add(new Indexed<>(index, Draft.of(type, IatiJson.read(record.text(), type))));
      } catch (RuntimeException e) {
        record.unmapped("the SSTC " + kind + " cannot be read back: " + e.getMessage());
      }
    }
    if (held.isEmpty()) {
      return fromIati;
    }
    held.sort(Comparator.comparingInt(Indexed::index));
    List<Draft> merged = new ArrayList<>(fromIati);
    for (Indexed<Draft> item : held) {
      merged.add(Math.max(0, Math.min(item.index(), merged.size())), item.value());
    }
    return merged;
  }

  // ---- documents and results

  private List<Draft> documents() {
    List<Draft> documents = new ArrayList<>();
    for (XmlElement link : activity.children("document-link")) {
      link.use();
      XmlElement item = itemOf(link);
      List<XmlElement> categories = link.children("category");
      String category = null;
      if (!categories.isEmpty()) {
        category = categories.get(0).use().attr("code");
        for (XmlElement other : categories.subList(1, categories.size())) {
          other.unmapped("a second document category: the standard keeps one");
        }
      }
      List<String> languages = new ArrayList<>();
      for (XmlElement language : link.children("language")) {
        String code = language.use().attr("code");
        if (code != null) {
          languages.add(code);
        } else {
          language.unmapped("a document language without a code");
        }
      }
      XmlElement title = link.child("title");
      String format = link.attr("format");
      if (format != null && !Normalised.mediaType(format).equals(format)) {
        String lower = Normalised.mediaType(format);
        note(link, "/@format", "the media type \"" + format + "\" is read as \"" + lower
            + "\" (media types are case-insensitive and the standard writes them in lower case)");
        format = lower;
      }
      documents.add(Draft.of(Document.class)
          .set("id", item != null && item.peek("id") != null ? item.attr("id") : "d" + (documents.size() + 1))
          .set("url", link.attr("url"))
          .set("title", title == null ? null : texts(title.use()))
          .set("format", format)
          .set("category", category)
          .set("languages", languages));
    }
    return withHeld("document", documents, Document.class);
  }

  private Indexed<Draft> result(XmlElement result, int number, List<Indexed<Draft>> sdgs) {
    result.use();
    XmlElement item = itemOf(result);
    String id = item != null && item.peek("id") != null ? item.attr("id") : "r" + number;
    int index = item != null && item.peek("index") != null ? intAttr(item, "index") : number - 1;
    XmlElement title = result.child("title");
    List<Draft> indicators = new ArrayList<>();
    for (XmlElement indicator : result.children("indicator")) {
      indicator.use();
      XmlElement indicatorItem = itemOf(indicator);
      String indicatorId = indicatorItem != null && indicatorItem.peek("id") != null
          ? indicatorItem.attr("id") : id + "-i" + (indicators.size() + 1);
      String sdgIndicator = null;
      for (XmlElement reference : indicator.children("reference")) {
        if ("9".equals(reference.peek("vocabulary")) && sdgIndicator == null) {
          reference.use().consume("vocabulary");
          String code = reference.attr("code");
          sdgIndicator = code;
          if (extension == null && code != null
              && sdgs.stream().noneMatch(link -> code.equals(link.value().text("indicator")))) {
            Draft derived = sdgFromCode(reference, code, 3);
            if (derived != null) {
              sdgs.add(new Indexed<>(sdgs.size(), derived));
            }
          }
        } else {
          reference.unmapped("indicator reference of vocabulary " + reference.peek("vocabulary")
              + ": only the UN SDG indicators (vocabulary 9) map");
        }
      }
      Draft baseline = null;
      for (XmlElement value : indicator.children("baseline")) {
        if (baseline != null) {
          value.unmapped("a second baseline: the standard keeps one");
          continue;
        }
        value.use();
        LocalDate date = value.has("iso-date") ? date(value, "iso-date") : null;
        if (indicatorItem != null && "absent".equals(indicatorItem.attr("baseline-date"))) {
          date = null;
        }
        String year = value.peek("year");
        if (date != null && year != null && year.equals(String.valueOf(date.getYear()))
            || indicatorItem != null) {
          value.consume("year");
        }
        baseline = Draft.of(IndicatorValue.class).setDecimalText("value", decimal(value, value.attr("value"))).set("date", date);
      }
      Draft target = null;
      Draft actual = null;
      List<XmlElement> periods = indicator.children("period");
      // The standard keeps one target and one actual: the last period's (the latest reported).
      for (int i = periods.size() - 1; i >= 0; i--) {
        XmlElement period = periods.get(i);
        XmlElement end = period.child("period-end");
        XmlElement start = period.child("period-start");
        boolean usedPeriod = false;
        for (String kind : List.of("target", "actual")) {
          List<XmlElement> values = period.children(kind);
          if (values.isEmpty() || (kind.equals("target") ? target : actual) != null) {
            continue;
          }
          XmlElement value = values.get(0).use();
          LocalDate date = end == null ? null : date(end.use(), "iso-date");
          if (indicatorItem != null && "absent".equals(indicatorItem.peek(kind + "-date"))) {
            indicatorItem.consume(kind + "-date");
            date = null;
          }
          Draft mapped = Draft.of(IndicatorValue.class)
              .setDecimalText("value", decimal(value, value.attr("value")))
              .set("date", date);
          if (kind.equals("target")) {
            target = mapped;
          } else {
            actual = mapped;
          }
          usedPeriod = true;
        }
        if (usedPeriod) {
          period.use();
          if (start != null && end != null && Objects.equals(start.peek("iso-date"), end.peek("iso-date"))) {
            start.use().consume("iso-date");
          }
        }
      }
      XmlElement indicatorTitle = indicator.child("title");
      indicators.add(Draft.of(ResultIndicator.class)
          .set("id", indicatorId)
          .set("title", indicatorTitle == null ? null : texts(indicatorTitle.use()))
          .set("measure", indicator.attr("measure"))
          .set("sdgIndicator", sdgIndicator)
          .set("baseline", baseline)
          .set("target", target)
          .set("actual", actual));
    }
    return new Indexed<>(index, Draft.of(Result.class)
        .set("id", id)
        .set("type", result.attr("type"))
        .set("title", title == null ? null : texts(title.use()))
        .set("indicators", indicators));
  }

  private static Optional<InitiativeRelation> relation(@Nullable String type) {
    if (type == null) {
      return Optional.empty();
    }
    switch (type) {
      case "1": return Optional.of(InitiativeRelation.PARENT);
      case "2": return Optional.of(InitiativeRelation.CHILD);
      case "3": return Optional.of(InitiativeRelation.SIBLING);
      case "4": return Optional.of(InitiativeRelation.CO_FUNDED);
      case "5": return Optional.of(InitiativeRelation.THIRD_PARTY);
      default: return Optional.empty();
    }
  }

  // ---- small readers

  private @Nullable XmlElement itemOf(XmlElement element) {
    XmlElement item = element.sstcChild("item");
    if (item != null) {
      item.use();
      item.consume("index");
    }
    return item;
  }

  private @Nullable LanguageMap texts(XmlElement parent) {
    Map<String, String> texts = new LinkedHashMap<>();
    textsInto(parent, texts);
    return texts.isEmpty() ? null : LanguageMap.of(texts);
  }

  /** Adds the parent's narratives to {@code texts}, one per language; a repeated language is reported. */
  private void textsInto(XmlElement parent, Map<String, String> texts) {
    for (XmlElement narrative : parent.children("narrative")) {
      narrative.consume("xml:lang");
      String language = languageTag(narrative, narrative.inheritedLanguage());
      // Publishers pretty-print narratives (<narrative>\n  Text\n</narrative>): that whitespace is
      // layout, not text. What this SDK wrote (sstc:initiative present) is taken exactly.
      String text = extension != null ? narrative.text() : narrative.text().strip();
      if (text.isBlank()) {
        narrative.unmapped("an empty narrative");
        continue;
      }
      if (language == null) {
        language = "und";
        note(narrative, "neither the narrative nor the activity has xml:lang: the text is kept under \"und\" (undetermined); set its language");
      }
      if (texts.containsKey(language)) {
        narrative.unmapped("a second narrative in \"" + language + "\": the standard keeps one text per language");
        continue;
      }
      narrative.use();
      texts.put(language, text);
    }
  }

  /**
   * A language in its BCP 47 spelling: "EN" (913 of 946 tagged titles in d-portal downloads)
   * becomes "en", "en_GB" "en-GB", noted once per activity and spelling; a tag that cannot be
   * read as one is noted and the text kept under "und".
   */
  private @Nullable String languageTag(XmlElement narrative, @Nullable String language) {
    if (language == null) {
      return null;
    }
    String canonical = Normalised.languageTag(language);
    if (canonical != null) {
      if (!canonical.equals(language) && normalisedLanguages.add(language)) {
        note(narrative, Normalised.languageNote(language, canonical)
            + (narrative.peek("xml:lang") == null ? " (inherited by this activity's texts)" : ""));
      }
      return canonical;
    }
    note(narrative, "\"" + language + "\" is not a language tag (such as \"en\" or \"pt-BR\"): the text is kept under \"und\"; set its language");
    return "und";
  }

  private @Nullable String plainName(XmlElement parent) {
    String name = null;
    for (XmlElement narrative : parent.children("narrative")) {
      String text = narrative.text().strip();
      if (text.isEmpty()) {
        narrative.unmapped("an empty narrative");
      } else if (name == null) {
        narrative.use();
        name = text;
      } else {
        narrative.unmapped("a name in a second language: the standard keeps an organisation's name as plain text, in one language");
      }
    }
    return name;
  }

  private @Nullable BigDecimal percentage(XmlElement element) {
    String value = element.peek("percentage");
    if (value == null) {
      element.consume("percentage");
      return null;
    }
    BigDecimal percentage = parseDecimal(value);
    if (percentage != null) {
      element.consume("percentage");
    }
    return percentage; // when null, left unused: reported with its position and value
  }

  /** The longest decimal read: 64 characters is far beyond any amount or percentage in a real file. */
  static final int MAX_DECIMAL_LENGTH = 64;

  private static final java.util.regex.Pattern XSD_DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  /**
   * An xsd:decimal, or null. No exponent (xsd:decimal has none, and "1E999999999" would make a
   * plain string of a billion digits on export) and no more than {@link #MAX_DECIMAL_LENGTH}
   * characters (a megabyte of digits is damage, not an amount).
   */
  static @Nullable BigDecimal parseDecimal(String value) {
    String trimmed = value.strip();
    if (trimmed.length() > MAX_DECIMAL_LENGTH || !XSD_DECIMAL.matcher(trimmed).matches() || digits(trimmed) > MAX_DECIMAL_DIGITS) {
      return null;
    }
    return new BigDecimal(trimmed);
  }

  /**
   * libxml2 (xmllint, lxml: what most IATI tools validate with) accepts an xsd:decimal of at
   * most 24 digits, counting the fraction's trailing zeros but not the integer's leading ones;
   * a longer one would make the export fail there, so it is reported instead.
   */
  static final int MAX_DECIMAL_DIGITS = 24;

  private static int digits(String decimal) {
    String unsigned = decimal.startsWith("+") || decimal.startsWith("-") ? decimal.substring(1) : decimal;
    int point = unsigned.indexOf('.');
    String integer = (point < 0 ? unsigned : unsigned.substring(0, point)).replaceFirst("^0+", "");
    String fraction = point < 0 ? "" : unsigned.substring(point + 1);
    return integer.length() + fraction.length();
  }

  private @Nullable BigDecimal decimal(XmlElement element, @Nullable String value) {
    if (value == null) {
      return null;
    }
    BigDecimal parsed = parseDecimal(value);
    if (parsed == null) {
      String shown = value.strip().length() <= 80 ? value.strip() : value.strip().substring(0, 77) + "...";
      note(element, "\"" + shown + "\" is not a decimal number IATI tools accept (digits, one optional point, no exponent, at most "
          + MAX_DECIMAL_DIGITS + " digits): the value is left out");
    }
    return parsed;
  }

  private @Nullable LocalDate date(XmlElement element, String attribute) {
    String value = element.attr(attribute);
    return value == null ? null : parseDate(element, value);
  }

  private @Nullable LocalDate parseDate(XmlElement element, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      if (value.length() > 10) {
        try {
          LocalDate date = LocalDate.parse(value.substring(0, 10));
          note(element, "the date \"" + value + "\" carries a time or zone: only " + date + " is kept");
          return date;
        } catch (DateTimeParseException ignored) {
          // reported below
        }
      }
      note(element, "\"" + value + "\" is not a date (YYYY-MM-DD): it is left out");
      return null;
    }
  }

  private int intAttr(XmlElement element, String attribute) {
    try {
      return Integer.parseInt(Objects.requireNonNull(element.attr(attribute)));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  /**
   * A code of a closed IATI list that the model types as an enum; a code not in the list is left
   * out, with a note saying so.
   */
  private <E> @Nullable E closedCode(XmlElement element, String attribute,
      java.util.function.Function<String, Optional<E>> lookup, String list) {
    String code = element.attr(attribute);
    if (code == null) {
      return null;
    }
    Optional<E> constant = lookup.apply(code);
    if (constant.isEmpty()) {
      note(element, "/@" + attribute, attribute + " \"" + code + "\" is not in IATI's " + list
          + " codelist, so it is left out: use a code of that list");
    }
    return constant.orElse(null);
  }

  private void note(XmlElement element, String message) {
    note(element, "", message);
  }

  private void note(XmlElement element, String suffix, String message) {
    notes.add(new IatiNote(activityId, element.path() + suffix, element.line, element.column, message));
  }

  private static <T> List<T> sorted(List<Indexed<T>> items) {
    List<Indexed<T>> copy = new ArrayList<>(items);
    copy.sort(Comparator.comparingInt(Indexed::index)); // stable: equal indices keep file order
    return copy.stream().map(Indexed::value).toList();
  }

  /** A value with its place in the SSTC list it came from. */
  record Indexed<T>(int index, T value) {}
}
