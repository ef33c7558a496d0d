package org.sstc.exchange.hub.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.SstcRecord;

/**
 * Where a hub keeps its records, their versions and history, the change feed, idempotency keys and
 * token hashes. {@link HubHandler} and {@link BulkUpload} talk to this interface only; the stores
 * are {@link MemoryStore} (tests, the demo) and {@link JdbcStore} (SQLite, PostgreSQL).
 *
 * <p>Every write compares the version and sets the new one atomically (so concurrent
 * read-modify-write clients on any node never lose an update) and appends one event to the change
 * feed, whose sequence order is the commit order on every node.
 */
public interface HubStore extends AutoCloseable {
  /** The record types a store keeps: the hub routes the first two; solutions are stored too. */
  Set<String> RECORD_TYPES = Set.of("initiative", "organisation", "solution");

  /** One version of a record as history shows it; {@code json} is absent for a deletion. */
  record Version(long version, String event, Instant at, byte @Nullable [] json) {}

  /** One entry of the change feed. */
  record Event(long sequence, String type, String recordType, String id, long version, Instant at,
      byte @Nullable [] json) {}

  /** A live record as read. */
  record Snapshot(String id, long version, byte[] json, Instant storedAt) {}

  /** What a write did. */
  enum Status { CREATED, UPDATED, UNCHANGED, DELETED, EXISTS, NOT_FOUND, FORBIDDEN, STALE }

  /** A write's outcome: the version is the record's after the write (or the current one). */
  record Outcome(Status status, long version, byte @Nullable [] json) {}

  /** A page of search results. */
  record Page(List<Snapshot> items, boolean more) {}

  /**
   * A search: every filter that is not null must match; ids strictly after {@code after}, in code
   * point order, at most {@code limit}. Filters are values, not code, so that SQL stores answer
   * from their indexes ({@link Facets} says which values a record has).
   */
  record Query(String recordType, @Nullable String after, int limit, @Nullable Instant updatedSince,
      List<Facets.Facet> facets) {}

  /** A bearer token as the store keeps it: its SHA-256 hash, never the token. */
  record TokenEntry(String id, String org, byte[] hash, Instant created) {}

  /** An idempotency key's state: in flight while {@code reply} is null. */
  record KeySlot(byte @Nullable [] hash, @Nullable Reply reply, Instant at) {
    boolean inFlight() {
      return reply == null;
    }

    boolean sameRequest(byte[] other) {
      return hash != null && java.util.Arrays.equals(hash, other);
    }
  }

  /** An idempotency key's kept answer, as export and import move it. */
  record KeptAnswer(String org, String key, byte[] hash, Reply reply, Instant at) {}

  /** A record with its whole history (the last version is the current one; a deletion is a tombstone). */
  record StoredRecord(String recordType, String id, String owner, List<Version> history) {}

  /** A change-feed position and the history version it names. */
  record FeedEntry(long sequence, String recordType, String id, long version) {}

  /** Loads an export into an empty store, in one transaction: nothing is there until {@link #commit}. */
  interface Importer extends AutoCloseable {
    void record(StoredRecord record);

    void event(FeedEntry event);

    void token(TokenEntry token);

    /** An idempotency key's answer, replayed as before until its retention ends. */
    void answer(KeptAnswer answer);

    /** Makes everything loaded visible at once. */
    void commit();

    /** Gives up what was not committed. */
    @Override
    void close();
  }

  /** The identity fixed when the store was created: change-feed cursors carry it. */
  String hubId();

  /** Creates a record; {@code owner} is the organisation that may change it later. */
  Outcome create(String recordType, String id, String owner, byte[] json, SstcRecord model);

  /**
   * True when a replace or delete with {@code expected} would be refused as stale right now: lets
   * the hub answer 412 before it spends a validation on a body it would throw away. The write
   * itself checks again.
   */
  boolean isStale(String recordType, String id, String org, Set<Long> expected);

  /** The live record's version, or 0 when there is none. */
  long version(String recordType, String id);

