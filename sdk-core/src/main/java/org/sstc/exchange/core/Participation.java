package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * A partner's place in one initiative.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "orgId", "name", "orgType", "country", "role", "iatiRoles"})
@JsonDeserialize(builder = Participation.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class Participation {

  @NotNull @NotBlank private final String id;
  @Pattern(regexp = Shapes.ORG_ID_REGEX) private final @Nullable String orgId;
  @NotNull @NotBlank private final String name;
  @NotNull private final String orgType;
  @Pattern(regexp = Shapes.COUNTRY_REGEX) private final @Nullable String country;
  @NotNull private final ParticipationRole role;
  private final List<OrganisationRole> iatiRoles;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Participation(Builder builder) {
    this.id = builder.id;
    this.orgId = builder.orgId;
    this.name = builder.name;
    this.orgType = builder.orgType;
    this.country = builder.country;
    this.role = builder.role;
    this.iatiRoles = builder.iatiRoles;
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
   * A builder that starts from this participation, to change a member or two.
   *
   * @return a new builder holding every member of this participation, unknown members included;
   *     changing the builder leaves this participation as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.orgId = orgId;
    builder.name = name;
    builder.orgType = orgType;
    builder.country = country;
    builder.role = role;
    builder.iatiRoles = iatiRoles;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: the participation's id, unique within the initiative; other items refer to it ({@code providerId}, {@code receiverId}, {@code participantId}).
   *
   * @return the participation's id, unique within the initiative; other items refer to it ({@code providerId}, {@code receiverId}, {@code participantId}); never null (required: {@link Builder#build()} refuses a Participation without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The orgId member: the partner's org-id, whenever it has one (a village cooperative may not). Optional: it may be absent.
   *
   * @return the partner's org-id, whenever it has one (a village cooperative may not), or null when absent
   */
  @JsonProperty("orgId")
  public @Nullable String orgId() {
    return orgId;
  }

  /**
   * The name member: the partner's name as plain text.
   *
   * @return the partner's name as plain text; never null (required: {@link Builder#build()} refuses a Participation without it)
   */
  @JsonProperty("name")
  public String name() {
    return name;
  }

  /**
   * The orgType member: IATI OrganisationType code, e.g. {@code "10"} (government).
   *
   * @return IATI OrganisationType code, e.g. {@code "10"} (government); never null (required: {@link Builder#build()} refuses a Participation without it)
   */
  @JsonProperty("orgType")
  public String orgType() {
    return orgType;
  }

  /**
   * The country member: ISO 3166-1 alpha-2 code; governments carry one. Optional: it may be absent.
   *
   * @return ISO 3166-1 alpha-2 code; governments carry one, or null when absent
   */
  @JsonProperty("country")
  public @Nullable String country() {
    return country;
  }

  /**
   * The role member: the partner's role in this initiative.
   *
   * @return the partner's role in this initiative; never null (required: {@link Builder#build()} refuses a Participation without it)
   */
  @JsonProperty("role")
  public ParticipationRole role() {
    return role;
  }

  /**
   * The iatiRoles member: the partner's IATI OrganisationRoles (funding … implementing).
   *
   * @return the roles, in the order given; an unmodifiable list, empty (never null) when there are
   *     none
   */
  @JsonProperty("iatiRoles")
  public List<OrganisationRole> iatiRoles() {
    return iatiRoles;
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
   * @return whether {@code other} is a {@code Participation} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Participation)) {
      return false;
    }
    Participation that = (Participation) other;
    return Objects.equals(id, that.id)
        && Objects.equals(orgId, that.orgId)
        && Objects.equals(name, that.name)
        && Objects.equals(orgType, that.orgType)
        && Objects.equals(country, that.country)
        && Objects.equals(role, that.role)
        && Objects.equals(iatiRoles, that.iatiRoles)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, orgId, name, orgType, country, role, iatiRoles, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Participation{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Participation", new Object[] {"id", id, "orgId", orgId, "name", name, "orgType", orgType, "country", country, "role", role, "iatiRoles", iatiRoles, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Participation}. {@link #build()} refuses one without its required members
   * (id, name, orgType, role), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String orgId;
    private @Nullable String name;
    private @Nullable String orgType;
    private @Nullable String country;
    private @Nullable ParticipationRole role;
    private List<OrganisationRole> iatiRoles = List.of();
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the participation's id, unique within the initiative; other items refer to it ({@code providerId}, {@code receiverId}, {@code participantId}); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code orgId}.
     *
     * @param orgId the partner's org-id, whenever it has one (a village cooperative may not); optional: null leaves it out
     * @return this builder
     */
    public Builder orgId(@Nullable String orgId) {
      this.orgId = orgId;
      return this;
    }

    /**
     * Sets {@code name}.
     *
     * @param name the partner's name as plain text; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@code orgType}.
     *
     * @param orgType IATI OrganisationType code, e.g. {@code "10"} (government); required: {@link #build()} refuses to build without it
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
     * @param role the partner's role in this initiative; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder role(@Nullable ParticipationRole role) {
      this.role = role;
      return this;
    }

    /**
     * Sets {@code iatiRoles}, replacing whatever was set or added before.
     *
     * @param iatiRoles the partner's IATI OrganisationRoles; null or empty means none. The list is
     *     copied; a null element is left out (a code outside the list, read from JSON, binds as
     *     null, and the validator reports it from the JSON as {@code codelist.unknown-code})
     * @return this builder
     */
    public Builder iatiRoles(@Nullable List<@Nullable OrganisationRole> iatiRoles) {
      List<OrganisationRole> known = new java.util.ArrayList<>();
      if (iatiRoles != null) {
        for (OrganisationRole role : iatiRoles) {
          if (role != null) {
            known.add(role);
          }
        }
      }
      this.iatiRoles = List.copyOf(known);
      return this;
    }

    /**
     * Adds one item to {@code iatiRoles}.
     *
     * @param item an IATI OrganisationRole, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addIatiRole(OrganisationRole item) {
      this.iatiRoles = Copies.append(this.iatiRoles, item);
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Participation}, once every required member is set.
     *
     * @return a new, immutable {@code Participation} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, name, orgType, role)
     */
    public Participation build() {
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
      if (role == null) {
        missing.add("role");
      }
      Copies.requireMembers("Participation", missing);
      return new Participation(this);
    }
  }
}
