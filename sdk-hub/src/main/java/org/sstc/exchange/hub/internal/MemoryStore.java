package org.sstc.exchange.hub.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.SstcRecord;

/**
 * The memory store: the hub's records, their versions and history, and the change log, in the
 * heap (tests, the demo); everything is gone when the hub stops.
 *
 * <p>One read-write lock guards everything: a write (create, replace, delete, one bulk record)
 * compares the version and sets the new one under the write lock, so that concurrent
 * read-modify-write clients never lose an update, and the change log's sequence order is the
 * order in which writes took effect. Parsing and validation happen before the lock is taken.
 */
final class MemoryStore implements HubStore {
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

  private static final class Entry {
    final String id;
    final List<Version> history = new ArrayList<>();
    String owner;
    long version;
    byte @Nullable [] json;
    Set<Facets.Facet> facets = Set.of();
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
  /**
   * The search index: per record type, the live records that have a facet, by id in code point
   * order (what record_facet is to the SQL stores), so a filtered search walks the smallest of its
   * facets' record sets instead of every record, with no look-up by id per record walked.
   */
  private final Map<String, Map<Facets.Facet, NavigableMap<String, Entry>>> index = new HashMap<>();
  private final List<Event> changes = new ArrayList<>();
  /**
   * Whether the change log's times never go backwards, as this store writes them; an import of
   * a feed whose times do (another store's clock) turns the time look-up off.
   */
  private boolean changesInTimeOrder = true;
  private final IdempotencyKeys keys = new IdempotencyKeys();
  private final Map<String, TokenEntry> tokens = new LinkedHashMap<>();
  private volatile String hubId;
  private Instant lastWrite = Instant.EPOCH;
  private int live;

  MemoryStore() {
    this(HubIdentity.newHubId());
  }

  MemoryStore(String hubId) {
    this.hubId = hubId;
    for (String type : RECORD_TYPES) {
      collections.put(type, new TreeMap<>(CODE_POINT_ORDER));
      index.put(type, new HashMap<>());
    }
  }

  @Override
  public String hubId() {
    return hubId;
  }

