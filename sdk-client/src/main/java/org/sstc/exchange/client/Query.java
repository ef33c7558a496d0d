package org.sstc.exchange.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sstc.exchange.core.Modality;

/**
 * Search filters; they combine with AND. Every setter checks its argument, so a query that
 * builds is one the hub accepts.
 *
 * <pre>{@code
 * Query query = Query.builder().modality(Modality.TRIANGULAR).sdgGoal(2).country("MZ").build();
 * for (Initiative initiative : client.initiatives().search(query)) { ... }
 * }</pre>
 *
 * <p>Initiatives take every filter but {@code orgType}; organisations take {@code country},
 * {@code orgType} and {@code updatedSince} only ({@link Records#search} refuses the others).
 */
public final class Query {
  private static final Pattern SDG_TARGET = Pattern.compile("([1-9]|1[0-7])\\.([1-9][0-9]?|[a-z])");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern STATUS = Pattern.compile("[1-6]");
  private static final Query ALL = builder().build();

  private final Map<String, String> filters;
  private final int pageSize;

  private Query(Builder builder) {
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.filters));
    this.pageSize = builder.pageSize;
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
   * Every record, in pages of 100.
   *
   * @return the query with no filter
   */
  public static Query all() {
    return ALL;
  }

  /**
   * The filters as query parameters, in the order set; the page size is not among them.
   *
   * @return the filters, parameter name to value
   */
  public Map<String, String> filters() {
    return filters;
  }

  /**
   * Records per page asked for (the hub's {@code limit}).
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Query query && query.filters.equals(filters) && query.pageSize == pageSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(filters, pageSize);
  }

  @Override
  public String toString() {
    return "Query" + filters + " pageSize=" + pageSize;
  }

  /** Builds a {@link Query}. */
  public static final class Builder {
    private final Map<String, String> filters = new LinkedHashMap<>();
    private int pageSize = 100;

    private Builder() {}

    /**
     * Only initiatives of this modality.
     *
     * @param modality the modality
     * @return this builder
     */
    public Builder modality(Modality modality) {
      return put("modality", Objects.requireNonNull(modality, "modality").code());
    }

    /**
     * Only initiatives linked to this SDG goal, 1 to 17.
     *
     * @param goal the goal's number
     * @return this builder
     */
    public Builder sdgGoal(int goal) {
      if (goal < 1 || goal > 17) {
        throw new IllegalArgumentException("an SDG goal is 1 to 17: " + goal);
      }
      return put("sdgGoal", Integer.toString(goal));
    }

    /**
     * Only initiatives linked to this SDG target, e.g. {@code "2.3"} or {@code "17.a"}.
     *
     * @param target the target
     * @return this builder
     */
    public Builder sdgTarget(String target) {
      Objects.requireNonNull(target, "target");
      if (!SDG_TARGET.matcher(target).matches()) {
        throw new IllegalArgumentException(
            "an SDG target is <goal>.<number or letter>, e.g. \"2.3\" or \"17.a\": \"" + target + "\"");
      }
      return put("sdgTarget", target);
    }

    /**
     * Only records of this ISO 3166-1 alpha-2 country (recipient or participant), e.g. {@code "MZ"}.
     *
     * @param country the country code
     * @return this builder
     */
    public Builder country(String country) {
      Objects.requireNonNull(country, "country");
      if (!COUNTRY.matcher(country).matches()) {
        throw new IllegalArgumentException(
            "a country is an ISO 3166-1 alpha-2 code in capitals, e.g. \"MZ\": \"" + country + "\"");
      }
      return put("country", country);
    }

    /**
     * Only initiatives in which this org-id participates or reports.
     *
     * @param orgId the organisation's identifier
     * @return this builder
     */
    public Builder participant(String orgId) {
      return put("participant", nonBlank(orgId, "participant"));
    }

    /**
     * Only initiatives with this activity status, {@code "1"} to {@code "6"}.
     *
     * @param status the status code
     * @return this builder
     */
    public Builder status(String status) {
      Objects.requireNonNull(status, "status");
      if (!STATUS.matcher(status).matches()) {
        throw new IllegalArgumentException("an activity status is \"1\" to \"6\": \"" + status + "\"");
      }
      return put("status", status);
    }

    /**
     * Only organisations of this type (OrganisationType codelist, e.g. {@code "10"}).
     *
     * @param orgType the organisation type code
     * @return this builder
     */
    public Builder orgType(String orgType) {
      return put("orgType", nonBlank(orgType, "orgType"));
    }

    /**
     * Only records stored at or after this instant.
     *
     * @param since the earliest time stored
     * @return this builder
     */
    public Builder updatedSince(Instant since) {
      return updatedSince(Objects.requireNonNull(since, "since").atOffset(ZoneOffset.UTC));
    }

    /**
     * Only records stored at or after this time.
     *
     * @param since the earliest time stored
     * @return this builder
     */
    public Builder updatedSince(OffsetDateTime since) {
      Objects.requireNonNull(since, "since");
      // ISO_OFFSET_DATE_TIME always writes seconds: RFC 3339 needs them.
      return put("updatedSince", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since));
    }

    /**
     * Records per page, 1 to 500 (default 100). Iteration is the same; only round trips change.
     *
     * @param pageSize records per page
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 500) {
        throw new IllegalArgumentException("a page size is 1 to 500: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The query.
     *
     * @return the query
     */
    public Query build() {
      return new Query(this);
    }

    private Builder put(String name, String value) {
      filters.put(name, value);
      return this;
    }

    private static String nonBlank(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " cannot be blank");
      }
      return value;
    }
  }
}
