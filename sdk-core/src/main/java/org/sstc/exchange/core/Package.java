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
 * The bulk file and unit of publication: a publisher's initiatives and organisations, like an
 * OCDS release package. Large packages are better exchanged as NDJSON, one record a line.
 *
 * @param schemaVersion the standard's version, {@code "1.0"} by default
 * @param publisher who publishes the package
 * @param publishedAt when it was published (RFC 3339, with a zone)
 * @param license the licence of the data, as a URL
 * @param initiatives the initiatives it publishes, each a full record
 * @param organisations the organisations it publishes (its partners, itself), each a full record
 */
@JsonIgnoreProperties(value = "recordType", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record Package(
    @NotNull @Pattern(regexp = Shapes.SCHEMA_VERSION_REGEX) String schemaVersion,
    @NotNull @Valid OrgRef publisher,
    @NotNull OffsetDateTime publishedAt,
    @Nullable String license,
    List<@Valid Initiative> initiatives,
    List<@Valid Organisation> organisations) implements SstcRecord {
  /** The value of {@code recordType} for this type. */
  public static final String RECORD_TYPE = "package";

  /** The version of the standard this SDK writes. */
  public static final String CURRENT_VERSION = "1.0";

  /**
   * Makes the package; a null {@code schemaVersion} becomes the current version, and the lists
   * given are copied. Nothing is validated here: use {@link Validator}.
   *
   * @param schemaVersion the standard's version, {@code "1.0"} by default; null means the version
   *     this SDK writes, {@link Package#CURRENT_VERSION}
   * @param publisher who publishes the package; required by the standard: null leaves it absent,
   *     which the validator reports
   * @param publishedAt when it was published (RFC 3339, with a zone); required by the standard:
   *     null leaves it absent, which the validator reports
   * @param license the licence of the data, as a URL; optional: null leaves it out
   * @param initiatives the initiatives it publishes, each a full record; null or empty means none.
   *     The list is copied
   * @param organisations the organisations it publishes (its partners, itself), each a full record;
   *     null or empty means none. The list is copied
   */
  public Package {
    schemaVersion = schemaVersion == null ? CURRENT_VERSION : schemaVersion;
    initiatives = Copies.list(initiatives);
    organisations = Copies.list(organisations);
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
   * A new, empty builder.
   *
   * @return a builder with every field absent and every list empty
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this package, to change a field or two.
   *
   * @return a new builder holding every field of this package; changing the builder leaves
   *     this package as it is
   */
  public Builder toBuilder() {
    return new Builder()
        .schemaVersion(schemaVersion)
        .publisher(publisher)
        .publishedAt(publishedAt)
        .license(license)
        .initiatives(initiatives)
        .organisations(organisations);
  }

  /**
   * Builds a {@link Package}. Fields not set stay absent; {@link Validator} reports what the
   * standard requires, with a JSON Pointer, rather than the builder throwing on the first gap.
   */
  public static final class Builder {
    private @Nullable String schemaVersion;
    private @Nullable OrgRef publisher;
    private @Nullable OffsetDateTime publishedAt;
    private @Nullable String license;
    private List<Initiative> initiatives = List.of();
    private List<Organisation> organisations = List.of();

    private Builder() {}

    /**
     * Sets {@code schemaVersion}.
     *
     * @param schemaVersion the standard's version, {@code "1.0"} by default; null means the version
     *     this SDK writes, {@link Package#CURRENT_VERSION}
     * @return this builder
     */
    public Builder schemaVersion(@Nullable String schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }
    /**
     * Sets {@code publisher}.
     *
     * @param publisher who publishes the package; required by the standard: null leaves it absent,
     *     which the validator reports
     * @return this builder
     */
    public Builder publisher(@Nullable OrgRef publisher) {
      this.publisher = publisher;
      return this;
    }
    /**
     * Sets {@code publishedAt}.
     *
     * @param publishedAt when it was published (RFC 3339, with a zone); required by the standard:
     *     null leaves it absent, which the validator reports
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
     * @param initiatives the initiatives it publishes, each a full record; null or empty means
     *     none. The list is copied
     * @return this builder
     */
    public Builder initiatives(List<Initiative> initiatives) {
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
      List<Initiative> copy = new ArrayList<>(this.initiatives);
      copy.add(Objects.requireNonNull(item, "item"));
      this.initiatives = List.copyOf(copy);
      return this;
    }
    /**
     * Sets {@code organisations}, replacing whatever was set or added before.
     *
     * @param organisations the organisations it publishes (its partners, itself), each a full
     *     record; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder organisations(List<Organisation> organisations) {
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
      List<Organisation> copy = new ArrayList<>(this.organisations);
      copy.add(Objects.requireNonNull(item, "item"));
      this.organisations = List.copyOf(copy);
      return this;
    }

    /**
     * The package, as set so far.
     *
     * @return a new package with the fields set so far; nothing is checked, so a required
     *     field not set is absent (null), and {@link Validator} reports it
     */
    @SuppressWarnings("NullAway") // absent required fields are reported by validation, not here
    public Package build() {
      return new Package(schemaVersion, publisher, publishedAt, license, initiatives, organisations);
    }
  }
}
