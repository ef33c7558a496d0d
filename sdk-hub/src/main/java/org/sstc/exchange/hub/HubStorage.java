package org.sstc.exchange.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.hub.internal.HubStore;
import org.sstc.exchange.hub.internal.JdbcStore;
import org.sstc.exchange.hub.internal.StoreDump;
import org.sstc.exchange.hub.internal.Stores;
import org.sstc.exchange.hub.internal.Tokens;

/**
 * Where a hub keeps its records, versions, history, change feed, idempotency keys and token
 * hashes: in memory, in an embedded database file, or in PostgreSQL. Give it to {@link
 * SstcHub.Builder#storage(HubStorage)}; several hubs (nodes) may share one PostgreSQL storage's
 * database, each with its own {@code HubStorage}.
 *
 * <pre>{@code
 * try (HubStorage storage = HubStorage.embedded(Path.of("hub-data"));
 *     SstcHub hub = SstcHub.builder().storage(storage).build().start()) {
 *   String token = storage.generateToken("XM-DAC-41301");  // shown once; only its hash is kept
 *   // ...
 * }
 * }</pre>
 *
 * <p>The storage is made (schema migrations applied) when it is opened, and stays open until
 * {@link #close()}; a hub built on it does not close it. It is thread-safe.
 *
 * @since 1.1
 */
public final class HubStorage implements AutoCloseable {
  /** The connections a PostgreSQL storage keeps open unless told otherwise. */
  public static final int DEFAULT_POOL_SIZE = 10;

  private static final Pattern POSTGRESQL_URL = Pattern.compile("(?:jdbc:)?postgres(?:ql)?://(.+)");

  private final HubStore store;
  private final String description;

  private HubStorage(HubStore store, String description) {
    this.store = store;
    this.description = description;
  }

  /**
   * A storage in the heap: everything is gone when it is closed (tests, demos).
   *
   * @return a new, empty storage with a new hub identity
   */
  public static HubStorage memory() {
    return new HubStorage(Stores.memory(), "memory");
  }

