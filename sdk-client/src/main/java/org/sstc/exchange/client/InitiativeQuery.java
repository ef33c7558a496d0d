package org.sstc.exchange.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Modality;

/**
 * Filters of an initiatives search ({@code GET /initiatives}); they combine with AND. Every
 * setter checks its argument, so a query that builds is one the hub accepts.
 *
 * <pre>{@code
 * InitiativeQuery query = InitiativeQuery.builder()
 *     .modality(Modality.TRIANGULAR).sdgGoal(2).country("MZ").build();
 * for (Initiative initiative : client.initiatives().search(query)) { ... }
 * }</pre>
 *
 * @since 1.0
 */
public final class InitiativeQuery {
  private static final InitiativeQuery ALL = builder().build();

  private final QueryParams params;

  private InitiativeQuery(QueryParams params) {
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
   * Every initiative, in pages of 100.
   *
   * @return the query with no filter
   */
  public static InitiativeQuery all() {
    return ALL;
  }

  QueryParams params() {
    return params;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InitiativeQuery that && that.params.equals(params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "InitiativeQuery" + params;
  }

  /** Builds an {@link InitiativeQuery}. */
  public static final class Builder {
    private final QueryParams.Builder params = new QueryParams.Builder();

    private Builder() {}

    /**
     * Only initiatives of this modality.
     *
     * @param modality the modality
     * @return this builder
     */
    public Builder modality(Modality modality) {
      params.put("modality", Objects.requireNonNull(modality, "modality").code());
      return this;
    }

    /**
     * Only initiatives linked to this SDG goal, 1 to 17.
     *
     * @param goal the goal's number
     * @return this builder
     */
    public Builder sdgGoal(int goal) {
      params.sdgGoal(goal);
      return this;
    }

    /**
     * Only initiatives linked to this SDG target, e.g. {@code "2.3"} or {@code "17.a"}.
     *
     * @param target the target
     * @return this builder
     */
    public Builder sdgTarget(String target) {
      params.sdgTarget(target);
      return this;
    }

    /**
     * Only initiatives with this recipient or participant country (ISO 3166-1 alpha-2, e.g.
     * {@code "MZ"}).
     *
     * @param country the country code
     * @return this builder
     */
    public Builder country(String country) {
      params.country(country);
      return this;
    }

    /**
     * Only initiatives in which this org-id participates or reports.
     *
     * @param orgId the organisation's identifier
     * @return this builder
     */
    public Builder participant(String orgId) {
      params.putNonBlank("participant", orgId);
      return this;
    }

    /**
     * Only initiatives with this activity status.
     *
     * @param status the status, e.g. {@link ActivityStatus#IMPLEMENTATION}
     * @return this builder
     */
    public Builder status(ActivityStatus status) {
      Objects.requireNonNull(status, "status");
      params.put("status", status.code());
      return this;
    }

    /**
     * Only initiatives stored at or after this instant.
     *
     * @param since the earliest time stored
     * @return this builder
     */
    public Builder updatedSince(Instant since) {
      return updatedSince(Objects.requireNonNull(since, "since").atOffset(ZoneOffset.UTC));
    }

    /**
     * Only initiatives stored at or after this time.
     *
     * @param since the earliest time stored
     * @return this builder
     */
    public Builder updatedSince(OffsetDateTime since) {
      params.updatedSince(since);
      return this;
    }

    /**
     * Initiatives per page, 1 to 500 (default 100). Iteration is the same; only round trips
     * change.
     *
     * @param pageSize initiatives per page
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
    public InitiativeQuery build() {
      return new InitiativeQuery(params.build());
    }
  }
}
