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
 * A solution or good practice that one country or organisation has applied and others can take up
 * through South-South or triangular cooperation, as the South-South Galaxy (UNOSSC), WFP's matching
 * platform and IFAD's Rural Solutions Portal publish them: the problem it solves, who provides it,
 * where it was applied, what a transfer takes and the evidence that it works. An {@link Initiative}
 * is cooperation that happens; a solution is what an initiative can transfer.
 *
 * <pre>{@code
 * Solution solution = Solution.builder()
 *     .id("XM-DAC-41301-SOL-0012")
 *     .reportingOrg(OrgRef.of("XM-DAC-41301", "FAO"))
 *     .title(LanguageMap.of("en", "Community seed banks"))
 *     .description(LanguageMap.of("en", "..."))
 *     .problem(LanguageMap.of("en", "..."))
 *     .lastUpdated(OffsetDateTime.parse("2025-03-01T00:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonIgnoreProperties(value = "recordType", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"recordType", "id", "schemaVersion", "reportingOrg", "title", "description", "problem", "maturity", "providers", "countries", "sdgs", "sectors", "transfer", "evidence", "initiativeIds", "otherIdentifiers", "lastUpdated", "extensions"})
@JsonDeserialize(builder = Solution.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class Solution implements SstcRecord {
  /** The value of {@code recordType} for this type. */
  public static final String RECORD_TYPE = "solution";

  /** The version of the standard this SDK writes. */
  public static final String CURRENT_VERSION = "1.1";

  @NotNull @Pattern(regexp = Shapes.INITIATIVE_ID_REGEX) private final String id;
  @NotNull @Pattern(regexp = Shapes.SCHEMA_VERSION_REGEX) private final String schemaVersion;
  @NotNull @Valid private final OrgRef reportingOrg;
  @NotNull private final LanguageMap title;
  @NotNull private final LanguageMap description;
  @NotNull private final LanguageMap problem;
  private final @Nullable SolutionMaturity maturity;
  private final List<@Valid SolutionProvider> providers;
  private final List<@Valid SolutionCountry> countries;
  private final List<@Valid SdgLink> sdgs;
  private final List<@Valid Sector> sectors;
  @Valid private final @Nullable Transfer transfer;
  @Valid private final @Nullable Evidence evidence;
  private final List<String> initiativeIds;
  private final List<@Valid OtherIdentifier> otherIdentifiers;
  @NotNull private final OffsetDateTime lastUpdated;
  private final Map<String, JsonNode> extensions;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Solution(Builder builder) {
    this.id = builder.id;
    this.schemaVersion = builder.schemaVersion == null ? CURRENT_VERSION : builder.schemaVersion;
    this.reportingOrg = builder.reportingOrg;
    this.title = builder.title;
    this.description = builder.description;
    this.problem = builder.problem;
    this.maturity = builder.maturity;
    this.providers = builder.providers;
    this.countries = builder.countries;
    this.sdgs = builder.sdgs;
    this.sectors = builder.sectors;
    this.transfer = builder.transfer;
    this.evidence = builder.evidence;
    this.initiativeIds = builder.initiativeIds;
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
   * A builder that starts from this solution, to change a member or two.
   *
   * @return a new builder holding every member of this solution, unknown members included;
   *     changing the builder leaves this solution as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.schemaVersion = schemaVersion;
    builder.reportingOrg = reportingOrg;
    builder.title = title;
    builder.description = description;
    builder.problem = problem;
    builder.maturity = maturity;
    builder.providers = providers;
    builder.countries = countries;
    builder.sdgs = sdgs;
    builder.sectors = sectors;
    builder.transfer = transfer;
    builder.evidence = evidence;
    builder.initiativeIds = initiativeIds;
    builder.otherIdentifiers = otherIdentifiers;
    builder.lastUpdated = lastUpdated;
    builder.extensions = extensions;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The record's type: the value of {@code recordType} in its JSON.
   *
   * @return always {@code "solution"}, {@link #RECORD_TYPE}
   */
  @Override
  @JsonProperty(value = "recordType", index = 0)
  public String recordType() {
    return RECORD_TYPE;
  }

  /**
   * The id member: the solution id, {@code {reportingOrgId}-{localId}}; never changes.
   *
   * @return the solution id, {@code {reportingOrgId}-{localId}}; never changes; never null (required: {@link Builder#build()} refuses a Solution without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The schemaVersion member: the standard's version, {@code "1.1"} by default (solutions exist since 1.1).
   *
   * @return the standard's version, {@code "1.1"} by default (solutions exist since 1.1); never null (required: {@link Builder#build()} refuses a Solution without it)
   */
  @Override
  @JsonProperty("schemaVersion")
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * The reportingOrg member: the organisation that publishes and maintains the record.
   *
   * @return the organisation that publishes and maintains the record; never null (required: {@link Builder#build()} refuses a Solution without it)
   */
  @JsonProperty("reportingOrg")
  public OrgRef reportingOrg() {
    return reportingOrg;
  }

  /**
   * The title member: the solution's name, in one language or more.
   *
   * @return the solution's name, in one language or more; never null (required: {@link Builder#build()} refuses a Solution without it)
   */
  @JsonProperty("title")
  public LanguageMap title() {
    return title;
  }

  /**
   * The description member: what the solution is and how it works.
   *
   * @return what the solution is and how it works; never null (required: {@link Builder#build()} refuses a Solution without it)
   */
  @JsonProperty("description")
  public LanguageMap description() {
    return description;
  }

  /**
   * The problem member: the development challenge the solution addresses.
   *
   * @return the development challenge the solution addresses; never null (required: {@link Builder#build()} refuses a Solution without it)
   */
  @JsonProperty("problem")
  public LanguageMap problem() {
    return problem;
  }

  /**
   * The maturity member: how far the solution has gone: piloted, implemented, replicated or scaled up. Optional: it may be absent.
   *
   * @return how far the solution has gone: piloted, implemented, replicated or scaled up, or null when absent
   */
  @JsonProperty("maturity")
  public @Nullable SolutionMaturity maturity() {
    return maturity;
  }

  /**
   * The providers member: the organisations that offer the solution and can transfer it.
   *
   * @return the organisations that offer the solution and can transfer it; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("providers")
  public List<SolutionProvider> providers() {
    return providers;
  }

  /**
   * The countries member: the countries where the solution has been applied.
   *
   * @return the countries where the solution has been applied; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("countries")
  public List<SolutionCountry> countries() {
    return countries;
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
   * The sectors member: the sectors it belongs to.
   *
   * @return the sectors it belongs to; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("sectors")
  public List<Sector> sectors() {
    return sectors;
  }

  /**
   * The transfer member: what taking the solution up in another country takes. Optional: it may be absent.
   *
   * @return what taking the solution up in another country takes, or null when absent
   */
  @JsonProperty("transfer")
  public @Nullable Transfer transfer() {
    return transfer;
  }

  /**
   * The evidence member: what shows that the solution works. Optional: it may be absent.
   *
   * @return what shows that the solution works, or null when absent
   */
  @JsonProperty("evidence")
  public @Nullable Evidence evidence() {
    return evidence;
  }

  /**
   * The initiativeIds member: the ids of the initiatives the solution came from or was transferred through.
   *
   * @return the ids of the initiatives the solution came from or was transferred through; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("initiativeIds")
  public List<String> initiativeIds() {
    return initiativeIds;
  }

  /**
   * The otherIdentifiers member: its identifiers in other schemes, e.g. on the South-South Galaxy.
   *
   * @return its identifiers in other schemes, e.g. on the South-South Galaxy; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("otherIdentifiers")
  public List<OtherIdentifier> otherIdentifiers() {
    return otherIdentifiers;
  }

  /**
   * The lastUpdated member: when the record last changed (RFC 3339, with a zone).
   *
   * @return when the record last changed (RFC 3339, with a zone); never null (required: {@link Builder#build()} refuses a Solution without it)
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
   * @return whether {@code other} is a {@code Solution} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Solution)) {
      return false;
    }
    Solution that = (Solution) other;
    return Objects.equals(id, that.id)
        && Objects.equals(schemaVersion, that.schemaVersion)
        && Objects.equals(reportingOrg, that.reportingOrg)
        && Objects.equals(title, that.title)
        && Objects.equals(description, that.description)
        && Objects.equals(problem, that.problem)
        && Objects.equals(maturity, that.maturity)
        && Objects.equals(providers, that.providers)
        && Objects.equals(countries, that.countries)
        && Objects.equals(sdgs, that.sdgs)
        && Objects.equals(sectors, that.sectors)
        && Objects.equals(transfer, that.transfer)
        && Objects.equals(evidence, that.evidence)
        && Objects.equals(initiativeIds, that.initiativeIds)
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
    return Objects.hash(id, schemaVersion, reportingOrg, title, description, problem, maturity, providers, countries, sdgs, sectors, transfer, evidence, initiativeIds, otherIdentifiers, lastUpdated, extensions, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Solution{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Solution", new Object[] {"id", id, "schemaVersion", schemaVersion, "reportingOrg", reportingOrg, "title", title, "description", description, "problem", problem, "maturity", maturity, "providers", providers, "countries", countries, "sdgs", sdgs, "sectors", sectors, "transfer", transfer, "evidence", evidence, "initiativeIds", initiativeIds, "otherIdentifiers", otherIdentifiers, "lastUpdated", lastUpdated, "extensions", extensions, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Solution}. {@link #build()} refuses one without its required members
   * (id, reportingOrg, title, description, problem, lastUpdated), naming all of them at once.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String schemaVersion;
    private @Nullable OrgRef reportingOrg;
    private @Nullable LanguageMap title;
    private @Nullable LanguageMap description;
    private @Nullable LanguageMap problem;
    private @Nullable SolutionMaturity maturity;
    private List<SolutionProvider> providers = List.of();
    private List<SolutionCountry> countries = List.of();
    private List<SdgLink> sdgs = List.of();
    private List<Sector> sectors = List.of();
    private @Nullable Transfer transfer;
    private @Nullable Evidence evidence;
    private List<String> initiativeIds = List.of();
    private List<OtherIdentifier> otherIdentifiers = List.of();
    private @Nullable OffsetDateTime lastUpdated;
    private Map<String, JsonNode> extensions = Map.of();
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the solution id, {@code {reportingOrgId}-{localId}}; never changes; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code schemaVersion}.
     *
     * @param schemaVersion the standard's version, {@code "1.1"} by default (solutions exist since 1.1); null means the version this SDK writes, {@link Solution#CURRENT_VERSION}
     * @return this builder
     */
    public Builder schemaVersion(@Nullable String schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }

    /**
     * Sets {@code reportingOrg}.
     *
     * @param reportingOrg the organisation that publishes and maintains the record; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder reportingOrg(@Nullable OrgRef reportingOrg) {
      this.reportingOrg = reportingOrg;
      return this;
    }

    /**
     * Sets {@code title}.
     *
     * @param title the solution's name, in one language or more; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder title(@Nullable LanguageMap title) {
      this.title = title;
      return this;
    }

    /**
     * Sets {@code description}.
     *
     * @param description what the solution is and how it works; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder description(@Nullable LanguageMap description) {
      this.description = description;
      return this;
    }

    /**
     * Sets {@code problem}.
     *
     * @param problem the development challenge the solution addresses; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder problem(@Nullable LanguageMap problem) {
      this.problem = problem;
      return this;
    }

    /**
     * Sets {@code maturity}.
     *
     * @param maturity how far the solution has gone: piloted, implemented, replicated or scaled up; optional: null leaves it out
     * @return this builder
     */
    public Builder maturity(@Nullable SolutionMaturity maturity) {
      this.maturity = maturity;
      return this;
    }

    /**
     * Sets {@code providers}, replacing whatever was set or added before.
     *
     * @param providers the organisations that offer the solution and can transfer it; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder providers(@Nullable List<SolutionProvider> providers) {
      this.providers = Copies.list(providers);
      return this;
    }

    /**
     * Adds one item to {@code providers}.
     *
     * @param item a provider, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addProvider(SolutionProvider item) {
      this.providers = Copies.append(this.providers, item);
      return this;
    }

    /**
     * Sets {@code countries}, replacing whatever was set or added before.
     *
     * @param countries the countries where the solution has been applied; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder countries(@Nullable List<SolutionCountry> countries) {
      this.countries = Copies.list(countries);
      return this;
    }

    /**
     * Adds one item to {@code countries}.
     *
     * @param item a country where it was applied, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addCountry(SolutionCountry item) {
      this.countries = Copies.append(this.countries, item);
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
     * @param sectors the sectors it belongs to; null or empty means none. The list is copied
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
     * Sets {@code transfer}.
     *
     * @param transfer what taking the solution up in another country takes; optional: null leaves it out
     * @return this builder
     */
    public Builder transfer(@Nullable Transfer transfer) {
      this.transfer = transfer;
      return this;
    }

    /**
     * Sets {@code evidence}.
     *
     * @param evidence what shows that the solution works; optional: null leaves it out
     * @return this builder
     */
    public Builder evidence(@Nullable Evidence evidence) {
      this.evidence = evidence;
      return this;
    }

    /**
     * Sets {@code initiativeIds}, replacing whatever was set or added before.
     *
     * @param initiativeIds the ids of the initiatives the solution came from or was transferred through; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder initiativeIds(@Nullable List<String> initiativeIds) {
      this.initiativeIds = Copies.list(initiativeIds);
      return this;
    }

    /**
     * Adds one item to {@code initiativeIds}.
     *
     * @param item an initiative id, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addInitiativeId(String item) {
      this.initiativeIds = Copies.append(this.initiativeIds, item);
      return this;
    }

    /**
     * Sets {@code otherIdentifiers}, replacing whatever was set or added before.
     *
     * @param otherIdentifiers its identifiers in other schemes, e.g. on the South-South Galaxy; null or empty means none. The list is copied
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
     * The {@code Solution}, once every required member is set.
     *
     * @return a new, immutable {@code Solution} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, reportingOrg, title, description, problem, lastUpdated)
     */
    public Solution build() {
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
      if (description == null) {
        missing.add("description");
      }
      if (problem == null) {
        missing.add("problem");
      }
      if (lastUpdated == null) {
        missing.add("lastUpdated");
      }
      Copies.requireMembers("Solution", missing);
      return new Solution(this);
    }
  }
}
