package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.Min;
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
 * An administrative area of a {@link Location} in a gazetteer (IATI location/administrative), e.g.
 * {@code {"vocabulary": "A4", "level": 0, "code": "MZ"}}.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonPropertyOrder({"vocabulary", "level", "code"})
@JsonDeserialize(builder = AdministrativeArea.Builder.class)
public final class AdministrativeArea {

  @NotNull private final String vocabulary;
  @Min(0) private final @Nullable Integer level;
  @NotNull @NotBlank private final String code;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private AdministrativeArea(Builder builder) {
    this.vocabulary = builder.vocabulary;
    this.level = builder.level;
    this.code = builder.code;
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
   * A builder that starts from this area, to change a member or two.
   *
   * @return a new builder holding every member of this area, unknown members included;
   *     changing the builder leaves this area as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.vocabulary = vocabulary;
    builder.level = level;
    builder.code = code;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The vocabulary member: IATI GeographicVocabulary, {@code "A1"} (FAO GAUL) to {@code "G2"} (OpenStreetMap).
   *
   * @return IATI GeographicVocabulary, {@code "A1"} (FAO GAUL) to {@code "G2"} (OpenStreetMap); never null (required: {@link Builder#build()} refuses an AdministrativeArea without it)
   */
  @JsonProperty("vocabulary")
  public String vocabulary() {
    return vocabulary;
  }

  /**
   * The level member: the area's level in the vocabulary's hierarchy: 0 a country, 1 its first subdivision. Optional: it may be absent.
   *
   * @return the area's level in the vocabulary's hierarchy: 0 a country, 1 its first subdivision, or null when absent
   */
  @JsonProperty("level")
  public @Nullable Integer level() {
    return level;
  }

  /**
   * The code member: the area's code in the vocabulary, e.g. {@code "MZ-N"}.
   *
   * @return the area's code in the vocabulary, e.g. {@code "MZ-N"}; never null (required: {@link Builder#build()} refuses an AdministrativeArea without it)
   */
  @JsonProperty("code")
  public String code() {
    return code;
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
   * @return whether {@code other} is an {@code AdministrativeArea} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof AdministrativeArea)) {
      return false;
    }
    AdministrativeArea that = (AdministrativeArea) other;
    return Objects.equals(vocabulary, that.vocabulary)
        && Objects.equals(level, that.level)
        && Objects.equals(code, that.code)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(vocabulary, level, code, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code AdministrativeArea{vocabulary=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("AdministrativeArea", new Object[] {"vocabulary", vocabulary, "level", level, "code", code, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds an {@link AdministrativeArea}. {@link #build()} refuses one without its required members
   * (vocabulary, code), naming all of them at once.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String vocabulary;
    private @Nullable Integer level;
    private @Nullable String code;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code vocabulary}.
     *
     * @param vocabulary IATI GeographicVocabulary, {@code "A1"} (FAO GAUL) to {@code "G2"} (OpenStreetMap); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder vocabulary(@Nullable String vocabulary) {
      this.vocabulary = vocabulary;
      return this;
    }

    /**
     * Sets {@code level}.
     *
     * @param level the area's level in the vocabulary's hierarchy: 0 a country, 1 its first subdivision; optional: null leaves it out
     * @return this builder
     */
    public Builder level(@Nullable Integer level) {
      this.level = level;
      return this;
    }

    /**
     * Sets {@code code}.
     *
     * @param code the area's code in the vocabulary, e.g. {@code "MZ-N"}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code AdministrativeArea}, once every required member is set.
     *
     * @return a new, immutable {@code AdministrativeArea} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (vocabulary, code)
     */
    public AdministrativeArea build() {
      List<String> missing = new ArrayList<>();
      if (vocabulary == null) {
        missing.add("vocabulary");
      }
      if (code == null) {
        missing.add("code");
      }
      Copies.requireMembers("AdministrativeArea", missing);
      return new AdministrativeArea(this);
    }
  }
}
