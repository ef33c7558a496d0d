package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * A country where a {@link Solution} has been applied, with the year and the initiative when known.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonPropertyOrder({"code", "year", "initiativeId"})
@JsonDeserialize(builder = SolutionCountry.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class SolutionCountry {

  @NotNull @Pattern(regexp = Shapes.COUNTRY_REGEX) private final String code;
  @Min(1900) @Max(2100) private final @Nullable Integer year;
  @Pattern(regexp = Shapes.INITIATIVE_ID_REGEX) private final @Nullable String initiativeId;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private SolutionCountry(Builder builder) {
    this.code = builder.code;
    this.year = builder.year;
    this.initiativeId = builder.initiativeId;
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
   * A builder that starts from this country, to change a member or two.
   *
   * @return a new builder holding every member of this country, unknown members included;
   *     changing the builder leaves this country as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.code = code;
    builder.year = year;
    builder.initiativeId = initiativeId;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The code member: ISO 3166-1 alpha-2 code of the country.
   *
   * @return ISO 3166-1 alpha-2 code of the country; never null (required: {@link Builder#build()} refuses a SolutionCountry without it)
   */
  @JsonProperty("code")
  public String code() {
    return code;
  }

  /**
   * The year member: the year the solution was first applied there, 1900 to 2100. Optional: it may be absent.
   *
   * @return the year the solution was first applied there, 1900 to 2100, or null when absent
   */
  @JsonProperty("year")
  public @Nullable Integer year() {
    return year;
  }

  /**
   * The initiativeId member: the initiative through which it was applied there. Optional: it may be absent.
   *
   * @return the initiative through which it was applied there, or null when absent
   */
  @JsonProperty("initiativeId")
  public @Nullable String initiativeId() {
    return initiativeId;
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
   * @return whether {@code other} is a {@code SolutionCountry} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SolutionCountry)) {
      return false;
    }
    SolutionCountry that = (SolutionCountry) other;
    return Objects.equals(code, that.code)
        && Objects.equals(year, that.year)
        && Objects.equals(initiativeId, that.initiativeId)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(code, year, initiativeId, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code SolutionCountry{code=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("SolutionCountry", new Object[] {"code", code, "year", year, "initiativeId", initiativeId, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link SolutionCountry}. {@link #build()} refuses one without its required members
   * (code), naming all of them at once.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String code;
    private @Nullable Integer year;
    private @Nullable String initiativeId;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code code}.
     *
     * @param code ISO 3166-1 alpha-2 code of the country; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /**
     * Sets {@code year}.
     *
     * @param year the year the solution was first applied there, 1900 to 2100; optional: null leaves it out
     * @return this builder
     */
    public Builder year(@Nullable Integer year) {
      this.year = year;
      return this;
    }

    /**
     * Sets {@code initiativeId}.
     *
     * @param initiativeId the initiative through which it was applied there; optional: null leaves it out
     * @return this builder
     */
    public Builder initiativeId(@Nullable String initiativeId) {
      this.initiativeId = initiativeId;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code SolutionCountry}, once every required member is set.
     *
     * @return a new, immutable {@code SolutionCountry} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (code)
     */
    public SolutionCountry build() {
      List<String> missing = new ArrayList<>();
      if (code == null) {
        missing.add("code");
      }
      Copies.requireMembers("SolutionCountry", missing);
      return new SolutionCountry(this);
    }
  }
}
