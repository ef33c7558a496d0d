package org.sstc.exchange.hub.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.SstcRecord;

/**
 * The hub's records, their versions and history, and the change log.
 *
 * <p>One read-write lock guards everything: a write (create, replace, delete, one bulk record)
 * compares the version and sets the new one under the write lock, so that concurrent
 * read-modify-write clients never lose an update, and the change log's sequence order is the
 * order in which writes took effect. Parsing and validation happen before the lock is taken.
 */
final class Store {
  /** Ids in code point order, as the contract orders search results. */
  static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  /** One version of a record as history shows it; {@code json} is absent for a deletion. */
  record Version(long version, String event, Instant at, byte @Nullable [] json) {}

  /** One entry of the change feed. */
  record Event(long sequence, String type, String recordType, String id, long version, Instant at,
      byte @Nullable [] json) {}

  /** A live record as read. */
  record Snapshot(String id, long version, byte[] json, SstcRecord model, Instant storedAt) {}

  /** What a write did. */
  enum Status { CREATED, UPDATED, UNCHANGED, DELETED, EXISTS, NOT_FOUND, FORBIDDEN, STALE }

  record Outcome(Status status, long version, byte @Nullable [] json) {}

  /** A page of search results. */
  record Page(List<Snapshot> items, boolean more) {}

  private static final class Entry {
    final String id;
    final List<Version> history = new ArrayList<>();
    String owner;
    long version;
    byte @Nullable [] json;
    @Nullable SstcRecord model;
    Instant storedAt;

    Entry(String id, String owner, Instant storedAt) {
      this.id = id;
      this.owner = owner;
      this.storedAt = storedAt;
    }

    boolean deleted() {
      return json == null;
    }
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, NavigableMap<String, Entry>> collections = new HashMap<>();
  private final List<Event> changes = new ArrayList<>();
  private Instant lastWrite = Instant.EPOCH;
  private int live;

  Store() {
    collections.put("initiative", new TreeMap<>(CODE_POINT_ORDER));
    collections.put("organisation", new TreeMap<>(CODE_POINT_ORDER));
  }

