package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 * Another identifier of the same thing in another scheme, e.g. its IATI activity identifier.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"scheme", "id"})
@JsonDeserialize(builder = OtherIdentifier.Builder.class)
public final class OtherIdentifier {

  @NotNull @NotBlank private final String scheme;
  @NotNull @NotBlank private final String id;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private OtherIdentifier(Builder builder) {
    this.scheme = builder.scheme;
    this.id = builder.id;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * An identifier in another scheme.
   *
   * @param scheme the scheme, e.g. {@code "iati"}
   * @param id the identifier in that scheme
   * @return the identifier
   * @throws IllegalStateException if either is null
   */
  public static OtherIdentifier of(String scheme, String id) {
    return builder().scheme(scheme).id(id).build();
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
   * A builder that starts from this otheridentifier, to change a member or two.
   *
   * @return a new builder holding every member of this otheridentifier, unknown members included;
   *     changing the builder leaves this otheridentifier as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.scheme = scheme;
    builder.id = id;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The scheme member: the scheme, e.g. {@code "iati"}.
   *
   * @return the scheme, e.g. {@code "iati"}; never null (required: {@link Builder#build()} refuses a OtherIdentifier without it)
   */
  @JsonProperty("scheme")
  public String scheme() {
    return scheme;
  }

  /**
   * The id member: the identifier in that scheme.
   *
   * @return the identifier in that scheme; never null (required: {@link Builder#build()} refuses a OtherIdentifier without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
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
   * @return whether {@code other} is an {@code OtherIdentifier} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof OtherIdentifier)) {
      return false;
    }
    OtherIdentifier that = (OtherIdentifier) other;
    return Objects.equals(scheme, that.scheme)
        && Objects.equals(id, that.id)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(scheme, id, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code OtherIdentifier{scheme=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("OtherIdentifier", new Object[] {"scheme", scheme, "id", id, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds an {@link OtherIdentifier}. {@link #build()} refuses one without its required members
   * (scheme, id), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String scheme;
    private @Nullable String id;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code scheme}.
     *
     * @param scheme the scheme, e.g. {@code "iati"}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder scheme(@Nullable String scheme) {
      this.scheme = scheme;
      return this;
    }

    /**
     * Sets {@code id}.
     *
     * @param id the identifier in that scheme; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code OtherIdentifier}, once every required member is set.
     *
     * @return a new, immutable {@code OtherIdentifier} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (scheme, id)
     */
    public OtherIdentifier build() {
      List<String> missing = new ArrayList<>();
      if (scheme == null) {
        missing.add("scheme");
      }
      if (id == null) {
        missing.add("id");
      }
      Copies.requireMembers("OtherIdentifier", missing);
      return new OtherIdentifier(this);
    }
  }
}
