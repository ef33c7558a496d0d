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
 * A region that benefits from an initiative.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"vocabulary", "code", "percentage"})
@JsonDeserialize(builder = RecipientRegion.Builder.class)
public final class RecipientRegion {

  @NotNull private final String vocabulary;
  @NotNull private final String code;
  @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be 100 or less") private final @Nullable BigDecimal percentage;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private RecipientRegion(Builder builder) {
    this.vocabulary = builder.vocabulary;
    this.code = builder.code;
    this.percentage = builder.percentage;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * A recipient region without a percentage.
   *
   * @param vocabulary IATI RegionVocabulary: {@code "1"} OECD DAC, {@code "2"} UN M49
   * @param code the region's code in that vocabulary, e.g. {@code "202"}
   * @return the region, with no share given
   * @throws IllegalStateException if either is null
   */
  public static RecipientRegion of(String vocabulary, String code) {
    return builder().vocabulary(vocabulary).code(code).build();
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
   * A builder that starts from this recipientregion, to change a member or two.
   *
   * @return a new builder holding every member of this recipientregion, unknown members included;
   *     changing the builder leaves this recipientregion as it is
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
   * The vocabulary member: IATI RegionVocabulary: {@code "1"} OECD DAC, {@code "2"} UN M49.
   *
   * @return IATI RegionVocabulary: {@code "1"} OECD DAC, {@code "2"} UN M49; never null (required: {@link Builder#build()} refuses a RecipientRegion without it)
   */
  @JsonProperty("vocabulary")
  public String vocabulary() {
    return vocabulary;
  }

  /**
   * The code member: the region's code in that vocabulary, e.g. {@code "202"} (Sub-Saharan Africa, M49).
   *
   * @return the region's code in that vocabulary, e.g. {@code "202"} (Sub-Saharan Africa, M49); never null (required: {@link Builder#build()} refuses a RecipientRegion without it)
   */
  @JsonProperty("code")
  public String code() {
    return code;
  }

  /**
   * The percentage member: its share, 0 to 100. Optional: it may be absent.
   *
   * @return its share, 0 to 100, or null when absent
   */
  @JsonProperty("percentage")
  public @Nullable BigDecimal percentage() {
    return percentage;
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
   * @return whether {@code other} is a {@code RecipientRegion} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RecipientRegion)) {
      return false;
    }
    RecipientRegion that = (RecipientRegion) other;
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
   * @return e.g. {@code RecipientRegion{vocabulary=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("RecipientRegion", new Object[] {"vocabulary", vocabulary, "code", code, "percentage", percentage, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link RecipientRegion}. {@link #build()} refuses one without its required members
   * (vocabulary, code), naming all of them at once.
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
     * @param vocabulary IATI RegionVocabulary: {@code "1"} OECD DAC, {@code "2"} UN M49; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder vocabulary(@Nullable String vocabulary) {
      this.vocabulary = vocabulary;
      return this;
    }

    /**
     * Sets {@code code}.
     *
     * @param code the region's code in that vocabulary, e.g. {@code "202"} (Sub-Saharan Africa, M49); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /**
     * Sets {@code percentage}.
     *
     * @param percentage its share, 0 to 100; optional: null leaves it out
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
     * The {@code RecipientRegion}, once every required member is set.
     *
     * @return a new, immutable {@code RecipientRegion} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (vocabulary, code)
     */
    public RecipientRegion build() {
      List<String> missing = new ArrayList<>();
      if (vocabulary == null) {
        missing.add("vocabulary");
      }
      if (code == null) {
        missing.add("code");
      }
      Copies.requireMembers("RecipientRegion", missing);
      return new RecipientRegion(this);
    }
  }
}
