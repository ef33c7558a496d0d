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
 * The bulk file and unit of publication: a publisher's initiatives and organisations, like an
 * OCDS release package. Large packages are better exchanged as NDJSON, one record a line. Its JSON
 * {@code recordType} is {@code "package"}.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonIgnoreProperties(value = "recordType", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"recordType", "schemaVersion", "publisher", "publishedAt", "license", "initiatives", "organisations", "solutions"})
@JsonDeserialize(builder = RecordPackage.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class RecordPackage implements SstcRecord {
  /** The value of {@code recordType} for this type. */
  public static final String RECORD_TYPE = "package";

  /** The version of the standard this SDK writes. */
  public static final String CURRENT_VERSION = "1.1";

  @NotNull @Pattern(regexp = Shapes.SCHEMA_VERSION_REGEX) private final String schemaVersion;
  @NotNull @Valid private final OrgRef publisher;
  @NotNull private final OffsetDateTime publishedAt;
  private final @Nullable String license;
  private final List<@Valid Initiative> initiatives;
  private final List<@Valid Organisation> organisations;
  private final List<@Valid Solution> solutions;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private RecordPackage(Builder builder) {
    this.schemaVersion = builder.schemaVersion != null ? builder.schemaVersion : versionOfRecords(builder);
    this.publisher = builder.publisher;
    this.publishedAt = builder.publishedAt;
    this.license = builder.license;
    this.initiatives = builder.initiatives;
    this.organisations = builder.organisations;
    this.solutions = builder.solutions;
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
   * A builder that starts from this recordpackage, to change a member or two.
   *
   * @return a new builder holding every member of this recordpackage, unknown members included;
   *     changing the builder leaves this recordpackage as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.schemaVersion = schemaVersion;
    builder.publisher = publisher;
    builder.publishedAt = publishedAt;
    builder.license = license;
    builder.initiatives = initiatives;
    builder.organisations = organisations;
    builder.solutions = solutions;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The record's type: the value of {@code recordType} in its JSON.
   *
   * @return always {@code "package"}, {@link #RECORD_TYPE}
   */
  @Override
  @JsonProperty(value = "recordType", index = 0)
  public String recordType() {
    return RECORD_TYPE;
  }

  /**
   * The schemaVersion member: the standard's version. Unless the builder was given one, it is the
   * version all the package's records declare when they agree ({@code "1.0"} for a package of
   * 1.0 records, since a package's records follow its version), else {@code "1.1"}.
   *
   * @return the standard's version, {@code "1.1"} by default; never null (required: {@link Builder#build()} refuses a RecordPackage without it)
   */
  @Override
  @JsonProperty("schemaVersion")
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * The publisher member: who publishes the package.
   *
   * @return who publishes the package; never null (required: {@link Builder#build()} refuses a RecordPackage without it)
   */
  @JsonProperty("publisher")
  public OrgRef publisher() {
    return publisher;
  }

  /**
   * The publishedAt member: when it was published (RFC 3339, with a zone).
   *
   * @return when it was published (RFC 3339, with a zone); never null (required: {@link Builder#build()} refuses a RecordPackage without it)
   */
  @JsonProperty("publishedAt")
  public OffsetDateTime publishedAt() {
    return publishedAt;
  }

  /**
   * The license member: the licence of the data, as a URL. Optional: it may be absent.
   *
   * @return the licence of the data, as a URL, or null when absent
   */
  @JsonProperty("license")
  public @Nullable String license() {
    return license;
  }

  /**
   * The initiatives member: the initiatives it publishes, each a full record.
   *
   * @return the initiatives it publishes, each a full record; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("initiatives")
  public List<Initiative> initiatives() {
    return initiatives;
  }

  /**
   * The organisations member: the organisations it publishes (its partners, itself), each a full record.
   *
   * @return the organisations it publishes (its partners, itself), each a full record; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("organisations")
  public List<Organisation> organisations() {
    return organisations;
  }

  /**
   * The solutions member: the solution records it publishes, each a full record.
   *
   * @return the solutions it publishes; an unmodifiable list, empty (never null) when there are none
   * @since 1.1
   */
  @JsonProperty("solutions")
  public List<Solution> solutions() {
    return solutions;
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
   * @return whether {@code other} is a {@code RecordPackage} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RecordPackage)) {
      return false;
    }
    RecordPackage that = (RecordPackage) other;
    return Objects.equals(schemaVersion, that.schemaVersion)
        && Objects.equals(publisher, that.publisher)
        && Objects.equals(publishedAt, that.publishedAt)
        && Objects.equals(license, that.license)
        && Objects.equals(initiatives, that.initiatives)
        && Objects.equals(organisations, that.organisations)
        && Objects.equals(solutions, that.solutions)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(schemaVersion, publisher, publishedAt, license, initiatives, organisations, solutions, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code RecordPackage{schemaVersion=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("RecordPackage", new Object[] {"schemaVersion", schemaVersion, "publisher", publisher, "publishedAt", publishedAt, "license", license, "initiatives", initiatives, "organisations", organisations, "solutions", solutions, "unknownMembers", unknownMembers.keySet()});
  }

  /** The version the records of a package all declare, or the current one when they differ or there are none. */
  private static String versionOfRecords(Builder builder) {
    java.util.Set<String> versions = new java.util.HashSet<>();
    builder.initiatives.forEach(record -> versions.add(record.schemaVersion()));
    builder.organisations.forEach(record -> versions.add(record.schemaVersion()));
    builder.solutions.forEach(record -> versions.add(record.schemaVersion()));
    return versions.size() == 1 ? versions.iterator().next() : CURRENT_VERSION;
  }

  /**
   * Builds a {@link RecordPackage}. {@link #build()} refuses one without its required members
   * (schemaVersion, publisher, publishedAt), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String schemaVersion;
    private @Nullable OrgRef publisher;
    private @Nullable OffsetDateTime publishedAt;
    private @Nullable String license;
    private List<Initiative> initiatives = List.of();
    private List<Organisation> organisations = List.of();
    private List<Solution> solutions = List.of();
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code schemaVersion}.
     *
     * @param schemaVersion the standard's version; null means the version every record of the
     *     package declares when they all declare the same, else the version this SDK writes,
     *     {@link RecordPackage#CURRENT_VERSION}
     * @return this builder
     */
    public Builder schemaVersion(@Nullable String schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }

    /**
     * Sets {@code publisher}.
     *
     * @param publisher who publishes the package; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder publisher(@Nullable OrgRef publisher) {
      this.publisher = publisher;
      return this;
    }

    /**
     * Sets {@code publishedAt}.
     *
     * @param publishedAt when it was published (RFC 3339, with a zone); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder publishedAt(@Nullable OffsetDateTime publishedAt) {
      this.publishedAt = publishedAt;
      return this;
    }

    /**
     * Sets {@code license}.
     *
     * @param license the licence of the data, as a URL; optional: null leaves it out
     * @return this builder
     */
    public Builder license(@Nullable String license) {
      this.license = license;
      return this;
    }

    /**
     * Sets {@code initiatives}, replacing whatever was set or added before.
     *
     * @param initiatives the initiatives it publishes, each a full record; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder initiatives(@Nullable List<Initiative> initiatives) {
      this.initiatives = Copies.list(initiatives);
      return this;
    }

    /**
     * Adds one item to {@code initiatives}.
     *
     * @param item an initiative, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addInitiative(Initiative item) {
      this.initiatives = Copies.append(this.initiatives, item);
      return this;
    }

    /**
     * Sets {@code organisations}, replacing whatever was set or added before.
     *
     * @param organisations the organisations it publishes (its partners, itself), each a full record; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder organisations(@Nullable List<Organisation> organisations) {
      this.organisations = Copies.list(organisations);
      return this;
    }

    /**
     * Adds one item to {@code organisations}.
     *
     * @param item an organisation, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addOrganisation(Organisation item) {
      this.organisations = Copies.append(this.organisations, item);
      return this;
    }

    /**
     * Sets {@code solutions}, replacing whatever was set or added before.
     *
     * @param solutions the solution records it publishes; null or empty means none. The list is copied
     * @return this builder
     * @since 1.1
     */
    public Builder solutions(@Nullable List<Solution> solutions) {
      this.solutions = Copies.list(solutions);
      return this;
    }

    /**
     * Adds one item to {@code solutions}.
     *
     * @param item a solution record, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     * @since 1.1
     */
    public Builder addSolution(Solution item) {
      this.solutions = Copies.append(this.solutions, item);
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code RecordPackage}, once every required member is set.
     *
     * @return a new, immutable {@code RecordPackage} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (publisher, publishedAt)
     */
    public RecordPackage build() {
      List<String> missing = new ArrayList<>();
      if (publisher == null) {
        missing.add("publisher");
      }
      if (publishedAt == null) {
        missing.add("publishedAt");
      }
      Copies.requireMembers("RecordPackage", missing);
      return new RecordPackage(this);
    }
  }
}
