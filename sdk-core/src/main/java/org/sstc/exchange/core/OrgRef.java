package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 * A reference to an organisation by its org-id and a plain-text name, as in an initiative's
 * {@code reportingOrg} or a package's {@code publisher}.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "name"})
@JsonDeserialize(builder = OrgRef.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class OrgRef {

  @NotNull @Pattern(regexp = Shapes.ORG_ID_REGEX) private final String id;
  @NotNull @NotBlank private final String name;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private OrgRef(Builder builder) {
    this.id = builder.id;
    this.name = builder.name;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * A reference to an organisation: {@code OrgRef.of("XM-DAC-41114", "UNDP")}.
   *
   * @param id the org-id.guide identifier, e.g. {@code "XM-DAC-41114"}
   * @param name the organisation's name as plain text
   * @return the reference
   * @throws IllegalStateException if either is null
   */
  public static OrgRef of(String id, String name) {
    return builder().id(id).name(name).build();
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
   * A builder that starts from this reference, to change a member or two.
   *
   * @return a new builder holding every member of this reference, unknown members included;
   *     changing the builder leaves this reference as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.name = name;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: the org-id.guide identifier, e.g. {@code "XM-DAC-41114"} (UNDP).
   *
   * @return the org-id.guide identifier, e.g. {@code "XM-DAC-41114"} (UNDP); never null (required: {@link Builder#build()} refuses a OrgRef without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The name member: the organisation's name as plain text.
   *
   * @return the organisation's name as plain text; never null (required: {@link Builder#build()} refuses a OrgRef without it)
   */
  @JsonProperty("name")
  public String name() {
    return name;
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
   * @return whether {@code other} is an {@code OrgRef} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof OrgRef)) {
      return false;
    }
    OrgRef that = (OrgRef) other;
    return Objects.equals(id, that.id)
        && Objects.equals(name, that.name)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, name, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code OrgRef{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("OrgRef", new Object[] {"id", id, "name", name, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds an {@link OrgRef}. {@link #build()} refuses one without its required members
   * (id, name), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String name;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id the org-id.guide identifier, e.g. {@code "XM-DAC-41114"} (UNDP); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code name}.
     *
     * @param name the organisation's name as plain text; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code OrgRef}, once every required member is set.
     *
     * @return a new, immutable {@code OrgRef} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, name)
     */
    public OrgRef build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (name == null) {
        missing.add("name");
      }
      Copies.requireMembers("OrgRef", missing);
      return new OrgRef(this);
    }
  }
}
