package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
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
 * How a result is measured.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "title", "measure", "sdgIndicator", "baseline", "target", "actual"})
@JsonDeserialize(builder = ResultIndicator.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class ResultIndicator {

  @NotNull @NotBlank private final String id;
  @NotNull private final LanguageMap title;
  @NotNull private final String measure;
  @Pattern(regexp = Shapes.SDG_INDICATOR_REGEX) private final @Nullable String sdgIndicator;
  @Valid private final @Nullable IndicatorValue baseline;
  @Valid private final @Nullable IndicatorValue target;
  @Valid private final @Nullable IndicatorValue actual;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private ResultIndicator(Builder builder) {
    this.id = builder.id;
    this.title = builder.title;
    this.measure = builder.measure;
    this.sdgIndicator = builder.sdgIndicator;
    this.baseline = builder.baseline;
    this.target = builder.target;
    this.actual = builder.actual;
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
   * A builder that starts from this resultindicator, to change a member or two.
   *
   * @return a new builder holding every member of this resultindicator, unknown members included;
   *     changing the builder leaves this resultindicator as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.title = title;
    builder.measure = measure;
    builder.sdgIndicator = sdgIndicator;
    builder.baseline = baseline;
    builder.target = target;
    builder.actual = actual;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: unique within its result's indicators.
   *
   * @return unique within its result's indicators; never null (required: {@link Builder#build()} refuses a ResultIndicator without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The title member: what is measured.
   *
   * @return what is measured; never null (required: {@link Builder#build()} refuses a ResultIndicator without it)
   */
  @JsonProperty("title")
  public LanguageMap title() {
    return title;
  }

  /**
   * The measure member: IATI IndicatorMeasure: {@code "1"} unit, {@code "2"} percentage, ….
   *
   * @return IATI IndicatorMeasure: {@code "1"} unit, {@code "2"} percentage, …; never null (required: {@link Builder#build()} refuses a ResultIndicator without it)
   */
  @JsonProperty("measure")
  public String measure() {
    return measure;
  }

  /**
   * The sdgIndicator member: the UN SDG indicator it reports on, e.g. {@code "2.3.1"}. Optional: it may be absent.
   *
   * @return the UN SDG indicator it reports on, e.g. {@code "2.3.1"}, or null when absent
   */
  @JsonProperty("sdgIndicator")
  public @Nullable String sdgIndicator() {
    return sdgIndicator;
  }

  /**
   * The baseline member: the value before the initiative. Optional: it may be absent.
   *
   * @return the value before the initiative, or null when absent
   */
  @JsonProperty("baseline")
  public @Nullable IndicatorValue baseline() {
    return baseline;
  }

  /**
   * The target member: the value aimed at. Optional: it may be absent.
   *
   * @return the value aimed at, or null when absent
   */
  @JsonProperty("target")
  public @Nullable IndicatorValue target() {
    return target;
  }

  /**
   * The actual member: the value reached. Optional: it may be absent.
   *
   * @return the value reached, or null when absent
   */
  @JsonProperty("actual")
  public @Nullable IndicatorValue actual() {
    return actual;
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
   * @return whether {@code other} is a {@code ResultIndicator} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ResultIndicator)) {
      return false;
    }
    ResultIndicator that = (ResultIndicator) other;
    return Objects.equals(id, that.id)
        && Objects.equals(title, that.title)
        && Objects.equals(measure, that.measure)
        && Objects.equals(sdgIndicator, that.sdgIndicator)
        && Objects.equals(baseline, that.baseline)
        && Objects.equals(target, that.target)
        && Objects.equals(actual, that.actual)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, title, measure, sdgIndicator, baseline, target, actual, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code ResultIndicator{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("ResultIndicator", new Object[] {"id", id, "title", title, "measure", measure, "sdgIndicator", sdgIndicator, "baseline", baseline, "target", target, "actual", actual, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link ResultIndicator}. {@link #build()} refuses one without its required members
   * (id, title, measure), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable LanguageMap title;
    private @Nullable String measure;
    private @Nullable String sdgIndicator;
    private @Nullable IndicatorValue baseline;
    private @Nullable IndicatorValue target;
    private @Nullable IndicatorValue actual;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id unique within its result's indicators; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code title}.
     *
     * @param title what is measured; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder title(@Nullable LanguageMap title) {
      this.title = title;
      return this;
    }

    /**
     * Sets {@code measure}.
     *
     * @param measure IATI IndicatorMeasure: {@code "1"} unit, {@code "2"} percentage, …; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder measure(@Nullable String measure) {
      this.measure = measure;
      return this;
    }

    /**
     * Sets {@code sdgIndicator}.
     *
     * @param sdgIndicator the UN SDG indicator it reports on, e.g. {@code "2.3.1"}; optional: null leaves it out
     * @return this builder
     */
    public Builder sdgIndicator(@Nullable String sdgIndicator) {
      this.sdgIndicator = sdgIndicator;
      return this;
    }

    /**
     * Sets {@code baseline}.
     *
     * @param baseline the value before the initiative; optional: null leaves it out
     * @return this builder
     */
    public Builder baseline(@Nullable IndicatorValue baseline) {
      this.baseline = baseline;
      return this;
    }

    /**
     * Sets {@code target}.
     *
     * @param target the value aimed at; optional: null leaves it out
     * @return this builder
     */
    public Builder target(@Nullable IndicatorValue target) {
      this.target = target;
      return this;
    }

    /**
     * Sets {@code actual}.
     *
     * @param actual the value reached; optional: null leaves it out
     * @return this builder
     */
    public Builder actual(@Nullable IndicatorValue actual) {
      this.actual = actual;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code ResultIndicator}, once every required member is set.
     *
     * @return a new, immutable {@code ResultIndicator} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, title, measure)
     */
    public ResultIndicator build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (title == null) {
        missing.add("title");
      }
      if (measure == null) {
        missing.add("measure");
      }
      Copies.requireMembers("ResultIndicator", missing);
      return new ResultIndicator(this);
    }
  }
}
