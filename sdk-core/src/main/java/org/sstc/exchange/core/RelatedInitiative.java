package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 * Another initiative this one relates to.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "relation"})
@JsonDeserialize(builder = RelatedInitiative.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class RelatedInitiative {

  @NotNull @Pattern(regexp = Shapes.INITIATIVE_ID_REGEX) private final String id;
  @NotNull private final InitiativeRelation relation;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private RelatedInitiative(Builder builder) {
    this.id = builder.id;
    this.relation = builder.relation;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * A link to another initiative.
   *
   * @param id the other initiative's id
   * @param relation how they relate
   * @return the link
   * @throws IllegalStateException if either is null
   */
  public static RelatedInitiative of(String id, InitiativeRelation relation) {
    return builder().id(id).relation(relation).build();
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
   * A builder that starts from this relatedinitiative, to change a member or two.
   *
   * @return a new builder holding every member of this relatedinitiative, unknown members included;
   *     changing the builder leaves this relatedinitiative as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.relation = relation;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: the other initiative's id.
   *
   * @return the other initiative's id; never null (required: {@link Builder#build()} refuses a RelatedInitiative without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The relation member: how they relate.
   *
   * @return how they relate; never null (required: {@link Builder#build()} refuses a RelatedInitiative without it)
   */
  @JsonProperty("relation")
  public InitiativeRelation relation() {
    return relation;
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
   * @return whether {@code other} is a {@code RelatedInitiative} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RelatedInitiative)) {
      return false;
    }
    RelatedInitiative that = (RelatedInitiative) other;
    return Objects.equals(id, that.id)
        && Objects.equals(relation, that.relation)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, relation, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code RelatedInitiative{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("RelatedInitiative", new Object[] {"id", id, "relation", relation, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link RelatedInitiative}. {@link #build()} refuses one without its required members
   * (id, relation), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable InitiativeRelation relation;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the other initiative's id; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code relation}.
     *
     * @param relation how they relate; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder relation(@Nullable InitiativeRelation relation) {
      this.relation = relation;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code RelatedInitiative}, once every required member is set.
     *
     * @return a new, immutable {@code RelatedInitiative} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, relation)
     */
    public RelatedInitiative build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (relation == null) {
        missing.add("relation");
      }
      Copies.requireMembers("RelatedInitiative", missing);
      return new RelatedInitiative(this);
    }
  }
}
