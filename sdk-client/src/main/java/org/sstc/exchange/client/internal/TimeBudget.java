package org.sstc.exchange.client.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * A request tag that gives one logical call its own time: the whole call, all attempts and waits
 * included, may take {@code limit} (zero: no limit), and no single attempt is cut shorter than
 * what is left of it. Bulk uploads carry one, because a large upload legitimately outlasts the
 * per-call timeout and deadline that suit single records.
 *
 * @param limit the time allowed; {@link Duration#ZERO} for none
 */
public record TimeBudget(Duration limit) {
  public TimeBudget {
    Objects.requireNonNull(limit, "limit");
    if (limit.isNegative()) {
      throw new IllegalArgumentException("a time budget cannot be negative: " + limit);
    }
  }
}
