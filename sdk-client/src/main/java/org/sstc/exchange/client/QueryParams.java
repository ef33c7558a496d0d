package org.sstc.exchange.client;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The query parameters of a search, checked as they are set: what {@link InitiativeQuery},
 * {@link OrganisationQuery} and {@link SolutionQuery} share.
 */
final class QueryParams {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern SDG_TARGET = Pattern.compile("([1-9]|1[0-7])\\.([1-9][0-9]?|[a-z])");

  private final Map<String, String> filters;
  private final int pageSize;

  private QueryParams(Builder builder) {
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.filters));
    this.pageSize = builder.pageSize;
  }

  /** The filters as query parameters, in the order set; the page size is not among them. */
  Map<String, String> filters() {
    return filters;
  }

  /** Records per page asked for (the hub's {@code limit}). */
  int pageSize() {
    return pageSize;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QueryParams that && that.filters.equals(filters) && that.pageSize == pageSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(filters, pageSize);
  }

  @Override
  public String toString() {
    return filters + " pageSize=" + pageSize;
  }

  static final class Builder {
    private final Map<String, String> filters = new LinkedHashMap<>();
    private int pageSize = 100;

    void country(String country) {
      Objects.requireNonNull(country, "country");
      if (!COUNTRY.matcher(country).matches()) {
        throw new IllegalArgumentException(
            "a country is an ISO 3166-1 alpha-2 code in capitals, e.g. \"MZ\": \"" + country + "\"");
      }
      put("country", country);
    }

    void sdgGoal(int goal) {
      if (goal < 1 || goal > 17) {
        throw new IllegalArgumentException("an SDG goal is 1 to 17: " + goal);
      }
      put("sdgGoal", Integer.toString(goal));
    }

    void sdgTarget(String target) {
      Objects.requireNonNull(target, "target");
      if (!SDG_TARGET.matcher(target).matches()) {
        throw new IllegalArgumentException(
            "an SDG target is <goal>.<number or letter>, e.g. \"2.3\" or \"17.a\": \"" + target + "\"");
      }
      put("sdgTarget", target);
    }

    void updatedSince(OffsetDateTime since) {
      Objects.requireNonNull(since, "since");
      // ISO_OFFSET_DATE_TIME always writes seconds: RFC 3339 needs them.
      put("updatedSince", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since));
    }

    void pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 500) {
        throw new IllegalArgumentException("a page size is 1 to 500: " + pageSize);
      }
      this.pageSize = pageSize;
    }

    void put(String name, String value) {
      filters.put(name, value);
    }

    void putNonBlank(String name, String value) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " cannot be blank");
      }
      put(name, value);
    }

    QueryParams build() {
      return new QueryParams(this);
    }
  }
}
