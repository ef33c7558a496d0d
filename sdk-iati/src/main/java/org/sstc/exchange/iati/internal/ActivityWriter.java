package org.sstc.exchange.iati.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.AdministrativeArea;
import org.sstc.exchange.core.Budget;
import org.sstc.exchange.core.Contribution;
import org.sstc.exchange.core.Dates;
import org.sstc.exchange.core.Document;
import org.sstc.exchange.core.GeoPoint;
import org.sstc.exchange.core.IndicatorValue;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.InitiativeRelation;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Location;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.OtherIdentifier;
import org.sstc.exchange.core.OrganisationRole;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.PolicyMarker;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.RecipientRegion;
import org.sstc.exchange.core.RelatedInitiative;
import org.sstc.exchange.core.Result;
import org.sstc.exchange.core.ResultIndicator;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.SupportType;
import org.sstc.exchange.core.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * Writes one initiative as an IATI 2.03 {@code <iati-activity>}, in the order the XSD's sequence
 * demands, with what IATI has no element for in the {@code sstc} extension namespace.
 *
 * <p>It writes what the initiative holds, valid or not (an imported activity often is not yet),
 * but refuses, with a message naming the field, an initiative that lacks what the IATI schema
 * requires (id, reporting org, title, status, a date, a participant).
 */
final class ActivityWriter {
  static final String SSTC = "sstc";
  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final XMLStreamWriter out;
  private int depth;

  ActivityWriter(XMLStreamWriter out, int depth) {
    this.out = out;
    this.depth = depth;
  }

