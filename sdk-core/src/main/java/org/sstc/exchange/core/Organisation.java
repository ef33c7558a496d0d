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
 * A partner organisation, exchanged on its own.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonIgnoreProperties(value = "recordType", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"recordType", "id", "schemaVersion", "name", "acronym", "orgType", "country", "parentId", "website", "otherIdentifiers", "lastUpdated", "extensions"})
@JsonDeserialize(builder = Organisation.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class Organisation implements SstcRecord {
  /** The value of {@code recordType} for this type. */
  public static final String RECORD_TYPE = "organisation";

  /** The version of the standard this SDK writes. */
  public static final String CURRENT_VERSION = "1.1";

  @NotNull @Pattern(regexp = Shapes.ORG_ID_REGEX) private final String id;
  @NotNull @Pattern(regexp = Shapes.SCHEMA_VERSION_REGEX) private final String schemaVersion;
  @NotNull private final LanguageMap name;
  private final @Nullable String acronym;
  @NotNull private final String orgType;
  @Pattern(regexp = Shapes.COUNTRY_REGEX) private final @Nullable String country;
  @Pattern(regexp = Shapes.ORG_ID_REGEX) private final @Nullable String parentId;
  private final @Nullable String website;
  private final List<@Valid OtherIdentifier> otherIdentifiers;
  @NotNull private final OffsetDateTime lastUpdated;
  private final Map<String, JsonNode> extensions;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Organisation(Builder builder) {
    this.id = builder.id;
    this.schemaVersion = builder.schemaVersion == null ? CURRENT_VERSION : builder.schemaVersion;
    this.name = builder.name;
    this.acronym = builder.acronym;
    this.orgType = builder.orgType;
    this.country = builder.country;
    this.parentId = builder.parentId;
    this.website = builder.website;
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
   * A builder that starts from this organisation, to change a member or two.
   *
   * @return a new builder holding every member of this organisation, unknown members included;
   *     changing the builder leaves this organisation as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.schemaVersion = schemaVersion;
    builder.name = name;
    builder.acronym = acronym;
    builder.orgType = orgType;
    builder.country = country;
    builder.parentId = parentId;
    builder.website = website;
    builder.otherIdentifiers = otherIdentifiers;
    builder.lastUpdated = lastUpdated;
    builder.extensions = extensions;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The record's type: the value of {@code recordType} in its JSON.
   *
   * @return always {@code "organisation"}, {@link #RECORD_TYPE}
   */
  @Override
  @JsonProperty(value = "recordType", index = 0)
  public String recordType() {
    return RECORD_TYPE;
  }

  /**
   * The id member: the org-id, e.g. {@code "XM-DAC-41114"}.
   *
   * @return the org-id, e.g. {@code "XM-DAC-41114"}; never null (required: {@link Builder#build()} refuses a Organisation without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The schemaVersion member: the standard's version, {@code "1.1"} by default.
   *
   * @return the standard's version, {@code "1.1"} by default; never null (required: {@link Builder#build()} refuses a Organisation without it)
   */
  @Override
  @JsonProperty("schemaVersion")
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * The name member: the organisation's name, in one language or more.
   *
   * @return the organisation's name, in one language or more; never null (required: {@link Builder#build()} refuses a Organisation without it)
   */
  @JsonProperty("name")
  public LanguageMap name() {
    return name;
  }

  /**
   * The acronym member: a short name, e.g. {@code "UNDP"}. Optional: it may be absent.
   *
   * @return a short name, e.g. {@code "UNDP"}, or null when absent
   */
  @JsonProperty("acronym")
  public @Nullable String acronym() {
    return acronym;
  }

  /**
   * The orgType member: IATI OrganisationType code.
   *
   * @return IATI OrganisationType code; never null (required: {@link Builder#build()} refuses a Organisation without it)
   */
  @JsonProperty("orgType")
  public String orgType() {
    return orgType;
  }

  /**
   * The country member: ISO 3166-1 alpha-2 code, for governments and national bodies. Optional: it may be absent.
   *
   * @return ISO 3166-1 alpha-2 code, for governments and national bodies, or null when absent
   */
  @JsonProperty("country")
  public @Nullable String country() {
    return country;
  }

  /**
   * The parentId member: the org-id of the organisation it belongs to. Optional: it may be absent.
   *
   * @return the org-id of the organisation it belongs to, or null when absent
   */
  @JsonProperty("parentId")
  public @Nullable String parentId() {
    return parentId;
  }

  /**
   * The website member: its web site. Optional: it may be absent.
   *
   * @return its web site, or null when absent
   */
  @JsonProperty("website")
  public @Nullable String website() {
    return website;
  }

  /**
   * The otherIdentifiers member: its identifiers in other schemes.
   *
   * @return its identifiers in other schemes; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("otherIdentifiers")
  public List<OtherIdentifier> otherIdentifiers() {
    return otherIdentifiers;
  }

  /**
   * The lastUpdated member: when the record last changed (RFC 3339, with a zone).
   *
   * @return when the record last changed (RFC 3339, with a zone); never null (required: {@link Builder#build()} refuses a Organisation without it)
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
   * @return whether {@code other} is an {@code Organisation} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Organisation)) {
      return false;
    }
    Organisation that = (Organisation) other;
    return Objects.equals(id, that.id)
        && Objects.equals(schemaVersion, that.schemaVersion)
        && Objects.equals(name, that.name)
        && Objects.equals(acronym, that.acronym)
        && Objects.equals(orgType, that.orgType)
        && Objects.equals(country, that.country)
        && Objects.equals(parentId, that.parentId)
        && Objects.equals(website, that.website)
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
    return Objects.hash(id, schemaVersion, name, acronym, orgType, country, parentId, website, otherIdentifiers, lastUpdated, extensions, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Organisation{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Organisation", new Object[] {"id", id, "schemaVersion", schemaVersion, "name", name, "acronym", acronym, "orgType", orgType, "country", country, "parentId", parentId, "website", website, "otherIdentifiers", otherIdentifiers, "lastUpdated", lastUpdated, "extensions", extensions, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds an {@link Organisation}. {@link #build()} refuses one without its required members
   * (id, schemaVersion, name, orgType, lastUpdated), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String schemaVersion;
    private @Nullable LanguageMap name;
    private @Nullable String acronym;
    private @Nullable String orgType;
    private @Nullable String country;
    private @Nullable String parentId;
    private @Nullable String website;
    private List<OtherIdentifier> otherIdentifiers = List.of();
    private @Nullable OffsetDateTime lastUpdated;
    private Map<String, JsonNode> extensions = Map.of();
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the org-id, e.g. {@code "XM-DAC-41114"}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code schemaVersion}.
     *
     * @param schemaVersion the standard's version, {@code "1.1"} by default; null means the version this SDK writes, {@link Organisation#CURRENT_VERSION}
     * @return this builder
     */
    public Builder schemaVersion(@Nullable String schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }

    /**
     * Sets {@code name}.
     *
     * @param name the organisation's name, in one language or more; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder name(@Nullable LanguageMap name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@code acronym}.
     *
     * @param acronym a short name, e.g. {@code "UNDP"}; optional: null leaves it out
     * @return this builder
     */
    public Builder acronym(@Nullable String acronym) {
      this.acronym = acronym;
      return this;
    }

    /**
     * Sets {@code orgType}.
     *
     * @param orgType IATI OrganisationType code; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder orgType(@Nullable String orgType) {
      this.orgType = orgType;
      return this;
    }

    /**
     * Sets {@code country}.
     *
     * @param country ISO 3166-1 alpha-2 code, for governments and national bodies; optional: null leaves it out
     * @return this builder
     */
    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    /**
     * Sets {@code parentId}.
     *
     * @param parentId the org-id of the organisation it belongs to; optional: null leaves it out
     * @return this builder
     */
    public Builder parentId(@Nullable String parentId) {
      this.parentId = parentId;
      return this;
    }

    /**
     * Sets {@code website}.
     *
     * @param website its web site; optional: null leaves it out
     * @return this builder
     */
    public Builder website(@Nullable String website) {
      this.website = website;
      return this;
    }

    /**
     * Sets {@code otherIdentifiers}, replacing whatever was set or added before.
     *
     * @param otherIdentifiers its identifiers in other schemes; null or empty means none. The list is copied
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
     * The {@code Organisation}, once every required member is set.
     *
     * @return a new, immutable {@code Organisation} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, name, orgType, lastUpdated)
     */
    public Organisation build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (name == null) {
        missing.add("name");
      }
      if (orgType == null) {
        missing.add("orgType");
      }
      if (lastUpdated == null) {
        missing.add("lastUpdated");
      }
      Copies.requireMembers("Organisation", missing);
      return new Organisation(this);
    }
  }
}
