package org.sstc.exchange.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.client.internal.Json;
import org.sstc.exchange.client.internal.MalformedResponseException;
import org.sstc.exchange.core.SstcRecord;
import tools.jackson.databind.JsonNode;

/**
 * The hub's change feed: every create, update and delete, in order, from a cursor. Use it to keep
 * a local copy in step with the hub.
 *
 * <pre>{@code
 * CursorStore store = CursorStore.inFile(Path.of("state/sstc.cursor"));
 * client.changes().follow(store, change -> {
 *   switch (change.type()) {
 *     case CREATED, UPDATED -> copy.put(change.id(), change.record().orElseThrow());
 *     case DELETED -> copy.remove(change.id());
 *   }
 * });
 * }</pre>
 *
 * @since 1.0
 */
public final class ChangeFeed {
  static final int DEFAULT_PAGE_SIZE = 500;

  private final Exchange exchange;
  private final int pageSize;

  ChangeFeed(Exchange exchange, int pageSize) {
    this.exchange = exchange;
    this.pageSize = pageSize;
  }

  /**
   * This feed, read in pages of {@code events} (default 500): fewer, larger round trips, or
   * smaller responses. What is read is the same.
   *
   * @param events events per page, 1 to 1000
   * @return a feed that reads pages of that size
   */
  public ChangeFeed withPageSize(int events) {
    if (events < 1 || events > 1000) {
      throw new IllegalArgumentException("a change page is 1 to 1000 events: " + events);
    }
    return new ChangeFeed(exchange, events);
  }

  /**
   * One page of events after {@code cursor} (exclusive), or from the beginning when empty.
   *
   * @param cursor the cursor of the last event read, or empty for the beginning
   * @return the page, with the cursor to ask with next
   */
  public ChangePage page(Optional<String> cursor) {
    Objects.requireNonNull(cursor, "cursor");
    HttpUrl.Builder url = exchange.url("changes").addQueryParameter("limit", Integer.toString(pageSize));
    cursor.ifPresent(since -> url.addQueryParameter("since", since));
    Request request = new Request.Builder().url(url.build()).get().build();
    return exchange.call(request, (response, body) -> {
      JsonNode page = Json.parse(body);
      List<Change> events = new ArrayList<>();
      for (JsonNode event : Json.array(page, "events").values()) {
        events.add(change(event));
      }
      return new ChangePage(events, Json.string(page, "next"));
    });
  }

  /**
   * Every event after {@code cursor}, read page by page as the stream is consumed, until caught
   * up (a page with no events). Pass {@link Change#cursor()} of the last event you applied.
   *
   * @param cursor the cursor of the last event applied
   * @return the events after it, in sequence order
   */
  public Stream<Change> since(String cursor) {
    return read(Optional.of(Objects.requireNonNull(cursor, "cursor")));
  }

  /**
   * Every event from the beginning of the feed, until caught up.
   *
   * @return every event, in sequence order
   */
  public Stream<Change> all() {
    return read(Optional.empty());
  }

  /**
   * Applies every event after the stored cursor, until caught up, saving each event's cursor
   * right after {@code apply} returns; returns how many events were applied. Call it again (on a
   * schedule, say) to keep following.
   *
   * <p>If {@code apply} throws, the exception propagates and that event's cursor is not saved: a
   * restart from the same store begins with that event, so every event is applied once and only
   * once — provided {@code save} is durable when it returns and nothing dies between {@code
   * apply} and {@code save} (for that, store the cursor in the same transaction as the copy).
   *
   * @param store where the cursor is loaded from and saved to
   * @param apply what to do with each event, in sequence order
   * @return the number of events applied
   */
  public long follow(CursorStore store, Consumer<Change> apply) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(apply, "apply");
    Optional<String> cursor = store.load();
    long applied = 0;
    while (true) {
      ChangePage page = page(cursor);
      if (page.events().isEmpty()) {
        return applied;
      }
      for (Change change : page.events()) {
        apply.accept(change);
        store.save(change.cursor());
        applied++;
      }
      if (!page.next().equals(page.events().get(page.events().size() - 1).cursor())) {
        store.save(page.next());
      }
      if (cursor.isPresent() && cursor.get().equals(page.next())) {
        return applied; // the hub did not move the cursor: do not loop on the same page
      }
      cursor = Optional.of(page.next());
    }
  }

  private Stream<Change> read(Optional<String> start) {
    Iterator<Change> iterator = new Iterator<>() {
      private Optional<String> cursor = start;
      private @Nullable Iterator<Change> page;
      private boolean caughtUp;

      @Override
      public boolean hasNext() {
        while (!caughtUp && (page == null || !page.hasNext())) {
          ChangePage fetched = page(cursor);
          caughtUp = fetched.events().isEmpty()
              || cursor.map(fetched.next()::equals).orElse(false);
          cursor = Optional.of(fetched.next());
          page = fetched.events().iterator();
        }
        return page != null && page.hasNext();
      }

      @Override
      public Change next() {
        if (!hasNext()) {
          throw new NoSuchElementException("caught up with the change feed");
        }
        return Objects.requireNonNull(page, "hasNext() is true only with a page").next();
      }
    };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private static Change change(JsonNode event) {
    String type = Json.string(event, "type");
    ChangeType kind = ChangeType.fromCode(type)
        .orElseThrow(() -> new MalformedResponseException("unknown change type \"" + type + "\""));
    JsonNode record = event.get("record");
    Optional<SstcRecord> bound = Optional.empty();
    if (record != null && !record.isNull()) {
      bound = Optional.of(Json.record(record, SstcRecord.class));
    }
    return new Change(
        Json.integer(event, "sequence"),
        kind,
        Json.string(event, "recordType"),
        Json.string(event, "id"),
        Json.integer(event, "version"),
        Json.dateTime(event, "at"),
        bound);
  }

  @Override
  public String toString() {
    return "ChangeFeed(pageSize=" + pageSize + ")";
  }
}
