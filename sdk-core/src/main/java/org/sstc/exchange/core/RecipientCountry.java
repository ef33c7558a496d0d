package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
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
 * A country that benefits from an initiative.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"code", "percentage"})
@JsonDeserialize(builder = RecipientCountry.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class RecipientCountry {

  @NotNull @Pattern(regexp = Shapes.COUNTRY_REGEX) private final String code;
  @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "100", message = "must be 100 or less") private final @Nullable BigDecimal percentage;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private RecipientCountry(Builder builder) {
    this.code = builder.code;
    this.percentage = builder.percentage;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * A recipient country without a percentage.
   *
   * @param code ISO 3166-1 alpha-2 code, upper case, e.g. {@code "MZ"}
   * @return the country, with no share given
   * @throws IllegalStateException if {@code code} is null
   */
  public static RecipientCountry of(String code) {
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
   * A builder that starts from this recipientcountry, to change a member or two.
   *
   * @return a new builder holding every member of this recipientcountry, unknown members included;
   *     changing the builder leaves this recipientcountry as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.code = code;
    builder.percentage = percentage;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The code member: ISO 3166-1 alpha-2 code.
   *
   * @return ISO 3166-1 alpha-2 code; never null (required: {@link Builder#build()} refuses a RecipientCountry without it)
   */
  @JsonProperty("code")
  public String code() {
    return code;
  }

  /**
   * The percentage member: its share of the initiative, 0 to 100; when any country or region has one, countries and regions together must add up to 100. Optional: it may be absent.
   *
   * @return its share of the initiative, 0 to 100; when any country or region has one, countries and regions together must add up to 100, or null when absent
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
   * @return whether {@code other} is a {@code RecipientCountry} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RecipientCountry)) {
      return false;
    }
    RecipientCountry that = (RecipientCountry) other;
    return Objects.equals(code, that.code)
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
    return Objects.hash(code, percentage, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code RecipientCountry{code=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("RecipientCountry", new Object[] {"code", code, "percentage", percentage, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link RecipientCountry}. {@link #build()} refuses one without its required members
   * (code), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String code;
    private @Nullable BigDecimal percentage;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code code}.
     *
     * @param code ISO 3166-1 alpha-2 code; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /**
     * Sets {@code percentage}.
     *
     * @param percentage its share of the initiative, 0 to 100; when any country or region has one, countries and regions together must add up to 100; optional: null leaves it out
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
     * The {@code RecipientCountry}, once every required member is set.
     *
     * @return a new, immutable {@code RecipientCountry} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (code)
     */
    public RecipientCountry build() {
      List<String> missing = new ArrayList<>();
      if (code == null) {
        missing.add("code");
      }
      Copies.requireMembers("RecipientCountry", missing);
      return new RecipientCountry(this);
    }
  }
}
