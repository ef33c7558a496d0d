package org.sstc.exchange.core;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The planned and actual dates of an initiative. The standard asks for at least one start.
 *
 * @param plannedStart when the initiative is planned to start
 * @param plannedEnd when it is planned to end; not before {@code plannedStart}
 * @param actualStart when it did start
 * @param actualEnd when it did end; not before {@code actualStart}; required once closed
 */
public record Dates(
    @Nullable LocalDate plannedStart,
    @Nullable LocalDate plannedEnd,
    @Nullable LocalDate actualStart,
    @Nullable LocalDate actualEnd) {

  /** Planned dates only. */
  public static Dates planned(LocalDate start, @Nullable LocalDate end) {
    return new Dates(start, end, null, null);
  }

  /** A copy with actual dates. */
  public Dates withActual(@Nullable LocalDate start, @Nullable LocalDate end) {
    return new Dates(plannedStart, plannedEnd, start, end);
  }
}
