package org.sstc.exchange.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.sstc.exchange.client.internal.Json;
import org.sstc.exchange.client.internal.MalformedResponseException;
import org.sstc.exchange.client.internal.RetrySchedule;
import org.sstc.exchange.core.SstcRecord;
import tools.jackson.databind.JsonNode;

/**
 * One collection of the hub: {@link SstcClient#initiatives()}, {@link
 * SstcClient#organisations()} or {@link SstcClient#solutions()}. Every write is safe to retry: a create carries an idempotency key,
 * a replace or delete the version it expects ({@code If-Match}), so a retry never writes twice
 * and a concurrent change is refused rather than overwritten.
 *
 * <pre>{@code
 * Versioned<Initiative> stored = client.initiatives().create(initiative);
 * Versioned<Initiative> changed = client.initiatives()
 *     .update(stored.record().id(), i -> i.toBuilder().status(ActivityStatus.IMPLEMENTATION).build());
 * }</pre>
 *
 * <p>The {@code ...Async} methods send with OkHttp's asynchronous {@code enqueue}: they do not
 * block the caller, and the returned futures complete on OkHttp's dispatcher threads (keep work
 * in their callbacks short, or move it with {@code ...Async(fn, executor)}).
 *
 * <p>Searches are typed per collection: {@code client.initiatives().search(InitiativeQuery)} and
 * {@code client.organisations().search(OrganisationQuery)}, so a filter one collection does not
 * have cannot be written for it.
 *
 * @param <T> {@link org.sstc.exchange.core.Initiative}, {@link org.sstc.exchange.core.Organisation}
 *     or {@link org.sstc.exchange.core.Solution}
 * @param <Q> the collection's query: {@link InitiativeQuery}, {@link OrganisationQuery} or {@link SolutionQuery}
 *
 * @since 1.0
 */
public final class Records<T extends SstcRecord, Q> {
  private final Exchange exchange;
  private final String collection;
  private final Class<T> type;
  private final Function<T, String> idOf;
  private final Function<Q, QueryParams> paramsOf;
  private final int updateAttempts;
  private final RetrySchedule schedule;

  Records(Exchange exchange, String collection, Class<T> type, Function<T, String> idOf,
      Function<Q, QueryParams> paramsOf, int updateAttempts, RetrySchedule schedule) {
    this.updateAttempts = updateAttempts;
    this.schedule = schedule;
    this.exchange = exchange;
    this.collection = collection;
    this.type = type;
    this.idOf = idOf;
    this.paramsOf = paramsOf;
  }

  /**
   * Stores a new record (version 1). A retry after a lost answer is answered by the hub from its
   * idempotency record, so the record is created once.
   *
   * @param record the record to store
   * @return the stored record with version 1
   * @throws ValidationFailedException if the record is not valid (nothing is sent)
   * @throws ConflictException if the id is taken
   */
  public Versioned<T> create(T record) {
    return exchange.call(createRequest(record), this::versioned);
  }

  /**
   * {@link #create}, without blocking.
   *
   * @param record the record to store
   * @return the stored record, when it is
   */
  public CompletableFuture<Versioned<T>> createAsync(T record) {
    return async(() -> exchange.callAsync(createRequest(record), this::versioned));
  }

  /**
   * The stored record and its version.
   *
   * @param id the record's id
   * @return the record and its version
   * @throws NotFoundException if there is no such record (or it was deleted)
   */
  public Versioned<T> get(String id) {
    return exchange.call(getRequest(id), this::versioned);
  }

  /**
   * {@link #get}, without blocking.
   *
   * @param id the record's id
   * @return the record and its version, when read
   */
  public CompletableFuture<Versioned<T>> getAsync(String id) {
    return async(() -> exchange.callAsync(getRequest(id), this::versioned));
  }

