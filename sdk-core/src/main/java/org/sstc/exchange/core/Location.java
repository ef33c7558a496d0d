package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
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
 * A place of an initiative (IATI location), below the level of recipient countries: a name, and a
 * {@link GeoPoint}, administrative areas or both.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonPropertyOrder({"id", "name", "description", "point", "administrative", "locationReach", "exactness"})
@JsonDeserialize(builder = Location.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class Location {

  @Pattern(regexp = Shapes.ITEM_ID_REGEX) private final @Nullable String id;
  @NotNull private final LanguageMap name;
  private final @Nullable LanguageMap description;
  @Valid private final @Nullable GeoPoint point;
  private final List<AdministrativeArea> administrative;
  private final @Nullable String locationReach;
  private final @Nullable String exactness;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Location(Builder builder) {
    this.id = builder.id;
    this.name = builder.name;
    this.description = builder.description;
    this.point = builder.point;
    this.administrative = builder.administrative;
    this.locationReach = builder.locationReach;
    this.exactness = builder.exactness;
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
   * A builder that starts from this location, to change a member or two.
   *
   * @return a new builder holding every member of this location, unknown members included;
   *     changing the builder leaves this location as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.name = name;
    builder.description = description;
    builder.point = point;
    builder.administrative = administrative;
    builder.locationReach = locationReach;
    builder.exactness = exactness;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: this location's local id (IATI location/@ref), unique within locations. Optional: it may be absent.
   *
   * @return this location's local id (IATI location/@ref), unique within locations, or null when absent
   */
  @JsonProperty("id")
  public @Nullable String id() {
    return id;
  }

  /**
   * The name member: the place's name, in one language or more.
   *
   * @return the place's name, in one language or more; never null (required: {@link Builder#build()} refuses a Location without it)
   */
  @JsonProperty("name")
  public LanguageMap name() {
    return name;
  }

  /**
   * The description member: what the place is, or what happens there. Optional: it may be absent.
   *
   * @return what the place is, or what happens there, or null when absent
   */
  @JsonProperty("description")
  public @Nullable LanguageMap description() {
    return description;
  }

  /**
   * The point member: the place as a WGS84 point. Optional: it may be absent.
   *
   * @return the place as a WGS84 point, or null when absent
   */
  @JsonProperty("point")
  public @Nullable GeoPoint point() {
    return point;
  }

  /**
   * The administrative member: the administrative areas the place lies in.
   *
   * @return the administrative areas the place lies in; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("administrative")
  public List<AdministrativeArea> administrative() {
    return administrative;
  }

  /**
   * The locationReach member: IATI GeographicLocationReach: {@code "1"} carried out here, {@code "2"} beneficiaries live here. Optional: it may be absent.
   *
   * @return IATI GeographicLocationReach: {@code "1"} carried out here, {@code "2"} beneficiaries live here, or null when absent
   */
  @JsonProperty("locationReach")
  public @Nullable String locationReach() {
    return locationReach;
  }

  /**
   * The exactness member: IATI GeographicExactness: {@code "1"} exact, {@code "2"} approximate. Optional: it may be absent.
   *
   * @return IATI GeographicExactness: {@code "1"} exact, {@code "2"} approximate, or null when absent
   */
  @JsonProperty("exactness")
  public @Nullable String exactness() {
    return exactness;
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
   * @return whether {@code other} is a {@code Location} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Location)) {
      return false;
    }
    Location that = (Location) other;
    return Objects.equals(id, that.id)
        && Objects.equals(name, that.name)
        && Objects.equals(description, that.description)
        && Objects.equals(point, that.point)
        && Objects.equals(administrative, that.administrative)
        && Objects.equals(locationReach, that.locationReach)
        && Objects.equals(exactness, that.exactness)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, name, description, point, administrative, locationReach, exactness, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Location{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Location", new Object[] {"id", id, "name", name, "description", description, "point", point, "administrative", administrative, "locationReach", locationReach, "exactness", exactness, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Location}. {@link #build()} refuses one without its required members
   * (name), naming all of them at once.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable LanguageMap name;
    private @Nullable LanguageMap description;
    private @Nullable GeoPoint point;
    private List<AdministrativeArea> administrative = List.of();
    private @Nullable String locationReach;
    private @Nullable String exactness;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id this location's local id (IATI location/@ref), unique within locations; optional: null leaves it out
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code name}.
     *
     * @param name the place's name, in one language or more; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder name(@Nullable LanguageMap name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@code description}.
     *
     * @param description what the place is, or what happens there; optional: null leaves it out
     * @return this builder
     */
    public Builder description(@Nullable LanguageMap description) {
      this.description = description;
      return this;
    }

    /**
     * Sets {@code point}.
     *
     * @param point the place as a WGS84 point; optional: null leaves it out
     * @return this builder
     */
    public Builder point(@Nullable GeoPoint point) {
      this.point = point;
      return this;
    }

    /**
     * Sets {@code administrative}, replacing whatever was set or added before.
     *
     * @param administrative the administrative areas the place lies in; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder administrative(@Nullable List<AdministrativeArea> administrative) {
      this.administrative = Copies.list(administrative);
      return this;
    }

    /**
     * Adds one item to {@code administrative}.
     *
     * @param item an administrative area, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addAdministrative(AdministrativeArea item) {
      this.administrative = Copies.append(this.administrative, item);
      return this;
    }

    /**
     * Sets {@code locationReach}.
     *
     * @param locationReach IATI GeographicLocationReach: {@code "1"} carried out here, {@code "2"} beneficiaries live here; optional: null leaves it out
     * @return this builder
     */
    public Builder locationReach(@Nullable String locationReach) {
      this.locationReach = locationReach;
      return this;
    }

    /**
     * Sets {@code exactness}.
     *
     * @param exactness IATI GeographicExactness: {@code "1"} exact, {@code "2"} approximate; optional: null leaves it out
     * @return this builder
     */
    public Builder exactness(@Nullable String exactness) {
      this.exactness = exactness;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Location}, once every required member is set.
     *
     * @return a new, immutable {@code Location} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (name)
     */
    public Location build() {
      List<String> missing = new ArrayList<>();
      if (name == null) {
        missing.add("name");
      }
      Copies.requireMembers("Location", missing);
      return new Location(this);
    }
  }
}
