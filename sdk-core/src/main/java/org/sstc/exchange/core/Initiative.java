package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.internal.validation.Shapes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * A South-South or triangular cooperation initiative (≈ an IATI activity, a SEGIB initiative): who
 * works with whom, how, where, towards which SDGs, with what money and results.
 *
 * <pre>{@code
 * Initiative initiative = Initiative.builder()
 *     .id("XM-DAC-41301-TRI-BR-JP-MZ-001")
 *     .reportingOrg(OrgRef.of("XM-DAC-41301", "FAO"))
 *     .title(LanguageMap.of("en", "Rice value chains in Mozambique"))
 *     .modality(Modality.TRIANGULAR)
 *     ...
 *     .build();
 * ValidationReport report = Validator.standard().validate(initiative);
 * }</pre>
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonIgnoreProperties(value = "recordType", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"recordType", "id", "schemaVersion", "reportingOrg", "title", "description", "modality", "instrument", "supportTypes", "status", "dates", "participants", "recipientCountries", "recipientRegions", "locations", "sdgs", "sectors", "policyMarkers", "humanitarian", "budgets", "transactions", "contributions", "results", "relatedInitiatives", "documents", "otherIdentifiers", "lastUpdated", "extensions"})
@JsonDeserialize(builder = Initiative.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class Initiative implements SstcRecord {
  /** The value of {@code recordType} for this type. */
  public static final String RECORD_TYPE = "initiative";

  /** The version of the standard this SDK writes. */
  public static final String CURRENT_VERSION = "1.1";

  @NotNull @Pattern(regexp = Shapes.INITIATIVE_ID_REGEX) private final String id;
  @NotNull @Pattern(regexp = Shapes.SCHEMA_VERSION_REGEX) private final String schemaVersion;
  @NotNull @Valid private final OrgRef reportingOrg;
  @NotNull private final LanguageMap title;
  private final @Nullable LanguageMap description;
  @NotNull private final Modality modality;
  @NotNull private final Instrument instrument;
  private final List<SupportType> supportTypes;
  @NotNull private final ActivityStatus status;
  @NotNull @Valid private final Dates dates;
  @Size(min = 1) private final List<@Valid Participation> participants;
  private final List<@Valid RecipientCountry> recipientCountries;
  private final List<@Valid RecipientRegion> recipientRegions;
  private final List<@Valid Location> locations;
  private final List<@Valid SdgLink> sdgs;
  private final List<@Valid Sector> sectors;
  private final List<@Valid PolicyMarker> policyMarkers;
  private final @Nullable Boolean humanitarian;
  private final List<@Valid Budget> budgets;
  private final List<@Valid Transaction> transactions;
  private final List<@Valid Contribution> contributions;
  private final List<@Valid Result> results;
  private final List<@Valid RelatedInitiative> relatedInitiatives;
  private final List<@Valid Document> documents;
  private final List<@Valid OtherIdentifier> otherIdentifiers;
  @NotNull private final OffsetDateTime lastUpdated;
  private final Map<String, JsonNode> extensions;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Initiative(Builder builder) {
    this.id = builder.id;
    this.schemaVersion = builder.schemaVersion == null ? CURRENT_VERSION : builder.schemaVersion;
    this.reportingOrg = builder.reportingOrg;
    this.title = builder.title;
    this.description = builder.description;
    this.modality = builder.modality;
    this.instrument = builder.instrument;
    this.supportTypes = builder.supportTypes;
    this.status = builder.status;
    this.dates = builder.dates;
    this.participants = builder.participants;
    this.recipientCountries = builder.recipientCountries;
    this.recipientRegions = builder.recipientRegions;
    this.locations = builder.locations;
    this.sdgs = builder.sdgs;
    this.sectors = builder.sectors;
    this.policyMarkers = builder.policyMarkers;
    this.humanitarian = builder.humanitarian;
    this.budgets = builder.budgets;
    this.transactions = builder.transactions;
    this.contributions = builder.contributions;
    this.results = builder.results;
    this.relatedInitiatives = builder.relatedInitiatives;
    this.documents = builder.documents;
    this.otherIdentifiers = builder.otherIdentifiers;
    this.lastUpdated = builder.lastUpdated;
    this.extensions = builder.extensions;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }


  /**
   * A new, empty builder.
   *
   * @return a builder with every member absent and every list empty
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this initiative, to change a member or two.
   *
   * @return a new builder holding every member of this initiative, unknown members included;
   *     changing the builder leaves this initiative as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.schemaVersion = schemaVersion;
    builder.reportingOrg = reportingOrg;
    builder.title = title;
    builder.description = description;
    builder.modality = modality;
    builder.instrument = instrument;
    builder.supportTypes = supportTypes;
    builder.status = status;
    builder.dates = dates;
    builder.participants = participants;
    builder.recipientCountries = recipientCountries;
    builder.recipientRegions = recipientRegions;
    builder.locations = locations;
    builder.sdgs = sdgs;
    builder.sectors = sectors;
    builder.policyMarkers = policyMarkers;
    builder.humanitarian = humanitarian;
    builder.budgets = budgets;
    builder.transactions = transactions;
    builder.contributions = contributions;
    builder.results = results;
    builder.relatedInitiatives = relatedInitiatives;
    builder.documents = documents;
    builder.otherIdentifiers = otherIdentifiers;
    builder.lastUpdated = lastUpdated;
    builder.extensions = extensions;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The record's type: the value of {@code recordType} in its JSON.
   *
   * @return always {@code "initiative"}, {@link #RECORD_TYPE}
   */
  @Override
  @JsonProperty(value = "recordType", index = 0)
  public String recordType() {
    return RECORD_TYPE;
  }

  /**
   * The id member: the initiative id, {@code {reportingOrgId}-{localId}}; never changes.
   *
   * @return the initiative id, {@code {reportingOrgId}-{localId}}; never changes; never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The schemaVersion member: the standard's version, {@code "1.1"} by default.
   *
   * @return the standard's version, {@code "1.1"} by default; never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @Override
  @JsonProperty("schemaVersion")
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * The reportingOrg member: the organisation that reports the initiative.
   *
   * @return the organisation that reports the initiative; never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @JsonProperty("reportingOrg")
  public OrgRef reportingOrg() {
    return reportingOrg;
  }

  /**
   * The title member: the title, in one language or more.
   *
   * @return the title, in one language or more; never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @JsonProperty("title")
  public LanguageMap title() {
    return title;
  }

  /**
   * The description member: what the initiative does. Optional: it may be absent.
   *
   * @return what the initiative does, or null when absent
   */
  @JsonProperty("description")
  public @Nullable LanguageMap description() {
    return description;
  }

  /**
   * The modality member: bilateral, triangular or regional.
   *
   * @return bilateral, triangular or regional; never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @JsonProperty("modality")
  public Modality modality() {
    return modality;
  }

  /**
   * The instrument member: programme, project or action.
   *
   * @return programme, project or action; never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @JsonProperty("instrument")
  public Instrument instrument() {
    return instrument;
  }

  /**
   * The supportTypes member: the kinds of support given.
   *
   * @return the kinds of support given; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("supportTypes")
  public List<SupportType> supportTypes() {
    return supportTypes;
  }

  /**
   * The status member: the IATI ActivityStatus, {@link ActivityStatus#PIPELINE} ({@code "1"}) to {@link ActivityStatus#SUSPENDED} ({@code "6"}).
   *
   * @return the IATI ActivityStatus, {@link ActivityStatus#PIPELINE} ({@code "1"}) to {@link ActivityStatus#SUSPENDED} ({@code "6"}); never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @JsonProperty("status")
  public ActivityStatus status() {
    return status;
  }

  /**
   * The dates member: planned and actual start and end.
   *
   * @return planned and actual start and end; never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @JsonProperty("dates")
  public Dates dates() {
    return dates;
  }

  /**
   * The participants member: the partners and their roles; the standard wants at least one.
   *
   * @return the partners and their roles; the standard wants at least one; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("participants")
  public List<Participation> participants() {
    return participants;
  }

  /**
   * The recipientCountries member: the countries that benefit.
   *
   * @return the countries that benefit; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("recipientCountries")
  public List<RecipientCountry> recipientCountries() {
    return recipientCountries;
  }

  /**
   * The recipientRegions member: the regions that benefit.
   *
   * @return the regions that benefit; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("recipientRegions")
  public List<RecipientRegion> recipientRegions() {
    return recipientRegions;
  }

  /**
   * The locations member: the places where the initiative is carried out or where its
   * beneficiaries live, below the level of recipient countries (IATI location).
   *
   * @return the places of the initiative; an unmodifiable list, empty (never null) when there are none
   * @since 1.1
   */
  @JsonProperty("locations")
  public List<Location> locations() {
    return locations;
  }

  /**
   * The sdgs member: the SDGs, targets and indicators it contributes to.
   *
   * @return the SDGs, targets and indicators it contributes to; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("sdgs")
  public List<SdgLink> sdgs() {
    return sdgs;
  }

  /**
   * The sectors member: the sectors it works in.
   *
   * @return the sectors it works in; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("sectors")
  public List<Sector> sectors() {
    return sectors;
  }

  /**
   * The policyMarkers member: the policy objectives the initiative targets and how much (IATI
   * policy-marker), e.g. gender equality as a significant objective.
   *
   * @return the policy markers; an unmodifiable list, empty (never null) when there are none
   * @since 1.1
   */
  @JsonProperty("policyMarkers")
  public List<PolicyMarker> policyMarkers() {
    return policyMarkers;
  }

  /**
   * The humanitarian member: whether the initiative relates entirely or partly to humanitarian
   * aid (IATI iati-activity/@humanitarian). Optional: it may be absent.
   *
   * @return true when it does, false when it does not, or null when the record does not say
   * @since 1.1
   */
  @JsonProperty("humanitarian")
  public @Nullable Boolean humanitarian() {
    return humanitarian;
  }

  /**
   * The budgets member: money planned per period.
   *
   * @return money planned per period; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("budgets")
  public List<Budget> budgets() {
    return budgets;
  }

  /**
   * The transactions member: money committed or moved.
   *
   * @return money committed or moved; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("transactions")
  public List<Transaction> transactions() {
    return transactions;
  }

  /**
   * The contributions member: each partner's share, in money or in kind.
   *
   * @return each partner's share, in money or in kind; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("contributions")
  public List<Contribution> contributions() {
    return contributions;
  }

  /**
   * The results member: results and their indicators.
   *
   * @return results and their indicators; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("results")
  public List<Result> results() {
    return results;
  }

  /**
   * The relatedInitiatives member: other initiatives it relates to.
   *
   * @return other initiatives it relates to; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("relatedInitiatives")
  public List<RelatedInitiative> relatedInitiatives() {
    return relatedInitiatives;
  }

  /**
   * The documents member: documents about it.
   *
   * @return documents about it; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("documents")
  public List<Document> documents() {
    return documents;
  }

  /**
   * The otherIdentifiers member: its identifiers in other schemes, e.g. IATI.
   *
   * @return its identifiers in other schemes, e.g. IATI; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("otherIdentifiers")
  public List<OtherIdentifier> otherIdentifiers() {
    return otherIdentifiers;
  }

  /**
   * The lastUpdated member: when the record last changed (RFC 3339, with a zone).
   *
   * @return when the record last changed (RFC 3339, with a zone); never null (required: {@link Builder#build()} refuses a Initiative without it)
   */
  @JsonProperty("lastUpdated")
  public OffsetDateTime lastUpdated() {
    return lastUpdated;
  }

  /**
   * The extensions member: namespaced extension values ({@code "wfp:matchingScore"}), kept verbatim, in order.
   *
   * @return namespaced extension values ({@code "wfp:matchingScore"}), kept verbatim, in order; an unmodifiable map in the order given, empty (never null) when there are none
   */
  @JsonProperty("extensions")
  public Map<String, JsonNode> extensions() {
    return extensions;
  }


  /** Members not in this SDK's version of the standard, in the order they were read. */
  @JsonAnyGetter
  Map<String, JsonNode> unknownMembers() {
    return unknownMembers;
  }

  /**
   * Equal when every member, unknown members included, is equal.
   *
   * @param other the object to compare with; may be null
   * @return whether {@code other} is an {@code Initiative} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Initiative)) {
      return false;
    }
    Initiative that = (Initiative) other;
    return Objects.equals(id, that.id)
        && Objects.equals(schemaVersion, that.schemaVersion)
        && Objects.equals(reportingOrg, that.reportingOrg)
        && Objects.equals(title, that.title)
        && Objects.equals(description, that.description)
        && Objects.equals(modality, that.modality)
        && Objects.equals(instrument, that.instrument)
        && Objects.equals(supportTypes, that.supportTypes)
        && Objects.equals(status, that.status)
        && Objects.equals(dates, that.dates)
        && Objects.equals(participants, that.participants)
        && Objects.equals(recipientCountries, that.recipientCountries)
        && Objects.equals(recipientRegions, that.recipientRegions)
        && Objects.equals(locations, that.locations)
        && Objects.equals(sdgs, that.sdgs)
        && Objects.equals(sectors, that.sectors)
        && Objects.equals(policyMarkers, that.policyMarkers)
        && Objects.equals(humanitarian, that.humanitarian)
        && Objects.equals(budgets, that.budgets)
        && Objects.equals(transactions, that.transactions)
        && Objects.equals(contributions, that.contributions)
        && Objects.equals(results, that.results)
        && Objects.equals(relatedInitiatives, that.relatedInitiatives)
        && Objects.equals(documents, that.documents)
        && Objects.equals(otherIdentifiers, that.otherIdentifiers)
        && Objects.equals(lastUpdated, that.lastUpdated)
        && Objects.equals(extensions, that.extensions)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, schemaVersion, reportingOrg, title, description, modality, instrument, supportTypes, status, dates, participants, recipientCountries, recipientRegions, locations, sdgs, sectors, policyMarkers, humanitarian, budgets, transactions, contributions, results, relatedInitiatives, documents, otherIdentifiers, lastUpdated, extensions, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Initiative{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Initiative", new Object[] {"id", id, "schemaVersion", schemaVersion, "reportingOrg", reportingOrg, "title", title, "description", description, "modality", modality, "instrument", instrument, "supportTypes", supportTypes, "status", status, "dates", dates, "participants", participants, "recipientCountries", recipientCountries, "recipientRegions", recipientRegions, "locations", locations, "sdgs", sdgs, "sectors", sectors, "policyMarkers", policyMarkers, "humanitarian", humanitarian, "budgets", budgets, "transactions", transactions, "contributions", contributions, "results", results, "relatedInitiatives", relatedInitiatives, "documents", documents, "otherIdentifiers", otherIdentifiers, "lastUpdated", lastUpdated, "extensions", extensions, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds an {@link Initiative}. {@link #build()} refuses one without its required members
   * (id, schemaVersion, reportingOrg, title, modality, instrument, status, dates, lastUpdated), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String schemaVersion;
    private @Nullable OrgRef reportingOrg;
    private @Nullable LanguageMap title;
    private @Nullable LanguageMap description;
    private @Nullable Modality modality;
    private @Nullable Instrument instrument;
    private List<SupportType> supportTypes = List.of();
    private @Nullable ActivityStatus status;
    private @Nullable Dates dates;
    private List<Participation> participants = List.of();
    private List<RecipientCountry> recipientCountries = List.of();
    private List<RecipientRegion> recipientRegions = List.of();
    private List<Location> locations = List.of();
    private List<SdgLink> sdgs = List.of();
    private List<Sector> sectors = List.of();
    private List<PolicyMarker> policyMarkers = List.of();
    private @Nullable Boolean humanitarian;
    private List<Budget> budgets = List.of();
    private List<Transaction> transactions = List.of();
    private List<Contribution> contributions = List.of();
    private List<Result> results = List.of();
    private List<RelatedInitiative> relatedInitiatives = List.of();
    private List<Document> documents = List.of();
    private List<OtherIdentifier> otherIdentifiers = List.of();
    private @Nullable OffsetDateTime lastUpdated;
    private Map<String, JsonNode> extensions = Map.of();
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the initiative id, {@code {reportingOrgId}-{localId}}; never changes; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code schemaVersion}.
     *
     * @param schemaVersion the standard's version, {@code "1.1"} by default; null means the version this SDK writes, {@link Initiative#CURRENT_VERSION}
     * @return this builder
     */
    public Builder schemaVersion(@Nullable String schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }

    /**
     * Sets {@code reportingOrg}.
     *
     * @param reportingOrg the organisation that reports the initiative; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder reportingOrg(@Nullable OrgRef reportingOrg) {
      this.reportingOrg = reportingOrg;
      return this;
    }

    /**
     * Sets {@code title}.
     *
     * @param title the title, in one language or more; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder title(@Nullable LanguageMap title) {
      this.title = title;
      return this;
    }

    /**
     * Sets {@code description}.
     *
     * @param description what the initiative does; optional: null leaves it out
     * @return this builder
     */
    public Builder description(@Nullable LanguageMap description) {
      this.description = description;
      return this;
    }

    /**
     * Sets {@code modality}.
     *
     * @param modality bilateral, triangular or regional; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder modality(@Nullable Modality modality) {
      this.modality = modality;
      return this;
    }

    /**
     * Sets {@code instrument}.
     *
     * @param instrument programme, project or action; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder instrument(@Nullable Instrument instrument) {
      this.instrument = instrument;
      return this;
    }

    /**
     * Sets {@code supportTypes}, replacing whatever was set or added before.
     *
     * @param supportTypes the kinds of support given; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder supportTypes(@Nullable List<SupportType> supportTypes) {
      this.supportTypes = Copies.list(supportTypes);
      return this;
    }

    /**
     * Adds one item to {@code supportTypes}.
     *
     * @param item a kind of support, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addSupportType(SupportType item) {
      this.supportTypes = Copies.append(this.supportTypes, item);
      return this;
    }

    /**
     * Sets {@code status}.
     *
     * @param status the IATI ActivityStatus, {@link ActivityStatus#PIPELINE} ({@code "1"}) to {@link ActivityStatus#SUSPENDED} ({@code "6"}); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder status(@Nullable ActivityStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets {@code dates}.
     *
     * @param dates planned and actual start and end; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder dates(@Nullable Dates dates) {
      this.dates = dates;
      return this;
    }

    /**
     * Sets {@code participants}, replacing whatever was set or added before.
     *
     * @param participants the partners and their roles; the standard wants at least one; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder participants(@Nullable List<Participation> participants) {
      this.participants = Copies.list(participants);
      return this;
    }

    /**
     * Adds one item to {@code participants}.
     *
     * @param item a partner, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addParticipant(Participation item) {
      this.participants = Copies.append(this.participants, item);
      return this;
    }

    /**
     * Sets {@code recipientCountries}, replacing whatever was set or added before.
     *
     * @param recipientCountries the countries that benefit; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder recipientCountries(@Nullable List<RecipientCountry> recipientCountries) {
      this.recipientCountries = Copies.list(recipientCountries);
      return this;
    }

    /**
     * Adds one item to {@code recipientCountries}.
     *
     * @param item a country, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addRecipientCountry(RecipientCountry item) {
      this.recipientCountries = Copies.append(this.recipientCountries, item);
      return this;
    }

    /**
     * Sets {@code recipientRegions}, replacing whatever was set or added before.
     *
     * @param recipientRegions the regions that benefit; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder recipientRegions(@Nullable List<RecipientRegion> recipientRegions) {
      this.recipientRegions = Copies.list(recipientRegions);
      return this;
    }

    /**
     * Adds one item to {@code recipientRegions}.
     *
     * @param item a region, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addRecipientRegion(RecipientRegion item) {
      this.recipientRegions = Copies.append(this.recipientRegions, item);
      return this;
    }

    /**
     * Sets {@code locations}, replacing whatever was set or added before.
     *
     * @param locations the places of the initiative; null or empty means none. The list is copied
     * @return this builder
     * @since 1.1
     */
    public Builder locations(@Nullable List<Location> locations) {
      this.locations = Copies.list(locations);
      return this;
    }

    /**
     * Adds one item to {@code locations}.
     *
     * @param item a location, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     * @since 1.1
     */
    public Builder addLocation(Location item) {
      this.locations = Copies.append(this.locations, item);
      return this;
    }

    /**
     * Sets {@code sdgs}, replacing whatever was set or added before.
     *
     * @param sdgs the SDGs, targets and indicators it contributes to; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder sdgs(@Nullable List<SdgLink> sdgs) {
      this.sdgs = Copies.list(sdgs);
      return this;
    }

    /**
     * Adds one item to {@code sdgs}.
     *
     * @param item an SDG link, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addSdg(SdgLink item) {
      this.sdgs = Copies.append(this.sdgs, item);
      return this;
    }

    /**
     * Sets {@code sectors}, replacing whatever was set or added before.
     *
     * @param sectors the sectors it works in; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder sectors(@Nullable List<Sector> sectors) {
      this.sectors = Copies.list(sectors);
      return this;
    }

    /**
     * Adds one item to {@code sectors}.
     *
     * @param item a sector, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addSector(Sector item) {
      this.sectors = Copies.append(this.sectors, item);
      return this;
    }

    /**
     * Sets {@code policyMarkers}, replacing whatever was set or added before.
     *
     * @param policyMarkers the policy markers; null or empty means none. The list is copied
     * @return this builder
     * @since 1.1
     */
    public Builder policyMarkers(@Nullable List<PolicyMarker> policyMarkers) {
      this.policyMarkers = Copies.list(policyMarkers);
      return this;
    }

    /**
     * Adds one item to {@code policyMarkers}.
     *
     * @param item a policy marker, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     * @since 1.1
     */
    public Builder addPolicyMarker(PolicyMarker item) {
      this.policyMarkers = Copies.append(this.policyMarkers, item);
      return this;
    }

    /**
     * Sets {@code humanitarian}.
     *
     * @param humanitarian true when the initiative relates entirely or partly to humanitarian aid,
     *     false when it does not; optional: null leaves it out
     * @return this builder
     * @since 1.1
     */
    public Builder humanitarian(@Nullable Boolean humanitarian) {
      this.humanitarian = humanitarian;
      return this;
    }

    /**
     * Sets {@code budgets}, replacing whatever was set or added before.
     *
     * @param budgets money planned per period; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder budgets(@Nullable List<Budget> budgets) {
      this.budgets = Copies.list(budgets);
      return this;
    }

    /**
     * Adds one item to {@code budgets}.
     *
     * @param item a budget, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addBudget(Budget item) {
      this.budgets = Copies.append(this.budgets, item);
      return this;
    }

    /**
     * Sets {@code transactions}, replacing whatever was set or added before.
     *
     * @param transactions money committed or moved; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder transactions(@Nullable List<Transaction> transactions) {
      this.transactions = Copies.list(transactions);
      return this;
    }

    /**
     * Adds one item to {@code transactions}.
     *
     * @param item a transaction, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addTransaction(Transaction item) {
      this.transactions = Copies.append(this.transactions, item);
      return this;
    }

    /**
     * Sets {@code contributions}, replacing whatever was set or added before.
     *
     * @param contributions each partner's share, in money or in kind; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder contributions(@Nullable List<Contribution> contributions) {
      this.contributions = Copies.list(contributions);
      return this;
    }

    /**
     * Adds one item to {@code contributions}.
     *
     * @param item a partner's contribution, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addContribution(Contribution item) {
      this.contributions = Copies.append(this.contributions, item);
      return this;
    }

    /**
     * Sets {@code results}, replacing whatever was set or added before.
     *
     * @param results results and their indicators; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder results(@Nullable List<Result> results) {
      this.results = Copies.list(results);
      return this;
    }

    /**
     * Adds one item to {@code results}.
     *
     * @param item a result, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addResult(Result item) {
      this.results = Copies.append(this.results, item);
      return this;
    }

    /**
     * Sets {@code relatedInitiatives}, replacing whatever was set or added before.
     *
     * @param relatedInitiatives other initiatives it relates to; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder relatedInitiatives(@Nullable List<RelatedInitiative> relatedInitiatives) {
      this.relatedInitiatives = Copies.list(relatedInitiatives);
      return this;
    }

    /**
     * Adds one item to {@code relatedInitiatives}.
     *
     * @param item a related initiative, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addRelatedInitiative(RelatedInitiative item) {
      this.relatedInitiatives = Copies.append(this.relatedInitiatives, item);
      return this;
    }

    /**
     * Sets {@code documents}, replacing whatever was set or added before.
     *
     * @param documents documents about it; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder documents(@Nullable List<Document> documents) {
      this.documents = Copies.list(documents);
      return this;
    }

    /**
     * Adds one item to {@code documents}.
     *
     * @param item a document, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addDocument(Document item) {
      this.documents = Copies.append(this.documents, item);
      return this;
    }

    /**
     * Sets {@code otherIdentifiers}, replacing whatever was set or added before.
     *
     * @param otherIdentifiers its identifiers in other schemes, e.g. IATI; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder otherIdentifiers(@Nullable List<OtherIdentifier> otherIdentifiers) {
      this.otherIdentifiers = Copies.list(otherIdentifiers);
      return this;
    }

    /**
     * Adds one item to {@code otherIdentifiers}.
     *
     * @param item an identifier in another scheme, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addOtherIdentifier(OtherIdentifier item) {
      this.otherIdentifiers = Copies.append(this.otherIdentifiers, item);
      return this;
    }

    /**
     * Sets {@code lastUpdated}.
     *
     * @param lastUpdated when the record last changed (RFC 3339, with a zone); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder lastUpdated(@Nullable OffsetDateTime lastUpdated) {
      this.lastUpdated = lastUpdated;
      return this;
    }

    /**
     * Sets {@code extensions}, replacing whatever was set before.
     *
     * @param extensions namespaced extension values ({@code "wfp:matchingScore"}), kept verbatim, in order, each key {@code prefix:name}, each value any JSON; null or empty means none. The map is copied, its order kept
     * @return this builder
     */
    public Builder extensions(@Nullable Map<String, JsonNode> extensions) {
      this.extensions = Copies.orderedMap(extensions);
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Initiative}, once every required member is set.
     *
     * @return a new, immutable {@code Initiative} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, reportingOrg, title, modality, instrument, status, dates, lastUpdated)
     */
    public Initiative build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (reportingOrg == null) {
        missing.add("reportingOrg");
      }
      if (title == null) {
        missing.add("title");
      }
      if (modality == null) {
        missing.add("modality");
      }
      if (instrument == null) {
        missing.add("instrument");
      }
      if (status == null) {
        missing.add("status");
      }
      if (dates == null) {
        missing.add("dates");
      }
      if (lastUpdated == null) {
        missing.add("lastUpdated");
      }
      Copies.requireMembers("Initiative", missing);
      return new Initiative(this);
    }
  }
}
