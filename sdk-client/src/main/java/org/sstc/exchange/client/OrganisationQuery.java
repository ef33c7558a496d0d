package org.sstc.exchange.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Filters of an organisations search ({@code GET /organisations}); they combine with AND. Every
 * setter checks its argument, so a query that builds is one the hub accepts.
 *
 * <pre>{@code
 * OrganisationQuery query = OrganisationQuery.builder().orgType("10").country("BR").build();
 * for (Organisation organisation : client.organisations().search(query)) { ... }
 * }</pre>
 *
 * @since 1.0
 */
public final class OrganisationQuery {
  private static final OrganisationQuery ALL = builder().build();

  private final QueryParams params;

  private OrganisationQuery(QueryParams params) {
    this.params = params;
  }

  /**
   * A new builder: no filters, pages of 100.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every organisation, in pages of 100.
   *
   * @return the query with no filter
   */
  public static OrganisationQuery all() {
    return ALL;
  }

  QueryParams params() {
    return params;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OrganisationQuery that && that.params.equals(params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "OrganisationQuery" + params;
  }

  /** Builds an {@link OrganisationQuery}. */
  public static final class Builder {
    private final QueryParams.Builder params = new QueryParams.Builder();

    private Builder() {}

    /**
     * Only organisations of this country (ISO 3166-1 alpha-2, e.g. {@code "BR"}).
     *
     * @param country the country code
     * @return this builder
     */
    public Builder country(String country) {
      params.country(country);
      return this;
    }

    /**
     * Only organisations of this type (OrganisationType codelist, e.g. {@code "10"}).
     *
     * @param orgType the organisation type code
     * @return this builder
     */
    public Builder orgType(String orgType) {
      params.putNonBlank("orgType", orgType);
      return this;
    }

    /**
     * Only organisations stored at or after this instant.
     *
     * @param since the earliest time stored
     * @return this builder
     */
    public Builder updatedSince(Instant since) {
      return updatedSince(Objects.requireNonNull(since, "since").atOffset(ZoneOffset.UTC));
    }

    /**
     * Only organisations stored at or after this time.
     *
     * @param since the earliest time stored
     * @return this builder
     */
    public Builder updatedSince(OffsetDateTime since) {
      params.updatedSince(since);
      return this;
    }

    /**
     * Organisations per page, 1 to 500 (default 100). Iteration is the same; only round trips
     * change.
     *
     * @param pageSize organisations per page
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      params.pageSize(pageSize);
      return this;
    }

    /**
     * The query.
     *
     * @return the query
     */
    public OrganisationQuery build() {
      return new OrganisationQuery(params.build());
    }
  }
}