  void write(Initiative initiative) throws XMLStreamException {
    String id = required(initiative.id(), initiative, "its id (iati-identifier)");
    required(initiative.reportingOrg(), initiative, "its reportingOrg (reporting-org)");
    required(initiative.title(), initiative, "its title");
    ActivityStatus status = required(initiative.status(), initiative, "its status (activity-status)");
    Dates dates = required(initiative.dates(), initiative, "its dates (activity-date)");
    if (dates.plannedStart() == null && dates.plannedEnd() == null && dates.actualStart() == null && dates.actualEnd() == null) {
      throw refused(initiative, "a date (IATI requires an activity-date)");
    }
    if (initiative.participants().isEmpty()) {
      throw refused(initiative, "a participant (IATI requires a participating-org)");
    }
    start("iati-activity");
    if (initiative.lastUpdated() != null) {
      attr("last-updated-datetime", INSTANT.format(initiative.lastUpdated()));
    }
    if (initiative.humanitarian() != null) {
      attr("humanitarian", initiative.humanitarian() ? "1" : "0");
    }
    textElement("iati-identifier", id);
    start("reporting-org");
    attr("ref", nonNull(initiative.reportingOrg().id(), initiative, "its reportingOrg.id (reporting-org/@ref)"));
    String reporterType = initiative.participants().stream()
        .filter(p -> Objects.equals(p.orgId(), initiative.reportingOrg().id()) && p.orgType() != null)
        .map(Participation::orgType).findFirst().orElse("");
    attr("type", reporterType);
    plainNarrative(nonNull(initiative.reportingOrg().name(), initiative, "its reportingOrg.name (reporting-org/narrative)"));
    end();
    narratives("title", initiative.title(), null);
    // IATI 2.03 requires a description; without one, the title stands in (marked, so it is not read back).
    narratives("description", initiative.description() != null ? initiative.description() : initiative.title(), "1");
    for (Participation participant : initiative.participants()) {
      List<String> roles = participant.iatiRoles().stream().map(OrganisationRole::code).toList();
      boolean derived = roles.isEmpty();
      if (derived) {
        roles = List.of(derivedRole(initiative, participant));
      }
      for (String role : roles) {
        start("participating-org");
        optionalAttr("ref", ref(initiative, participant));
        optionalAttr("type", participant.orgType());
        attr("role", role);
        plainNarrative(participant.name());
        empty(SSTC, "participant");
        optionalAttr("id", participant.id());
        optionalAttr("role", participant.role() == null ? null : participant.role().code());
        optionalAttr("country", participant.country());
        if (derived) {
          attr("derived-role", "true");
        }
        end();
      }
    }
    List<OtherIdentifier> others = initiative.otherIdentifiers();
    for (int i = 0; i < others.size(); i++) {
      OtherIdentifier other = others.get(i);
      if (isIatiType(other.scheme())) {
        start("other-identifier");
        attr("ref", nonNull(other.id()));
        attr("type", other.scheme().substring(5).toUpperCase(java.util.Locale.ROOT));
        empty(SSTC, "item");
        attr("index", String.valueOf(i));
        end();
      }
    }
    empty(null, "activity-status");
    attr("code", status.code());
    activityDate(dates.plannedStart(), "1");
    activityDate(dates.actualStart(), "2");
    activityDate(dates.plannedEnd(), "3");
    activityDate(dates.actualEnd(), "4");
    for (RecipientCountry country : initiative.recipientCountries()) {
      empty(null, "recipient-country");
      attr("code", nonNull(country.code()));
      optionalAttr("percentage", decimal(country.percentage()));
    }
    for (RecipientRegion region : initiative.recipientRegions()) {
      empty(null, "recipient-region");
      attr("code", nonNull(region.code()));
      optionalAttr("vocabulary", region.vocabulary());
      optionalAttr("percentage", decimal(region.percentage()));
    }
    for (Location location : initiative.locations()) {
      location(location);
    }
    for (Sector sector : initiative.sectors()) {
      empty(null, "sector");
      optionalAttr("vocabulary", sector.vocabulary());
      attr("code", nonNull(sector.code()));
      optionalAttr("percentage", decimal(sector.percentage()));
    }
    List<SdgLink> sdgs = initiative.sdgs();
    // IATI puts SDG indicators in sectors (vocabulary 9), goals and targets in tags (2, 3).
    for (int i = 0; i < sdgs.size(); i++) {
      if (sdgs.get(i).indicator() != null) {
        sdgElement("sector", "9", sdgs.get(i).indicator(), sdgs.get(i), i);
      }
    }
    for (int i = 0; i < sdgs.size(); i++) {
      SdgLink link = sdgs.get(i);
      if (link.indicator() == null) {
        if (link.target() != null) {
          sdgElement("tag", "3", link.target(), link, i);
        } else {
          sdgElement("tag", "2", nonNull(link.goal()), link, i);
        }
      }
    }
    for (PolicyMarker marker : initiative.policyMarkers()) {
      start("policy-marker");
      optionalAttr("vocabulary", marker.vocabulary());
      optionalAttr("vocabulary-uri", marker.vocabularyUri());
      attr("code", nonNull(marker.code()));
      optionalAttr("significance", marker.significance());
      if (marker.description() != null) {
        languageTexts(null, "narrative", checkedLanguages("policy-marker", marker.description()));
      }
      end();
    }
    if (initiative.modality() == Modality.TRIANGULAR || initiative.modality() == Modality.BILATERAL) {
      empty(null, "collaboration-type");
      String bilateral = CollaborationTypes.kept(initiative);
      attr("code", initiative.modality() == Modality.TRIANGULAR ? "8" : bilateral != null ? bilateral : "1");
    }
    for (Placed placed : budgetsInPlace(initiative)) {
      Budget budget = placed.budget();
      if (!writable(budget)) {
        continue; // in the extension, whole
      }
      start("budget");
      optionalAttr("type", budget.type() == null ? null : budget.type().code());
      optionalAttr("status", budget.status() == null ? null : budget.status().code());
      empty(null, "period-start");
      LocalDate periodStart = nonNull(budget.periodStart(), initiative, "a budget's periodStart");
      attr("iso-date", periodStart.toString());
      empty(null, "period-end");
      attr("iso-date", nonNull(budget.periodEnd(), initiative, "a budget's periodEnd").toString());
      boolean absent = value(budget.value(), periodStart, initiative, false);
      item(budget.id(), absent);
      if (placed.setAside()) {
        attr("set-aside", "true"); // the importer leaves it in the extension, where the profile put it
      }
      end();
    }
    for (Transaction transaction : initiative.transactions()) {
      if (!writable(transaction)) {
        continue;
      }
      start("transaction");
      optionalAttr("ref", transaction.id());
      empty(null, "transaction-type");
      attr("code", nonNull(transaction.type(), initiative, "a transaction's type").code());
      empty(null, "transaction-date");
      LocalDate date = nonNull(transaction.date(), initiative, "a transaction's date");
      attr("iso-date", date.toString());
      // A reversal is IATI's negative value (docs/standard-1.1.md); the item says reversal when
      // the sign cannot (an amount of zero) or when it is false rather than absent.
      boolean absent = value(transaction.value(), date, initiative, Boolean.TRUE.equals(transaction.reversal()));
      if (transaction.description() != null) {
        narratives("description", transaction.description(), null);
      }
      party("provider-org", transaction.providerId(), initiative);
      party("receiver-org", transaction.receiverId(), initiative);
      boolean reversalInItem = Boolean.FALSE.equals(transaction.reversal())
          || Boolean.TRUE.equals(transaction.reversal()) && transaction.value().amount().signum() <= 0;
      if (absent || reversalInItem) {
        empty(SSTC, "item");
        if (absent) {
          attr("no-value-date", "true");
        }
        if (reversalInItem) {
          attr("reversal", String.valueOf(transaction.reversal()));
        }
      }
      end();
    }
    for (Document document : initiative.documents()) {
      if (!writable(document)) {
        continue;
      }
      start("document-link");
      attr("format", nonNull(document.format(), initiative, "a document's format"));
      attr("url", nonNull(document.url(), initiative, "a document's url"));
      narratives("title", nonNull(document.title(), initiative, "a document's title"), null);
      empty(null, "category");
      attr("code", nonNull(document.category(), initiative, "a document's category"));
      for (String language : document.languages()) {
        empty(null, "language");
        attr("code", language);
      }
      item(document.id(), false);
      end();
    }
    List<RelatedInitiative> related = initiative.relatedInitiatives();
    for (int i = 0; i < related.size(); i++) {
      String type = relatedType(related.get(i).relation());
      if (type != null) {
        start("related-activity");
        attr("ref", nonNull(related.get(i).id()));
        attr("type", type);
        empty(SSTC, "item");
        attr("index", String.valueOf(i));
        end();
      }
    }
    List<Result> results = initiative.results();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).indicators().isEmpty() && writable(results.get(i))) {
        result(results.get(i), i, initiative);
      }
    }
    extension(initiative);
    end();
  }

  private void extension(Initiative initiative) throws XMLStreamException {
    start(SSTC, "initiative");
    optionalAttr("schema-version", initiative.schemaVersion());
    optionalAttr("modality", initiative.modality() == null ? null : initiative.modality().code());
    optionalAttr("instrument", initiative.instrument() == null ? null : initiative.instrument().code());
    if (initiative.description() == null) {
      attr("no-description", "true");
    }
    for (SupportType support : initiative.supportTypes()) {
      empty(SSTC, "support-type");
      attr("code", support.code());
    }
    for (Contribution contribution : initiative.contributions()) {
      start(SSTC, "contribution");
      optionalAttr("id", contribution.id());
      optionalAttr("participant-id", contribution.participantId());
      optionalAttr("kind", contribution.kind() == null ? null : contribution.kind().code());
      Money value = contribution.value();
      if (value != null) {
        empty(SSTC, "value");
        optionalAttr("amount", decimal(value.amount()));
        optionalAttr("currency", value.currency());
        optionalAttr("value-date", value.valueDate() == null ? null : value.valueDate().toString());
      }
      if (contribution.description() != null) {
        extensionTexts("description", contribution.description());
      }
      end();
    }
    List<OtherIdentifier> others = initiative.otherIdentifiers();
    for (int i = 0; i < others.size(); i++) {
      OtherIdentifier other = others.get(i);
      if (!isIatiType(other.scheme())) {
        empty(SSTC, "other-identifier");
        attr("index", String.valueOf(i));
        optionalAttr("scheme", other.scheme());
        optionalAttr("id", other.id());
      }
    }
    List<RelatedInitiative> related = initiative.relatedInitiatives();
    for (int i = 0; i < related.size(); i++) {
      if (relatedType(related.get(i).relation()) == null) {
        empty(SSTC, "related-initiative");
        attr("index", String.valueOf(i));
        optionalAttr("id", related.get(i).id());
        optionalAttr("relation", related.get(i).relation() == null ? null : related.get(i).relation().code());
      }
    }
    List<Result> results = initiative.results();
    for (int i = 0; i < results.size(); i++) {
      Result result = results.get(i);
      if (result.indicators().isEmpty()) {
        start(SSTC, "result");
        attr("index", String.valueOf(i));
        optionalAttr("id", result.id());
        optionalAttr("type", result.type());
        if (result.title() != null) {
          extensionTexts("title", result.title());
        }
        end();
      }
    }
    held("budget", initiative.budgets(), ActivityWriter::writable);
    held("transaction", initiative.transactions(), ActivityWriter::writable);
    held("document", initiative.documents(), ActivityWriter::writable);
    held("result", initiative.results(), result -> result.indicators().isEmpty() || writable(result));
    for (Map.Entry<String, JsonNode> extension : initiative.extensions().entrySet()) {
      if (extension.getKey().equals(OrgIds.KEPT_REFS) && allWrittenAsRefs(initiative, extension.getValue())) {
        continue; // each is a participating-org's @ref: the importer keeps them again from there
      }
      if (extension.getKey().equals(CollaborationTypes.KEY) && CollaborationTypes.kept(initiative) != null) {
        continue; // the collaboration-type's code: the importer keeps it again from there
      }
      start(SSTC, "extension");
      attr("key", extension.getKey());
      out.writeCharacters(IatiJson.write(extension.getValue()));
        endInline();
    }
    end();
  }

  /**
   * Writes, as its JSON in {@code sstc:record}, each item IATI cannot hold because it lacks a part
   * the XSD requires (a budget without its period, a transaction without its type, an imported
   * document without a format …): the export stays valid and the item comes back on import.
   */
  private <T> void held(String kind, List<T> items, java.util.function.Predicate<T> writable) throws XMLStreamException {
    for (int i = 0; i < items.size(); i++) {
      if (!writable.test(items.get(i))) {
        start(SSTC, "record");
        attr("kind", kind);
        attr("index", String.valueOf(i));
        out.writeCharacters(IatiJson.write((Object) items.get(i)));
        endInline();
      }
    }
  }

  /** A budget to write, and whether a completion profile set it aside ({@link SetAside}). */
  private record Placed(Budget budget, boolean setAside) {}

  /**
   * The initiative's budgets with those a completion profile set aside ({@link SetAside#KEY})
   * back in their places, so that the IATI file comes back as it was imported.
   */
  private static List<Placed> budgetsInPlace(Initiative initiative) {
    List<Placed> placed = new java.util.ArrayList<>();
    initiative.budgets().forEach(budget -> placed.add(new Placed(budget, false)));
    JsonNode aside = initiative.extensions().get(SetAside.KEY);
    if (aside == null || !aside.isArray()) {
      return placed;
    }
    for (JsonNode entry : aside) {
      String from = entry.path("from").asString("");
      if (!from.matches("/budgets/[0-9]{1,6}") || !entry.path("budget").isObject()) {
        continue; // not a budget: it stays in the extension only
      }
      Budget budget;
      try {
        budget = IatiJson.read(IatiJson.write(entry.get("budget")), Budget.class);
      } catch (RuntimeException notABudget) {
        continue; // idem
      }
      placed.add(Math.min(Integer.parseInt(from.substring("/budgets/".length())), placed.size()), new Placed(budget, true));
    }
    return placed;
  }

  // What IATI's XSD requires of each item; what lacks a part goes to the extension whole.

  private static boolean writable(Budget budget) {
    return budget.periodStart() != null && budget.periodEnd() != null && writable(budget.value());
  }

  private static boolean writable(Transaction transaction) {
    return transaction.type() != null && transaction.date() != null && writable(transaction.value())
        && (transaction.description() == null || writable(transaction.description()));
  }

  private static boolean writable(Document document) {
    return document.format() != null && document.url() != null && writable(document.title()) && document.category() != null;
  }

  private static boolean writable(Result result) {
    if (result.type() == null || !writable(result.title())) {
      return false;
    }
    for (ResultIndicator indicator : result.indicators()) {
      if (indicator.measure() == null || !writable(indicator.title())) {
        return false;
      }
    }
    return true;
  }

  private static boolean writable(@Nullable Money money) {
    if (money == null || money.amount() == null) {
      return false;
    }
    decimal(money.amount()); // refuses a number no plain form can hold, before it is held as JSON
    return digits(money.amount()) <= 24;
  }

  /**
   * The digits of the amount's plain form as libxml2 counts them (the integer's leading zeros
   * not, the fraction's trailing zeros yes): xmllint and lxml, which most IATI tools validate
   * with, refuse an xsd:decimal of more than 24; such an amount is held in the extension.
   */
  private static long digits(BigDecimal amount) {
    return Math.max((long) amount.precision() - amount.scale(), 0) + Math.max(amount.scale(), 0);
  }

  /** At least one narrative (IATI's textRequiredType), each with a language xml:lang accepts. */
  private static boolean writable(@Nullable LanguageMap texts) {
    return texts != null && !texts.isEmpty() && texts.asMap().keySet().stream().allMatch(tag -> XmlElement.XML_LANG.matcher(tag).matches());
  }

  private void result(Result result, int index, Initiative initiative) throws XMLStreamException {
    start("result");
    attr("type", nonNull(result.type(), initiative, "a result's type"));
    narratives("title", nonNull(result.title(), initiative, "a result's title"), null);
    LocalDate fallback = firstDate(initiative.dates());
    for (ResultIndicator indicator : result.indicators()) {
      start("indicator");
      attr("measure", nonNull(indicator.measure(), initiative, "a result indicator's measure"));
      narratives("title", nonNull(indicator.title(), initiative, "a result indicator's title"), null);
      if (indicator.sdgIndicator() != null) {
        empty(null, "reference");
        attr("vocabulary", "9");
        attr("code", indicator.sdgIndicator());
      }
      IndicatorValue baseline = indicator.baseline();
      if (baseline != null) {
        empty(null, "baseline");
        LocalDate date = baseline.date();
        attr("year", String.valueOf((date != null ? date : fallback).getYear()));
        if (date != null) {
          attr("iso-date", date.toString());
        }
        optionalAttr("value", decimal(baseline.value()));
      }
      IndicatorValue target = indicator.target();
      IndicatorValue actual = indicator.actual();
      if (target != null && actual != null && Objects.equals(target.date(), actual.date())) {
        period(target, actual, fallback);
      } else {
        if (target != null) {
          period(target, null, fallback);
        }
        if (actual != null) {
          period(null, actual, fallback);
        }
      }
      empty(SSTC, "item");
      optionalAttr("id", indicator.id());
      if (baseline != null && baseline.date() == null) {
        attr("baseline-date", "absent");
      }
      if (target != null && target.date() == null) {
        attr("target-date", "absent");
      }
      if (actual != null && actual.date() == null) {
        attr("actual-date", "absent");
      }
      end();
    }
    empty(SSTC, "item");
    optionalAttr("id", result.id());
    attr("index", String.valueOf(index));
    end();
  }

  private void period(@Nullable IndicatorValue target, @Nullable IndicatorValue actual, LocalDate fallback) throws XMLStreamException {
    IndicatorValue any = target != null ? target : Objects.requireNonNull(actual);
    // IATI wants a period; the standard keeps one date per value: the period is that day.
    String date = (any.date() != null ? any.date() : fallback).toString();
    start("period");
    empty(null, "period-start");
    attr("iso-date", date);
    empty(null, "period-end");
    attr("iso-date", date);
    if (target != null) {
      empty(null, "target");
      optionalAttr("value", decimal(target.value()));
    }
    if (actual != null) {
      empty(null, "actual");
      optionalAttr("value", decimal(actual.value()));
    }
    end();
  }

  private static LocalDate firstDate(Dates dates) {
    for (LocalDate date : new LocalDate[] {dates.plannedStart(), dates.actualStart(), dates.plannedEnd(), dates.actualEnd()}) {
      if (date != null) {
        return date;
      }
    }
    throw new IllegalStateException("checked before: an initiative has a date");
  }

  private void sdgElement(String element, String vocabulary, @Nullable String code, SdgLink link, int index) throws XMLStreamException {
    start(element);
    attr("vocabulary", vocabulary);
    attr("code", code == null ? "" : code);
    empty(SSTC, "sdg-link");
    attr("index", String.valueOf(index));
    optionalAttr("goal", link.goal());
    optionalAttr("target", link.target());
    optionalAttr("indicator", link.indicator());
    optionalAttr("contribution", link.contribution() == null ? null : link.contribution().code());
    end();
  }

  private void party(String element, @Nullable String participantId, Initiative initiative) throws XMLStreamException {
    if (participantId == null) {
      return;
    }
    Participation participant = initiative.participants().stream()
        .filter(p -> participantId.equals(p.id())).findFirst().orElse(null);
    start(element);
    if (participant != null) {
      optionalAttr("ref", ref(initiative, participant));
      optionalAttr("type", participant.orgType());
      plainNarrative(participant.name());
    }
    empty(SSTC, "participant-ref");
    attr("id", participantId);
    end();
  }

  /**
   * Writes a value, dated {@code fallback} (the budget's start, the transaction's date) when it
   * has no value-date; true when its value-date was absent and IATI's required one was filled in.
   */
  private boolean value(@Nullable Money money, LocalDate fallback, Initiative initiative, boolean negative) throws XMLStreamException {
    Money value = nonNull(money, initiative, "a budget's or transaction's value");
    start("value");
    optionalAttr("currency", value.currency());
    LocalDate date = value.valueDate() != null ? value.valueDate() : fallback;
    attr("value-date", date.toString());
    BigDecimal amount = value.amount();
    out.writeCharacters(nonNull(decimal(negative && amount != null ? amount.negate() : amount), initiative, "an amount"));
    endInline();
    return value.valueDate() == null;
  }

  private void item(@Nullable String id, boolean valueDateAbsent) throws XMLStreamException {
    empty(SSTC, "item");
    optionalAttr("id", id);
    if (valueDateAbsent) {
      attr("no-value-date", "true");
    }
  }

  /** Schemes {@code iati-a1}, {@code iati-b9} … are IATI OtherIdentifierType codes. */
  private static boolean isIatiType(@Nullable String scheme) {
    return scheme != null && scheme.matches("iati-[a-z0-9]+");
  }

  private static @Nullable String relatedType(@Nullable InitiativeRelation relation) {
    if (relation == null) {
      return null;
    }
    switch (relation) {
      case PARENT: return "1";
      case CHILD: return "2";
      case SIBLING: return "3";
      case CO_FUNDED: return "4";
      case THIRD_PARTY: return "5";
      default: return null; // scales-up: no IATI RelatedActivityType
    }
  }

  /**
   * The IATI OrganisationRole written for a partner with no {@code iatiRoles} (marked as derived
   * in the extension, so that it is not read back as one): providers fund, implementers
   * implement, the recipient is accountable, a facilitator extends.
   */
  /** The participant's org id, else the IATI ref the importer kept for it ({@link OrgIds#KEPT_REFS}). */
  private static @Nullable String ref(Initiative initiative, Participation participant) {
    if (participant.orgId() != null) {
      return participant.orgId();
    }
    JsonNode kept = initiative.extensions().get(OrgIds.KEPT_REFS);
    JsonNode ref = kept == null ? null : kept.get(participant.id());
    return ref != null && ref.isString() ? ref.asString() : null;
  }

  /** Whether every kept ref is one of a participant without an org id (so {@link #ref} writes it). */
  private static boolean allWrittenAsRefs(Initiative initiative, JsonNode kept) {
    return kept.isObject() && kept.properties().stream().allMatch(entry -> entry.getValue().isString()
        && initiative.participants().stream().anyMatch(p -> p.id().equals(entry.getKey()) && p.orgId() == null));
  }

  private static String derivedRole(Initiative initiative, Participation participant) {
    ParticipationRole role = participant.role();
    if (role == null) {
      throw refused(initiative, "an SSTC role or IATI roles for the participant " + participant.id());
    }
    switch (role) {
      case IMPLEMENTER: return "4";
      case RECIPIENT: return "2";
      case FACILITATOR: return "3";
      default: return "1";
    }
  }

  private void activityDate(@Nullable LocalDate date, String type) throws XMLStreamException {
    if (date != null) {
      empty(null, "activity-date");
      attr("type", type);
      attr("iso-date", date.toString());
    }
  }

  /**
   * A {@code <location>}, its children in the XSD's order (location-reach, name, description,
   * administrative, point, exactness); a point is WGS84, latitude first.
   */
  private void location(Location location) throws XMLStreamException {
    start("location");
    optionalAttr("ref", location.id());
    if (location.locationReach() != null) {
      empty(null, "location-reach");
      attr("code", location.locationReach());
    }
    if (location.name() != null && !location.name().isEmpty()) {
      narratives("name", location.name(), null);
    }
    if (location.description() != null && !location.description().isEmpty()) {
      narratives("description", location.description(), null);
    }
    for (AdministrativeArea area : location.administrative()) {
      empty(null, "administrative");
      attr("vocabulary", nonNull(area.vocabulary()));
      optionalAttr("level", area.level() == null ? null : String.valueOf(area.level()));
      attr("code", nonNull(area.code()));
    }
    GeoPoint point = location.point();
    if (point != null) {
      start("point");
      attr("srsName", ActivityMapper.WGS84);
      textElement("pos", decimal(point.latitude()) + " " + decimal(point.longitude()));
      end();
    }
    if (location.exactness() != null) {
      empty(null, "exactness");
      attr("code", location.exactness());
    }
    end();
  }

  private static LanguageMap checkedLanguages(String element, LanguageMap texts) {
    for (String language : texts.asMap().keySet()) {
      if (!XmlElement.XML_LANG.matcher(language).matches()) {
        throw new IllegalArgumentException("the language tag \"" + language + "\" of a " + element
            + " cannot be written as IATI XML: xml:lang takes a BCP 47 tag such as \"en\" or \"pt-BR\"; correct it");
      }
    }
    return texts;
  }

  private void narratives(String element, LanguageMap texts, @Nullable String type) throws XMLStreamException {
    checkedLanguages(element, texts);
    start(element);
    if (type != null) {
      attr("type", type);
    }
    languageTexts(null, "narrative", texts);
    end();
  }

  private void extensionTexts(String element, LanguageMap texts) throws XMLStreamException {
    start(SSTC, element);
    languageTexts(SSTC, "text", texts);
    end();
  }

  /** One {@code element} a language, with its {@code xml:lang} and its text inline. */
  private void languageTexts(@Nullable String prefix, String element, LanguageMap texts) throws XMLStreamException {
    for (Map.Entry<String, String> text : texts.asMap().entrySet()) {
      start(prefix, element);
      out.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", text.getKey());
      text(text.getValue());
      endInline();
    }
  }

  private void plainNarrative(@Nullable String text) throws XMLStreamException {
    if (text != null) {
      textElement("narrative", text);
    }
  }

  private void textElement(String element, String text) throws XMLStreamException {
    start(element);
    text(text);
    endInline();
  }

  /**
   * Text content with each carriage return as {@code &#13;}: an XML reader turns a literal
   * "\r\n" into "\n" (XML 1.0 §2.11), so only the reference brings a CR back.
   */
  private void text(String text) throws XMLStreamException {
    int from = 0;
    for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', from)) {
      out.writeCharacters(text.substring(from, cr));
      out.writeEntityRef("#13");
      from = cr + 1;
    }
    out.writeCharacters(text.substring(from));
  }

  // ---- indentation: elements on their own lines, text inline

  private void newline() throws XMLStreamException {
    out.writeCharacters("\n" + "  ".repeat(depth));
  }

  private void start(String element) throws XMLStreamException {
    start(null, element);
  }

  private void start(@Nullable String prefix, String element) throws XMLStreamException {
    newline();
    if (prefix == null) {
      out.writeStartElement(element);
    } else {
      out.writeStartElement(prefix, element, XmlElement.SSTC_NS);
    }
    depth++;
  }

  private void empty(@Nullable String prefix, String element) throws XMLStreamException {
    newline();
    if (prefix == null) {
      out.writeEmptyElement(element);
    } else {
      out.writeEmptyElement(prefix, element, XmlElement.SSTC_NS);
    }
  }

  private void end() throws XMLStreamException {
    depth--;
    newline();
    out.writeEndElement();
  }

  private void endInline() throws XMLStreamException {
    depth--;
    out.writeEndElement();
  }

  private void attr(String name, String value) throws XMLStreamException {
    out.writeAttribute(name, value);
  }

  private void optionalAttr(String name, @Nullable String value) throws XMLStreamException {
    if (value != null) {
      out.writeAttribute(name, value);
    }
  }

  private static @Nullable String decimal(@Nullable BigDecimal value) {
    if (value == null) {
      return null;
    }
    // xsd:decimal has no exponent: 1E999999999 would be a billion digits. No real amount has
    // more than a few dozen, so a number whose plain form would pass a thousand is refused.
    if ((long) value.precision() - value.scale() > 1000 || value.scale() > 1000) {
      throw new IllegalArgumentException("the number " + value + " cannot be written as IATI XML: xsd:decimal has no"
          + " exponent, and its plain form would have more than 1000 digits; correct it");
    }
    return value.toPlainString();
  }

  private static String nonNull(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static <T> T nonNull(@Nullable T value, Initiative initiative, String what) {
    if (value == null) {
      throw refused(initiative, what);
    }
    return value;
  }

  private static <T> T required(@Nullable T value, Initiative initiative, String what) {
    return nonNull(value, initiative, what);
  }

  static IllegalArgumentException refused(Initiative initiative, String what) {
    return new IllegalArgumentException("the initiative " + initiative.id() + " cannot be written as IATI XML: it lacks "
        + what + ", which the IATI schema requires; complete it (Validator names every gap)");
  }
}