  /**
   * An embedded storage: one SQLite file, {@code dir/hub.db}, in WAL mode with full
   * synchronisation (an acknowledged write survives a killed process and a power loss). The folder
   * is created if absent. Back it up with {@code sqlite3 hub.db ".backup copy.db"}.
   *
   * @param dir the folder that holds the database
   * @return the storage, opened and migrated
   * @throws UncheckedIOException if the folder cannot be created
   * @throws IllegalStateException if the database was migrated by a newer hub, or cannot be opened
   */
  public static HubStorage embedded(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the hub's data folder " + dir + ": " + e.getMessage(), e);
    }
    Path file = dir.resolve("hub.db");
    return new HubStorage(JdbcStore.sqlite(file), "embedded " + file.toAbsolutePath());
  }

  /**
   * A PostgreSQL storage. Migrations are applied when it opens; several hubs may share the
   * database.
   *
   * @param url {@code postgresql://HOST:PORT/DB} or {@code jdbc:postgresql://HOST:PORT/DB}
   * @param user the database user, or null for the driver's default
   * @param password the user's password, or null; never shown in messages or {@code toString()}
   * @return the storage, opened and migrated
   * @throws IllegalArgumentException if the URL is not a PostgreSQL URL
   * @throws IllegalStateException if the database was migrated by a newer hub, or cannot be reached
   */
  public static HubStorage postgresql(String url, @Nullable String user, @Nullable String password) {
    return postgresql(url, user, password, DEFAULT_POOL_SIZE);
  }

  /**
   * A PostgreSQL storage with a connection pool of {@code poolSize} connections (the default is
   * {@value #DEFAULT_POOL_SIZE}); each hub node has its own pool, so a database serving N nodes
   * needs N × poolSize connections.
   *
   * @param url {@code postgresql://HOST:PORT/DB} or {@code jdbc:postgresql://HOST:PORT/DB}
   * @param user the database user, or null for the driver's default
   * @param password the user's password, or null; never shown in messages or {@code toString()}
   * @param poolSize connections kept open to the database, 1 to 1000
   * @return the storage, opened and migrated
   * @throws IllegalArgumentException if the URL is not a PostgreSQL URL or the pool size is out of range
   * @throws IllegalStateException if the database was migrated by a newer hub, or cannot be reached
   * @since 1.1
   */
  public static HubStorage postgresql(String url, @Nullable String user, @Nullable String password, int poolSize) {
    Objects.requireNonNull(url, "url");
    if (poolSize < 1 || poolSize > 1000) {
      throw new IllegalArgumentException("a pool size must be 1 to 1000 connections, not " + poolSize);
    }
    Matcher matcher = POSTGRESQL_URL.matcher(url.trim());
    if (!matcher.matches() || matcher.group(1).contains("@")) {
      throw new IllegalArgumentException("not a PostgreSQL URL: give postgresql://HOST:PORT/DB (credentials go"
          + " separately, not in the URL)");
    }
    String jdbcUrl = "jdbc:postgresql://" + matcher.group(1);
    return new HubStorage(JdbcStore.postgresql(jdbcUrl, user, password, poolSize), "PostgreSQL " + jdbcUrl);
  }

  /**
   * The hub's identity, made when the storage was first created and moved by {@link #exportTo} /
   * {@link #importFrom}: change-feed cursors carry it.
   *
   * @return the identity, a short base64url string
   */
  public String hubId() {
    return store.hubId();
  }

  /**
   * Lets {@code token} write for {@code orgId}; only the token's SHA-256 hash is stored.
   *
   * @param orgId the organisation's org-id, e.g. {@code "XM-DAC-41301"}
   * @param token the bearer token, at least 16 characters
   * @return the token's id, to list and revoke it by
   * @throws IllegalArgumentException if the token is too short or already stored
   */
  public String addToken(String orgId, String token) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(token, "token");
    if (orgId.isBlank()) {
      throw new IllegalArgumentException("orgId is blank; give an org-id such as XM-DAC-41301");
    }
    if (token.length() < Tokens.MIN_LENGTH || !token.equals(token.strip())) {
      throw new IllegalArgumentException("a token must be at least " + Tokens.MIN_LENGTH
          + " characters, without spaces at either end (for " + orgId + "); or have one generated");
    }
    HubStore.TokenEntry entry = Tokens.entry(orgId, token);
    if (!store.addToken(entry)) {
      throw new IllegalArgumentException("this token is stored already (for " + orgId + " or another organisation);"
          + " a token writes for one organisation: make a new one");
    }
    return entry.id();
  }

  /**
   * Makes a new random token for {@code orgId} and stores its hash.
   *
   * @param orgId the organisation's org-id
   * @return the token: shown this once, it cannot be read back
   */
  public String generateToken(String orgId) {
    return newToken(orgId).token();
  }

  /**
   * Makes a new random token for {@code orgId}, stores its hash, and says which id it got (to
   * list and revoke it by): the id of the token just added, not a guess from the list, which a
   * concurrent add could change.
   *
   * @param orgId the organisation's org-id
   * @return the new token with its id; the token is shown this once, it cannot be read back
   * @since 1.1
   */
  public NewToken newToken(String orgId) {
    String token = Tokens.generate();
    return new NewToken(addToken(orgId, token), orgId, token);
  }

  /**
   * The stored tokens, oldest first: their ids, organisations and creation times, never the
   * tokens (the storage does not have them).
   *
   * @return the tokens
   */
  public List<TokenInfo> tokens() {
    return store.tokens().stream().map(t -> new TokenInfo(t.id(), t.org(), t.created())).toList();
  }

  /**
   * Revokes a token: requests with it are refused from now on, on every hub of this storage.
   *
   * @param id the token's id, from {@link #tokens()} or {@link #addToken}
   * @return true if there was such a token
   */
  public boolean revokeToken(String id) {
    return store.revokeToken(Objects.requireNonNull(id, "id"));
  }

  /**
   * Writes everything to {@code out} as NDJSON: the hub identity, every record with its history
   * (tombstones included), the change feed's order, the token hashes, and the idempotency answers
   * still kept (since 1.1.0: a key replayed after a move gets the same answer, and nothing is
   * written twice; answers expire a day after they were given, on the new store as on the old).
   *
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public void exportTo(OutputStream out) {
    try {
      StoreDump.write(store, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
    }
  }

  /**
   * Writes everything to a file, as {@link #exportTo(OutputStream)} does.
   *
   * @param file the file, created or replaced
   * @throws UncheckedIOException if writing fails
   */
  public void exportTo(Path file) {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      exportTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads an export into this storage, which must be empty (no records, no tokens): records,
   * versions, history, tombstones, feed order, token hashes and the hub identity arrive as they
   * were, so followers of the exported hub keep following this one.
   *
   * @param in an export written by {@link #exportTo(OutputStream)}; not closed
   * @throws IllegalStateException if this storage is not empty (it has records or tokens)
   * @throws IllegalArgumentException if the input is not an export
   * @throws UncheckedIOException if reading fails
   */
  public void importFrom(InputStream in) {
    try {
      StoreDump.read(store, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the export: " + e.getMessage(), e);
    }
  }

  /**
   * Loads an export from a file, as {@link #importFrom(InputStream)} does.
   *
   * @param file the export file
   * @throws UncheckedIOException if reading fails
   */
  public void importFrom(Path file) {
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      importFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the export " + file + ": " + e.getMessage(), e);
    }
  }

  /** Closes connections; the data stays where it is (a memory storage's is gone). */
  @Override
  public void close() {
    store.close();
  }

  /** What it is and where, never a password. */
  @Override
  public String toString() {
    return "HubStorage[" + description + ", hub " + store.hubId() + "]";
  }

  /** The store, for the hub. */
  HubStore store() {
    return store;
  }

  /**
   * A token just made by {@link #newToken}: the only time the token itself is at hand.
   *
   * @param id the token's id, to list and revoke it by
   * @param orgId the organisation it writes for
   * @param token the bearer token; {@code toString()} never shows it
   * @since 1.1
   */
  public record NewToken(String id, String orgId, String token) {
    /**
     * Checks the parts.
     *
     * @param id the token's id
     * @param orgId the organisation it writes for
     * @param token the bearer token
     */
    public NewToken {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(orgId, "orgId");
      Objects.requireNonNull(token, "token");
    }

    /** The id and organisation, never the token (it would end up in logs). */
    @Override
    public String toString() {
      return "NewToken[id=" + id + ", orgId=" + orgId + "]";
    }
  }

  /**
   * A stored token as listed: never the token itself.
   *
   * @param id the token's id, to revoke it by
   * @param orgId the organisation it writes for
   * @param created when it was added
   * @since 1.1
   */
  public record TokenInfo(String id, String orgId, Instant created) {
    /**
     * Checks the parts.
     *
     * @param id the token's id
     * @param orgId the organisation it writes for
     * @param created when it was added
     */
    public TokenInfo {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(orgId, "orgId");
      Objects.requireNonNull(created, "created");
    }
  }
}
