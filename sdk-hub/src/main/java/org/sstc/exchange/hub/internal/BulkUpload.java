package org.sstc.exchange.hub.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.Severity;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code POST /packages}: records are read one at a time as the body streams in, and each is
 * validated, authorised and written in the order received; the records checked by the time the
 * oldest is due are written together, in one store transaction ({@link HubStore#upsertAll}).
 *
 * <p>Validation, the costly part, runs ahead on the hub's bulk workers: the request thread reads
 * and parses the next records while up to a window of them ({@link #WINDOW}, {@link #SQL_WINDOW})
 * are being checked, and writes each checked record to the store in order. The window keeps
 * memory constant and the outcome the same as one record at a time: a record is written only
 * after every record before it.
 *
 * <p>A package's {@code initiatives} and {@code organisations} arrays are read element by element
 * (the rest of the package, its header, is kept and checked at the end with empty arrays, as
 * sdk-core's streaming validation does). NDJSON is read line by line, each line parsed by {@link
 * SstcJson#readTree}. Only the per-record results are kept in memory.
 */
final class BulkUpload {
  private record Result(long index, long line, String recordType, @Nullable String id, String status,
      long version, List<Issue> issues) {}

  /**
   * A record checked and ready to write, or refused: what a worker hands back to the request
   * thread. {@code model} is null for a refused record.
   */
  private record Checked(long index, long line, String type, @Nullable String id, List<Issue> issues,
      @Nullable SstcRecord model, byte @Nullable [] json, boolean unreadable) {
    static Checked refused(long index, long line, String type, @Nullable String id, List<Issue> issues) {
      return new Checked(index, line, type, id, issues, null, null, false);
    }
  }

  /**
   * Records in flight between the reader and the store: enough to keep every core busy, and to
   * commit several records at once on the SQL stores (one disk flush for all that are checked).
   */
  static final int WINDOW = Math.max(64, 4 * Runtime.getRuntime().availableProcessors());

  /**
   * The window on the SQL stores, whose chunks wait on the database: 4× larger, so that a chunk
   * takes about 200 records and the database's fixed cost per chunk (the feed lock, the row read,
   * one statement per table, the commit) is shared by more of them. With 64, PostgreSQL wrote
   * chunks of about 60; with 256 it took 8-18% more records a second, at 5-10% less CPU a record
   * (benchmarks/README.md, "Stop 22"); 512 gave no more.
   */
  static final int SQL_WINDOW = 4 * WINDOW;

  private final HubStore store;
  private final Validator validator;
  private final String org;
  private final long limit;
  private final ExecutorService workers;
  private final ArrayDeque<Future<Checked>> inFlight = new ArrayDeque<>();
  /**
   * The SQL stores' chunk writer: a chunk waits there on the database (round trips, the commit)
   * while this thread reads the next records and the workers check them; null for the memory
   * store, whose writes do not wait.
   */
  private final @Nullable ExecutorService writer;
  /** Records in flight at most, checked or being checked. */
  private final int window;
  /** The chunk being written by {@link #writer}: at most one, so chunks commit in the order read. */
  private @Nullable Future<?> writing;
  private final List<Result> results = new ArrayList<>();
  private @Nullable Result header;
  private long received;
  private long created;
  private long updated;
  private long unchanged;
  private long rejected;
  private long unreadable;

  BulkUpload(HubStore store, Validator validator, String org, long limit, ExecutorService workers) {
    this.store = store;
    this.validator = validator;
    this.org = org;
    this.limit = limit;
    this.workers = workers;
    this.writer = store.writesWait() ? java.util.concurrent.Executors.newSingleThreadExecutor(run -> {
      Thread thread = new Thread(run, "sstc-hub-bulk-writer");
      thread.setDaemon(true);
      return thread;
    }) : null;
    this.window = store.writesWait() ? SQL_WINDOW : WINDOW;
  }

  /** Reads the whole body (raw: as sent, already limited) and answers with the bulk report. */
  Reply run(Limited raw, boolean gzip, boolean ndjson) {
    try {
      return read(raw, gzip, ndjson);
    } finally {
      if (writer != null) {
        writer.shutdown();
      }
    }
  }

  private Reply read(Limited raw, boolean gzip, boolean ndjson) {
    try {
      // The parser closes what it reads; the request body must stay open to be drained.
      InputStream open = new java.io.FilterInputStream(raw) {
        @Override
        public void close() {}
      };
      InputStream body = gzip ? new Limited(new GZIPInputStream(open, 1 << 16), limit) : open;
      try {
        if (ndjson) {
          readNdjson(body);
        } else {
          readPackage(body);
        }
      } finally {
        // Records read before a failure are written, as the error message says.
        writeAll();
      }
      if (ndjson && received > 0 && unreadable == received) {
        throw Problem.badParam("body", "not NDJSON: no line is a JSON record (" + results.get(0).issues().get(0).message() + ")");
      }
      raw.drain();
    } catch (Limited.TooLarge e) {
      throw tooLarge();
    } catch (IOException e) {
      throw Problem.badRequest("the body could not be read" + (gzip ? " (is it gzip?)" : "") + ": " + e.getMessage()
          + processedSoFar());
    }
    return Reply.json(200, report());
  }

  private Problem tooLarge() {
    return Problem.tooLarge(limit, "the bulk body" + processedSoFar());
  }

  private String processedSoFar() {
    return received == 0 ? "" : "; the " + received + " record(s) before that point were processed";
  }

  // ---- the window between reading and writing ----

  /**
   * Hands a record to a worker. When the window is full, writes the oldest checked record and
   * every one after it that is checked already, in order, in one store transaction: the slower
   * the store, the more records each commit takes. On the SQL stores the chunk is written by the
   * {@link #writer} once the one before it is committed, while the window fills again: in memory
   * are at most the window and the chunk being written.
   */
  private void submit(Callable<Checked> check) {
    if (inFlight.size() >= window) {
      awaitWriting();
      List<Checked> batch = new ArrayList<>();
      batch.add(await(inFlight.removeFirst()));
      while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) {
        batch.add(await(inFlight.removeFirst()));
      }
      if (writer == null) {
        write(batch);
      } else {
        writing = writer.submit(() -> write(batch));
      }
    }
    inFlight.addLast(workers.submit(check));
  }

  /** Waits for the chunk being written, if any; its failure is this upload's. */
  private void awaitWriting() {
    Future<?> chunk = writing;
    writing = null;
    if (chunk != null) {
      await(chunk);
    }
  }

  private void writeAll() {
    awaitWriting();
    List<Checked> batch = new ArrayList<>();
    while (!inFlight.isEmpty()) {
      batch.add(await(inFlight.removeFirst()));
    }
    write(batch);
  }

  private static <T> T await(Future<T> checked) {
    try {
      return checked.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the hub is stopping", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  // ---- package ----

  private void readPackage(InputStream in) throws IOException {
    JsonParser parser = Json.parser(in);
    try {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw Problem.badRequest("the body is empty: send a package, {\"recordType\": \"package\", ...}");
      }
      if (first != JsonToken.START_OBJECT) {
        throw Problem.badRequest("a package is one JSON object, {\"recordType\": \"package\", ...}");
      }
      ObjectNode envelope = JsonNodeFactory.instance.objectNode();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        String type = ARRAYS.get(name);
        if (value == JsonToken.START_ARRAY && type != null) {
          envelope.putArray(name);
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode element = parser.readValueAsTree();
            long index = received++;
            submit(() -> check(index, element, type, -1));
          }
        } else {
          envelope.set(name, parser.readValueAsTree());
        }
      }
      if (parser.nextToken() != null) {
        header = headerResult(List.of(Issue.error("json.syntax", "",
            "there is more after the end of the package: send one package, or NDJSON records one a line")));
        return;
      }
      JsonNode recordType = envelope.get("recordType");
      if (recordType != null && recordType.isString() && !recordType.asString().equals("package")) {
        header = headerResult(List.of(Issue.error("schema.const", "/recordType",
            "POST /packages takes a package or NDJSON records; a single " + recordType.asString()
                + " goes to POST /" + recordType.asString() + "s")));
        return;
      }
      ValidationReport report = JsonStreams.validateTree(validator, envelope);
      List<Issue> headerIssues = new ArrayList<>(report.issues());
      if (!headerIssues.isEmpty()) {
        header = headerResult(headerIssues);
      }
    } catch (JacksonIOException e) {
      IOException cause = e.getCause();
      throw cause != null ? cause : new IOException(e.getMessage(), e);
    } catch (JacksonException e) {
      if (received == 0) {
        Issue issue = JsonStreams.readFailure(e, parser);
        throw Problem.badParam("body", "not a package: " + issue.code() + ": " + issue.message());
      }
      // Records read so far were written; the rest of the body cannot be read.
      header = headerResult(List.of(JsonStreams.readFailure(e, parser)));
    } catch (NumberFormatException e) {
      // A number whose exponent no decimal can hold (Jackson throws this one as it is).
      Issue issue = JsonStreams.numberOutOfRange(e, parser);
      if (received == 0) {
        throw Problem.badParam("body", "not a package: " + issue.message());
      }
      header = headerResult(List.of(issue));
    } finally {
      try {
        parser.close();
      } catch (JacksonException ignored) {
        // already reported
      }
    }
  }

  /** A package's arrays of records, streamed one record at a time, and the type each holds. */
  private static final Map<String, String> ARRAYS = Map.of(
      "initiatives", Initiative.RECORD_TYPE,
      "organisations", Organisation.RECORD_TYPE,
      "solutions", Solution.RECORD_TYPE);

  private static Result headerResult(List<Issue> issues) {
    boolean errors = issues.stream().anyMatch(Issue::isError);
    return new Result(-1, -1, "package", null, errors ? "rejected" : "unchanged", 0, issues);
  }

  // ---- NDJSON ----

  private void readNdjson(InputStream in) throws IOException {
    JsonStreams.Lines lines = JsonStreams.lines(in);
    long lineNumber = 0;
    byte[] line;
    while ((line = lines.next()) != null) {
      lineNumber++;
      if (lines.overLimit()) {
        long index = received++;
        long at = lineNumber;
        submit(() -> new Checked(index, at, "unknown", null, List.of(Issue.error("json.limit", "",
            "this line is longer than " + Json.MAX_LINE_BYTES + " bytes, the limit for one record")
            .atLine(at)), null, null, true));
        continue;
      }
      if (isBlank(line)) {
        continue;
      }
      long index = received++;
      long at = lineNumber;
      byte[] text = line;
      submit(() -> {
        JsonNode tree;
        try {
          tree = SstcJson.standard().readTree(text);
        } catch (ValidationException e) {
          return new Checked(index, at, "unknown", null,
              e.report().issues().stream().map(issue -> issue.atLine(at)).toList(), null, null, true);
        }
        return check(index, tree, null, at);
      });
    }
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  // ---- one record ----

  /**
   * Validates and authorises one record, on a worker: everything but the write.
   *
   * @param expectedType the type the package array holds, or null for NDJSON (the record says)
   * @param line the NDJSON line, or -1
   */
  private Checked check(long index, JsonNode tree, @Nullable String expectedType, long line) {
    String declared = tree.path("recordType").asString("");
    String type = expectedType != null ? expectedType : declared.isEmpty() ? "unknown" : declared;
    String id = tree.path("id").isString() ? tree.path("id").asString() : null;
    if (!tree.isObject()) {
      return Checked.refused(index, line, type, null, atLine(List.of(Issue.error("json.syntax", "",
          "a record is one JSON object with a 'recordType'")), line));
    }
    if (expectedType != null && !declared.isEmpty() && !declared.equals(expectedType)) {
      return Checked.refused(index, line, type, id, List.of(Issue.error("schema.const", "/recordType",
          "this element of the package's " + expectedType + "s is a " + declared)));
    }
    if (expectedType == null && declared.equals("package")) {
      return Checked.refused(index, line, type, id, atLine(List.of(Issue.error("schema.const", "/recordType",
          "an NDJSON line is one initiative, organisation or solution; send a package alone as application/json")), line));
    }
    SstcRecord[] bound = new SstcRecord[1];
    ValidationReport report = JsonStreams.validateTree(validator, tree, record -> bound[0] = record);
    List<Issue> issues = atLine(report.issues(), line);
    if (!report.valid()) {
      return Checked.refused(index, line, type, id, issues);
    }
    // The record the validator checked, bound once; an array's type was checked above.
    SstcRecord model = Objects.requireNonNull(bound[0], "a valid record is bound");
    id = HubHandler.idOf(model);
    // An initiative or solution is written by the organisation that reports it; an organisation
    // record by that organisation.
    String reporter = HubHandler.reportingOrgOf(model);
    String refusal = null;
    String pointer = "/reportingOrg/id";
    if (reporter != null && !reporter.equals(org)) {
      refusal = "this token writes for " + org + ", but the " + type + "'s reportingOrg.id is " + reporter;
    } else if (reporter == null && !id.equals(org)) {
      pointer = "/id";
      refusal = "this token writes for " + org + ", but this is the organisation record of " + id
          + "; an organisation writes only its own record";
    }
    if (refusal != null) {
      List<Issue> refused = new ArrayList<>(issues);
      refused.add(Issue.error("auth.forbidden", pointer, refusal));
      return Checked.refused(index, line, type, id, atLine(refused, line));
    }
    return new Checked(index, line, type, id, issues, model, SstcJson.standard().write(model), false);
  }

  /** Writes checked records to the store in one transaction (or records their refusals), on the request thread. */
  private void write(List<Checked> batch) {
    List<HubStore.Upsert> writes = new ArrayList<>();
    for (Checked checked : batch) {
      if (checked.model() != null && checked.json() != null && checked.id() != null) {
        writes.add(new HubStore.Upsert(checked.type(), checked.id(), org, checked.json(), checked.model()));
      }
    }
    List<HubStore.Outcome> outcomes = writes.isEmpty() ? List.of() : store.upsertAll(writes);
    int next = 0;
    for (Checked checked : batch) {
      if (checked.unreadable()) {
        unreadable++;
      }
      String id = checked.id();
      if (checked.model() == null || checked.json() == null || id == null) {
        reject(checked.index(), checked.line(), checked.type(), id, checked.issues());
      } else {
        record(checked, id, outcomes.get(next++));
      }
    }
  }

  /** The result of one written record. */
  private void record(Checked checked, String id, HubStore.Outcome outcome) {
    long index = checked.index();
    long line = checked.line();
    String type = checked.type();
    List<Issue> issues = checked.issues();
    switch (outcome.status()) {
      case CREATED -> {
        created++;
        results.add(new Result(index, line, type, id, "created", outcome.version(), issues));
      }
      case UPDATED -> {
        updated++;
        results.add(new Result(index, line, type, id, "updated", outcome.version(), issues));
      }
      case UNCHANGED -> {
        unchanged++;
        results.add(new Result(index, line, type, id, "unchanged", outcome.version(), issues));
      }
      case FORBIDDEN -> {
        List<Issue> refused = new ArrayList<>(issues);
        refused.add(Issue.error("auth.forbidden", "", "this token writes for " + org
            + ", which does not own the " + type + " '" + id + "'"));
        reject(index, line, type, id, atLine(refused, line));
      }
      default -> {
        List<Issue> refused = new ArrayList<>(issues);
        refused.add(Issue.error("hub.id-taken", "/id", "the " + type + " '" + id
            + "' was deleted, and the ids of deleted records stay taken"));
        reject(index, line, type, id, atLine(refused, line));
      }
    }
  }

  private static List<Issue> atLine(List<Issue> issues, long line) {
    return line < 0 ? issues : issues.stream().map(issue -> issue.line() == null ? issue.atLine(line) : issue).toList();
  }

  private void reject(long index, long line, String type, @Nullable String id, List<Issue> issues) {
    rejected++;
    results.add(new Result(index, line, type, id, "rejected", 0, issues));
  }

  private byte[] report() {
    JsonOut json = new JsonOut().beginObject()
        .field("received", received)
        .field("created", created)
        .field("updated", updated)
        .field("unchanged", unchanged)
        .field("rejected", rejected)
        .name("results").beginArray();
    if (header != null) {
      write(json, header);
    }
    for (Result result : results) {
      write(json, result);
    }
    return json.endArray().endObject().toBytes();
  }

  private static void write(JsonOut json, Result result) {
    json.beginObject().field("index", result.index());
    if (result.line() > 0) {
      json.field("line", result.line());
    }
    json.field("recordType", result.recordType());
    if (result.id() != null) {
      json.field("id", result.id());
    }
    json.field("status", result.status());
    if (result.version() > 0) {
      json.field("version", result.version());
    }
    json.name("issues").raw(Json.issues(result.issues()));
    json.endObject();
  }
}
