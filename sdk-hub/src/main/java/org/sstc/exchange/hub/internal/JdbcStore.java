package org.sstc.exchange.hub.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.SstcRecord;

/**
 * The SQL store: SQLite (embedded, one file) or PostgreSQL (several hub nodes on one database),
 * plain JDBC over a HikariCP pool, the schema made and upgraded by Flyway at start.
 *
 * <p>Every write transaction first takes the one {@code hub_meta} row (PostgreSQL: {@code SELECT
 * ... FOR UPDATE}; SQLite has a single writer anyway) and releases it at commit. That one lock
 * makes the version compare-and-set of every node exact (no read-modify-write can interleave) and
 * gives the change feed its order: the feed position is {@code head + 1} taken under the lock, so
 * positions commit in the order they were given out. A plain database sequence would not do: its
 * values are handed out at {@code nextval()}, before commit, so transaction A can take 7, B take 8
 * and commit first, and a follower that reads 8 and then asks for {@code > 8} never sees A's 7
 * (Sequin, "Postgres sequences can commit out-of-order").
 */
public final class JdbcStore implements HubStore {
  /** The newest schema version this hub knows (the highest {@code V<n>__} migration). */
  static final int SCHEMA_VERSION = 2;

  private static final long PURGE_EVERY_MICROS = TimeUnit.MINUTES.toMicros(1);

  /** How long {@code /health/ready} waits for the database: well inside a load balancer's probe timeout. */
  static final long READY_TIMEOUT_MS = 2000;

  /** Where the SQL of the two databases differs. */
  public enum Dialect {
    SQLITE("BLOB", "TEXT", "", true, "-- "),
    POSTGRESQL("BYTEA", "TEXT COLLATE \"C\"", " FOR UPDATE", false, "");

    /**
     * The migrations' placeholders: the type of byte columns and of id columns, and what starts a
     * statement for PostgreSQL alone (nothing there, a comment on SQLite).
     */
    final Map<String, String> placeholders;
    /** Takes the feed lock: the one hub_meta row, held to commit. */
    final String lockMeta;
    /** True when the database has one writer at a time: the hub queues its writes itself. */
    final boolean singleWriter;

    Dialect(String bytes, String id, String forUpdate, boolean singleWriter, String postgresqlOnly) {
      this.placeholders = Map.of("bytes", bytes, "id", id, "postgresql", postgresqlOnly);
      this.lockMeta = "SELECT head, last_write FROM hub_meta WHERE one = 1" + forUpdate;
      this.singleWriter = singleWriter;
    }

    /**
     * A search by {@code facets} facets: the live records (id, version, doc, stored_at) that have
     * them all, in id order, at most the last parameter; per facet the parameters are record_type,
     * name, value and, if {@code after}, the id to start after. Each facet is one range of
     * record_facet's primary key, a covering index already in id order.
     *
     * <p>SQLite merges the ranges into the page's ids ({@code INTERSECT} with {@code ORDER BY}: its
     * plan is MERGE (INTERSECT) over COVERING INDEX searches), reading each range only up to the
     * page's last id, then reads those records; a join would probe the second range once per row
     * of the first. PostgreSQL would sort or hash both ranges whole for an {@code INTERSECT}, so
     * there the facets and the record are one join, which its planner runs as a merge join of
     * index-only scans (or drives from the rarer range, from its statistics) stopped by the limit.
     */
    String facetSearch(int facets, boolean after) {
      StringBuilder sql = new StringBuilder();
      String from = after ? " AND %1$s.id > ?" : "";
      if (this == SQLITE) {
        sql.append("SELECT r.id, r.version, r.doc, r.stored_at FROM hub_record r WHERE r.id IN (");
        for (int i = 0; i < facets; i++) {
          sql.append(i == 0 ? "" : " INTERSECT ")
              .append("SELECT f.id FROM record_facet f WHERE f.record_type = ? AND f.name = ? AND f.value = ?")
              .append(from.formatted("f"));
        }
        // The record type last: a parameter after the page's limit.
        return sql.append(" ORDER BY 1 LIMIT ?) AND r.record_type = ? AND r.doc IS NOT NULL ORDER BY r.id").toString();
      }
      sql.append("SELECT r.id, r.version, r.doc, r.stored_at FROM record_facet f0");
      for (int i = 1; i < facets; i++) {
        sql.append(" JOIN record_facet f").append(i).append(" ON f").append(i).append(".id = f0.id");
      }
      sql.append(" JOIN hub_record r ON r.record_type = f0.record_type AND r.id = f0.id WHERE ");
      for (int i = 0; i < facets; i++) {
        String f = "f" + i;
        sql.append(i == 0 ? "" : " AND ").append(f).append(".record_type = ? AND ").append(f).append(".name = ? AND ")
            .append(f).append(".value = ?").append(from.formatted(f));
      }
      return sql.append(" AND r.doc IS NOT NULL AND r.record_type = ? ORDER BY f0.id LIMIT ?").toString();
    }
  }

  private final HikariDataSource pool;
  private final Dialect dialect;
  private volatile String hubId;
  private final String description;
  private final ReentrantLock writer = new ReentrantLock();
  private final AtomicLong lastPurge = new AtomicLong();
  /** The readiness checks' one thread (a daemon, so that a check stuck on a dead database never holds the JVM). */
  private final java.util.concurrent.ExecutorService readiness = java.util.concurrent.Executors.newSingleThreadExecutor(
      run -> {
        Thread thread = new Thread(run, "sstc-hub-readiness");
        thread.setDaemon(true);
        return thread;
      });
  private @Nullable Future<Boolean> readyCheck;