  /** Creates a record; {@code owner} is the organisation that may change it later. */
  Outcome create(String recordType, String id, String owner, byte[] json, SstcRecord model) {
    lock.writeLock().lock();
    try {
      NavigableMap<String, Entry> records = collection(recordType);
      Entry entry = records.get(id);
      if (entry != null) {
        return new Outcome(Status.EXISTS, entry.version, null);
      }
      entry = new Entry(id, owner, Instant.EPOCH);
      records.put(id, entry);
      apply(recordType, entry, "created", json, model);
      return new Outcome(Status.CREATED, entry.version, json);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * True when a replace or delete with {@code expected} would be refused as stale right now: lets
   * the hub answer 412 before it spends a validation on a body it would throw away (under
   * contention most read-modify-write attempts are stale). The write itself checks again.
   */
  boolean isStale(String recordType, String id, String org, Set<Long> expected) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry != null && !entry.deleted() && entry.owner.equals(org) && !expected.contains(entry.version);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The live record's version, or 0 when there is none. */
  long version(String recordType, String id) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry == null || entry.deleted() ? 0 : entry.version;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Replaces a live record if {@code org} owns it and its version is one of {@code expected}.
   */
  Outcome replace(String recordType, String id, String org, Set<Long> expected, byte[] json, SstcRecord model) {
    lock.writeLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      if (entry == null || entry.deleted()) {
        return new Outcome(Status.NOT_FOUND, 0, null);
      }
      if (!entry.owner.equals(org)) {
        return new Outcome(Status.FORBIDDEN, entry.version, null);
      }
      if (!expected.contains(entry.version)) {
        return new Outcome(Status.STALE, entry.version, null);
      }
      apply(recordType, entry, "updated", json, model);
      return new Outcome(Status.UPDATED, entry.version, json);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Deletes a live record if {@code org} owns it and its version is one of {@code expected}. */
  Outcome delete(String recordType, String id, String org, Set<Long> expected) {
    lock.writeLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      if (entry == null || entry.deleted()) {
        return new Outcome(Status.NOT_FOUND, 0, null);
      }
      if (!entry.owner.equals(org)) {
        return new Outcome(Status.FORBIDDEN, entry.version, null);
      }
      if (!expected.contains(entry.version)) {
        return new Outcome(Status.STALE, entry.version, null);
      }
      apply(recordType, entry, "deleted", null, null);
      return new Outcome(Status.DELETED, entry.version, null);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * A bulk write: creates the record if absent, updates it if present and different, leaves it
   * as it is if equal. A deleted id stays taken, so a record whose id was deleted is refused as
   * {@link Status#EXISTS}.
   */
  Outcome upsert(String recordType, String id, String org, byte[] json, SstcRecord model) {
    lock.writeLock().lock();
    try {
      NavigableMap<String, Entry> records = collection(recordType);
      Entry entry = records.get(id);
      if (entry == null) {
        entry = new Entry(id, org, Instant.EPOCH);
        records.put(id, entry);
        apply(recordType, entry, "created", json, model);
        return new Outcome(Status.CREATED, entry.version, json);
      }
      if (!entry.owner.equals(org)) {
        return new Outcome(Status.FORBIDDEN, entry.version, null);
      }
      if (entry.deleted()) {
        return new Outcome(Status.EXISTS, entry.version, null);
      }
      if (Arrays.equals(entry.json, json)) {
        return new Outcome(Status.UNCHANGED, entry.version, entry.json);
      }
      apply(recordType, entry, "updated", json, model);
      return new Outcome(Status.UPDATED, entry.version, json);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The owner of a record (live or deleted), if the id was ever used. */
  @Nullable String owner(String recordType, String id) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry == null ? null : entry.owner;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void apply(String recordType, Entry entry, String event, byte @Nullable [] json,
      @Nullable SstcRecord model) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    // Times never go backwards, so that updatedSince and the change feed agree.
    if (now.isBefore(lastWrite)) {
      now = lastWrite;
    }
    lastWrite = now;
    if (entry.json == null && json != null) {
      live++;
    } else if (entry.json != null && json == null) {
      live--;
    }
    entry.version++;
    entry.json = json;
    entry.model = model;
    entry.storedAt = now;
    entry.history.add(new Version(entry.version, event, now, json));
    changes.add(new Event(changes.size() + 1L, event, recordType, entry.id, entry.version, now, json));
  }

  /** A live record, or null if it does not exist or was deleted. */
  @Nullable Snapshot get(String recordType, String id) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry == null || entry.deleted() ? null : snapshot(entry);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every version of a record, oldest first; null if the id was never used. */
  @Nullable List<Version> history(String recordType, String id) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry == null ? null : List.copyOf(entry.history);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Live records matching {@code filter} with an id strictly after {@code after}, in id order. */
  Page search(String recordType, @Nullable String after, Predicate<Snapshot> filter, int limit) {
    lock.readLock().lock();
    try {
      NavigableMap<String, Entry> records = collection(recordType);
      NavigableMap<String, Entry> rest = after == null ? records : records.tailMap(after, false);
      List<Snapshot> items = new ArrayList<>();
      for (Entry entry : rest.values()) {
        if (entry.deleted()) {
          continue;
        }
        Snapshot snapshot = snapshot(entry);
        if (filter.test(snapshot)) {
          if (items.size() == limit) {
            return new Page(items, true);
          }
          items.add(snapshot);
        }
      }
      return new Page(items, false);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Events with a sequence greater than {@code since}, at most {@code limit}. */
  List<Event> changes(long since, int limit) {
    lock.readLock().lock();
    try {
      if (since >= changes.size()) {
        return List.of();
      }
      int from = (int) since;
      return List.copyOf(changes.subList(from, (int) Math.min(changes.size(), from + (long) limit)));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The number of live (not deleted) records. */
  /**
   * Whether the store answers and is ready for requests ({@code /health/ready}); the memory store
   * always is. A store on a database says false while it migrates or cannot reach the database.
   */
  boolean ready() {
    return true;
  }

  int liveRecords() {
    lock.readLock().lock();
    try {
      return live;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The records of a type: the hub keeps initiatives and organisations, the only types it routes. */
  private NavigableMap<String, Entry> collection(String recordType) {
    return Objects.requireNonNull(collections.get(recordType), recordType + " is not a collection of this hub");
  }

  /** A live entry's snapshot: callers skip deleted entries, whose json and model are null. */
  private static Snapshot snapshot(Entry entry) {
    return new Snapshot(entry.id, entry.version, Objects.requireNonNull(entry.json, "a live entry"),
        Objects.requireNonNull(entry.model, "a live entry"), entry.storedAt);
  }
}
