package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 * A policy objective an initiative targets and how significant it is (IATI policy-marker), e.g.
 * gender equality ({@code "1"}) as a significant objective ({@code "1"}).
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonPropertyOrder({"vocabulary", "vocabularyUri", "code", "significance", "description"})
@JsonDeserialize(builder = PolicyMarker.Builder.class)
public final class PolicyMarker {

  private final @Nullable String vocabulary;
  private final @Nullable String vocabularyUri;
  @NotNull private final String code;
  private final @Nullable String significance;
  private final @Nullable LanguageMap description;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private PolicyMarker(Builder builder) {
    this.vocabulary = builder.vocabulary;
    this.vocabularyUri = builder.vocabularyUri;
    this.code = builder.code;
    this.significance = builder.significance;
    this.description = builder.description;
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
   * A builder that starts from this policy marker, to change a member or two.
   *
   * @return a new builder holding every member of this policy marker, unknown members included;
   *     changing the builder leaves this policy marker as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.vocabulary = vocabulary;
    builder.vocabularyUri = vocabularyUri;
    builder.code = code;
    builder.significance = significance;
    builder.description = description;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The vocabulary member: IATI PolicyMarkerVocabulary: {@code "1"} OECD DAC CRS (the default when absent), {@code "99"} the reporting organisation's own. Optional: it may be absent.
   *
   * @return IATI PolicyMarkerVocabulary: {@code "1"} OECD DAC CRS (the default when absent), {@code "99"} the reporting organisation's own, or null when absent
   */
  @JsonProperty("vocabulary")
  public @Nullable String vocabulary() {
    return vocabulary;
  }

  /**
   * The vocabularyUri member: where the reporting organisation's own vocabulary is described. Optional: it may be absent.
   *
   * @return where the reporting organisation's own vocabulary is described, or null when absent
   */
  @JsonProperty("vocabularyUri")
  public @Nullable String vocabularyUri() {
    return vocabularyUri;
  }

  /**
   * The code member: the marker's code in the vocabulary; with vocabulary {@code "1"} an IATI PolicyMarker code.
   *
   * @return the marker's code in the vocabulary; with vocabulary {@code "1"} an IATI PolicyMarker code; never null (required: {@link Builder#build()} refuses a PolicyMarker without it)
   */
  @JsonProperty("code")
  public String code() {
    return code;
  }

  /**
   * The significance member: IATI PolicySignificance, {@code "0"} (not targeted) to {@code "4"}; required with vocabulary {@code "1"}. Optional: it may be absent.
   *
   * @return IATI PolicySignificance, {@code "0"} (not targeted) to {@code "4"}; required with vocabulary {@code "1"}, or null when absent
   */
  @JsonProperty("significance")
  public @Nullable String significance() {
    return significance;
  }

  /**
   * The description member: the marker in words, for a reporting organisation's own vocabulary. Optional: it may be absent.
   *
   * @return the marker in words, for a reporting organisation's own vocabulary, or null when absent
   */
  @JsonProperty("description")
  public @Nullable LanguageMap description() {
    return description;
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
   * @return whether {@code other} is a {@code PolicyMarker} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof PolicyMarker)) {
      return false;
    }
    PolicyMarker that = (PolicyMarker) other;
    return Objects.equals(vocabulary, that.vocabulary)
        && Objects.equals(vocabularyUri, that.vocabularyUri)
        && Objects.equals(code, that.code)
        && Objects.equals(significance, that.significance)
        && Objects.equals(description, that.description)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(vocabulary, vocabularyUri, code, significance, description, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code PolicyMarker{vocabulary=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("PolicyMarker", new Object[] {"vocabulary", vocabulary, "vocabularyUri", vocabularyUri, "code", code, "significance", significance, "description", description, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link PolicyMarker}. {@link #build()} refuses one without its required members
   * (code), naming all of them at once.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String vocabulary;
    private @Nullable String vocabularyUri;
    private @Nullable String code;
    private @Nullable String significance;
    private @Nullable LanguageMap description;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code vocabulary}.
     *
     * @param vocabulary IATI PolicyMarkerVocabulary: {@code "1"} OECD DAC CRS (the default when absent), {@code "99"} the reporting organisation's own; optional: null leaves it out
     * @return this builder
     */
    public Builder vocabulary(@Nullable String vocabulary) {
      this.vocabulary = vocabulary;
      return this;
    }

    /**
     * Sets {@code vocabularyUri}.
     *
     * @param vocabularyUri where the reporting organisation's own vocabulary is described; optional: null leaves it out
     * @return this builder
     */
    public Builder vocabularyUri(@Nullable String vocabularyUri) {
      this.vocabularyUri = vocabularyUri;
      return this;
    }

    /**
     * Sets {@code code}.
     *
     * @param code the marker's code in the vocabulary; with vocabulary {@code "1"} an IATI PolicyMarker code; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /**
     * Sets {@code significance}.
     *
     * @param significance IATI PolicySignificance, {@code "0"} (not targeted) to {@code "4"}; required with vocabulary {@code "1"}; optional: null leaves it out
     * @return this builder
     */
    public Builder significance(@Nullable String significance) {
      this.significance = significance;
      return this;
    }

    /**
     * Sets {@code description}.
     *
     * @param description the marker in words, for a reporting organisation's own vocabulary; optional: null leaves it out
     * @return this builder
     */
    public Builder description(@Nullable LanguageMap description) {
      this.description = description;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code PolicyMarker}, once every required member is set.
     *
     * @return a new, immutable {@code PolicyMarker} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (code)
     */
    public PolicyMarker build() {
      List<String> missing = new ArrayList<>();
      if (code == null) {
        missing.add("code");
      }
      Copies.requireMembers("PolicyMarker", missing);
      return new PolicyMarker(this);
    }
  }
}
