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
 * A point on the Earth in WGS84 (EPSG:4326), in decimal degrees: {@code {"latitude": -15.1165,
 * "longitude": 39.2666}}. The degrees are exact decimals, written back with the digits they were read
 * with.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonPropertyOrder({"latitude", "longitude"})
@JsonDeserialize(builder = GeoPoint.Builder.class)
public final class GeoPoint {

  @NotNull @DecimalMin(value = "-90", message = "must be -90 or more") @DecimalMax(value = "90", message = "must be 90 or less") private final BigDecimal latitude;
  @NotNull @DecimalMin(value = "-180", message = "must be -180 or more") @DecimalMax(value = "180", message = "must be 180 or less") private final BigDecimal longitude;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private GeoPoint(Builder builder) {
    this.latitude = builder.latitude;
    this.longitude = builder.longitude;
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
   * A builder that starts from this point, to change a member or two.
   *
   * @return a new builder holding every member of this point, unknown members included;
   *     changing the builder leaves this point as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.latitude = latitude;
    builder.longitude = longitude;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The latitude member: degrees north of the equator, -90 to 90.
   *
   * @return degrees north of the equator, -90 to 90; never null (required: {@link Builder#build()} refuses a GeoPoint without it)
   */
  @JsonProperty("latitude")
  public BigDecimal latitude() {
    return latitude;
  }

  /**
   * The longitude member: degrees east of the Greenwich meridian, -180 to 180.
   *
   * @return degrees east of the Greenwich meridian, -180 to 180; never null (required: {@link Builder#build()} refuses a GeoPoint without it)
   */
  @JsonProperty("longitude")
  public BigDecimal longitude() {
    return longitude;
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
   * @return whether {@code other} is a {@code GeoPoint} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof GeoPoint)) {
      return false;
    }
    GeoPoint that = (GeoPoint) other;
    return Objects.equals(latitude, that.latitude)
        && Objects.equals(longitude, that.longitude)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(latitude, longitude, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code GeoPoint{latitude=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("GeoPoint", new Object[] {"latitude", latitude, "longitude", longitude, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link GeoPoint}. {@link #build()} refuses one without its required members
   * (latitude, longitude), naming all of them at once.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable BigDecimal latitude;
    private @Nullable BigDecimal longitude;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code latitude}.
     *
     * @param latitude degrees north of the equator, -90 to 90; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder latitude(@Nullable BigDecimal latitude) {
      this.latitude = latitude;
      return this;
    }

    /**
     * Sets {@code longitude}.
     *
     * @param longitude degrees east of the Greenwich meridian, -180 to 180; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder longitude(@Nullable BigDecimal longitude) {
      this.longitude = longitude;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code GeoPoint}, once every required member is set.
     *
     * @return a new, immutable {@code GeoPoint} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (latitude, longitude)
     */
    public GeoPoint build() {
      List<String> missing = new ArrayList<>();
      if (latitude == null) {
        missing.add("latitude");
      }
      if (longitude == null) {
        missing.add("longitude");
      }
      Copies.requireMembers("GeoPoint", missing);
      return new GeoPoint(this);
    }
  }
}
