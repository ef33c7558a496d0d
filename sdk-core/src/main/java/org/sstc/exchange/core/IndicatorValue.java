package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.internal.json.PlainDecimalAsString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A measured or targeted value of a result indicator, exact and written as a decimal string.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"value", "date"})
@JsonDeserialize(builder = IndicatorValue.Builder.class)
public final class IndicatorValue {

  @NotNull private final BigDecimal value;
  private final @Nullable LocalDate date;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private IndicatorValue(Builder builder) {
    this.value = builder.value;
    this.date = builder.date;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * A value without a date.
   *
   * @param value the value; may be negative
   * @return the indicator value
   * @throws IllegalStateException if {@code value} is null
   */
  public static IndicatorValue of(BigDecimal value) {
    return builder().value(value).build();
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
   * A builder that starts from this indicatorvalue, to change a member or two.
   *
   * @return a new builder holding every member of this indicatorvalue, unknown members included;
   *     changing the builder leaves this indicatorvalue as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.value = value;
    builder.date = date;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The value member: the value; may be negative.
   *
   * @return the value; may be negative; never null (required: {@link Builder#build()} refuses a IndicatorValue without it)
   */
  @JsonSerialize(using = PlainDecimalAsString.class)
  @JsonProperty("value")
  public BigDecimal value() {
    return value;
  }

  /**
   * The date member: when it was, or is to be, measured. Optional: it may be absent.
   *
   * @return when it was, or is to be, measured, or null when absent
   */
  @JsonProperty("date")
  public @Nullable LocalDate date() {
    return date;
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
   * @return whether {@code other} is an {@code IndicatorValue} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof IndicatorValue)) {
      return false;
    }
    IndicatorValue that = (IndicatorValue) other;
    return Objects.equals(value, that.value)
        && Objects.equals(date, that.date)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(value, date, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code IndicatorValue{value=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("IndicatorValue", new Object[] {"value", value, "date", date, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds an {@link IndicatorValue}. {@link #build()} refuses one without its required members
   * (value), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable BigDecimal value;
    private @Nullable LocalDate date;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code value}.
     *
     * @param value the value; may be negative; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder value(@Nullable BigDecimal value) {
      this.value = value;
      return this;
    }

    /**
     * Sets {@code date}.
     *
     * @param date when it was, or is to be, measured; optional: null leaves it out
     * @return this builder
     */
    public Builder date(@Nullable LocalDate date) {
      this.date = date;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code IndicatorValue}, once every required member is set.
     *
     * @return a new, immutable {@code IndicatorValue} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (value)
     */
    public IndicatorValue build() {
      List<String> missing = new ArrayList<>();
      if (value == null) {
        missing.add("value");
      }
      Copies.requireMembers("IndicatorValue", missing);
      return new IndicatorValue(this);
    }
  }
}