  /**
   * The stored record and its version, or empty if there is none.
   *
   * @param id the record's id
   * @return the record and its version, or empty
   */
  public Optional<Versioned<T>> find(String id) {
    try {
      return Optional.of(get(id));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Replaces the stored record, if it is still at {@code expectedVersion}.
   *
   * @param record the new content; its id names the record
   * @param expectedVersion the version it must still be at
   * @return the stored record with its new version
   * @throws PreconditionFailedException if it changed since (someone else wrote it)
   * @throws ValidationFailedException if the record is not valid (nothing is sent)
   */
  public Versioned<T> replace(T record, long expectedVersion) {
    return exchange.call(replaceRequest(record, expectedVersion), this::versioned);
  }

  /**
   * {@link #replace}, without blocking.
   *
   * @param record the new content; its id names the record
   * @param expectedVersion the version it must still be at
   * @return the stored record with its new version, when stored
   */
  public CompletableFuture<Versioned<T>> replaceAsync(T record, long expectedVersion) {
    return async(() -> exchange.callAsync(replaceRequest(record, expectedVersion), this::versioned));
  }

  /**
   * Read-modify-write without lost updates: reads the record, applies {@code change}, and
   * replaces it with {@code If-Match}; when someone else wrote in between (412), reads again and
   * re-applies, up to {@link RetryPolicy#updateAttempts()} attempts in all (default 10),
   * pausing a random few milliseconds between them so that competing writers stop colliding in
   * step. {@code change} may therefore run more than once, and must depend only on the record it
   * is given. When it returns an equal record, nothing is written.
   *
   * <pre>{@code
   * client.initiatives().update(id, current -> current.toBuilder().status(ActivityStatus.FINALISATION).build());
   * }</pre>
   *
   * @param id the record's id
   * @param change makes the new content from the current one; may run more than once
   * @return the stored record with its new version
   * @throws PreconditionFailedException the last 412, when every attempt lost to another writer
   * @throws IllegalArgumentException if {@code change} alters the id
   */
  public Versioned<T> update(String id, UnaryOperator<T> change) {
    Objects.requireNonNull(change, "change");
    PreconditionFailedException last = null;
    for (int attempt = 1; attempt <= updateAttempts; attempt++) {
      if (attempt > 1) {
        pauseAfterConflict(attempt);
      }
      Versioned<T> current = get(id);
      T changed = applyChange(id, change, current);
      if (changed.equals(current.record())) {
        return current;
      }
      try {
        return replace(changed, current.version());
      } catch (PreconditionFailedException e) {
        last = e;
      }
    }
    throw last;
  }

  /** A short random pause, so that writers that collided stop colliding in step. */
  private void pauseAfterConflict(int attempt) {
    try {
      schedule.sleep(schedule.conflictPauseNanos(attempt));
    } catch (java.io.InterruptedIOException e) {
      throw new TransportException("interrupted while waiting to retry an update of " + collection, 0, null, e);
    }
  }

  /**
   * {@link #update}, without blocking; {@code change} runs on an OkHttp dispatcher thread.
   *
   * @param id the record's id
   * @param change makes the new content from the current one; may run more than once
   * @return the stored record with its new version, when stored
   */
  public CompletableFuture<Versioned<T>> updateAsync(String id, UnaryOperator<T> change) {
    Objects.requireNonNull(change, "change");
    return updateAsync(id, change, 1);
  }

  private CompletableFuture<Versioned<T>> updateAsync(String id, UnaryOperator<T> change, int attempt) {
    return getAsync(id).thenCompose(current -> {
      T changed = applyChange(id, change, current);
      if (changed.equals(current.record())) {
        return CompletableFuture.completedFuture(current);
      }
      return replaceAsync(changed, current.version())
          .handle((stored, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            if (cause instanceof PreconditionFailedException && attempt < updateAttempts) {
              return updateAsync(id, change, attempt + 1);
            }
            return failure == null
                ? CompletableFuture.completedFuture(stored)
                : CompletableFuture.<Versioned<T>>failedFuture(cause);
          })
          .thenCompose(Function.identity());
    });
  }

  /**
   * Deletes the record, if it is still at {@code expectedVersion}. Its history stays readable
   * and its id stays taken.
   *
   * @param id the record's id
   * @param expectedVersion the version it must still be at
   * @throws PreconditionFailedException if it changed since
   */
  public void delete(String id, long expectedVersion) {
    // A delete answers 204 with no body: nothing to read, and no null for the reader to return.
    exchange.call(deleteRequest(id, expectedVersion), (response, body) -> Boolean.TRUE);
  }

  /**
   * {@link #delete}, without blocking.
   *
   * @param id the record's id
   * @param expectedVersion the version it must still be at
   * @return completes when the record is deleted
   */
  public CompletableFuture<Void> deleteAsync(String id, long expectedVersion) {
    return async(() -> exchange.callAsync(deleteRequest(id, expectedVersion), (response, body) -> Boolean.TRUE)
        .thenAccept(deleted -> { }));
  }

  /**
   * Every version of the record, oldest first, deletions included (a deleted record's history
   * stays readable).
   *
   * @param id the record's id
   * @return its versions, oldest first
   * @throws NotFoundException if the id was never used
   */
  public List<HistoryEntry<T>> history(String id) {
    Request request = new Request.Builder().url(exchange.url(collection, checkId(id), "history").build()).get().build();
    return exchange.call(request, (response, body) -> {
      JsonNode versions = Json.array(Json.parse(body), "versions");
      List<HistoryEntry<T>> entries = new ArrayList<>();
      for (JsonNode version : versions.values()) {
        String event = Json.string(version, "event");
        ChangeType kind = ChangeType.fromCode(event)
            .orElseThrow(() -> new MalformedResponseException("unknown history event \"" + event + "\""));
        JsonNode record = version.get("record");
        entries.add(new HistoryEntry<>(
            Json.integer(version, "version"),
            kind,
            Json.dateTime(version, "at"),
            record == null || record.isNull() ? Optional.empty() : Optional.of(Json.record(record, type))));
      }
      return List.copyOf(entries);
    });
  }

  /**
   * The records that match, fetched lazily page by page as you iterate (nothing is sent until
   * then).
   *
   * @param query the filters and the page size
   * @return the matching records, as a lazy iterable
   */
  public SearchResults<T> search(Q query) {
    QueryParams params = paramsOf.apply(Objects.requireNonNull(query, "query"));
    return new SearchResults<>(cursor -> {
      HttpUrl.Builder url = exchange.url(collection);
      for (Map.Entry<String, String> filter : params.filters().entrySet()) {
        url.addQueryParameter(filter.getKey(), filter.getValue());
      }
      url.addQueryParameter("limit", Integer.toString(params.pageSize()));
      cursor.ifPresent(value -> url.addQueryParameter("cursor", value));
      Request request = new Request.Builder().url(url.build()).get().build();
      return exchange.call(request, (response, body) -> {
        JsonNode page = Json.parse(body);
        List<T> items = new ArrayList<>();
        for (JsonNode item : Json.array(page, "items").values()) {
          items.add(Json.record(item, type));
        }
        String next = Json.optionalString(page, "next");
        return new SearchResults.Page<>(List.copyOf(items), Optional.ofNullable(next).filter(s -> !s.isEmpty()));
      });
    });
  }

  @Override
  public String toString() {
    return "Records(" + collection + ")";
  }

  private T applyChange(String id, UnaryOperator<T> change, Versioned<T> current) {
    T changed = Objects.requireNonNull(change.apply(current.record()), "the change returned null");
    if (!idOf.apply(changed).equals(id)) {
      throw new IllegalArgumentException(
          "update(" + id + ", change): the change set another id (" + idOf.apply(changed)
              + "); create a new record instead");
    }
    return changed;
  }

  private Request createRequest(T record) {
    Objects.requireNonNull(record, "record");
    exchange.checkBeforeSend(record, "the " + record.recordType() + " " + idOf.apply(record));
    return new Request.Builder()
        .url(exchange.url(collection).build())
        // One key per logical create, reused by every retry: the hub answers a repeat from its
        // record of the first, so a lost answer never becomes a second record.
        .header("Idempotency-Key", Exchange.newIdempotencyKey())
        .post(Exchange.json(record))
        .build();
  }

  private Request getRequest(String id) {
    return new Request.Builder().url(exchange.url(collection, checkId(id)).build()).get().build();
  }

  private Request replaceRequest(T record, long expectedVersion) {
    Objects.requireNonNull(record, "record");
    checkVersion(expectedVersion);
    String id = checkId(idOf.apply(record));
    exchange.checkBeforeSend(record, "the " + record.recordType() + " " + id);
    return new Request.Builder()
        .url(exchange.url(collection, id).build())
        .header("If-Match", etag(expectedVersion))
        // A retry after a lost answer would otherwise meet its own write as a stale version
        // (412), and update() would apply the change a second time.
        .header("Idempotency-Key", Exchange.newIdempotencyKey())
        .put(Exchange.json(record))
        .build();
  }

  private Request deleteRequest(String id, long expectedVersion) {
    checkVersion(expectedVersion);
    return new Request.Builder()
        .url(exchange.url(collection, checkId(id)).build())
        .header("If-Match", etag(expectedVersion))
        .header("Idempotency-Key", Exchange.newIdempotencyKey())
        .delete()
        .build();
  }

  private Versioned<T> versioned(Response response, byte[] body) {
    String etag = response.header("ETag");
    if (etag == null) {
      throw new MalformedResponseException("the response has no ETag (the record's version)");
    }
    return new Versioned<>(Json.record(body, type), parseEtag(etag), etag);
  }

  static long parseEtag(String etag) {
    String value = etag.startsWith("W/") ? etag.substring(2) : etag;
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      long version = Long.parseLong(value);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedResponseException("the ETag " + etag + " is not a version (\"1\", \"2\", ...)");
  }

  private static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static void checkVersion(long version) {
    if (version < 1) {
      throw new IllegalArgumentException("a version starts at 1: " + version);
    }
  }

  private static String checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an id cannot be blank");
    }
    return id;
  }

  /** Argument errors of an async method fail its future instead of being thrown. */
  private static <R> CompletableFuture<R> async(java.util.function.Supplier<CompletableFuture<R>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
