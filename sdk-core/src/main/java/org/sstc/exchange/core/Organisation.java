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
 * A partner organisation, exchanged on its own.
 *
 * @param id the org-id, e.g. {@code "XM-DAC-41114"}
 * @param schemaVersion the standard's version, {@code "1.0"} by default
 * @param name the organisation's name, in one language or more
 * @param acronym a short name, e.g. {@code "UNDP"}
 * @param orgType IATI OrganisationType code
 * @param country ISO 3166-1 alpha-2 code, for governments and national bodies
 * @param parentId the org-id of the organisation it belongs to
 * @param website its web site
 * @param otherIdentifiers its identifiers in other schemes
 * @param lastUpdated when the record last changed
 * @param extensions namespaced extension values, kept verbatim
 */
@JsonIgnoreProperties(value = "recordType", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record Organisation(
    @NotNull @Pattern(regexp = Shapes.ORG_ID_REGEX) String id,
    @NotNull @Pattern(regexp = Shapes.SCHEMA_VERSION_REGEX) String schemaVersion,
    @NotNull LanguageMap name,
    @Nullable String acronym,
    @NotNull String orgType,
    @Nullable @Pattern(regexp = Shapes.COUNTRY_REGEX) String country,
    @Nullable @Pattern(regexp = Shapes.ORG_ID_REGEX) String parentId,
    @Nullable String website,
    List<@Valid OtherIdentifier> otherIdentifiers,
    @NotNull OffsetDateTime lastUpdated,
    Map<String, JsonNode> extensions) implements SstcRecord {
  /** The value of {@code recordType} for this type. */
  public static final String RECORD_TYPE = "organisation";

  /** The version of the standard this SDK writes. */
  public static final String CURRENT_VERSION = "1.0";

  /**
   * Makes the organisation; a null {@code schemaVersion} becomes the current version, and the list
   * and map given are copied. Nothing is validated here: use {@link Validator}.
   *
   * @param id the org-id, e.g. {@code "XM-DAC-41114"}; required by the standard: null leaves it
   *     absent, which the validator reports
   * @param schemaVersion the standard's version, {@code "1.0"} by default; null means the version
   *     this SDK writes, {@link Organisation#CURRENT_VERSION}
   * @param name the organisation's name, in one language or more; required by the standard: null
   *     leaves it absent, which the validator reports
   * @param acronym a short name, e.g. {@code "UNDP"}; optional: null leaves it out
   * @param orgType IATI OrganisationType code; required by the standard: null leaves it absent,
   *     which the validator reports
   * @param country ISO 3166-1 alpha-2 code, for governments and national bodies; optional: null
   *     leaves it out
   * @param parentId the org-id of the organisation it belongs to; optional: null leaves it out
   * @param website its web site; optional: null leaves it out
   * @param otherIdentifiers its identifiers in other schemes; null or empty means none. The list is
   *     copied
   * @param lastUpdated when the record last changed; required by the standard: null leaves it
   *     absent, which the validator reports
   * @param extensions namespaced extension values, kept verbatim; null or empty means none. The map
   *     is copied, its order kept
   */
  public Organisation {
    schemaVersion = schemaVersion == null ? CURRENT_VERSION : schemaVersion;
    otherIdentifiers = Copies.list(otherIdentifiers);
    extensions = Copies.orderedMap(extensions);
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
   * A new, empty builder.
   *
   * @return a builder with every field absent and every list empty
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this organisation, to change a field or two.
   *
   * @return a new builder holding every field of this organisation; changing the builder leaves
   *     this organisation as it is
   */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .schemaVersion(schemaVersion)
        .name(name)
        .acronym(acronym)
        .orgType(orgType)
        .country(country)
        .parentId(parentId)
        .website(website)
        .otherIdentifiers(otherIdentifiers)
        .lastUpdated(lastUpdated)
        .extensions(extensions);
  }

  /**
   * Builds a {@link Organisation}. Fields not set stay absent; {@link Validator} reports what the
   * standard requires, with a JSON Pointer, rather than the builder throwing on the first gap.
   */
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

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the org-id, e.g. {@code "XM-DAC-41114"}; required by the standard: null leaves it
     *     absent, which the validator reports
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
     *     this SDK writes, {@link Organisation#CURRENT_VERSION}
     * @return this builder
     */
    public Builder schemaVersion(@Nullable String schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }
    /**
     * Sets {@code name}.
     *
     * @param name the organisation's name, in one language or more; required by the standard: null
     *     leaves it absent, which the validator reports
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
     * @param orgType IATI OrganisationType code; required by the standard: null leaves it absent,
     *     which the validator reports
     * @return this builder
     */
    public Builder orgType(@Nullable String orgType) {
      this.orgType = orgType;
      return this;
    }
    /**
     * Sets {@code country}.
     *
     * @param country ISO 3166-1 alpha-2 code, for governments and national bodies; optional: null
     *     leaves it out
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
     * @param otherIdentifiers its identifiers in other schemes; null or empty means none. The list
     *     is copied
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
     * @param lastUpdated when the record last changed; required by the standard: null leaves it
     *     absent, which the validator reports
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
     * The organisation, as set so far.
     *
     * @return a new organisation with the fields set so far; nothing is checked, so a required
     *     field not set is absent (null), and {@link Validator} reports it
     */
    @SuppressWarnings("NullAway") // absent required fields are reported by validation, not here
    public Organisation build() {
      return new Organisation(id, schemaVersion, name, acronym, orgType, country, parentId, website, otherIdentifiers, lastUpdated, extensions);
    }
  }
}
