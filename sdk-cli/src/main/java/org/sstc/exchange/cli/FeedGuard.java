package org.sstc.exchange.cli;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.client.Change;
import org.sstc.exchange.client.ChangePage;
import org.sstc.exchange.client.ChangeType;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcRecord;

/**
 * What {@code sstc pull} refuses from a hub before it applies a page: a page is checked whole, so
 * a refused page changes neither the folder nor the cursor. A hub, or whatever answers in its
 * place, must not be able to make a mirror go back in time, apply the same events twice, or write
 * one record's content under another record's name.
 *
 * <p>The cursor is the hub's opaque text and is saved exactly as given. Only {@link #isBackwards}
 * reads meaning into it (while cursors are decimal numbers, as in standard 1.0); events are
 * ordered by their {@link Change#sequence()}.
 */
final class FeedGuard {
  /** A page the hub must not be followed past; its message says what the hub did. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The highest sequence applied (or known from the saved cursor); none before the first. */
  private long lastSequence;

  FeedGuard(Optional<String> cursor) {
    this.lastSequence = cursor.map(FeedGuard::sequenceOf).orElse(Long.MIN_VALUE);
  }

  /**
   * Checks a page asked for after {@code asked} with {@code limit} events at most; remembers its
   * last sequence when it passes.
   *
   * @throws Refused if the page must not be applied
   */
  void check(Optional<String> asked, ChangePage page, int limit) {
    if (page.events().size() > limit) {
      throw new Refused("the hub sent " + page.events().size() + " events for a page of at most " + limit);
    }
    if (page.next().isBlank()) {
      throw new Refused("the hub sent a page without a next cursor");
    }
    if (asked.isPresent() && isBackwards(asked.get(), page.next())) {
      throw new Refused("the hub's next cursor " + page.next() + " goes back from " + asked.get());
    }
    if (!page.events().isEmpty() && asked.isPresent() && asked.get().equals(page.next())) {
      throw new Refused("the hub sent events after cursor " + asked.get()
          + " but did not move the cursor: the same page would come again");
    }
    long previous = lastSequence;
    for (Change change : page.events()) {
      if (change.sequence() <= previous) {
        throw new Refused("the hub sent event " + change.sequence() + " after event " + previous
            + (change.sequence() == previous ? " again" : "") + ": a page seen before, or events out of order");
      }
      previous = change.sequence();
      checkRecord(change);
    }
    lastSequence = previous;
  }

  /** The event's record is the one it names, of the type it names. */
  private static void checkRecord(Change change) {
    Optional<SstcRecord> record = change.record();
    if (change.type() == ChangeType.DELETED) {
      return;
    }
    if (record.isEmpty()) {
      throw new Refused("the hub sent event " + change.sequence() + " (" + change.type().toString()
          .toLowerCase(java.util.Locale.ROOT) + " " + change.recordType() + ") without its record");
    }
    String type = record.get().recordType();
    String id = idOf(record.get());
    if (!type.equals(change.recordType()) || id == null || !id.equals(change.id())) {
      throw new Refused("the hub sent event " + change.sequence() + " for " + change.recordType() + " '"
          + shown(change.id()) + "' with the record of " + type + " '" + shown(String.valueOf(id)) + "'");
    }
  }

  /** An id from the hub as a message may show it: no control characters, at most 80 characters. */
  static String shown(String id) {
    StringBuilder out = new StringBuilder();
    id.codePoints().limit(80).forEach(c -> {
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return id.codePointCount(0, id.length()) > 80 ? out + "…" : out.toString();
  }

  static @Nullable String idOf(SstcRecord record) {
    if (record instanceof Initiative initiative) {
      return initiative.id();
    }
    if (record instanceof Organisation organisation) {
      return organisation.id();
    }
    if (record instanceof Solution solution) {
      return solution.id();
    }
    return null;
  }

  /**
   * True when {@code next} is before {@code asked}. The one place that reads the cursor: while
   * both are decimal numbers (standard 1.0's cursors) they are compared as numbers; any other
   * cursor is the hub's opaque token and is never called backwards here (the event sequences are
   * checked all the same).
   */
  static boolean isBackwards(String asked, String next) {
    Long from = parse(asked);
    Long to = parse(next);
    return from != null && to != null && to < from;
  }

  private static long sequenceOf(String cursor) {
    Long value = parse(cursor);
    return value == null ? Long.MIN_VALUE : value;
  }

  private static @Nullable Long parse(String cursor) {
    if (cursor.isEmpty() || cursor.length() > 18 || !cursor.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Long.parseLong(cursor);
  }
}
