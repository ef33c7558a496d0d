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

  /**
   * Planned dates only.
   *
   * @param start the planned start
   * @param end the planned end, not before {@code start}; null when not yet known
   * @return dates without actual start or end
   */
  public static Dates planned(LocalDate start, @Nullable LocalDate end) {
    return new Dates(start, end, null, null);
  }

  /**
   * A copy with actual dates.
   *
   * @param start the day it actually started; null when it has not
   * @param end the day it actually ended, not before {@code start}; null while it runs
   * @return a new {@code Dates} with the same planned dates; this one is unchanged
   */
  public Dates withActual(@Nullable LocalDate start, @Nullable LocalDate end) {
    return new Dates(plannedStart, plannedEnd, start, end);
  }
}