  private JdbcStore(HikariDataSource pool, Dialect dialect, String description) {
    this.pool = pool;
    this.dialect = dialect;
    this.description = description;
    try {
      refuseNewerSchema();
      Flyway.configure(JdbcStore.class.getClassLoader())
          .dataSource(pool)
          .locations("classpath:db/migration-hub")
          .placeholders(dialect.placeholders)
          .load()
          .migrate();
      this.hubId = identity();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * An SQLite store in {@code file} (WAL journal, {@code synchronous=FULL}: an acknowledged write
   * survives a killed process and a power loss).
   */
  public static JdbcStore sqlite(java.nio.file.Path file) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
    config.setDriverClassName("org.sqlite.JDBC");
    config.setMaximumPoolSize(8);
    config.setPoolName("sstc-hub-sqlite");
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("journal_mode", "WAL");
    properties.setProperty("synchronous", "FULL");
    properties.setProperty("busy_timeout", "60000");
    properties.setProperty("foreign_keys", "true");
    properties.setProperty("transaction_mode", "IMMEDIATE");
    config.setDataSourceProperties(properties);
    return new JdbcStore(new HikariDataSource(config), Dialect.SQLITE, "SQLite " + file.toAbsolutePath());
  }

  /** A PostgreSQL store; {@code jdbcUrl} is {@code jdbc:postgresql://HOST:PORT/DB}. */
  public static JdbcStore postgresql(String jdbcUrl, @Nullable String user, @Nullable String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setDriverClassName("org.postgresql.Driver");
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("sstc-hub-postgresql");
    config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(30));
    // A record's facets (a single write, an import) go as one multi-row INSERT, not one per row.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new JdbcStore(new HikariDataSource(config), Dialect.POSTGRESQL, "PostgreSQL " + jdbcUrl);
  }

  /** A database migrated by a newer hub has tables this hub would misread: it is refused. */
  private void refuseNewerSchema() {
    String newer;
    try (Connection c = pool.getConnection()) {
      newer = newerSchema(c);
    } catch (SQLException e) {
      return; // a new database: no history table yet
    }
    if (newer != null) {
      throw new IllegalStateException(newerSchemaMessage(newer));
    }
  }

  private String newerSchemaMessage(String newer) {
    return "this database was migrated by a newer SSTC hub (schema version " + newer + "); this hub knows up to "
        + SCHEMA_VERSION + ": upgrade the hub (" + description + ")";
  }

