package org.sstc.exchange.client;

import java.util.List;
import java.util.Objects;

/**
 * One page of the change feed.
 *
 * @param events the events, in sequence order; empty when the reader is caught up
 * @param next the cursor to ask with next time (unchanged when there were no events)
 *
 * @since 1.0
 */
public record ChangePage(List<Change> events, String next) {
  /**
   * Makes a page; the events are copied.
   *
   * @param events the events, in sequence order; empty when the reader is caught up
   * @param next the cursor to ask with next time (unchanged when there were no events)
   */
  public ChangePage {
    events = List.copyOf(events);
    Objects.requireNonNull(next, "next");
  }
}
