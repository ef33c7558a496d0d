package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * The planned and actual dates of an initiative. The standard asks for at least one start.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"plannedStart", "plannedEnd", "actualStart", "actualEnd"})
@JsonDeserialize(builder = Dates.Builder.class)
public final class Dates {

  private final @Nullable LocalDate plannedStart;
  private final @Nullable LocalDate plannedEnd;
  private final @Nullable LocalDate actualStart;
  private final @Nullable LocalDate actualEnd;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Dates(Builder builder) {
    this.plannedStart = builder.plannedStart;
    this.plannedEnd = builder.plannedEnd;
    this.actualStart = builder.actualStart;
    this.actualEnd = builder.actualEnd;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * Planned dates only.
   *
   * @param start the planned start
   * @param end the planned end, not before {@code start}; null when not yet known
   * @return dates without actual start or end
   */
  public static Dates planned(@Nullable LocalDate start, @Nullable LocalDate end) {
    return builder().plannedStart(start).plannedEnd(end).build();
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
   * A builder that starts from this dates, to change a member or two.
   *
   * @return a new builder holding every member of this dates, unknown members included;
   *     changing the builder leaves this dates as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.plannedStart = plannedStart;
    builder.plannedEnd = plannedEnd;
    builder.actualStart = actualStart;
    builder.actualEnd = actualEnd;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The plannedStart member: when the initiative is planned to start. Optional: it may be absent.
   *
   * @return when the initiative is planned to start, or null when absent
   */
  @JsonProperty("plannedStart")
  public @Nullable LocalDate plannedStart() {
    return plannedStart;
  }

  /**
   * The plannedEnd member: when it is planned to end; not before {@code plannedStart}. Optional: it may be absent.
   *
   * @return when it is planned to end; not before {@code plannedStart}, or null when absent
   */
  @JsonProperty("plannedEnd")
  public @Nullable LocalDate plannedEnd() {
    return plannedEnd;
  }

  /**
   * The actualStart member: when it did start. Optional: it may be absent.
   *
   * @return when it did start, or null when absent
   */
  @JsonProperty("actualStart")
  public @Nullable LocalDate actualStart() {
    return actualStart;
  }

  /**
   * The actualEnd member: when it did end; not before {@code actualStart}; required once closed. Optional: it may be absent.
   *
   * @return when it did end; not before {@code actualStart}; required once closed, or null when absent
   */
  @JsonProperty("actualEnd")
  public @Nullable LocalDate actualEnd() {
    return actualEnd;
  }

  /**
   * A copy with actual dates.
   *
   * @param start the day it actually started; null when it has not
   * @param end the day it actually ended, not before {@code start}; null while it runs
   * @return a new {@code Dates} with the same planned dates; this one is unchanged
   */
  public Dates withActual(@Nullable LocalDate start, @Nullable LocalDate end) {
    return toBuilder().actualStart(start).actualEnd(end).build();
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
   * @return whether {@code other} is a {@code Dates} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Dates)) {
      return false;
    }
    Dates that = (Dates) other;
    return Objects.equals(plannedStart, that.plannedStart)
        && Objects.equals(plannedEnd, that.plannedEnd)
        && Objects.equals(actualStart, that.actualStart)
        && Objects.equals(actualEnd, that.actualEnd)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(plannedStart, plannedEnd, actualStart, actualEnd, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Dates{plannedStart=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Dates", new Object[] {"plannedStart", plannedStart, "plannedEnd", plannedEnd, "actualStart", actualStart, "actualEnd", actualEnd, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Dates}. {@link #build()} refuses one without its required members
   * (none), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable LocalDate plannedStart;
    private @Nullable LocalDate plannedEnd;
    private @Nullable LocalDate actualStart;
    private @Nullable LocalDate actualEnd;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code plannedStart}.
     *
     * @param plannedStart when the initiative is planned to start; optional: null leaves it out
     * @return this builder
     */
    public Builder plannedStart(@Nullable LocalDate plannedStart) {
      this.plannedStart = plannedStart;
      return this;
    }

    /**
     * Sets {@code plannedEnd}.
     *
     * @param plannedEnd when it is planned to end; not before {@code plannedStart}; optional: null leaves it out
     * @return this builder
     */
    public Builder plannedEnd(@Nullable LocalDate plannedEnd) {
      this.plannedEnd = plannedEnd;
      return this;
    }

    /**
     * Sets {@code actualStart}.
     *
     * @param actualStart when it did start; optional: null leaves it out
     * @return this builder
     */
    public Builder actualStart(@Nullable LocalDate actualStart) {
      this.actualStart = actualStart;
      return this;
    }

    /**
     * Sets {@code actualEnd}.
     *
     * @param actualEnd when it did end; not before {@code actualStart}; required once closed; optional: null leaves it out
     * @return this builder
     */
    public Builder actualEnd(@Nullable LocalDate actualEnd) {
      this.actualEnd = actualEnd;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Dates}, once every required member is set.
     *
     * @return a new, immutable {@code Dates} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them
     */
    public Dates build() {
      return new Dates(this);
    }
  }
}
