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
 * A link from an initiative to a Sustainable Development Goal, and optionally to one of its
 * targets and indicators. The target must belong to the goal, the indicator to the target.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"goal", "target", "indicator", "contribution"})
@JsonDeserialize(builder = SdgLink.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class SdgLink {

  @NotNull @Pattern(regexp = Shapes.SDG_GOAL_REGEX) private final String goal;
  @Pattern(regexp = Shapes.SDG_TARGET_REGEX) private final @Nullable String target;
  @Pattern(regexp = Shapes.SDG_INDICATOR_REGEX) private final @Nullable String indicator;
  @NotNull private final SdgContribution contribution;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private SdgLink(Builder builder) {
    this.goal = builder.goal;
    this.target = builder.target;
    this.indicator = builder.indicator;
    this.contribution = builder.contribution;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * A link to a goal only.
   *
   * @param goal the goal, {@code "1"} to {@code "17"}
   * @param contribution how much the initiative contributes to it
   * @return a link without target or indicator
   * @throws IllegalStateException if either is null
   */
  public static SdgLink goal(String goal, SdgContribution contribution) {
    return builder().goal(goal).contribution(contribution).build();
  }

  /**
   * A link to a target, naming its goal.
   *
   * @param goal the goal, {@code "1"} to {@code "17"}
   * @param target a target of that goal, e.g. {@code "2.3"} for goal {@code "2"}; one of another
   *     goal is a {@code rule.sdg-target-goal} error when validated
   * @param contribution how much the initiative contributes to it
   * @return a link without indicator
   * @throws IllegalStateException if {@code goal} or {@code contribution} is null
   */
  public static SdgLink target(String goal, String target, SdgContribution contribution) {
    return builder().goal(goal).target(target).contribution(contribution).build();
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
   * A builder that starts from this sdglink, to change a member or two.
   *
   * @return a new builder holding every member of this sdglink, unknown members included;
   *     changing the builder leaves this sdglink as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.goal = goal;
    builder.target = target;
    builder.indicator = indicator;
    builder.contribution = contribution;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The goal member: the goal, {@code "1"} to {@code "17"}.
   *
   * @return the goal, {@code "1"} to {@code "17"}; never null (required: {@link Builder#build()} refuses a SdgLink without it)
   */
  @JsonProperty("goal")
  public String goal() {
    return goal;
  }

  /**
   * The target member: the target, e.g. {@code "2.3"} or {@code "2.a"}. Optional: it may be absent.
   *
   * @return the target, e.g. {@code "2.3"} or {@code "2.a"}, or null when absent
   */
  @JsonProperty("target")
  public @Nullable String target() {
    return target;
  }

  /**
   * The indicator member: the indicator, e.g. {@code "2.3.1"}. Optional: it may be absent.
   *
   * @return the indicator, e.g. {@code "2.3.1"}, or null when absent
   */
  @JsonProperty("indicator")
  public @Nullable String indicator() {
    return indicator;
  }

  /**
   * The contribution member: how much the initiative contributes.
   *
   * @return how much the initiative contributes; never null (required: {@link Builder#build()} refuses a SdgLink without it)
   */
  @JsonProperty("contribution")
  public SdgContribution contribution() {
    return contribution;
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
   * @return whether {@code other} is a {@code SdgLink} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SdgLink)) {
      return false;
    }
    SdgLink that = (SdgLink) other;
    return Objects.equals(goal, that.goal)
        && Objects.equals(target, that.target)
        && Objects.equals(indicator, that.indicator)
        && Objects.equals(contribution, that.contribution)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(goal, target, indicator, contribution, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code SdgLink{goal=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("SdgLink", new Object[] {"goal", goal, "target", target, "indicator", indicator, "contribution", contribution, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link SdgLink}. {@link #build()} refuses one without its required members
   * (goal, contribution), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String goal;
    private @Nullable String target;
    private @Nullable String indicator;
    private @Nullable SdgContribution contribution;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code goal}.
     *
     * @param goal the goal, {@code "1"} to {@code "17"}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder goal(@Nullable String goal) {
      this.goal = goal;
      return this;
    }

    /**
     * Sets {@code target}.
     *
     * @param target the target, e.g. {@code "2.3"} or {@code "2.a"}; optional: null leaves it out
     * @return this builder
     */
    public Builder target(@Nullable String target) {
      this.target = target;
      return this;
    }

    /**
     * Sets {@code indicator}.
     *
     * @param indicator the indicator, e.g. {@code "2.3.1"}; optional: null leaves it out
     * @return this builder
     */
    public Builder indicator(@Nullable String indicator) {
      this.indicator = indicator;
      return this;
    }

    /**
     * Sets {@code contribution}.
     *
     * @param contribution how much the initiative contributes; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder contribution(@Nullable SdgContribution contribution) {
      this.contribution = contribution;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code SdgLink}, once every required member is set.
     *
     * @return a new, immutable {@code SdgLink} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (goal, contribution)
     */
    public SdgLink build() {
      List<String> missing = new ArrayList<>();
      if (goal == null) {
        missing.add("goal");
      }
      if (contribution == null) {
        missing.add("contribution");
      }
      Copies.requireMembers("SdgLink", missing);
      return new SdgLink(this);
    }
  }
}
