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
 * An organisation that offers a {@link Solution} and can transfer it (a "solution provider" of the
 * South-South Galaxy, WFP's and IFAD's portals).
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonPropertyOrder({"id", "orgId", "name", "orgType", "country"})
@JsonDeserialize(builder = SolutionProvider.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class SolutionProvider {

  @NotNull @NotBlank private final String id;
  @Pattern(regexp = Shapes.ORG_ID_REGEX) private final @Nullable String orgId;
  @NotNull @NotBlank private final String name;
  @NotNull private final String orgType;
  @Pattern(regexp = Shapes.COUNTRY_REGEX) private final @Nullable String country;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private SolutionProvider(Builder builder) {
    this.id = builder.id;
    this.orgId = builder.orgId;
    this.name = builder.name;
    this.orgType = builder.orgType;
    this.country = builder.country;
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
   * A builder that starts from this provider, to change a member or two.
   *
   * @return a new builder holding every member of this provider, unknown members included;
   *     changing the builder leaves this provider as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.orgId = orgId;
    builder.name = name;
    builder.orgType = orgType;
    builder.country = country;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: this provider's local id, unique within providers.
   *
   * @return this provider's local id, unique within providers; never null (required: {@link Builder#build()} refuses a SolutionProvider without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The orgId member: the provider's org id, given whenever it has one. Optional: it may be absent.
   *
   * @return the provider's org id, given whenever it has one, or null when absent
   */
  @JsonProperty("orgId")
  public @Nullable String orgId() {
    return orgId;
  }

  /**
   * The name member: the provider's name, plain text.
   *
   * @return the provider's name, plain text; never null (required: {@link Builder#build()} refuses a SolutionProvider without it)
   */
  @JsonProperty("name")
  public String name() {
    return name;
  }

  /**
   * The orgType member: IATI OrganisationType code, e.g. {@code "10"} (government).
   *
   * @return IATI OrganisationType code, e.g. {@code "10"} (government); never null (required: {@link Builder#build()} refuses a SolutionProvider without it)
   */
  @JsonProperty("orgType")
  public String orgType() {
    return orgType;
  }

  /**
   * The country member: the provider's country (ISO 3166-1 alpha-2). Optional: it may be absent.
   *
   * @return the provider's country (ISO 3166-1 alpha-2), or null when absent
   */
  @JsonProperty("country")
  public @Nullable String country() {
    return country;
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
   * @return whether {@code other} is a {@code SolutionProvider} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SolutionProvider)) {
      return false;
    }
    SolutionProvider that = (SolutionProvider) other;
    return Objects.equals(id, that.id)
        && Objects.equals(orgId, that.orgId)
        && Objects.equals(name, that.name)
        && Objects.equals(orgType, that.orgType)
        && Objects.equals(country, that.country)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, orgId, name, orgType, country, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code SolutionProvider{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("SolutionProvider", new Object[] {"id", id, "orgId", orgId, "name", name, "orgType", orgType, "country", country, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link SolutionProvider}. {@link #build()} refuses one without its required members
   * (id, name, orgType), naming all of them at once.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String orgId;
    private @Nullable String name;
    private @Nullable String orgType;
    private @Nullable String country;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id this provider's local id, unique within providers; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code orgId}.
     *
     * @param orgId the provider's org id, given whenever it has one; optional: null leaves it out
     * @return this builder
     */
    public Builder orgId(@Nullable String orgId) {
      this.orgId = orgId;
      return this;
    }

    /**
     * Sets {@code name}.
     *
     * @param name the provider's name, plain text; required: {@link #build()} refuses to build without it
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
     * @param country the provider's country (ISO 3166-1 alpha-2); optional: null leaves it out
     * @return this builder
     */
    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code SolutionProvider}, once every required member is set.
     *
     * @return a new, immutable {@code SolutionProvider} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, name, orgType)
     */
    public SolutionProvider build() {
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
      Copies.requireMembers("SolutionProvider", missing);
      return new SolutionProvider(this);
    }
  }
}
