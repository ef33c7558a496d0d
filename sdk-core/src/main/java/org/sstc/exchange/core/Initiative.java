package org.sstc.exchange.core;

import org.sstc.exchange.core.internal.validation.Shapes;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A South-South or triangular cooperation initiative (≈ an IATI activity, a SEGIB initiative): who
 * works with whom, how, where, towards which SDGs, with what money and results.
 *
 * <pre>{@code
 * Initiative initiative = Initiative.builder()
 *     .id("XM-DAC-41301-TRI-BR-JP-MZ-001")
 *     .reportingOrg(new OrgRef("XM-DAC-41301", "FAO"))
 *     .title(LanguageMap.of("en", "Rice value chains in Mozambique"))
 *     .modality(Modality.TRIANGULAR)
 *     ...
 *     .build();
 * ValidationReport report = Validator.standard().validate(initiative);
 * }</pre>
 *
 * @param id the initiative id, {@code {reportingOrgId}-{localId}}; never changes
 * @param schemaVersion the standard's version, {@code "1.0"} by default
 * @param reportingOrg the organisation that reports the initiative
 * @param title the title, in one language or more
 * @param description what the initiative does
 * @param modality bilateral, triangular or regional
 * @param instrument programme, project or action
 * @param supportTypes the kinds of support given
 * @param status IATI ActivityStatus code, {@code "1"} to {@code "6"}
 * @param dates planned and actual start and end
 * @param participants the partners and their roles; at least one
 * @param recipientCountries the countries that benefit
 * @param recipientRegions the regions that benefit
 * @param sdgs the SDGs, targets and indicators it contributes to
 * @param sectors the sectors it works in
 * @param budgets money planned per period
 * @param transactions money committed or moved
 * @param contributions each partner's share, in money or in kind
 * @param results results and their indicators
 * @param relatedInitiatives other initiatives it relates to
 * @param documents documents about it
 * @param otherIdentifiers its identifiers in other schemes, e.g. IATI
 * @param lastUpdated when the record last changed (RFC 3339, with a zone)
 * @param extensions namespaced extension values ({@code "wfp:matchingScore"}), kept verbatim
 */
