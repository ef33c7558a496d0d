package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * A partner's share of an initiative, in money or in kind — South-South cooperation is often
 * expertise and time rather than money.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "participantId", "kind", "value", "description"})
@JsonDeserialize(builder = Contribution.Builder.class)
public final class Contribution {

  @NotNull @NotBlank private final String id;
  @NotNull private final String participantId;
  @NotNull private final ContributionKind kind;
  @Valid private final @Nullable Money value;
  private final @Nullable LanguageMap description;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Contribution(Builder builder) {
    this.id = builder.id;
    this.participantId = builder.participantId;
    this.kind = builder.kind;
    this.value = builder.value;
    this.description = builder.description;
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
   * A builder that starts from this contribution, to change a member or two.
   *
   * @return a new builder holding every member of this contribution, unknown members included;
   *     changing the builder leaves this contribution as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.participantId = participantId;
    builder.kind = kind;
    builder.value = value;
    builder.description = description;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: unique within the initiative's contributions.
   *
   * @return unique within the initiative's contributions; never null (required: {@link Builder#build()} refuses a Contribution without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The participantId member: the {@link Participation#id()} of the partner that contributes.
   *
   * @return the {@link Participation#id()} of the partner that contributes; never null (required: {@link Builder#build()} refuses a Contribution without it)
   */
  @JsonProperty("participantId")
  public String participantId() {
    return participantId;
  }

  /**
   * The kind member: financial, in kind, or expertise.
   *
   * @return financial, in kind, or expertise; never null (required: {@link Builder#build()} refuses a Contribution without it)
   */
  @JsonProperty("kind")
  public ContributionKind kind() {
    return kind;
  }

  /**
   * The value member: its worth, where known. Optional: it may be absent.
   *
   * @return its worth, where known, or null when absent
   */
  @JsonProperty("value")
  public @Nullable Money value() {
    return value;
  }

  /**
   * The description member: what was contributed. Optional: it may be absent.
   *
   * @return what was contributed, or null when absent
   */
  @JsonProperty("description")
  public @Nullable LanguageMap description() {
    return description;
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
   * @return whether {@code other} is a {@code Contribution} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Contribution)) {
      return false;
    }
    Contribution that = (Contribution) other;
    return Objects.equals(id, that.id)
        && Objects.equals(participantId, that.participantId)
        && Objects.equals(kind, that.kind)
        && Objects.equals(value, that.value)
        && Objects.equals(description, that.description)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, participantId, kind, value, description, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Contribution{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Contribution", new Object[] {"id", id, "participantId", participantId, "kind", kind, "value", value, "description", description, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Contribution}. {@link #build()} refuses one without its required members
   * (id, participantId, kind), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String participantId;
    private @Nullable ContributionKind kind;
    private @Nullable Money value;
    private @Nullable LanguageMap description;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id unique within the initiative's contributions; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code participantId}.
     *
     * @param participantId the {@link Participation#id()} of the partner that contributes; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder participantId(@Nullable String participantId) {
      this.participantId = participantId;
      return this;
    }

    /**
     * Sets {@code kind}.
     *
     * @param kind financial, in kind, or expertise; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder kind(@Nullable ContributionKind kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Sets {@code value}.
     *
     * @param value its worth, where known; optional: null leaves it out
     * @return this builder
     */
    public Builder value(@Nullable Money value) {
      this.value = value;
      return this;
    }

    /**
     * Sets {@code description}.
     *
     * @param description what was contributed; optional: null leaves it out
     * @return this builder
     */
    public Builder description(@Nullable LanguageMap description) {
      this.description = description;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Contribution}, once every required member is set.
     *
     * @return a new, immutable {@code Contribution} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, participantId, kind)
     */
    public Contribution build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (participantId == null) {
        missing.add("participantId");
      }
      if (kind == null) {
        missing.add("kind");
      }
      Copies.requireMembers("Contribution", missing);
      return new Contribution(this);
    }
  }
}
