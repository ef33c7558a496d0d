-- The hub's store, one schema for SQLite (the embedded store of `sstc serve --data DIR`) and
-- PostgreSQL; Flyway fills in the two types that differ (placeholders of JdbcStore.Dialect): bytes
-- is BLOB or BYTEA, id is TEXT, or TEXT COLLATE "C" on PostgreSQL so that ids compare as UTF-8 bytes, as
-- SQLite's BINARY collation does: code point order, the order the contract pages in. Times are
-- microseconds since the epoch.

-- One row: the hub's identity (made when the store is created), the change feed's head and the
-- last write's time. Every write transaction takes this row first, so writes and feed positions
-- commit in one order.
CREATE TABLE hub_meta (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  hub_id TEXT NOT NULL,
  head BIGINT NOT NULL,
  last_write BIGINT NOT NULL
);

-- Every record ever created; doc is NULL once deleted (the id stays taken).
CREATE TABLE hub_record (
  record_type TEXT NOT NULL,
  id ${id} NOT NULL,
  owner TEXT NOT NULL,
  version BIGINT NOT NULL,
  doc ${bytes},
  stored_at BIGINT NOT NULL,
  PRIMARY KEY (record_type, id)
);

-- The search index: one row per filter value of a live record (country=BR, sdgGoal=2 ...).
CREATE TABLE record_facet (
  record_type TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  id ${id} NOT NULL,
  PRIMARY KEY (record_type, name, value, id)
);
CREATE INDEX record_facet_by_record ON record_facet (record_type, id);

CREATE TABLE record_history (
  record_type TEXT NOT NULL,
  id ${id} NOT NULL,
  version BIGINT NOT NULL,
  event TEXT NOT NULL,
  at BIGINT NOT NULL,
  doc ${bytes},
  PRIMARY KEY (record_type, id, version)
);

-- The change feed: positions 1, 2, 3 ... in commit order, each naming a history row.
CREATE TABLE feed (
  seq BIGINT PRIMARY KEY,
  record_type TEXT NOT NULL,
  id ${id} NOT NULL,
  version BIGINT NOT NULL
);

-- Idempotency keys: a row without hash is a claim in flight; answers are kept 24 hours.
CREATE TABLE idempotency_key (
  org TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  hash ${bytes},
  status INTEGER,
  headers TEXT,
  body ${bytes},
  close_connection INTEGER,
  at BIGINT NOT NULL,
  PRIMARY KEY (org, idem_key)
);
CREATE INDEX idempotency_key_at ON idempotency_key (at);

-- Bearer tokens as SHA-256 hashes, never the tokens.
CREATE TABLE token (
  id TEXT PRIMARY KEY,
  org TEXT NOT NULL,
  hash ${bytes} NOT NULL UNIQUE,
  created BIGINT NOT NULL
);