  /** Creates a record; {@code owner} is the organisation that may change it later. */
  @Override
  public Outcome create(String recordType, String id, String owner, byte[] json, SstcRecord model) {
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
  @Override
  public boolean isStale(String recordType, String id, String org, Set<Long> expected) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry != null && !entry.deleted() && entry.owner.equals(org) && !expected.contains(entry.version);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The live record's version, or 0 when there is none. */
  @Override
  public long version(String recordType, String id) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry == null || entry.deleted() ? 0 : entry.version;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Outcome replace(String recordType, String id, String org, Set<Long> expected, byte[] json, SstcRecord model) {
    return change(recordType, id, org, expected, Status.UPDATED, json, model);
  }

  @Override
  public Outcome delete(String recordType, String id, String org, Set<Long> expected) {
    return change(recordType, id, org, expected, Status.DELETED, null, null);
  }

  /** A replace ({@code json} given) or a delete of a live record {@code org} owns at an expected version. */
  private Outcome change(String recordType, String id, String org, Set<Long> expected, Status done,
      byte @Nullable [] json, @Nullable SstcRecord model) {
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
      apply(recordType, entry, json == null ? "deleted" : "updated", json, model);
      return new Outcome(done, entry.version, json);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * A bulk write: creates the record if absent, updates it if present and different, leaves it
   * as it is if equal. A deleted id stays taken, so a record whose id was deleted is refused as
   * {@link Status#EXISTS}.
   */
  @Override
  public Outcome upsert(String recordType, String id, String org, byte[] json, SstcRecord model) {
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

  @Override
  public List<Outcome> upsertAll(List<Upsert> writes) {
    List<Outcome> outcomes = new ArrayList<>(writes.size());
    // The lock once for the chunk: a reader sees all of it or none, and each upsert's own
    // acquisition is then only a re-entry.
    lock.writeLock().lock();
    try {
      for (Upsert write : writes) {
        outcomes.add(upsert(write.recordType(), write.id(), write.org(), write.json(), write.model()));
      }
    } finally {
      lock.writeLock().unlock();
    }
    return outcomes;
  }

  /** The owner of a record (live or deleted), if the id was ever used. */
  @Override
  public @Nullable String owner(String recordType, String id) {
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
    index(recordType, entry, model == null ? Set.of() : Facets.of(model));
    entry.storedAt = now;
    entry.history.add(new Version(entry.version, event, now, json));
    changes.add(new Event(changes.size() + 1L, event, recordType, entry.id, entry.version, now, json));
  }

  /** A live record, or null if it does not exist or was deleted. */
  @Override
  public @Nullable Snapshot get(String recordType, String id) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry == null || entry.deleted() ? null : snapshot(entry);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every version of a record, oldest first; null if the id was never used. */
  @Override
  public @Nullable List<Version> history(String recordType, String id) {
    lock.readLock().lock();
    try {
      Entry entry = collection(recordType).get(id);
      return entry == null ? null : List.copyOf(entry.history);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Gives an entry its new facets, in the entry and in the search index (none for a deletion). */
  private void index(String recordType, Entry entry, Set<Facets.Facet> facets) {
    Map<Facets.Facet, NavigableMap<String, Entry>> byFacet = Objects.requireNonNull(index.get(recordType), recordType);
    for (Facets.Facet old : entry.facets) {
      NavigableMap<String, Entry> withFacet = byFacet.get(old);
      if (withFacet != null && withFacet.remove(entry.id) != null && withFacet.isEmpty()) {
        byFacet.remove(old);
      }
    }
    for (Facets.Facet facet : facets) {
      byFacet.computeIfAbsent(facet, unused -> new TreeMap<>(CODE_POINT_ORDER)).put(entry.id, entry);
    }
    entry.facets = facets;
  }

  @Override
  public Page search(Query query) {
    lock.readLock().lock();
    try {
      NavigableMap<String, Entry> records = collection(query.recordType());
      String after = query.after();
      Instant since = query.updatedSince();
      // Walk the ids of the query's rarest facet (every record when it names none); the other
      // facets are checked on each of those records' facet sets.
      Iterable<Entry> rest;
      NavigableMap<String, Entry> rarest = rarest(query);
      if (rarest != null) {
        rest = (after == null ? rarest : rarest.tailMap(after, false)).values();
      } else if (query.facets().isEmpty()) {
        rest = (after == null ? records : records.tailMap(after, false)).values();
      } else {
        return new Page(List.of(), false); // a facet no record has
      }
      if (since != null) {
        NavigableMap<String, Entry> recent =
            changedSince(query.recordType(), since, rarest == null ? records.size() : rarest.size());
        if (recent != null) {
          rest = (after == null ? recent : recent.tailMap(after, false)).values();
        }
      }
      List<Snapshot> items = new ArrayList<>();
      for (Entry entry : rest) {
        if (entry.deleted() || since != null && entry.storedAt.isBefore(since) || !entry.facets.containsAll(query.facets())) {
          continue;
        }
        if (items.size() == query.limit()) {
          return new Page(items, true);
        }
        items.add(snapshot(entry));
      }
      return new Page(items, false);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The records of a type written at or after {@code since}, in id order, found from the change
   * log (whose times never go backwards) when fewer events than {@code walk} are that recent, so
   * that "what changed in the last hour" does not walk every record; null when walking is cheaper.
   */
  private @Nullable NavigableMap<String, Entry> changedSince(String recordType, Instant since, int walk) {
    if (!changesInTimeOrder) {
      return null;
    }
    int low = 0;
    int high = changes.size();
    while (low < high) { // the first event at or after since
      int middle = (low + high) >>> 1;
      if (changes.get(middle).at().isBefore(since)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (changes.size() - low >= walk) {
      return null;
    }
    NavigableMap<String, Entry> records = collection(recordType);
    NavigableMap<String, Entry> recent = new TreeMap<>(CODE_POINT_ORDER);
    for (Event event : changes.subList(low, changes.size())) {
      if (event.recordType().equals(recordType)) {
        Entry entry = records.get(event.id());
        if (entry != null) {
          recent.put(entry.id, entry);
        }
      }
    }
    return recent;
  }

  /** The smallest id set of the query's facets; null if it names none, or one no record has. */
  private @Nullable NavigableMap<String, Entry> rarest(Query query) {
    Map<Facets.Facet, NavigableMap<String, Entry>> byFacet =
        Objects.requireNonNull(index.get(query.recordType()), query.recordType());
    NavigableMap<String, Entry> rarest = null;
    for (Facets.Facet facet : query.facets()) {
      NavigableMap<String, Entry> withFacet = byFacet.get(facet);
      if (withFacet == null) {
        return null;
      }
      if (rarest == null || withFacet.size() < rarest.size()) {
        rarest = withFacet;
      }
    }
    return rarest;
  }

  /** Events with a sequence greater than {@code since}, at most {@code limit}. */
  @Override
  public List<Event> changes(long since, int limit) {
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

  @Override
  public long head() {
    lock.readLock().lock();
    try {
      return changes.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Always: the memory store has nothing to reach. */
  @Override
  public boolean ready() {
    return true;
  }

  /** The number of live (not deleted) records. */
  @Override
  public int liveRecords() {
    lock.readLock().lock();
    try {
      return live;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public @Nullable KeySlot claimKey(String org, String key) {
    return keys.claim(org, key);
  }

  @Override
  public void completeKey(String org, String key, byte[] hash, Reply reply) {
    keys.complete(org, key, hash, reply);
  }

  @Override
  public void releaseKey(String org, String key) {
    keys.release(org, key);
  }

  @Override
  public List<KeptAnswer> keptAnswers() {
    return keys.kept();
  }

  @Override
  public synchronized @Nullable String organisationOf(byte[] tokenHash) {
    for (TokenEntry token : tokens.values()) {
      if (java.security.MessageDigest.isEqual(token.hash(), tokenHash)) {
        return token.org();
      }
    }
    return null;
  }

  @Override
  public synchronized boolean addToken(TokenEntry token) {
    for (TokenEntry other : tokens.values()) {
      if (Arrays.equals(other.hash(), token.hash())) {
        return false;
      }
    }
    tokens.put(token.id(), token);
    return true;
  }

  @Override
  public synchronized List<TokenEntry> tokens() {
    return List.copyOf(tokens.values());
  }

  @Override
  public synchronized boolean revokeToken(String id) {
    return tokens.remove(id) != null;
  }

  @Override
  public void forEachRecord(java.util.function.Consumer<StoredRecord> each) {
    lock.readLock().lock();
    try {
      for (String type : new java.util.TreeSet<>(collections.keySet())) {
        for (Entry entry : collection(type).values()) {
          each.accept(new StoredRecord(type, entry.id, entry.owner, List.copyOf(entry.history)));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<FeedEntry> feed(long since, int limit) {
    return changes(since, limit).stream()
        .map(e -> new FeedEntry(e.sequence(), e.recordType(), e.id(), e.version())).toList();
  }

  @Override
  public Importer importer(String hubId, long head) {
    lock.writeLock().lock();
    try {
      if (!changes.isEmpty() || !tokens.isEmpty() || collections.values().stream().anyMatch(c -> !c.isEmpty())) {
        throw new IllegalStateException("this store is not empty: it has records or tokens; import into a new one");
      }
    } finally {
      lock.writeLock().unlock();
    }
    List<StoredRecord> records = new ArrayList<>();
    List<FeedEntry> events = new ArrayList<>();
    List<TokenEntry> added = new ArrayList<>();
    List<KeptAnswer> answers = new ArrayList<>();
    return new Importer() {
      @Override
      public void answer(KeptAnswer answer) {
        answers.add(answer);
      }

      @Override
      public void record(StoredRecord record) {
        records.add(record);
      }

      @Override
      public void event(FeedEntry event) {
        events.add(event);
      }

      @Override
      public void token(TokenEntry token) {
        added.add(token);
      }

      @Override
      public void commit() {
        lock.writeLock().lock();
        try {
          Map<String, Version> versions = new HashMap<>();
          for (StoredRecord record : records) {
            Entry entry = new Entry(record.id(), record.owner(), Instant.EPOCH);
            entry.history.addAll(record.history());
            Version last = record.history().get(record.history().size() - 1);
            entry.version = last.version();
            entry.json = last.json();
            entry.storedAt = last.at();
            if (last.json() != null) {
              index(record.recordType(), entry, Facets.of(org.sstc.exchange.core.SstcJson.standard().read(last.json())));
              live++;
            }
            if (last.at().isAfter(lastWrite)) {
              lastWrite = last.at();
            }
            collection(record.recordType()).put(record.id(), entry);
            for (Version version : record.history()) {
              versions.put(record.recordType() + "\n" + record.id() + "\n" + version.version(), version);
            }
          }
          for (FeedEntry event : events) {
            Version version = Objects.requireNonNull(versions.get(event.recordType() + "\n" + event.id() + "\n" + event.version()),
                "the export's feed names a version its records do not have");
            if (!changes.isEmpty() && version.at().isBefore(changes.get(changes.size() - 1).at())) {
              changesInTimeOrder = false;
            }
            changes.add(new Event(event.sequence(), version.event(), event.recordType(), event.id(), event.version(),
                version.at(), version.json()));
          }
          MemoryStore.this.hubId = hubId;
        } finally {
          lock.writeLock().unlock();
        }
        added.forEach(MemoryStore.this::addToken);
        answers.forEach(keys::restore);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}

  /** The records of a type. */
  private NavigableMap<String, Entry> collection(String recordType) {
    return Objects.requireNonNull(collections.get(recordType), recordType + " is not a collection of this hub");
  }

  /** A live entry's snapshot: callers skip deleted entries, whose json and model are null. */
  private static Snapshot snapshot(Entry entry) {
    return new Snapshot(entry.id, entry.version, Objects.requireNonNull(entry.json, "a live entry"), entry.storedAt);
  }
}
