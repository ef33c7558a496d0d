package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * What taking a {@link Solution} up in another country takes: the support it needs, what it costs,
 * how long it lasts and what must be in place.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonPropertyOrder({"supportTypes", "indicativeCost", "duration", "prerequisites"})
@JsonDeserialize(builder = Transfer.Builder.class)
public final class Transfer {

  private final List<SupportType> supportTypes;
  @Valid private final @Nullable Money indicativeCost;
  private final @Nullable String duration;
  private final @Nullable LanguageMap prerequisites;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Transfer(Builder builder) {
    this.supportTypes = builder.supportTypes;
    this.indicativeCost = builder.indicativeCost;
    this.duration = builder.duration;
    this.prerequisites = builder.prerequisites;
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
   * A builder that starts from this transfer, to change a member or two.
   *
   * @return a new builder holding every member of this transfer, unknown members included;
   *     changing the builder leaves this transfer as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.supportTypes = supportTypes;
    builder.indicativeCost = indicativeCost;
    builder.duration = duration;
    builder.prerequisites = prerequisites;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The supportTypes member: the kinds of support a transfer needs, each at most once.
   *
   * @return the kinds of support a transfer needs, each at most once; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("supportTypes")
  public List<SupportType> supportTypes() {
    return supportTypes;
  }

  /**
   * The indicativeCost member: what one transfer typically costs. Optional: it may be absent.
   *
   * @return what one transfer typically costs, or null when absent
   */
  @JsonProperty("indicativeCost")
  public @Nullable Money indicativeCost() {
    return indicativeCost;
  }

  /**
   * The duration member: how long one transfer typically takes, an ISO 8601 duration in years, months, weeks or days ({@code "P18M"}). Optional: it may be absent.
   *
   * @return how long one transfer typically takes, an ISO 8601 duration in years, months, weeks or days ({@code "P18M"}), or null when absent
   */
  @JsonProperty("duration")
  public @Nullable String duration() {
    return duration;
  }

  /**
   * The prerequisites member: what the receiving country needs in place. Optional: it may be absent.
   *
   * @return what the receiving country needs in place, or null when absent
   */
  @JsonProperty("prerequisites")
  public @Nullable LanguageMap prerequisites() {
    return prerequisites;
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
   * @return whether {@code other} is a {@code Transfer} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Transfer)) {
      return false;
    }
    Transfer that = (Transfer) other;
    return Objects.equals(supportTypes, that.supportTypes)
        && Objects.equals(indicativeCost, that.indicativeCost)
        && Objects.equals(duration, that.duration)
        && Objects.equals(prerequisites, that.prerequisites)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(supportTypes, indicativeCost, duration, prerequisites, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Transfer{supportTypes=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Transfer", new Object[] {"supportTypes", supportTypes, "indicativeCost", indicativeCost, "duration", duration, "prerequisites", prerequisites, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Transfer}. Every member is optional.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private List<SupportType> supportTypes = List.of();
    private @Nullable Money indicativeCost;
    private @Nullable String duration;
    private @Nullable LanguageMap prerequisites;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code supportTypes}, replacing whatever was set or added before.
     *
     * @param supportTypes the kinds of support a transfer needs, each at most once; null or empty means none. The list is copied
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
     * Sets {@code indicativeCost}.
     *
     * @param indicativeCost what one transfer typically costs; optional: null leaves it out
     * @return this builder
     */
    public Builder indicativeCost(@Nullable Money indicativeCost) {
      this.indicativeCost = indicativeCost;
      return this;
    }

    /**
     * Sets {@code duration}.
     *
     * @param duration how long one transfer typically takes, an ISO 8601 duration in years, months, weeks or days ({@code "P18M"}); optional: null leaves it out
     * @return this builder
     */
    public Builder duration(@Nullable String duration) {
      this.duration = duration;
      return this;
    }

    /**
     * Sets {@code prerequisites}.
     *
     * @param prerequisites what the receiving country needs in place; optional: null leaves it out
     * @return this builder
     */
    public Builder prerequisites(@Nullable LanguageMap prerequisites) {
      this.prerequisites = prerequisites;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Transfer}.
     *
     * @return a new, immutable {@code Transfer} with the members set so far; the builder can be
     *     used again
     */
    public Transfer build() {
      return new Transfer(this);
    }
  }
}
