package org.sstc.exchange.core;

import org.sstc.exchange.core.internal.validation.Shapes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A partner's place in one initiative.
 *
 * @param id the participation's id, unique within the initiative; other items refer to it
 *     ({@code providerId}, {@code receiverId}, {@code participantId})
 * @param orgId the partner's org-id, whenever it has one (a village cooperative may not)
 * @param name the partner's name as plain text
 * @param orgType IATI OrganisationType code, e.g. {@code "10"} (government)
 * @param country ISO 3166-1 alpha-2 code; governments carry one
 * @param role the partner's role in this initiative
 * @param iatiRoles IATI OrganisationRole codes ({@code "1"} funding … {@code "4"} implementing)
 */
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record Participation(
    @NotNull @NotBlank String id,
    @Nullable @Pattern(regexp = Shapes.ORG_ID_REGEX) String orgId,
    @NotNull @NotBlank String name,
    @NotNull String orgType,
    @Nullable @Pattern(regexp = Shapes.COUNTRY_REGEX) String country,
    @NotNull ParticipationRole role,
    List<String> iatiRoles) {

  /**
   * Makes the record; the lists and maps given are copied, so the record stays immutable.
   *
   * @param id the participation's id, unique within the initiative; other items refer to it ({@code
   *     providerId}, {@code receiverId}, {@code participantId}); required by the standard: null
   *     leaves it absent, which the validator reports
   * @param orgId the partner's org-id, whenever it has one (a village cooperative may not);
   *     optional: null leaves it out
   * @param name the partner's name as plain text; required by the standard: null leaves it absent,
   *     which the validator reports
   * @param orgType IATI OrganisationType code, e.g. {@code "10"} (government); required by the
   *     standard: null leaves it absent, which the validator reports
   * @param country ISO 3166-1 alpha-2 code; governments carry one; optional: null leaves it out
   * @param role the partner's role in this initiative; required by the standard: null leaves it
   *     absent, which the validator reports
   * @param iatiRoles IATI OrganisationRole codes ({@code "1"} funding … {@code "4"} implementing);
   *     null or empty means none. The list is copied
   */
  public Participation {
    iatiRoles = Copies.list(iatiRoles);
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
   * A builder that starts from this participation, to change a field or two.
   *
   * @return a new builder holding every field of this participation; changing the builder leaves
   *     this participation as it is
   */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .orgId(orgId)
        .name(name)
        .orgType(orgType)
        .country(country)
        .role(role)
        .iatiRoles(iatiRoles);
  }

  /** Builds a {@link Participation}; fields not set stay absent and are reported by validation. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String orgId;
    private @Nullable String name;
    private @Nullable String orgType;
    private @Nullable String country;
    private @Nullable ParticipationRole role;
    private List<String> iatiRoles = List.of();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the participation's id, unique within the initiative; other items refer to it
     *     ({@code providerId}, {@code receiverId}, {@code participantId}); required by the
     *     standard: null leaves it absent, which the validator reports
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code orgId}.
     *
     * @param orgId the partner's org-id, whenever it has one (a village cooperative may not);
     *     optional: null leaves it out
     * @return this builder
     */
    public Builder orgId(@Nullable String orgId) {
      this.orgId = orgId;
      return this;
    }

    /**
     * Sets {@code name}.
     *
     * @param name the partner's name as plain text; required by the standard: null leaves it
     *     absent, which the validator reports
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@code orgType}.
     *
     * @param orgType IATI OrganisationType code, e.g. {@code "10"} (government); required by the
     *     standard: null leaves it absent, which the validator reports
     * @return this builder
     */
    public Builder orgType(@Nullable String orgType) {
      this.orgType = orgType;
      return this;
    }

    /**
     * Sets {@code country}.
     *
     * @param country ISO 3166-1 alpha-2 code; governments carry one; optional: null leaves it out
     * @return this builder
     */
    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    /**
     * Sets {@code role}.
     *
     * @param role the partner's role in this initiative; required by the standard: null leaves it
     *     absent, which the validator reports
     * @return this builder
     */
    public Builder role(@Nullable ParticipationRole role) {
      this.role = role;
      return this;
    }

    /**
     * Sets {@code iatiRoles}, replacing whatever was set or added before.
     *
     * @param iatiRoles IATI OrganisationRole codes ({@code "1"} funding … {@code "4"}
     *     implementing); null or empty means none. The list is copied
     * @return this builder
     */
    public Builder iatiRoles(List<String> iatiRoles) {
      this.iatiRoles = Copies.list(iatiRoles);
      return this;
    }

    /**
     * The participation, as set so far.
     *
     * @return a new participation with the fields set so far; nothing is checked, so a required
     *     field not set is absent (null), and {@link Validator} reports it
     */
    @SuppressWarnings("NullAway") // absent required fields are reported by validation, not here
    public Participation build() {
      return new Participation(id, orgId, name, orgType, country, role, iatiRoles);
    }
  }
}
