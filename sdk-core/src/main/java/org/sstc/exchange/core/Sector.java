package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
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
 * A sector an initiative works in.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"vocabulary", "code", "percentage"})
@JsonDeserialize(builder = Sector.Builder.class)
public final class Sector {

  private final @Nullable String vocabulary;
  @NotNull private final String code;
  @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be 100 or less") private final @Nullable BigDecimal percentage;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Sector(Builder builder) {
    this.vocabulary = builder.vocabulary;
    this.code = builder.code;
    this.percentage = builder.percentage;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * A sector in the default vocabulary (OECD DAC 5-digit), without a percentage.
   *
   * @param code the DAC 5-digit purpose code, e.g. {@code "31120"}
   * @return the sector
   * @throws IllegalStateException if {@code code} is null
   */
  public static Sector of(String code) {
    return builder().code(code).build();
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
   * A builder that starts from this sector, to change a member or two.
   *
   * @return a new builder holding every member of this sector, unknown members included;
   *     changing the builder leaves this sector as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.vocabulary = vocabulary;
    builder.code = code;
    builder.percentage = percentage;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The vocabulary member: IATI SectorVocabulary; absent means {@code "1"} (OECD DAC 5-digit). Optional: it may be absent.
   *
   * @return IATI SectorVocabulary; absent means {@code "1"} (OECD DAC 5-digit), or null when absent
   */
  @JsonProperty("vocabulary")
  public @Nullable String vocabulary() {
    return vocabulary;
  }

  /**
   * The code member: the sector's code in that vocabulary, e.g. {@code "31120"} (agricultural development).
   *
   * @return the sector's code in that vocabulary, e.g. {@code "31120"} (agricultural development); never null (required: {@link Builder#build()} refuses a Sector without it)
   */
  @JsonProperty("code")
  public String code() {
    return code;
  }

  /**
   * The percentage member: its share, 0 to 100; within one vocabulary the shares add up to 100. Optional: it may be absent.
   *
   * @return its share, 0 to 100; within one vocabulary the shares add up to 100, or null when absent
   */
  @JsonProperty("percentage")
  public @Nullable BigDecimal percentage() {
    return percentage;
  }

  /**
   * The vocabulary, with the standard's default when absent.
   *
   * @return {@link #vocabulary()}, or {@code "1"} (OECD DAC 5-digit purpose codes) when it is absent
   */
  public String vocabularyOrDefault() {
    return vocabulary == null ? "1" : vocabulary;
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
   * @return whether {@code other} is a {@code Sector} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Sector)) {
      return false;
    }
    Sector that = (Sector) other;
    return Objects.equals(vocabulary, that.vocabulary)
        && Objects.equals(code, that.code)
        && Objects.equals(percentage, that.percentage)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(vocabulary, code, percentage, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Sector{vocabulary=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Sector", new Object[] {"vocabulary", vocabulary, "code", code, "percentage", percentage, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Sector}. {@link #build()} refuses one without its required members
   * (code), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String vocabulary;
    private @Nullable String code;
    private @Nullable BigDecimal percentage;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code vocabulary}.
     *
     * @param vocabulary IATI SectorVocabulary; absent means {@code "1"} (OECD DAC 5-digit); optional: null leaves it out
     * @return this builder
     */
    public Builder vocabulary(@Nullable String vocabulary) {
      this.vocabulary = vocabulary;
      return this;
    }

    /**
     * Sets {@code code}.
     *
     * @param code the sector's code in that vocabulary, e.g. {@code "31120"} (agricultural development); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /**
     * Sets {@code percentage}.
     *
     * @param percentage its share, 0 to 100; within one vocabulary the shares add up to 100; optional: null leaves it out
     * @return this builder
     */
    public Builder percentage(@Nullable BigDecimal percentage) {
      this.percentage = percentage;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Sector}, once every required member is set.
     *
     * @return a new, immutable {@code Sector} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (code)
     */
    public Sector build() {
      List<String> missing = new ArrayList<>();
      if (code == null) {
        missing.add("code");
      }
      Copies.requireMembers("Sector", missing);
      return new Sector(this);
    }
  }
}
