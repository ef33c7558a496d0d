package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
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
 * The money planned for one period of an initiative.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "type", "status", "periodStart", "periodEnd", "value"})
@JsonDeserialize(builder = Budget.Builder.class)
public final class Budget {

  @NotNull @NotBlank private final String id;
  @NotNull private final BudgetType type;
  @NotNull private final BudgetStatus status;
  @NotNull private final LocalDate periodStart;
  @NotNull private final LocalDate periodEnd;
  @NotNull @Valid private final Money value;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Budget(Builder builder) {
    this.id = builder.id;
    this.type = builder.type;
    this.status = builder.status;
    this.periodStart = builder.periodStart;
    this.periodEnd = builder.periodEnd;
    this.value = builder.value;
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
   * A builder that starts from this budget, to change a member or two.
   *
   * @return a new builder holding every member of this budget, unknown members included;
   *     changing the builder leaves this budget as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.type = type;
    builder.status = status;
    builder.periodStart = periodStart;
    builder.periodEnd = periodEnd;
    builder.value = value;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: unique within the initiative's budgets.
   *
   * @return unique within the initiative's budgets; never null (required: {@link Builder#build()} refuses a Budget without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The type member: the IATI BudgetType, {@link BudgetType#ORIGINAL} or {@link BudgetType#REVISED}.
   *
   * @return the IATI BudgetType, {@link BudgetType#ORIGINAL} or {@link BudgetType#REVISED}; never null (required: {@link Builder#build()} refuses a Budget without it)
   */
  @JsonProperty("type")
  public BudgetType type() {
    return type;
  }

  /**
   * The status member: the IATI BudgetStatus, {@link BudgetStatus#INDICATIVE} or {@link BudgetStatus#COMMITTED}.
   *
   * @return the IATI BudgetStatus, {@link BudgetStatus#INDICATIVE} or {@link BudgetStatus#COMMITTED}; never null (required: {@link Builder#build()} refuses a Budget without it)
   */
  @JsonProperty("status")
  public BudgetStatus status() {
    return status;
  }

  /**
   * The periodStart member: the first day of the period.
   *
   * @return the first day of the period; never null (required: {@link Builder#build()} refuses a Budget without it)
   */
  @JsonProperty("periodStart")
  public LocalDate periodStart() {
    return periodStart;
  }

  /**
   * The periodEnd member: the last day of the period.
   *
   * @return the last day of the period; never null (required: {@link Builder#build()} refuses a Budget without it)
   */
  @JsonProperty("periodEnd")
  public LocalDate periodEnd() {
    return periodEnd;
  }

  /**
   * The value member: the amount.
   *
   * @return the amount; never null (required: {@link Builder#build()} refuses a Budget without it)
   */
  @JsonProperty("value")
  public Money value() {
    return value;
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
   * @return whether {@code other} is a {@code Budget} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Budget)) {
      return false;
    }
    Budget that = (Budget) other;
    return Objects.equals(id, that.id)
        && Objects.equals(type, that.type)
        && Objects.equals(status, that.status)
        && Objects.equals(periodStart, that.periodStart)
        && Objects.equals(periodEnd, that.periodEnd)
        && Objects.equals(value, that.value)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, type, status, periodStart, periodEnd, value, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Budget{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Budget", new Object[] {"id", id, "type", type, "status", status, "periodStart", periodStart, "periodEnd", periodEnd, "value", value, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Budget}. {@link #build()} refuses one without its required members
   * (id, type, status, periodStart, periodEnd, value), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable BudgetType type;
    private @Nullable BudgetStatus status;
    private @Nullable LocalDate periodStart;
    private @Nullable LocalDate periodEnd;
    private @Nullable Money value;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id unique within the initiative's budgets; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code type}.
     *
     * @param type the IATI BudgetType, {@link BudgetType#ORIGINAL} or {@link BudgetType#REVISED}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder type(@Nullable BudgetType type) {
      this.type = type;
      return this;
    }

    /**
     * Sets {@code status}.
     *
     * @param status the IATI BudgetStatus, {@link BudgetStatus#INDICATIVE} or {@link BudgetStatus#COMMITTED}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder status(@Nullable BudgetStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets {@code periodStart}.
     *
     * @param periodStart the first day of the period; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder periodStart(@Nullable LocalDate periodStart) {
      this.periodStart = periodStart;
      return this;
    }

    /**
     * Sets {@code periodEnd}.
     *
     * @param periodEnd the last day of the period; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder periodEnd(@Nullable LocalDate periodEnd) {
      this.periodEnd = periodEnd;
      return this;
    }

    /**
     * Sets {@code value}.
     *
     * @param value the amount; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder value(@Nullable Money value) {
      this.value = value;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Budget}, once every required member is set.
     *
     * @return a new, immutable {@code Budget} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, type, status, periodStart, periodEnd, value)
     */
    public Budget build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (type == null) {
        missing.add("type");
      }
      if (status == null) {
        missing.add("status");
      }
      if (periodStart == null) {
        missing.add("periodStart");
      }
      if (periodEnd == null) {
        missing.add("periodEnd");
      }
      if (value == null) {
        missing.add("value");
      }
      Copies.requireMembers("Budget", missing);
      return new Budget(this);
    }
  }
}