@JsonIgnoreProperties(value = "recordType", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record Initiative(
    @NotNull @Pattern(regexp = Shapes.INITIATIVE_ID_REGEX) String id,
    @NotNull @Pattern(regexp = Shapes.SCHEMA_VERSION_REGEX) String schemaVersion,
    @NotNull @Valid OrgRef reportingOrg,
    @NotNull LanguageMap title,
    @Nullable LanguageMap description,
    @NotNull Modality modality,
    @NotNull Instrument instrument,
    List<SupportType> supportTypes,
    @NotNull String status,
    @NotNull @Valid Dates dates,
    @Size(min = 1) List<@Valid Participation> participants,
    List<@Valid RecipientCountry> recipientCountries,
    List<@Valid RecipientRegion> recipientRegions,
    List<@Valid SdgLink> sdgs,
    List<@Valid Sector> sectors,
    List<@Valid Budget> budgets,
    List<@Valid Transaction> transactions,
    List<@Valid Contribution> contributions,
    List<@Valid Result> results,
    List<@Valid RelatedInitiative> relatedInitiatives,
    List<@Valid Document> documents,
    List<@Valid OtherIdentifier> otherIdentifiers,
    @NotNull OffsetDateTime lastUpdated,
    Map<String, JsonNode> extensions) implements SstcRecord {
  /** The value of {@code recordType} for this type. */
  public static final String RECORD_TYPE = "initiative";

  /** The version of the standard this SDK writes. */
  public static final String CURRENT_VERSION = "1.0";

  /**
   * Makes the initiative; a null {@code schemaVersion} becomes the current version, and the lists
   * and maps given are copied, so the record stays immutable. Nothing is validated here: use
   * {@link Validator} (or the builder, which is lenient in the same way).
   *
   * @param id the initiative id, {@code {reportingOrgId}-{localId}}; never changes; required by the
   *     standard: null leaves it absent, which the validator reports
   * @param schemaVersion the standard's version, {@code "1.0"} by default; null means the version
   *     this SDK writes, {@link Initiative#CURRENT_VERSION}
   * @param reportingOrg the organisation that reports the initiative; required by the standard:
   *     null leaves it absent, which the validator reports
   * @param title the title, in one language or more; required by the standard: null leaves it
   *     absent, which the validator reports
   * @param description what the initiative does; optional: null leaves it out
   * @param modality bilateral, triangular or regional; required by the standard: null leaves it
   *     absent, which the validator reports
   * @param instrument programme, project or action; required by the standard: null leaves it
   *     absent, which the validator reports
   * @param supportTypes the kinds of support given; null or empty means none. The list is copied
   * @param status IATI ActivityStatus code, {@code "1"} to {@code "6"}; required by the standard:
   *     null leaves it absent, which the validator reports
   * @param dates planned and actual start and end; required by the standard: null leaves it absent,
   *     which the validator reports
   * @param participants the partners and their roles; the standard wants at least one, so null or
   *     empty is reported by the validator. The list is copied
   * @param recipientCountries the countries that benefit; null or empty means none. The list is
   *     copied
   * @param recipientRegions the regions that benefit; null or empty means none. The list is copied
   * @param sdgs the SDGs, targets and indicators it contributes to; null or empty means none. The
   *     list is copied
   * @param sectors the sectors it works in; null or empty means none. The list is copied
   * @param budgets money planned per period; null or empty means none. The list is copied
   * @param transactions money committed or moved; null or empty means none. The list is copied
   * @param contributions each partner's share, in money or in kind; null or empty means none. The
   *     list is copied
   * @param results results and their indicators; null or empty means none. The list is copied
   * @param relatedInitiatives other initiatives it relates to; null or empty means none. The list
   *     is copied
   * @param documents documents about it; null or empty means none. The list is copied
   * @param otherIdentifiers its identifiers in other schemes, e.g. IATI; null or empty means none.
   *     The list is copied
   * @param lastUpdated when the record last changed (RFC 3339, with a zone); required by the
   *     standard: null leaves it absent, which the validator reports
   * @param extensions namespaced extension values ({@code "wfp:matchingScore"}), kept verbatim;
   *     null or empty means none. The map is copied, its order kept
   */
  public Initiative {
    schemaVersion = schemaVersion == null ? CURRENT_VERSION : schemaVersion;
    supportTypes = Copies.list(supportTypes);
    participants = Copies.list(participants);
    recipientCountries = Copies.list(recipientCountries);
    recipientRegions = Copies.list(recipientRegions);
    sdgs = Copies.list(sdgs);
    sectors = Copies.list(sectors);
    budgets = Copies.list(budgets);
    transactions = Copies.list(transactions);
    contributions = Copies.list(contributions);
    results = Copies.list(results);
    relatedInitiatives = Copies.list(relatedInitiatives);
    documents = Copies.list(documents);
    otherIdentifiers = Copies.list(otherIdentifiers);
    extensions = Copies.orderedMap(extensions);
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
   * A new, empty builder.
   *
   * @return a builder with every field absent and every list empty
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this initiative, to change a field or two.
   *
   * @return a new builder holding every field of this initiative; changing the builder leaves
   *     this initiative as it is
   */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .schemaVersion(schemaVersion)
        .reportingOrg(reportingOrg)
        .title(title)
        .description(description)
        .modality(modality)
        .instrument(instrument)
        .supportTypes(supportTypes)
        .status(status)
        .dates(dates)
        .participants(participants)
        .recipientCountries(recipientCountries)
        .recipientRegions(recipientRegions)
        .sdgs(sdgs)
        .sectors(sectors)
        .budgets(budgets)
        .transactions(transactions)
        .contributions(contributions)
        .results(results)
        .relatedInitiatives(relatedInitiatives)
        .documents(documents)
        .otherIdentifiers(otherIdentifiers)
        .lastUpdated(lastUpdated)
        .extensions(extensions);
  }

  /**
   * Builds a {@link Initiative}. Fields not set stay absent; {@link Validator} reports what the
   * standard requires, with a JSON Pointer, rather than the builder throwing on the first gap.
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String schemaVersion;
    private @Nullable OrgRef reportingOrg;
    private @Nullable LanguageMap title;
    private @Nullable LanguageMap description;
    private @Nullable Modality modality;
    private @Nullable Instrument instrument;
    private List<SupportType> supportTypes = List.of();
    private @Nullable String status;
    private @Nullable Dates dates;
    private List<Participation> participants = List.of();
    private List<RecipientCountry> recipientCountries = List.of();
    private List<RecipientRegion> recipientRegions = List.of();
    private List<SdgLink> sdgs = List.of();
    private List<Sector> sectors = List.of();
    private List<Budget> budgets = List.of();
    private List<Transaction> transactions = List.of();
    private List<Contribution> contributions = List.of();
    private List<Result> results = List.of();
    private List<RelatedInitiative> relatedInitiatives = List.of();
    private List<Document> documents = List.of();
    private List<OtherIdentifier> otherIdentifiers = List.of();
    private @Nullable OffsetDateTime lastUpdated;
    private Map<String, JsonNode> extensions = Map.of();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the initiative id, {@code {reportingOrgId}-{localId}}; never changes; required by
     *     the standard: null leaves it absent, which the validator reports
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }
    /**
     * Sets {@code schemaVersion}.
     *
     * @param schemaVersion the standard's version, {@code "1.0"} by default; null means the version
     *     this SDK writes, {@link Initiative#CURRENT_VERSION}
     * @return this builder
     */
    public Builder schemaVersion(@Nullable String schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }
    /**
     * Sets {@code reportingOrg}.
     *
     * @param reportingOrg the organisation that reports the initiative; required by the standard:
     *     null leaves it absent, which the validator reports
     * @return this builder
     */
    public Builder reportingOrg(@Nullable OrgRef reportingOrg) {
      this.reportingOrg = reportingOrg;
      return this;
    }
    /**
     * Sets {@code title}.
     *
     * @param title the title, in one language or more; required by the standard: null leaves it
     *     absent, which the validator reports
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
     * @param modality bilateral, triangular or regional; required by the standard: null leaves it
     *     absent, which the validator reports
     * @return this builder
     */
    public Builder modality(@Nullable Modality modality) {
      this.modality = modality;
      return this;
    }
    /**
     * Sets {@code instrument}.
     *
     * @param instrument programme, project or action; required by the standard: null leaves it
     *     absent, which the validator reports
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
    public Builder supportTypes(List<SupportType> supportTypes) {
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
      List<SupportType> copy = new ArrayList<>(this.supportTypes);
      copy.add(Objects.requireNonNull(item, "item"));
      this.supportTypes = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code status}.
     *
     * @param status IATI ActivityStatus code, {@code "1"} to {@code "6"}; required by the standard:
     *     null leaves it absent, which the validator reports
     * @return this builder
     */
    public Builder status(@Nullable String status) {
      this.status = status;
      return this;
    }
    /**
     * Sets {@code dates}.
     *
     * @param dates planned and actual start and end; required by the standard: null leaves it
     *     absent, which the validator reports
     * @return this builder
     */
    public Builder dates(@Nullable Dates dates) {
      this.dates = dates;
      return this;
    }
    /**
     * Sets {@code participants}, replacing whatever was set or added before.
     *
     * @param participants the partners and their roles; the standard wants at least one, so null
     *     or empty is reported by the validator. The list is copied
     * @return this builder
     */
    public Builder participants(List<Participation> participants) {
      this.participants = Copies.list(participants);
      return this;
    }

    /**
     * Adds one partner to {@code participants}.
     *
     * @param item a partner and its role, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addParticipant(Participation item) {
      List<Participation> copy = new ArrayList<>(this.participants);
      copy.add(Objects.requireNonNull(item, "item"));
      this.participants = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code recipientCountries}, replacing whatever was set or added before.
     *
     * @param recipientCountries the countries that benefit; null or empty means none. The list is
     *     copied
     * @return this builder
     */
    public Builder recipientCountries(List<RecipientCountry> recipientCountries) {
      this.recipientCountries = Copies.list(recipientCountries);
      return this;
    }
    /**
     * Adds one item to {@code recipientCountries}.
     *
     * @param item a country that benefits, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addRecipientCountry(RecipientCountry item) {
      List<RecipientCountry> copy = new ArrayList<>(this.recipientCountries);
      copy.add(Objects.requireNonNull(item, "item"));
      this.recipientCountries = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code recipientRegions}, replacing whatever was set or added before.
     *
     * @param recipientRegions the regions that benefit; null or empty means none. The list is
     *     copied
     * @return this builder
     */
    public Builder recipientRegions(List<RecipientRegion> recipientRegions) {
      this.recipientRegions = Copies.list(recipientRegions);
      return this;
    }
    /**
     * Adds one item to {@code recipientRegions}.
     *
     * @param item a region that benefits, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addRecipientRegion(RecipientRegion item) {
      List<RecipientRegion> copy = new ArrayList<>(this.recipientRegions);
      copy.add(Objects.requireNonNull(item, "item"));
      this.recipientRegions = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code sdgs}, replacing whatever was set or added before.
     *
     * @param sdgs the SDGs, targets and indicators it contributes to; null or empty means none. The
     *     list is copied
     * @return this builder
     */
    public Builder sdgs(List<SdgLink> sdgs) {
      this.sdgs = Copies.list(sdgs);
      return this;
    }
    /**
     * Adds one item to {@code sdgs}.
     *
     * @param item an SDG link (goal, and optionally target and indicator), added after those
     *     already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addSdg(SdgLink item) {
      List<SdgLink> copy = new ArrayList<>(this.sdgs);
      copy.add(Objects.requireNonNull(item, "item"));
      this.sdgs = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code sectors}, replacing whatever was set or added before.
     *
     * @param sectors the sectors it works in; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder sectors(List<Sector> sectors) {
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
      List<Sector> copy = new ArrayList<>(this.sectors);
      copy.add(Objects.requireNonNull(item, "item"));
      this.sectors = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code budgets}, replacing whatever was set or added before.
     *
     * @param budgets money planned per period; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder budgets(List<Budget> budgets) {
      this.budgets = Copies.list(budgets);
      return this;
    }
    /**
     * Adds one item to {@code budgets}.
     *
     * @param item a budget for one period, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addBudget(Budget item) {
      List<Budget> copy = new ArrayList<>(this.budgets);
      copy.add(Objects.requireNonNull(item, "item"));
      this.budgets = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code transactions}, replacing whatever was set or added before.
     *
     * @param transactions money committed or moved; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder transactions(List<Transaction> transactions) {
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
      List<Transaction> copy = new ArrayList<>(this.transactions);
      copy.add(Objects.requireNonNull(item, "item"));
      this.transactions = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code contributions}, replacing whatever was set or added before.
     *
     * @param contributions each partner's share, in money or in kind; null or empty means none. The
     *     list is copied
     * @return this builder
     */
    public Builder contributions(List<Contribution> contributions) {
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
      List<Contribution> copy = new ArrayList<>(this.contributions);
      copy.add(Objects.requireNonNull(item, "item"));
      this.contributions = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code results}, replacing whatever was set or added before.
     *
     * @param results results and their indicators; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder results(List<Result> results) {
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
      List<Result> copy = new ArrayList<>(this.results);
      copy.add(Objects.requireNonNull(item, "item"));
      this.results = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code relatedInitiatives}, replacing whatever was set or added before.
     *
     * @param relatedInitiatives other initiatives it relates to; null or empty means none. The list
     *     is copied
     * @return this builder
     */
    public Builder relatedInitiatives(List<RelatedInitiative> relatedInitiatives) {
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
      List<RelatedInitiative> copy = new ArrayList<>(this.relatedInitiatives);
      copy.add(Objects.requireNonNull(item, "item"));
      this.relatedInitiatives = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code documents}, replacing whatever was set or added before.
     *
     * @param documents documents about it; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder documents(List<Document> documents) {
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
      List<Document> copy = new ArrayList<>(this.documents);
      copy.add(Objects.requireNonNull(item, "item"));
      this.documents = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code otherIdentifiers}, replacing whatever was set or added before.
     *
     * @param otherIdentifiers its identifiers in other schemes, e.g. IATI; null or empty means
     *     none. The list is copied
     * @return this builder
     */
    public Builder otherIdentifiers(List<OtherIdentifier> otherIdentifiers) {
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
      List<OtherIdentifier> copy = new ArrayList<>(this.otherIdentifiers);
      copy.add(Objects.requireNonNull(item, "item"));
      this.otherIdentifiers = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code lastUpdated}.
     *
     * @param lastUpdated when the record last changed (RFC 3339, with a zone); required by the
     *     standard: null leaves it absent, which the validator reports
     * @return this builder
     */
    public Builder lastUpdated(@Nullable OffsetDateTime lastUpdated) {
      this.lastUpdated = lastUpdated;
      return this;
    }
    /**
     * Sets {@code extensions}, replacing whatever was set or added before.
     *
     * @param extensions namespaced extension values, each key {@code prefix:name} (e.g.
     *     {@code "wfp:matchingScore"}), each value any JSON, kept verbatim and written in this
     *     order; null or empty means none. The map is copied
     * @return this builder
     */
    public Builder extensions(Map<String, JsonNode> extensions) {
      this.extensions = Copies.orderedMap(extensions);
      return this;
    }

    /**
     * The initiative, as set so far.
     *
     * @return a new initiative with the fields set so far; nothing is checked, so a required
     *     field not set is absent (null), and {@link Validator} reports it
     */
    @SuppressWarnings("NullAway") // absent required fields are reported by validation, not here
    public Initiative build() {
      return new Initiative(
          id, schemaVersion, reportingOrg, title, description, modality, instrument,
          supportTypes, status, dates, participants, recipientCountries, recipientRegions, sdgs,
          sectors, budgets, transactions, contributions, results, relatedInitiatives, documents,
          otherIdentifiers, lastUpdated, extensions);
    }
  }
}
