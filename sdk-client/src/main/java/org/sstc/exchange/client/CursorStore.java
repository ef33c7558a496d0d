package org.sstc.exchange.client;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.client.internal.FileCursorStore;

/**
 * Where a change-feed consumer keeps its place. {@link ChangeFeed#follow} saves the cursor of
 * each event after applying it, and starts from {@link #load()} the next time.
 *
 * <p>Keep the cursor where you keep the copy it describes: if your copy is in a database, store
 * the cursor in the same database, in the same transaction as the change, for exactly-once
 * processing even when the process dies between applying an event and saving its cursor.
 *
 * @since 1.0
 */
public interface CursorStore {
  /**
   * The last saved cursor, or empty to start from the beginning of the feed.
   *
   * @return the cursor, or empty
   */
  Optional<String> load();

  /**
   * Remembers a cursor; when this returns, {@link #load()} returns it, also after a restart.
   *
   * @param cursor the cursor of the last event applied
   */
  void save(String cursor);

  /**
   * A store in one file, written atomically (temporary file, then an atomic move), so that a
   * crash leaves the previous cursor or the new one, never a torn one.
   *
   * @param file the file that holds the cursor
   * @return the store
   */
  static CursorStore inFile(Path file) {
    FileCursorStore store = new FileCursorStore(file);
    return new CursorStore() {
      @Override
      public Optional<String> load() {
        return store.load();
      }

      @Override
      public void save(String cursor) {
        store.save(cursor);
      }

      @Override
      public String toString() {
        return store.toString();
      }
    };
  }

  /**
   * A store in memory, for tests and for consumers that rebuild their copy on every start.
   *
   * @return a new, empty store
   */
  static CursorStore inMemory() {
    AtomicReference<@Nullable String> value = new AtomicReference<>();
    return new CursorStore() {
      @Override
      public Optional<String> load() {
        return Optional.ofNullable(value.get());
      }

      @Override
      public void save(String cursor) {
        value.set(Objects.requireNonNull(cursor, "cursor"));
      }

      @Override
      public String toString() {
        return "CursorStore.inMemory(" + value.get() + ")";
      }
    };
  }
}
