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
 * A result an initiative aims at or reached.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "type", "title", "indicators"})
@JsonDeserialize(builder = Result.Builder.class)
public final class Result {

  @NotNull @NotBlank private final String id;
  @NotNull private final String type;
  @NotNull private final LanguageMap title;
  private final List<@Valid ResultIndicator> indicators;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Result(Builder builder) {
    this.id = builder.id;
    this.type = builder.type;
    this.title = builder.title;
    this.indicators = builder.indicators;
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
   * A builder that starts from this result, to change a member or two.
   *
   * @return a new builder holding every member of this result, unknown members included;
   *     changing the builder leaves this result as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.type = type;
    builder.title = title;
    builder.indicators = indicators;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: unique within the initiative's results.
   *
   * @return unique within the initiative's results; never null (required: {@link Builder#build()} refuses a Result without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The type member: IATI ResultType: {@code "1"} output, {@code "2"} outcome, {@code "3"} impact.
   *
   * @return IATI ResultType: {@code "1"} output, {@code "2"} outcome, {@code "3"} impact; never null (required: {@link Builder#build()} refuses a Result without it)
   */
  @JsonProperty("type")
  public String type() {
    return type;
  }

  /**
   * The title member: the result.
   *
   * @return the result; never null (required: {@link Builder#build()} refuses a Result without it)
   */
  @JsonProperty("title")
  public LanguageMap title() {
    return title;
  }

  /**
   * The indicators member: how it is measured.
   *
   * @return how it is measured; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("indicators")
  public List<ResultIndicator> indicators() {
    return indicators;
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
   * @return whether {@code other} is a {@code Result} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Result)) {
      return false;
    }
    Result that = (Result) other;
    return Objects.equals(id, that.id)
        && Objects.equals(type, that.type)
        && Objects.equals(title, that.title)
        && Objects.equals(indicators, that.indicators)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, type, title, indicators, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Result{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Result", new Object[] {"id", id, "type", type, "title", title, "indicators", indicators, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Result}. {@link #build()} refuses one without its required members
   * (id, type, title), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String type;
    private @Nullable LanguageMap title;
    private List<ResultIndicator> indicators = List.of();
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id unique within the initiative's results; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code type}.
     *
     * @param type IATI ResultType: {@code "1"} output, {@code "2"} outcome, {@code "3"} impact; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    /**
     * Sets {@code title}.
     *
     * @param title the result; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder title(@Nullable LanguageMap title) {
      this.title = title;
      return this;
    }

    /**
     * Sets {@code indicators}, replacing whatever was set or added before.
     *
     * @param indicators how it is measured; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder indicators(@Nullable List<ResultIndicator> indicators) {
      this.indicators = Copies.list(indicators);
      return this;
    }

    /**
     * Adds one item to {@code indicators}.
     *
     * @param item an indicator, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addIndicator(ResultIndicator item) {
      this.indicators = Copies.append(this.indicators, item);
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Result}, once every required member is set.
     *
     * @return a new, immutable {@code Result} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, type, title)
     */
    public Result build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (type == null) {
        missing.add("type");
      }
      if (title == null) {
        missing.add("title");
      }
      Copies.requireMembers("Result", missing);
      return new Result(this);
    }
  }
}