  /** Replaces a live record if {@code org} owns it and its version is one of {@code expected}. */
  Outcome replace(String recordType, String id, String org, Set<Long> expected, byte[] json, SstcRecord model);

  /** Deletes a live record if {@code org} owns it and its version is one of {@code expected}. */
  Outcome delete(String recordType, String id, String org, Set<Long> expected);

  /**
   * A bulk write: creates the record if absent, updates it if present and different, leaves it as
   * it is if equal. A deleted id stays taken ({@link Status#EXISTS}).
   */
  Outcome upsert(String recordType, String id, String org, byte[] json, SstcRecord model);

  /** One write of a bulk upload, as {@link #upsert} takes it. */
  record Upsert(String recordType, String id, String org, byte[] json, SstcRecord model) {}

  /**
   * Bulk writes, each as {@link #upsert} would do it, in order, committed together (one
   * transaction, one disk flush, on the SQL stores); the outcomes in the same order.
   */
  List<Outcome> upsertAll(List<Upsert> writes);

  /**
   * True when a write waits on a database (round trips, a commit to disk): a bulk upload then
   * writes each chunk on a thread of its own while it reads and checks the next.
   */
  default boolean writesWait() {
    return false;
  }

  /** The owner of a record (live or deleted), if the id was ever used. */
  @Nullable String owner(String recordType, String id);

  /** A live record, or null if it does not exist or was deleted. */
  @Nullable Snapshot get(String recordType, String id);

  /** Every version of a record, oldest first; null if the id was never used. */
  @Nullable List<Version> history(String recordType, String id);

  /** Live records matching the query, in id order. */
  Page search(Query query);

  /** Committed events with a sequence greater than {@code since}, at most {@code limit}. */
  List<Event> changes(long since, int limit);

  /** The sequence of the last committed event, 0 for an empty feed. */
  long head();

  /**
   * Whether the store answers and is ready for requests ({@code /health/ready}): the memory store
   * always is; a database store is when a connection answers within a few seconds (migrations are
   * done before the hub starts serving).
   */
  boolean ready();

  /**
   * Binds the store's own meters (a connection pool's) to the hub's registry for {@code /metrics};
   * the memory store has none. A store shared by several hubs in one process binds to the first.
   */
  default void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {}

  /** The number of live (not deleted) records. */
  int liveRecords();

  /**
   * Claims an idempotency key for a new request. Returns null when the caller now holds the key
   * (and must {@link #completeKey} or {@link #releaseKey} it), or the existing slot: in flight (on
   * this node or another), or done and kept.
   */
  @Nullable KeySlot claimKey(String org, String key);

  /** Keeps the answer to a request that held the key, for {@link IdempotencyKeys#KEPT}. */
  void completeKey(String org, String key, byte[] hash, Reply reply);

  /** Gives a key up without keeping an answer (the request failed on the hub's side). */
  void releaseKey(String org, String key);

  /** The organisation a token hash writes for, or null if no token has that hash. */
  @Nullable String organisationOf(byte[] tokenHash);

  /** Adds a token hash; false if that hash is there already. */
  boolean addToken(TokenEntry token);

  /** Every token, oldest first (hashes only). */
  List<TokenEntry> tokens();

  /** Removes a token by its id; false if there was none. */
  boolean revokeToken(String id);

  /** Every record ever created (deleted ones too), with its history, by type then id. */
  void forEachRecord(java.util.function.Consumer<StoredRecord> each);

  /**
   * The idempotency answers still kept (not past {@link IdempotencyKeys#KEPT}), oldest first;
   * claims in flight are not answers and are left out.
   */
  List<KeptAnswer> keptAnswers();

  /** The feed positions after {@code since}, at most {@code limit}, without the records. */
  List<FeedEntry> feed(long since, int limit);

  /**
   * Starts loading an export into this store, which must be empty; the store takes the exported
   * identity and head.
   *
   * @throws IllegalStateException if the store has records or events
   */
  Importer importer(String hubId, long head);

  /** Releases the store's resources (connections); the data stays where it is. */
  @Override
  void close();
}
