package org.sstc.exchange.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.SstcRecord;

/**
 * The records a search finds, fetched page by page as you iterate: nothing is requested until
 * the first {@code hasNext()}, and the next page only when the current one is used up. Each
 * {@link #iterator()} (and each {@link #stream()}) starts again from the first page.
 *
 * <p>Paging follows the hub's cursor, so a record present throughout is seen exactly once even
 * while others write. A failure while fetching a page is thrown from {@code hasNext()}.
 *
 * @param <T> the record type
 *
 * @since 1.0
 */
public final class SearchResults<T extends SstcRecord> implements Iterable<T> {
  private final Function<Optional<String>, Page<T>> fetch;

  SearchResults(Function<Optional<String>, Page<T>> fetch) {
    this.fetch = fetch;
  }

  /** One page as the hub sent it. */
  record Page<T>(List<T> items, Optional<String> next) {}

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private @Nullable Iterator<T> page;
      private Optional<String> next = Optional.empty();
      private boolean fetchedAny;

      @Override
      public boolean hasNext() {
        while (page == null || !page.hasNext()) {
          if (fetchedAny && next.isEmpty()) {
            return false;
          }
          Page<T> fetched = fetch.apply(next);
          fetchedAny = true;
          next = fetched.next();
          page = fetched.items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more search results");
        }
        return Objects.requireNonNull(page, "hasNext() is true only with a page").next();
      }
    };
  }

  /**
   * The results as a lazy, sequential stream.
   *
   * @return a stream that fetches pages as it is consumed
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
