package org.sstc.exchange.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sstc.exchange.core.SolutionMaturity;

/**
 * Filters of a solutions search ({@code GET /solutions}, standard 1.1); they combine with AND.
 * The same filters narrow {@link SstcClient#matchSolutions(String, SolutionQuery)}. Every setter
 * checks its argument, so a query that builds is one the hub accepts.
 *
 * <pre>{@code
 * SolutionQuery query = SolutionQuery.builder().sdgTarget("2.1").country("MZ").build();
 * for (Solution solution : client.solutions().search(query)) { ... }
 * }</pre>
 *
 * @since 1.1
 */
public final class SolutionQuery {
  private static final Pattern SECTOR = Pattern.compile("[0-9]{5}");
  private static final SolutionQuery ALL = builder().build();

  private final QueryParams params;

  private SolutionQuery(QueryParams params) {
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
   * Every solution, in pages of 100.
   *
   * @return the query with no filter
   */
  public static SolutionQuery all() {
    return ALL;
  }

  QueryParams params() {
    return params;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SolutionQuery that && that.params.equals(params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "SolutionQuery" + params;
  }

  /** Builds a {@link SolutionQuery}. */
  public static final class Builder {
    private final QueryParams.Builder params = new QueryParams.Builder();

    private Builder() {}

    /**
     * Only solutions linked to this SDG goal, 1 to 17.
     *
     * @param goal the goal's number
     * @return this builder
     */
    public Builder sdgGoal(int goal) {
      params.sdgGoal(goal);
      return this;
    }

    /**
     * Only solutions linked to this SDG target, e.g. {@code "2.1"} or {@code "17.a"}.
     *
     * @param target the target
     * @return this builder
     */
    public Builder sdgTarget(String target) {
      params.sdgTarget(target);
      return this;
    }

    /**
     * Only solutions applied in this country or offered by a provider there (ISO 3166-1 alpha-2,
     * e.g. {@code "MZ"}).
     *
     * @param country the country code
     * @return this builder
     */
    public Builder country(String country) {
      params.country(country);
      return this;
    }

    /**
     * Only solutions this org-id reports or provides.
     *
     * @param orgId the organisation's identifier
     * @return this builder
     */
    public Builder participant(String orgId) {
      params.putNonBlank("participant", orgId);
      return this;
    }

    /**
     * Only solutions in this sector (OECD DAC 5-digit purpose code, e.g. {@code "31120"}).
     *
     * @param code the sector code
     * @return this builder
     */
    public Builder sector(String code) {
      Objects.requireNonNull(code, "code");
      if (!SECTOR.matcher(code).matches()) {
        throw new IllegalArgumentException("a sector is a DAC 5-digit purpose code such as \"31120\": \"" + code + "\"");
      }
      params.put("sector", code);
      return this;
    }

    /**
     * Only solutions of this maturity.
     *
     * @param maturity the maturity, e.g. {@link SolutionMaturity#SCALED_UP}
     * @return this builder
     */
    public Builder maturity(SolutionMaturity maturity) {
      params.put("maturity", Objects.requireNonNull(maturity, "maturity").code());
      return this;
    }

    /**
     * Only solutions stored at or after this instant.
     *
     * @param since the earliest time stored
     * @return this builder
     */
    public Builder updatedSince(Instant since) {
      return updatedSince(Objects.requireNonNull(since, "since").atOffset(ZoneOffset.UTC));
    }

    /**
     * Only solutions stored at or after this time.
     *
     * @param since the earliest time stored
     * @return this builder
     */
    public Builder updatedSince(OffsetDateTime since) {
      params.updatedSince(since);
      return this;
    }

    /**
     * Solutions per page, 1 to 500 (default 100); for {@link SstcClient#matchSolutions}, how many
     * of the best fits to return.
     *
     * @param pageSize solutions per page
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
    public SolutionQuery build() {
      return new SolutionQuery(params.build());
    }
  }
}