  /**
   * The newest schema version applied to the database if it is newer than this hub's {@link
   * #SCHEMA_VERSION}, else null. Versions compare as Flyway orders them, part by part ("1.1" is
   * newer than "1"), not by their first number only.
   *
   * @throws SQLException if there is no migration history (a new database) or the query fails
   */
  private static @Nullable String newerSchema(Connection c) throws SQLException {
    MigrationVersion known = MigrationVersion.fromVersion(Integer.toString(SCHEMA_VERSION));
    MigrationVersion newest = known;
    try (PreparedStatement s = c.prepareStatement("SELECT version FROM flyway_schema_history WHERE success = ?")) {
      s.setBoolean(1, true);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          String version = rows.getString(1);
          if (version != null) {
            try {
              MigrationVersion applied = MigrationVersion.fromVersion(version);
              if (applied.isNewerThan(newest)) {
                newest = applied;
              }
            } catch (RuntimeException e) {
              // not one of ours (Flyway accepts only digits and dots)
            }
          }
        }
      }
    }
    return newest == known ? null : newest.getVersion();
  }
  private String identity() {
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO hub_meta (one, hub_id, head, last_write) VALUES (1, ?, 0, 0) ON CONFLICT DO NOTHING")) {
        s.setString(1, HubIdentity.newHubId());
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("SELECT hub_id FROM hub_meta WHERE one = 1");
          ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (SQLException e) {
      throw failure("reading the hub's identity", e);
    }
  }

  private RuntimeException failure(String what, SQLException e) {
    return new StoreException("the hub's store (" + description + ") failed " + what + ": " + e.getMessage(), e);
  }

  /** A store failure: the request gets a 500 and nothing half-written stays. */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public String hubId() {
    return hubId;
  }

  @Override
  public String toString() {
    return "JdbcStore[" + description + "]";
  }

  // ---- writes ----

  /** A write transaction holding the feed lock. */
  private final class Tx {
    final Connection c;
    long head;
    long lastWrite;
    /** The head as hub_meta has it in this transaction: a write that moved it further stores it before commit. */
    long headStored;

    Tx(Connection c, long head, long lastWrite) {
      this.c = c;
      this.head = head;
      this.lastWrite = lastWrite;
      this.headStored = head;
    }

    /** The record row: owner, version, live; null if the id was never used. */
    @Nullable Row row(String type, String id) throws SQLException {
      return rowOf(c, type, id);
    }

    /**
     * Writes a new version: the record row, its facets, its history and one feed event. {@code
     * replaced} is the live document this version replaces (null for a new record): its facets
     * are the rows to remove.
     */
    long apply(String type, String id, String owner, long version, byte @Nullable [] replaced, String event,
        byte @Nullable [] json, @Nullable SstcRecord model) throws SQLException {
      // Times never go backwards, so that updatedSince and the change feed agree.
      long now = Math.max(micros(Instant.now()), lastWrite);
      lastWrite = now;
      long next = version + 1;
      if (version == 0) {
        update("INSERT INTO hub_record (record_type, id, owner, version, doc, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
            type, id, owner, next, json, now);
      } else {
        update("UPDATE hub_record SET version = ?, doc = ?, stored_at = ? WHERE record_type = ? AND id = ? AND version = ?",
            next, json, now, type, id, version);
      }
      Set<Facets.Facet> before = storedFacets(c, type, id, replaced);
      Set<Facets.Facet> after = model == null ? Set.of() : Facets.of(model);
      facetRows(UNFACET, type, id, minus(before, after));
      facetRows(FACET, type, id, minus(after, before));
      update("INSERT INTO record_history (record_type, id, version, event, at, doc) VALUES (?, ?, ?, ?, ?, ?)",
          type, id, next, event, now, json);
      head++;
      update("INSERT INTO feed (seq, record_type, id, version) VALUES (?, ?, ?, ?)", head, type, id, next);
      return next;
    }

    /** Runs {@link #FACET} or {@link #UNFACET} for each of a record's {@code facets}, if any. */
    void facetRows(String sql, String type, String id, Set<Facets.Facet> facets) throws SQLException {
      if (facets.isEmpty()) {
        return;
      }
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (Facets.Facet facet : facets) {
          bind(s, type, facet.name(), facet.value(), id);
          s.addBatch();
        }
        s.executeBatch();
      }
    }

    int update(String sql, @Nullable Object... values) throws SQLException {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        bind(s, values);
        return s.executeUpdate();
      }
    }
  }

  private record Row(String owner, long version, byte @Nullable [] json) {
    boolean deleted() {
      return json == null;
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  private <T> T write(String what, Work<T> work) {
    if (dialect.singleWriter) {
      writer.lock();
    }
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        Tx tx;
        try (PreparedStatement s = c.prepareStatement(dialect.lockMeta); ResultSet rows = s.executeQuery()) {
          rows.next();
          tx = new Tx(c, rows.getLong(1), rows.getLong(2));
        }
        T result = work.run(tx);
        if (tx.head != tx.headStored) {
          tx.update("UPDATE hub_meta SET head = ?, last_write = ? WHERE one = 1", tx.head, tx.lastWrite);
        }
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      if (dialect.singleWriter) {
        writer.unlock();
      }
    }
  }

  @Override
  public Outcome create(String recordType, String id, String owner, byte[] json, SstcRecord model) {
    return write("creating a record", tx -> {
      Row row = tx.row(recordType, id);
      if (row != null) {
        return new Outcome(Status.EXISTS, row.version(), null);
      }
      return new Outcome(Status.CREATED, tx.apply(recordType, id, owner, 0, null, "created", json, model), json);
    });
  }

  @Override
  public boolean isStale(String recordType, String id, String org, Set<Long> expected) {
    Row row = find("reading a version", c -> rowOf(c, recordType, id));
    return row != null && !row.deleted() && row.owner().equals(org) && !expected.contains(row.version());
  }

  @Override
  public long version(String recordType, String id) {
    Row row = find("reading a version", c -> rowOf(c, recordType, id));
    return row == null || row.deleted() ? 0 : row.version();
  }

  @Override
  public Outcome replace(String recordType, String id, String org, Set<Long> expected, byte[] json, SstcRecord model) {
    return change("replacing a record", recordType, id, org, expected, Status.UPDATED, json, model);
  }

  @Override
  public Outcome delete(String recordType, String id, String org, Set<Long> expected) {
    return change("deleting a record", recordType, id, org, expected, Status.DELETED, null, null);
  }

  /** A replace ({@code json} given) or a delete of a live record {@code org} owns at an expected version. */
  private Outcome change(String what, String recordType, String id, String org, Set<Long> expected, Status done,
      byte @Nullable [] json, @Nullable SstcRecord model) {
    return write(what, tx -> {
      Row row = tx.row(recordType, id);
      Outcome refused = refusal(row, org, expected);
      if (refused != null || row == null) {
        return refused == null ? new Outcome(Status.NOT_FOUND, 0, null) : refused;
      }
      String event = json == null ? "deleted" : "updated";
      return new Outcome(done, tx.apply(recordType, id, row.owner(), row.version(), row.json(), event, json, model), json);
    });
  }

  private static @Nullable Outcome refusal(@Nullable Row row, String org, Set<Long> expected) {
    if (row == null || row.deleted()) {
      return new Outcome(Status.NOT_FOUND, 0, null);
    }
    if (!row.owner().equals(org)) {
      return new Outcome(Status.FORBIDDEN, row.version(), null);
    }
    if (!expected.contains(row.version())) {
      return new Outcome(Status.STALE, row.version(), null);
    }
    return null;
  }

  @Override
  public Outcome upsert(String recordType, String id, String org, byte[] json, SstcRecord model) {
    return upsertAll(List.of(new Upsert(recordType, id, org, json, model))).get(0);
  }

  @Override
  public boolean writesWait() {
    return true;
  }

  @Override
  public List<Outcome> upsertAll(List<Upsert> writes) {
    return write("writing records", tx -> new Chunk(tx).upsertAll(writes));
  }

  /**
   * One bulk chunk in one transaction, with the same few statements whatever its size: the rows
   * it names are read by one query per record type, every row it writes goes in JDBC batches
   * (SQLite) or array parameters in one round trip (PostgreSQL, {@link #flushArrays}), and each
   * record row and its facets are written once, in their final state. A record named twice
   * in one chunk is decided against its state after the first write, as one upsert after the
   * other would; every version still gets its history row and feed event.
   */
  private final class Chunk {
    /** The most ids in one {@code IN (...)} list (SQLite allows 32 766 parameters). */
    private static final int IDS_PER_QUERY = 500;

    private record Key(String type, String id) {}

    /** A record as the chunk leaves it; {@code before} is its row when the chunk began, or null. */
    private static final class Pending {
      final @Nullable Row before;
      final String owner;
      long version;
      byte @Nullable [] json;
      long storedAt;
      Set<Facets.Facet> facets = Set.of();
      private @Nullable Set<Facets.Facet> facetsBefore;

      Pending(@Nullable Row before, String owner, long version, byte @Nullable [] json) {
        this.before = before;
        this.owner = owner;
        this.version = version;
        this.json = json;
      }

      /** The facet rows the record had when the chunk began and has no longer. */
      Set<Facets.Facet> gone(Connection c, Key key) throws SQLException {
        return minus(facetsBefore(c, key), facets);
      }

      /** The facet rows the record has now and did not have when the chunk began. */
      Set<Facets.Facet> added(Connection c, Key key) throws SQLException {
        return minus(facets, facetsBefore(c, key));
      }

      private Set<Facets.Facet> facetsBefore(Connection c, Key key) throws SQLException {
        Set<Facets.Facet> known = facetsBefore;
        if (known == null) {
          known = storedFacets(c, key.type(), key.id(), before == null ? null : before.json());
          facetsBefore = known;
        }
        return known;
      }
    }

    private record Written(String type, String id, long version, String event, long at, byte[] json, long seq) {}

    private final Tx tx;
    private final Map<Key, Pending> touched = new LinkedHashMap<>();
    private final List<Written> versions = new ArrayList<>();

    Chunk(Tx tx) {
      this.tx = tx;
    }

    List<Outcome> upsertAll(List<Upsert> writes) throws SQLException {
      Map<Key, Row> rows = rows(writes);
      List<Outcome> outcomes = new ArrayList<>(writes.size());
      for (Upsert write : writes) {
        Key key = new Key(write.recordType(), write.id());
        Pending state = touched.get(key);
        if (state == null) {
          Row row = rows.get(key);
          state = row == null ? null : new Pending(row, row.owner(), row.version(), row.json());
        }
        outcomes.add(upsert(key, state, write));
      }
      flush();
      return outcomes;
    }

    private Outcome upsert(Key key, @Nullable Pending state, Upsert write) {
      if (state == null) {
        Pending created = new Pending(null, write.org(), 0, null);
        return new Outcome(Status.CREATED, apply(key, created, "created", write), write.json());
      }
      if (!state.owner.equals(write.org())) {
        return new Outcome(Status.FORBIDDEN, state.version, null);
      }
      if (state.json == null) {
        return new Outcome(Status.EXISTS, state.version, null);
      }
      if (Arrays.equals(state.json, write.json())) {
        return new Outcome(Status.UNCHANGED, state.version, state.json);
      }
      return new Outcome(Status.UPDATED, apply(key, state, "updated", write), write.json());
    }

    /** A new version, as {@link Tx#apply} writes it, kept until {@link #flush}. */
    private long apply(Key key, Pending state, String event, Upsert write) {
      long now = Math.max(micros(Instant.now()), tx.lastWrite);
      tx.lastWrite = now;
      state.version++;
      state.json = write.json();
      state.storedAt = now;
      state.facets = Facets.of(write.model());
      touched.put(key, state);
      tx.head++;
      versions.add(new Written(key.type(), key.id(), state.version, event, now, write.json(), tx.head));
      return state.version;
    }

    /** The rows of the records the chunk names, by one query per type and few hundred ids. */
    private Map<Key, Row> rows(List<Upsert> writes) throws SQLException {
      Map<String, List<String>> idsByType = new LinkedHashMap<>();
      for (Upsert write : writes) {
        List<String> ids = idsByType.computeIfAbsent(write.recordType(), type -> new ArrayList<>());
        ids.add(write.id());
      }
      Map<Key, Row> rows = new java.util.HashMap<>();
      for (Map.Entry<String, List<String>> entry : idsByType.entrySet()) {
        List<String> ids = entry.getValue().stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
          List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
          // PostgreSQL takes the ids as one array: one statement, planned once, whatever the count.
          String named = dialect == Dialect.POSTGRESQL ? "id = ANY(?::text[])"
              : "id IN (" + String.join(", ", java.util.Collections.nCopies(some.size(), "?")) + ")";
          try (PreparedStatement s = tx.c.prepareStatement(
              "SELECT id, owner, version, doc FROM hub_record WHERE record_type = ? AND " + named)) {
            s.setString(1, entry.getKey());
            if (dialect == Dialect.POSTGRESQL) {
              s.setArray(2, tx.c.createArrayOf("text", some.toArray(new String[0])));
            } else {
              for (int i = 0; i < some.size(); i++) {
                s.setString(i + 2, some.get(i));
              }
            }
            try (ResultSet found = s.executeQuery()) {
              while (found.next()) {
                rows.put(new Key(entry.getKey(), found.getString(1)),
                    new Row(found.getString(2), found.getLong(3), found.getBytes(4)));
              }
            }
          }
        }
      }
      return rows;
    }

    /** Writes what the chunk decided: final record rows and facets, every history row and event. */
    private void flush() throws SQLException {
      if (versions.isEmpty()) {
        return;
      }
      if (dialect == Dialect.POSTGRESQL) {
        flushArrays();
        return;
      }
      Connection c = tx.c;
      try (PreparedStatement insert = c.prepareStatement(
              "INSERT INTO hub_record (record_type, id, owner, version, doc, stored_at) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement update = c.prepareStatement("UPDATE hub_record SET version = ?, doc = ?, stored_at = ?"
              + " WHERE record_type = ? AND id = ? AND version = ?");
          PreparedStatement unfacet = c.prepareStatement(UNFACET)) {
        int inserts = 0;
        int updates = 0;
        for (Map.Entry<Key, Pending> entry : touched.entrySet()) {
          Key key = entry.getKey();
          Pending state = entry.getValue();
          Row before = state.before;
          if (before == null) {
            bind(insert, key.type(), key.id(), state.owner, state.version, state.json, state.storedAt);
            insert.addBatch();
            inserts++;
          } else {
            bind(update, state.version, state.json, state.storedAt, key.type(), key.id(), before.version());
            update.addBatch();
            for (Facets.Facet gone : state.gone(c, key)) {
              bind(unfacet, key.type(), gone.name(), gone.value(), key.id());
              unfacet.addBatch();
            }
            updates++;
          }
        }
        if (inserts > 0) {
          insert.executeBatch();
        }
        if (updates > 0) {
          update.executeBatch();
          unfacet.executeBatch();
        }
      }
      try (PreparedStatement facet = c.prepareStatement(FACET);
          PreparedStatement history = c.prepareStatement(
              "INSERT INTO record_history (record_type, id, version, event, at, doc) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement feed = c.prepareStatement(
              "INSERT INTO feed (seq, record_type, id, version) VALUES (?, ?, ?, ?)")) {
        int facets = 0;
        for (Map.Entry<Key, Pending> entry : touched.entrySet()) {
          for (Facets.Facet each : entry.getValue().added(c, entry.getKey())) {
            bind(facet, entry.getKey().type(), each.name(), each.value(), entry.getKey().id());
            facet.addBatch();
            facets++;
          }
        }
        if (facets > 0) {
          facet.executeBatch();
        }
        for (Written version : versions) {
          bind(history, version.type(), version.id(), version.version(), version.event(), version.at(), version.json());
          history.addBatch();
          bind(feed, version.seq(), version.type(), version.id(), version.version());
          feed.addBatch();
        }
        history.executeBatch();
        feed.executeBatch();
      }
    }

    /**
     * PostgreSQL: the flush and the feed head in one round trip, whatever the chunk's size. Each
     * table gets one statement whose rows are array parameters ({@code unnest}): the server plans
     * each statement once per connection (a batch rewritten into multi-row INSERTs is a new
     * statement for every batch size) and binds a few arrays instead of four to six parameters a
     * row. The driver sends the statements together and the server runs them in order, so the
     * facets of an updated record are gone before its new ones go in.
     */
    private void flushArrays() throws SQLException {
      Columns updated = new Columns("text", "text", "int8", "int8", "bytea", "int8");
      Columns unfaceted = new Columns("text", "text", "text", "text");
      Columns created = new Columns("text", "text", "text", "int8", "bytea", "int8");
      Columns facets = new Columns("text", "text", "text", "text");
      Columns history = new Columns("text", "text", "int8", "text", "int8", "bytea");
      Columns feed = new Columns("int8", "text", "text", "int8");
      for (Map.Entry<Key, Pending> entry : touched.entrySet()) {
        Key key = entry.getKey();
        Pending state = entry.getValue();
        Row before = state.before;
        if (before == null) {
          created.add(key.type(), key.id(), state.owner, state.version, state.json, state.storedAt);
        } else {
          updated.add(key.type(), key.id(), before.version(), state.version, state.json, state.storedAt);
          for (Facets.Facet gone : state.gone(tx.c, key)) {
            unfaceted.add(key.type(), gone.name(), gone.value(), key.id());
          }
        }
        for (Facets.Facet each : state.added(tx.c, key)) {
          facets.add(key.type(), each.name(), each.value(), key.id());
        }
      }
      for (Written version : versions) {
        history.add(version.type(), version.id(), version.version(), version.event(), version.at(), version.json());
        feed.add(version.seq(), version.type(), version.id(), version.version());
      }
      try (PreparedStatement s = tx.c.prepareStatement(FLUSH_POSTGRESQL)) {
        int next = 1;
        for (Columns table : List.of(updated, unfaceted, created, facets, history, feed)) {
          next = table.bind(tx.c, s, next);
        }
        s.setLong(next++, tx.head);
        s.setLong(next, tx.lastWrite);
        s.execute();
      }
      tx.headStored = tx.head;
    }
  }

  /** Adds one facet row. */
  private static final String FACET = "INSERT INTO record_facet (record_type, name, value, id) VALUES (?, ?, ?, ?)";

  /** Removes one facet row, by the whole primary key (there is no index by record: migration V2). */
  private static final String UNFACET =
      "DELETE FROM record_facet WHERE record_type = ? AND name = ? AND value = ? AND id = ?";

  /** The facets of a stored document, as they were written with it; none for null (never written or deleted). */
  private static Set<Facets.Facet> facetsOf(byte @Nullable [] doc) {
    return doc == null ? Set.of() : Facets.of(org.sstc.exchange.core.SstcJson.standard().read(doc));
  }

  /**
   * The facet rows of the record whose live document is {@code doc}: the document's facets. Should
   * it no longer bind to the model (it was valid when stored; only a broken later version or a
   * hand-edited database makes that so), its rows are read instead: a scan, as no index is by
   * record, but the write still removes every row and does not fail.
   */
  private static Set<Facets.Facet> storedFacets(Connection c, String type, String id, byte @Nullable [] doc)
      throws SQLException {
    try {
      return facetsOf(doc);
    } catch (RuntimeException unreadable) {
      Set<Facets.Facet> rows = new java.util.LinkedHashSet<>();
      try (PreparedStatement s = c.prepareStatement("SELECT name, value FROM record_facet WHERE record_type = ? AND id = ?")) {
        s.setString(1, type);
        s.setString(2, id);
        try (ResultSet found = s.executeQuery()) {
          while (found.next()) {
            rows.add(new Facets.Facet(found.getString(1), found.getString(2)));
          }
        }
      }
      return rows;
    }
  }

  private static Set<Facets.Facet> minus(Set<Facets.Facet> these, Set<Facets.Facet> those) {
    if (those.isEmpty()) {
      return these;
    }
    Set<Facets.Facet> left = new java.util.LinkedHashSet<>(these);
    left.removeAll(those);
    return left;
  }

  /** {@link Chunk#flushArrays}'s statements, one per table, then the feed head. */
  private static final String FLUSH_POSTGRESQL = String.join(";\n",
      "UPDATE hub_record r SET version = u.version, doc = u.doc, stored_at = u.stored_at"
          + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bytea[], ?::bigint[])"
          + " AS u(record_type, id, before, version, doc, stored_at)"
          + " WHERE r.record_type = u.record_type AND r.id = u.id AND r.version = u.before",
      "DELETE FROM record_facet f USING unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(record_type, name, value, id)"
          + " WHERE f.record_type = u.record_type AND f.name = u.name AND f.value = u.value AND f.id = u.id",
      "INSERT INTO hub_record (record_type, id, owner, version, doc, stored_at)"
          + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bytea[], ?::bigint[])",
      "INSERT INTO record_facet (record_type, name, value, id)"
          + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])",
      "INSERT INTO record_history (record_type, id, version, event, at, doc)"
          + " SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bytea[])",
      "INSERT INTO feed (seq, record_type, id, version) SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[])",
      "UPDATE hub_meta SET head = ?, last_write = ? WHERE one = 1");

  /** The rows of one table as columns, each bound as one PostgreSQL array parameter. */
  private static final class Columns {
    private final String[] types;
    private final List<List<@Nullable Object>> values = new ArrayList<>();

    Columns(String... types) {
      this.types = types;
      for (int i = 0; i < types.length; i++) {
        values.add(new ArrayList<>());
      }
    }

    void add(@Nullable Object... row) {
      for (int i = 0; i < row.length; i++) {
        values.get(i).add(row[i]);
      }
    }

    /** Binds the columns from parameter {@code first} on; returns the next free parameter. */
    int bind(Connection c, PreparedStatement s, int first) throws SQLException {
      for (int i = 0; i < types.length; i++) {
        List<@Nullable Object> column = values.get(i);
        // The driver encodes an array by its Java type: String[], Long[], byte[][].
        Object[] typed = switch (types[i]) {
          case "int8" -> column.toArray(new Long[0]);
          case "bytea" -> column.toArray(new byte[0][]);
          default -> column.toArray(new String[0]);
        };
        s.setObject(first + i, typed);
      }
      return first + types.length;
    }
  }

  // ---- reads ----

  @FunctionalInterface
  private interface Read<T> {
    @Nullable T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} on a pooled connection; its answer may be null. */
  private <T> @Nullable T find(String what, Read<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private <T> T read(String what, Read<T> work) {
    return java.util.Objects.requireNonNull(find(what, work), what);
  }

  private static @Nullable Row rowOf(Connection c, String type, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT owner, version, doc FROM hub_record WHERE record_type = ? AND id = ?")) {
      s.setString(1, type);
      s.setString(2, id);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? new Row(rows.getString(1), rows.getLong(2), rows.getBytes(3)) : null;
      }
    }
  }

  @Override
  public @Nullable String owner(String recordType, String id) {
    Row row = find("reading a record", c -> rowOf(c, recordType, id));
    return row == null ? null : row.owner();
  }

  @Override
  public @Nullable Snapshot get(String recordType, String id) {
    return find("reading a record", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT version, doc, stored_at FROM hub_record WHERE record_type = ? AND id = ? AND doc IS NOT NULL")) {
        s.setString(1, recordType);
        s.setString(2, id);
        try (ResultSet rows = s.executeQuery()) {
          return rows.next() ? new Snapshot(id, rows.getLong(1), rows.getBytes(2), instant(rows.getLong(3))) : null;
        }
      }
    });
  }

  @Override
  public @Nullable List<Version> history(String recordType, String id) {
    return find("reading a history", c -> {
      List<Version> versions = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT version, event, at, doc FROM record_history"
          + " WHERE record_type = ? AND id = ? ORDER BY version")) {
        s.setString(1, recordType);
        s.setString(2, id);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            versions.add(new Version(rows.getLong(1), rows.getString(2), instant(rows.getLong(3)), rows.getBytes(4)));
          }
        }
      }
      return versions.isEmpty() ? null : versions;
    });
  }

  @Override
  public Page search(Query query) {
    List<Object> values = new ArrayList<>();
    String sql = query.facets().isEmpty() || query.updatedSince() != null
        ? scanSql(query, values) : facetIdsSql(query, values);
    return read("searching", c -> {
      List<Snapshot> items = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(sql)) {
        bind(s, values.toArray());
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            items.add(new Snapshot(rows.getString(1), rows.getLong(2), rows.getBytes(3), instant(rows.getLong(4))));
          }
        }
      }
      boolean more = items.size() > query.limit();
      return new Page(more ? items.subList(0, query.limit()) : items, more);
    });
  }

  /**
   * A search by facets alone: the page's ids come from record_facet's primary key (record_type,
   * name, value, id) only, a covering index read in id order, and records are read for those ids
   * only. Several facets are intersected by the database from their index ranges (see {@link
   * Dialect#facetSearch}), so a rare pair of common facets (country=KE and sdgGoal=6) costs the
   * two index ranges up to the page's last id, not a record read and a probe per row of the first.
   * Facet rows exist for live records only (a deletion removes them).
   */
  private String facetIdsSql(Query query, List<Object> values) {
    for (Facets.Facet facet : query.facets()) {
      values.add(query.recordType());
      values.add(facet.name());
      values.add(facet.value());
      if (query.after() != null) {
        values.add(query.after());
      }
    }
    if (dialect == Dialect.SQLITE) {
      values.add(query.limit() + 1);
      values.add(query.recordType());
    } else {
      values.add(query.recordType());
      values.add(query.limit() + 1);
    }
    return dialect.facetSearch(query.facets().size(), query.after() != null);
  }

  /**
   * A search with no facet, or with {@code updatedSince} (which record_facet does not hold): the
   * records, or the first facet's rows, in id order, each checked against the rest.
   */
  private static String scanSql(Query query, List<Object> values) {
    List<Facets.Facet> facets = query.facets();
    StringBuilder sql = new StringBuilder("SELECT r.id, r.version, r.doc, r.stored_at FROM ");
    String idColumn;
    if (facets.isEmpty()) {
      sql.append("hub_record r WHERE r.record_type = ?");
      values.add(query.recordType());
      idColumn = "r.id";
    } else {
      sql.append("record_facet d JOIN hub_record r ON r.record_type = d.record_type AND r.id = d.id"
          + " WHERE d.record_type = ? AND d.name = ? AND d.value = ?");
      values.add(query.recordType());
      values.add(facets.get(0).name());
      values.add(facets.get(0).value());
      idColumn = "d.id";
    }
    sql.append(" AND r.doc IS NOT NULL");
    if (query.after() != null) {
      sql.append(" AND ").append(idColumn).append(" > ?");
      values.add(query.after());
    }
    if (query.updatedSince() != null) {
      sql.append(" AND r.stored_at >= ?");
      values.add(micros(query.updatedSince()));
    }
    for (Facets.Facet facet : facets.subList(Math.min(1, facets.size()), facets.size())) {
      sql.append(" AND EXISTS (SELECT 1 FROM record_facet f WHERE f.record_type = r.record_type"
          + " AND f.name = ? AND f.value = ? AND f.id = r.id)");
      values.add(facet.name());
      values.add(facet.value());
    }
    sql.append(" ORDER BY ").append(idColumn).append(" LIMIT ?");
    values.add(query.limit() + 1);
    return sql.toString();
  }

  @Override
  public List<Event> changes(long since, int limit) {
    return read("reading the change feed", c -> {
      List<Event> events = new ArrayList<>();
      // Only committed positions are visible, and every position below the head is committed
      // (positions are given out under the lock held to commit), so the feed has no gaps to skip.
      try (PreparedStatement s = c.prepareStatement("SELECT f.seq, h.event, f.record_type, f.id, f.version, h.at, h.doc"
          + " FROM feed f JOIN record_history h ON h.record_type = f.record_type AND h.id = f.id AND h.version = f.version"
          + " WHERE f.seq > ? ORDER BY f.seq LIMIT ?")) {
        s.setLong(1, since);
        s.setInt(2, limit);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            events.add(new Event(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getLong(5), instant(rows.getLong(6)), rows.getBytes(7)));
          }
        }
      }
      return events;
    });
  }

  @Override
  public long head() {
    return read("reading the change feed", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT head FROM hub_meta WHERE one = 1");
          ResultSet rows = s.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0L;
      }
    });
  }

  /** HikariCP's pool meters (hikaricp_connections_active, _idle, _pending, _timeout_total ...). */
  @Override
  public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    synchronized (pool) {
      if (pool.getMetricRegistry() == null) {
        pool.setMetricRegistry(registry);
      }
    }
  }

  /**
   * Ready when, within {@link #READY_TIMEOUT_MS}, the pool hands out a connection that answers and
   * the database's schema is not newer than this hub's (another node, upgraded, may have migrated
   * it since this one started). The check runs on a thread of its own: with the database down the
   * pool waits its whole connection timeout (30 s) for a connection, and a load balancer's probe
   * must be answered long before that. At most one check is under way; a probe that comes while
   * one is stuck waits for that one, and answers not-ready when the time is up.
   */
  @Override
  public boolean ready() {
    Future<Boolean> check;
    synchronized (readiness) {
      check = readyCheck;
      if (check == null || check.isDone()) {
        check = readiness.submit(this::checkReady);
        readyCheck = check;
      }
    }
    try {
      return check.get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean checkReady() {
    try (Connection c = pool.getConnection()) {
      if (!c.isValid((int) TimeUnit.MILLISECONDS.toSeconds(READY_TIMEOUT_MS))) {
        return false;
      }
      String newer = newerSchema(c);
      if (newer != null) {
        System.getLogger("org.sstc.exchange.hub").log(System.Logger.Level.WARNING, "not ready: "
            + newerSchemaMessage(newer));
        return false;
      }
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public int liveRecords() {
    return read("counting records", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM hub_record WHERE doc IS NOT NULL"
          + " AND record_type IN ('initiative', 'organisation')");
          ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    });
  }

  // ---- idempotency keys ----

  @Override
  public @Nullable KeySlot claimKey(String org, String key) {
    long now = micros(Instant.now());
    long expired = now - IdempotencyKeys.KEPT.toNanos() / 1000;
    purgeKeys(now, expired);
    return keyFind("claiming an idempotency key", c -> {
      for (int attempt = 0; ; attempt++) {
        // An answer past its retention, or a claim abandoned by a node that died, frees the key.
        update(c, "DELETE FROM idempotency_key WHERE org = ? AND idem_key = ? AND at < ?", org, key, expired);
        if (update(c, "INSERT INTO idempotency_key (org, idem_key, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            org, key, now) == 1) {
          return null;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT hash, status, headers, body, close_connection, at"
            + " FROM idempotency_key WHERE org = ? AND idem_key = ?")) {
          s.setString(1, org);
          s.setString(2, key);
          try (ResultSet rows = s.executeQuery()) {
            if (rows.next()) {
              byte[] hash = rows.getBytes(1);
              Instant at = instant(rows.getLong(6));
              if (hash == null) {
                return new KeySlot(null, null, at);
              }
              Reply reply = new Reply(rows.getInt(2), headers(rows.getString(3)), rows.getBytes(4), rows.getInt(5) != 0);
              return new KeySlot(hash, reply, at);
            }
          }
        }
        if (attempt > 3) {
          throw new SQLException("the idempotency key kept changing under this request");
        }
      }
    });
  }

  private void purgeKeys(long now, long expired) {
    long last = lastPurge.get();
    if (now - last > PURGE_EVERY_MICROS && lastPurge.compareAndSet(last, now)) {
      keyWrite("purging idempotency keys", c -> update(c, "DELETE FROM idempotency_key WHERE at < ?", expired));
    }
  }

  @Override
  public void completeKey(String org, String key, byte[] hash, Reply reply) {
    keyWrite("keeping an idempotent answer", c -> update(c, "UPDATE idempotency_key SET hash = ?, status = ?,"
        + " headers = ?, body = ?, close_connection = ?, at = ? WHERE org = ? AND idem_key = ?",
        hash, reply.status(), headers(reply.headers()), reply.body(), reply.closeConnection() ? 1 : 0,
        micros(Instant.now()), org, key));
  }

  @Override
  public void releaseKey(String org, String key) {
    keyWrite("releasing an idempotency key",
        c -> update(c, "DELETE FROM idempotency_key WHERE org = ? AND idem_key = ? AND hash IS NULL", org, key));
  }

  private <T> T keyWrite(String what, Read<T> work) {
    return java.util.Objects.requireNonNull(keyFind(what, work), what);
  }

  /** A write outside the feed lock (keys, tokens): queued behind the single writer on SQLite. */
  private <T> @Nullable T keyFind(String what, Read<T> work) {
    if (dialect.singleWriter) {
      writer.lock();
    }
    try {
      return find(what, work);
    } finally {
      if (dialect.singleWriter) {
        writer.unlock();
      }
    }
  }

  private static String headers(Map<String, String> headers) {
    StringBuilder text = new StringBuilder();
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    return text.toString();
  }

  private static Map<String, String> headers(@Nullable String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.split("\n")) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          headers.put(line.substring(0, colon), line.substring(colon + 2));
        }
      }
    }
    return headers;
  }

  // ---- tokens ----

  @Override
  public @Nullable String organisationOf(byte[] tokenHash) {
    return find("checking a token", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT org FROM token WHERE hash = ?")) {
        s.setBytes(1, tokenHash);
        try (ResultSet rows = s.executeQuery()) {
          return rows.next() ? rows.getString(1) : null;
        }
      }
    });
  }

  @Override
  public boolean addToken(TokenEntry token) {
    return keyWrite("adding a token", c -> update(c, "INSERT INTO token (id, org, hash, created) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT DO NOTHING", token.id(), token.org(), token.hash(), micros(token.created())) == 1);
  }

  @Override
  public List<TokenEntry> tokens() {
    return read("listing tokens", c -> {
      List<TokenEntry> tokens = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT id, org, hash, created FROM token ORDER BY created, id");
          ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          tokens.add(new TokenEntry(rows.getString(1), rows.getString(2), rows.getBytes(3), instant(rows.getLong(4))));
        }
      }
      return tokens;
    });
  }

  @Override
  public boolean revokeToken(String id) {
    return keyWrite("revoking a token", c -> update(c, "DELETE FROM token WHERE id = ?", id) == 1);
  }

  // ---- export and import ----

  @Override
  public void forEachRecord(java.util.function.Consumer<StoredRecord> each) {
    String type = "";
    String after = "";
    while (true) {
      String fromType = type;
      String fromId = after;
      List<String[]> page = read("exporting records", c -> {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT record_type, id, owner FROM hub_record"
            + " WHERE record_type > ? OR (record_type = ? AND id > ?) ORDER BY record_type, id LIMIT 500")) {
          bind(s, fromType, fromType, fromId);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
          }
        }
        return rows;
      });
      if (page.isEmpty()) {
        return;
      }
      for (String[] row : page) {
        List<Version> history = history(row[0], row[1]);
        each.accept(new StoredRecord(row[0], row[1], row[2], history == null ? List.of() : history));
      }
      type = page.get(page.size() - 1)[0];
      after = page.get(page.size() - 1)[1];
    }
  }

  @Override
  public List<KeptAnswer> keptAnswers() {
    long expired = micros(Instant.now()) - IdempotencyKeys.KEPT.toNanos() / 1000;
    return read("exporting idempotency answers", c -> {
      List<KeptAnswer> answers = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT org, idem_key, hash, status, headers, body, close_connection,"
          + " at FROM idempotency_key WHERE hash IS NOT NULL AND at >= ? ORDER BY at, org, idem_key")) {
        s.setLong(1, expired);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            answers.add(new KeptAnswer(r.getString(1), r.getString(2), r.getBytes(3),
                new Reply(r.getInt(4), headers(r.getString(5)), r.getBytes(6), r.getInt(7) != 0), instant(r.getLong(8))));
          }
        }
      }
      return answers;
    });
  }

  @Override
  public List<FeedEntry> feed(long since, int limit) {
    return read("exporting the change feed", c -> {
      List<FeedEntry> entries = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT seq, record_type, id, version FROM feed WHERE seq > ? ORDER BY seq LIMIT ?")) {
        s.setLong(1, since);
        s.setInt(2, limit);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            entries.add(new FeedEntry(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4)));
          }
        }
      }
      return entries;
    });
  }

  @Override
  public Importer importer(String newHubId, long head) {
    if (dialect.singleWriter) {
      writer.lock();
    }
    Connection c = null;
    try {
      c = pool.getConnection();
      c.setAutoCommit(false);
      long lastWrite;
      try (PreparedStatement s = c.prepareStatement(dialect.lockMeta); ResultSet rows = s.executeQuery()) {
        rows.next();
        lastWrite = rows.getLong(2);
        if (rows.getLong(1) != 0) {
          throw new IllegalStateException("this store is not empty (" + description + "): it has records or tokens;"
              + " import into a new one");
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM hub_record) + (SELECT COUNT(*) FROM token)");
          ResultSet rows = s.executeQuery()) {
        rows.next();
        if (rows.getLong(1) != 0) {
          throw new IllegalStateException("this store is not empty (" + description + "): it has records or tokens;"
              + " import into a new one");
        }
      }
      Connection open = c;
      Tx tx = new Tx(open, head, lastWrite);
      return new Importer() {
        private boolean done;

        @Override
        public void record(StoredRecord record) {
          try {
            Version last = record.history().get(record.history().size() - 1);
            tx.update("INSERT INTO hub_record (record_type, id, owner, version, doc, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
                record.recordType(), record.id(), record.owner(), last.version(), last.json(), micros(last.at()));
            tx.lastWrite = Math.max(tx.lastWrite, micros(last.at()));
            if (last.json() != null) {
              tx.facetRows(FACET, record.recordType(), record.id(), facetsOf(last.json()));
            }
            for (Version version : record.history()) {
              tx.update("INSERT INTO record_history (record_type, id, version, event, at, doc) VALUES (?, ?, ?, ?, ?, ?)",
                  record.recordType(), record.id(), version.version(), version.event(), micros(version.at()), version.json());
            }
          } catch (SQLException e) {
            throw failure("importing " + record.recordType() + " " + record.id(), e);
          }
        }

        @Override
        public void event(FeedEntry event) {
          try {
            tx.update("INSERT INTO feed (seq, record_type, id, version) VALUES (?, ?, ?, ?)",
                event.sequence(), event.recordType(), event.id(), event.version());
          } catch (SQLException e) {
            throw failure("importing feed position " + event.sequence(), e);
          }
        }

        @Override
        public void token(TokenEntry token) {
          try {
            tx.update("INSERT INTO token (id, org, hash, created) VALUES (?, ?, ?, ?)",
                token.id(), token.org(), token.hash(), micros(token.created()));
          } catch (SQLException e) {
            throw failure("importing token " + token.id(), e);
          }
        }

        @Override
        public void answer(KeptAnswer answer) {
          try {
            Reply reply = answer.reply();
            tx.update("INSERT INTO idempotency_key (org, idem_key, hash, status, headers, body, close_connection, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", answer.org(), answer.key(), answer.hash(), reply.status(),
                headers(reply.headers()), reply.body(), reply.closeConnection() ? 1 : 0, micros(answer.at()));
          } catch (SQLException e) {
            throw failure("importing the idempotency answer for key " + answer.key(), e);
          }
        }

        @Override
        public void commit() {
          try {
            tx.update("UPDATE hub_meta SET hub_id = ?, head = ?, last_write = ? WHERE one = 1", newHubId, tx.head, tx.lastWrite);
            open.commit();
            done = true;
            if (dialect == Dialect.POSTGRESQL) {
              // Statistics now, not when autovacuum gets to it: without them the planner takes
              // each facet's range for one row and joins two facets by scanning one per row of
              // the other (seconds, not a millisecond, at 100 000 records).
              open.setAutoCommit(true);
              update(open, "ANALYZE hub_record, record_facet");
            }
          } catch (SQLException e) {
            throw failure("committing the import", e);
          }
          hubId = newHubId;
        }

        @Override
        public void close() {
          try {
            if (!done) {
              open.rollback();
            }
            open.setAutoCommit(true);
            open.close();
          } catch (SQLException e) {
            throw failure("ending the import", e);
          } finally {
            if (dialect.singleWriter) {
              writer.unlock();
            }
          }
        }
      };
    } catch (SQLException | RuntimeException e) {
      // Nothing was imported: give the lock and the connection back.
      try {
        if (c != null) {
          c.rollback();
          c.close();
        }
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      } finally {
        if (dialect.singleWriter) {
          writer.unlock();
        }
      }
      if (e instanceof SQLException sql) {
        throw failure("starting an import", sql);
      }
      throw (RuntimeException) e;
    }
  }

  @Override
  public void close() {
    readiness.shutdownNow();
    pool.close();
  }

  // ---- JDBC helpers ----

  private static int update(Connection c, String sql, @Nullable Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      return s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, @Nullable Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        s.setNull(i + 1, java.sql.Types.BINARY);
      } else if (value instanceof byte[] bytes) {
        s.setBytes(i + 1, bytes);
      } else if (value instanceof Long number) {
        s.setLong(i + 1, number);
      } else if (value instanceof Integer number) {
        s.setInt(i + 1, number);
      } else {
        s.setString(i + 1, value.toString());
      }
    }
  }

  static long micros(Instant at) {
    return TimeUnit.SECONDS.toMicros(at.getEpochSecond()) + at.getNano() / 1000;
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }
}
