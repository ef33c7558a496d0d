package org.sstc.exchange.hub.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.schema.StandardFiles;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the exchange API (docs/exchange-api.md): routing, authentication,
 * preconditions, idempotency and the answers, problems included.
 */
final class HubHandler {
  private static final System.Logger LOG = System.getLogger("org.sstc.exchange.hub");
  private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Pattern SDG_GOAL = Pattern.compile("[1-9]|1[0-7]");
  private static final Pattern SDG_TARGET = Pattern.compile("[0-9]{1,2}\\.([0-9]{1,2}|[a-z])");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern STATUS = Pattern.compile("[1-6]");
  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z.\\-]+");
  private static final Set<String> MODALITIES = Set.of("bilateral", "triangular", "regional");
  private static final Set<String> RECORD_TYPES = Set.of("initiative", "organisation", "package", "solution");

  private final HubSettings settings;
  private final HubStore store;
  /** The hashes of the tokens given in the settings (a memory hub's), and their organisations. */
  private final Map<String, String> organisationBySettingsHash = new java.util.HashMap<>();
  private final Supplier<Validator> validator;
  private final ExecutorService bulkWorkers;
  private volatile @Nullable Map<String, String> codelistFiles;

  HubHandler(HubSettings settings, HubStore store, Supplier<Validator> validator, ExecutorService bulkWorkers) {
    this.settings = settings;
    this.store = store;
    settings.organisationByToken().forEach((token, org) ->
        organisationBySettingsHash.put(java.util.HexFormat.of().formatHex(Tokens.hash(token)), org));
    this.validator = validator;
    this.bulkWorkers = bulkWorkers;
  }

  /**
   * The answer to one request, problems included; {@code call} parses the request (a bad
   * percent-encoding in its path or query is a 400 too).
   */
  Reply answer(Supplier<Call> call, String instance, String requestId) {
    try {
      return route(call.get());
    } catch (Problem problem) {
      return Reply.problem(problem, instance, requestId);
    } catch (RuntimeException | Error failure) {
      LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", failure);
      return Reply.problem(Problem.internal("the hub failed on this request (" + failure.getClass().getSimpleName()
          + "); request id " + requestId), instance, requestId);
    }
  }

  private Reply route(Call call) {
    List<String> path = call.segments;
    String first = path.isEmpty() ? "" : path.get(0);
    switch (first) {
      case "initiatives":
        return collection(call, Initiative.RECORD_TYPE);
      case "organisations":
        return collection(call, Organisation.RECORD_TYPE);
      case "solutions":
        return collection(call, Solution.RECORD_TYPE);
      case "packages":
        if (path.size() != 1) {
          throw notFound(call);
        }
        allow(call, "POST");
        return bulk(call);
      case "changes":
        if (path.size() != 1) {
          throw notFound(call);
        }
        allow(call, "GET");
        return changes(call);
      case "codelists":
        if (path.size() > 2) {
          throw notFound(call);
        }
        allow(call, "GET");
        return path.size() == 1 ? codelistIndex(call) : codelist(call, path.get(1));
      default:
        throw notFound(call);
    }
  }

  private static Problem notFound(Call call) {
    return Problem.notFound("there is no resource at " + call.rawPath
        + "; the API has /initiatives, /organisations, /solutions, /packages, /changes and /codelists");
  }

  private static void allow(Call call, String allowed) {
    if (!List.of(allowed.split(", ")).contains(call.method)) {
      throw Problem.methodNotAllowed(call.method, allowed);
    }
  }

  private Reply collection(Call call, String type) {
    List<String> path = call.segments;
    if (path.size() == 1) {
      allow(call, "GET, POST");
      return call.method.equals("GET") ? search(call, type) : create(call, type);
    }
    String id = path.get(1);
    if (id.isEmpty()) {
      throw notFound(call);
    }
    if (path.size() == 2) {
      allow(call, "GET, PUT, DELETE");
      switch (call.method) {
        case "GET":
          return get(call, type, id);
        case "PUT":
          return replace(call, type, id);
        default:
          return delete(call, type, id);
      }
    }
    if (path.size() == 3 && path.get(2).equals("history")) {
      allow(call, "GET");
      return history(call, type, id);
    }
    throw notFound(call);
  }

  // ---- reads ----

  private Reply get(Call call, String type, String id) {
    HubStore.Snapshot record = store.get(type, id);
    if (record == null) {
      throw Problem.notFound("there is no " + type + " '" + id + "'" + (store.owner(type, id) != null ? " any more: it was deleted (its history stays readable)" : ""));
    }
    String etag = etag(record.version());
    String ifNoneMatch = call.header("If-None-Match");
    if (ifNoneMatch != null && noneMatchHits(ifNoneMatch, record.version())) {
      return Reply.empty(304, Map.of("ETag", etag));
    }
    return Reply.json(200, record.json(), Map.of("ETag", etag));
  }

  private static boolean noneMatchHits(String header, long version) {
    for (String tag : header.split(",")) {
      String t = tag.trim();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals(etag(version))) {
        return true;
      }
    }
    return false;
  }

  private Reply history(Call call, String type, String id) {
    List<HubStore.Version> versions = store.history(type, id);
    if (versions == null) {
      throw Problem.notFound("there is no " + type + " '" + id + "' and there never was");
    }
    JsonOut json = new JsonOut().beginObject().field("id", id).name("versions").beginArray();
    for (HubStore.Version version : versions) {
      json.beginObject()
          .field("version", version.version())
          .field("event", version.event())
          .field("at", version.at().toString());
      if (version.json() != null) {
        json.name("record").raw(version.json());
      }
      json.endObject();
    }
    return Reply.json(200, json.endArray().endObject().toBytes());
  }

  private Reply search(Call call, String type) {
    Set<String> known;
    switch (type) {
      case Initiative.RECORD_TYPE:
        known = Set.of("modality", "sdgGoal", "sdgTarget", "country", "participant", "status", "updatedSince", "cursor", "limit");
        break;
      case Solution.RECORD_TYPE:
        known = Set.of("sdgGoal", "sdgTarget", "country", "participant", "sector", "maturity", "matchInitiative",
            "updatedSince", "cursor", "limit");
        break;
      default:
        known = Set.of("country", "orgType", "updatedSince", "cursor", "limit");
    }
    Params params = new Params(call, known);
    int limit = params.integer("limit", 1, 500, 100);
    List<Facets.Facet> facets = new ArrayList<>();
    OffsetDateTime since = params.dateTime("updatedSince");
    facet(facets, "country", params.matching("country", COUNTRY, "an ISO 3166-1 alpha-2 code such as BR"));
    String matchInitiative = null;
    if (!type.equals(Organisation.RECORD_TYPE)) {
      facet(facets, "sdgGoal", Facets.goal(params.matching("sdgGoal", SDG_GOAL, "a goal number from 1 to 17")));
      facet(facets, "sdgTarget", params.matching("sdgTarget", SDG_TARGET, "an SDG target such as 2.3 or 17.b"));
      facet(facets, "participant", params.matching("participant", CODE_OR_ID, "an org-id such as XM-DAC-41301"));
    }
    if (type.equals(Initiative.RECORD_TYPE)) {
      facet(facets, "modality", params.oneOf("modality", MODALITIES));
      facet(facets, "status", params.matching("status", STATUS, "an ActivityStatus code from 1 to 6"));
    } else if (type.equals(Solution.RECORD_TYPE)) {
      facet(facets, "sector", params.matching("sector", SECTOR, "a DAC 5-digit purpose code such as 31120"));
      facet(facets, "maturity", params.oneOf("maturity", MATURITIES));
      matchInitiative = params.matching("matchInitiative", CODE_OR_ID, "an initiative id");
    } else {
      facet(facets, "orgType", params.matching("orgType", CODE, "an OrganisationType code such as 10"));
    }
    if (matchInitiative != null) {
      SolutionMatches.Cursor at = SolutionMatches.Cursor.parse(params.value("cursor"));
      if (at == null && params.value("cursor") != null) {
        params.invalid("cursor", "not a cursor of these matches: pass the 'next' of the previous page as it was");
      }
      params.check();
      return matches(call, matchInitiative, since == null ? null : since.toInstant(), facets, at, limit);
    }
    String after = params.cursor();
    params.check();
    HubStore.Page page = store.search(new HubStore.Query(type, after, limit,
        since == null ? null : since.toInstant(), facets));
    JsonOut json = new JsonOut().beginObject().name("items").beginArray();
    for (HubStore.Snapshot item : page.items()) {
      json.raw(item.json());
    }
    json.endArray();
    Map<String, String> headers = new LinkedHashMap<>();
    if (page.more()) {
      String next = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(page.items().get(page.items().size() - 1).id().getBytes(StandardCharsets.UTF_8));
      json.field("next", next);
      headers.put("Link", "<" + nextLink(call, "cursor", next) + ">; rel=\"next\"");
    }
    return Reply.json(200, json.endObject().toBytes(), headers);
  }

  private static final Pattern CODE_OR_ID = Pattern.compile("[^\\s/?#&|]+");
  private static final Pattern SECTOR = Pattern.compile("[0-9]{5}");
  private static final Set<String> MATURITIES = Set.of("piloted", "implemented", "replicated", "scaled-up");

  /**
   * {@code GET /solutions?matchInitiative=ID}: the solutions that fit a stored initiative, the
   * best first, each with the reasons it matched ({@link SolutionMatch}).
   */
  private Reply matches(Call call, String initiativeId, java.time.@Nullable Instant since,
      List<Facets.Facet> filters, SolutionMatches.@Nullable Cursor after, int limit) {
    HubStore.Snapshot stored = store.get(Initiative.RECORD_TYPE, initiativeId);
    if (stored == null) {
      throw Problem.notFound("there is no initiative '" + initiativeId + "'"
          + (store.owner(Initiative.RECORD_TYPE, initiativeId) != null ? " any more: it was deleted" : "")
          + "; matchInitiative takes the id of a stored initiative");
    }
    Initiative initiative = SstcJson.standard().read(stored.json(), Initiative.class);
    SolutionMatches.Page page = new SolutionMatches(store).page(initiative, since, filters, after, limit);
    JsonOut json = new JsonOut().beginObject().field("initiativeId", initiativeId).name("items").beginArray();
    for (SolutionMatches.Ranked ranked : page.items()) {
      json.beginObject().field("score", ranked.match().score()).name("reasons").beginArray();
      for (SolutionMatch.Reason reason : ranked.match().reasons()) {
        json.beginObject().field("kind", reason.kind()).field("code", reason.code())
            .field("weight", reason.weight()).field("text", reason.text()).endObject();
      }
      json.endArray().name("solution").raw(ranked.json()).endObject();
    }
    json.endArray();
    Map<String, String> headers = new LinkedHashMap<>();
    if (page.next() != null) {
      json.field("next", page.next().toString());
      headers.put("Link", "<" + nextLink(call, "cursor", page.next().toString()) + ">; rel=\"next\"");
    }
    return Reply.json(200, json.endObject().toBytes(), headers);
  }

  private static void facet(List<Facets.Facet> facets, String name, @Nullable String value) {
    if (value != null) {
      facets.add(new Facets.Facet(name, value));
    }
  }

  private String nextLink(Call call, String cursorName, String cursor) {
    StringBuilder link = new StringBuilder(call.baseUrl.toString()).append(call.rawPath).append('?');
    boolean first = true;
    for (Map.Entry<String, List<String>> param : call.query.entrySet()) {
      if (param.getKey().equals(cursorName)) {
        continue;
      }
      for (String value : param.getValue()) {
        link.append(first ? "" : "&").append(Call.encode(param.getKey())).append('=').append(Call.encode(value));
        first = false;
      }
    }
    return link.append(first ? "" : "&").append(cursorName).append('=').append(cursor).toString();
  }

  private Reply changes(Call call) {
    Params params = new Params(call, Set.of("since", "limit"));
    int limit = params.integer("limit", 1, 1000, 500);
    String cursor = params.value("since");
    params.check();
    long since = cursor == null ? 0 : since(cursor);
    List<HubStore.Event> events = store.changes(since, limit);
    JsonOut json = new JsonOut().beginObject().name("events").beginArray();
    for (HubStore.Event event : events) {
      json.beginObject()
          .field("sequence", event.sequence())
          .field("type", event.type())
          .field("recordType", event.recordType())
          .field("id", event.id())
          .field("version", event.version())
          .field("at", event.at().toString());
      if (event.json() != null) {
        json.name("record").raw(event.json());
      }
      json.endObject();
    }
    long next = events.isEmpty() ? since : events.get(events.size() - 1).sequence();
    return Reply.json(200, json.endArray().field("next", HubIdentity.cursor(store.hubId(), next)).endObject().toBytes());
  }

  /**
   * The sequence a {@code since} names: a cursor of this hub (not another's, not one from before
   * this hub's data was made again) or a plain sequence number, never past the head (a follower
   * that got ahead would skip the events written up to its number).
   */
  private long since(String cursor) {
    HubIdentity.Cursor parsed = HubIdentity.parse(cursor);
    if (parsed == null) {
      throw Problem.badParam("since", "'" + cursor + "' is not a cursor this hub gave out; pass 'next' from"
          + " the previous page, an event's sequence, or nothing to read from the beginning");
    }
    if (parsed.hubId() != null && !parsed.hubId().equals(store.hubId())) {
      throw Problem.badParam("since", "this cursor was given out by another hub (hub id " + parsed.hubId()
          + "), not by this one (hub id " + store.hubId() + "): the hub you followed was replaced, or its data"
          + " wiped and made again; read the feed again from the beginning (no since) and rebuild your copy");
    }
    long head = store.head();
    if (parsed.sequence() > head) {
      throw Problem.badParam("since", "this cursor is at event " + parsed.sequence() + ", past the last event of"
          + " this hub (" + head + "): it does not come from this hub's feed, or the hub lost events; read the"
          + " feed again from the beginning (no since)");
    }
    return parsed.sequence();
  }

  private Reply codelistIndex(Call call) {
    return Reply.json(200, standardFile("codelists/index.json"));
  }

  private Reply codelist(Call call, String name) {
    String file = codelistFiles().get(name);
    if (file == null) {
      throw Problem.notFound("there is no codelist '" + name + "'; GET /codelists lists them all");
    }
    return Reply.json(200, standardFile("codelists/" + file));
  }

  private Map<String, String> codelistFiles() {
    Map<String, String> files = codelistFiles;
    if (files == null) {
      files = new LinkedHashMap<>();
      for (JsonNode entry : Json.tree(standardFile("codelists/index.json"))) {
        files.put(entry.path("name").asString(""), entry.path("file").asString(""));
      }
      codelistFiles = files;
    }
    return files;
  }

  private static byte[] standardFile(String path) {
    try (InputStream in = StandardFiles.open(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- single-record writes ----

  private Reply create(Call call, String type) {
    String org = authenticate(call);
    String key = idempotencyKey(call);
    requireRecordMedia(call);
    byte[] body = readRecordBody(call);
    return keyed(call, org, key, body, () -> doCreate(type, org, body));
  }

  /**
   * Runs a single-record write, under its idempotency key when it has one: a repeat of a request
   * whose answer is kept gets that answer, whatever has changed since. The key is looked up before
   * anything else, so that a retry of a {@code PUT} or {@code DELETE} that was applied (its answer
   * lost) is answered as the first attempt was, not with a 412 for the version it replaced.
   */
  private Reply keyed(Call call, String org, @Nullable String key, byte[] body, Supplier<Reply> work) {
    if (key == null) {
      return rendered(call, work);
    }
    byte[] hash = hash(call, body);
    HubStore.KeySlot slot = store.claimKey(org, key);
    if (slot != null) {
      return answerFromSlot(slot, hash);
    }
    return idempotent(call, org, key, () -> hash, work);
  }

  private static Reply answerFromSlot(HubStore.KeySlot slot, byte[] hash) {
    if (slot.inFlight()) {
      throw Problem.keyInFlight();
    }
    if (!slot.sameRequest(hash)) {
      throw Problem.keyReused();
    }
    return Objects.requireNonNull(slot.reply(), "a slot not in flight has its reply").withHeader("Idempotent-Replayed", "true");
  }

  /** Runs a request that holds an idempotency key and keeps its answer (not a 5xx one). */
  private Reply idempotent(Call call, String org, String key, Supplier<byte @Nullable []> hash, Supplier<Reply> work) {
    Reply reply;
    try {
      reply = rendered(call, work);
    } catch (RuntimeException | Error failure) {
      store.releaseKey(org, key);
      throw failure;
    }
    byte[] requestHash = reply.status() < 500 ? hash.get() : null;
    if (requestHash == null) {
      store.releaseKey(org, key);
    } else {
      store.completeKey(org, key, requestHash, reply);
    }
    return reply;
  }

  private static Reply rendered(Call call, Supplier<Reply> work) {
    try {
      return work.get();
    } catch (Problem problem) {
      return Reply.problem(problem, call.rawPath, call.requestId);
    }
  }

  private Reply doCreate(String type, String org, byte[] body) {
    Parsed record = parse(body, type);
    String reporter = reportingOrgOf(record.model());
    if (reporter != null) {
      requireReportedBy(type, reporter, org);
    } else {
      requireOwnOrganisation(record.id(), org);
    }
    // Past the checks, the token's organisation is the record's owner.
    HubStore.Outcome outcome = store.create(type, record.id(), org, record.json(), record.model());
    if (outcome.status() == HubStore.Status.EXISTS) {
      throw Problem.alreadyExists(type, record.id(), outcome.version());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", etag(outcome.version()));
    headers.put("Location", "/" + type + "s/" + Call.encode(record.id()));
    return Reply.json(201, record.json(), headers);
  }

  /** An initiative or solution is its reporting organisation's to write. */
  private static void requireReportedBy(String type, String reportingOrg, String org) {
    if (!reportingOrg.equals(org)) {
      throw Problem.forbidden("this token writes for " + org + ", but the " + type + "'s reportingOrg.id is "
          + reportingOrg + "; an organisation writes only the " + type + "s it reports");
    }
  }

  /** An organisation record is its organisation's: only that organisation's token writes it. */
  private static void requireOwnOrganisation(String id, String org) {
    if (!id.equals(org)) {
      throw Problem.forbidden("this token writes for " + org + ", but this is the organisation record of " + id
          + "; an organisation writes only its own record (its id is its org-id)");
    }
  }

  private Reply replace(Call call, String type, String id) {
    String org = authenticate(call);
    Set<Long> expected = ifMatch(call);
    String key = idempotencyKey(call);
    requireRecordMedia(call);
    byte[] body = readRecordBody(call);
    return keyed(call, org, key, body, () -> doReplace(call, type, id, org, expected, body));
  }

  private Reply doReplace(Call call, String type, String id, String org, Set<Long> expected, byte[] body) {
    // A stale version is answered before the costly validation.
    if (store.isStale(type, id, org, expected)) {
      throw Problem.preconditionFailed(store.version(type, id), call.header("If-Match"));
    }
    Parsed record = parse(body, type);
    if (!record.id().equals(id)) {
      throw Problem.badParams(List.of(new Problem.InvalidParam("id",
          "the body's id '" + record.id() + "' is not the id in the path '" + id + "'; ids never change")));
    }
    String reporter = reportingOrgOf(record.model());
    if (reporter != null) {
      requireReportedBy(type, reporter, org);
    }
    HubStore.Outcome outcome = store.replace(type, id, org, expected, record.json(), record.model());
    switch (outcome.status()) {
      case NOT_FOUND:
        throw Problem.notFound("there is no " + type + " '" + id + "' to replace; create it with POST");
      case FORBIDDEN:
        throw Problem.forbidden("this token writes for " + org + ", which does not own the " + type + " '" + id + "'");
      case STALE:
        throw Problem.preconditionFailed(outcome.version(), call.header("If-Match"));
      default:
        return Reply.json(200, record.json(), Map.of("ETag", etag(outcome.version())));
    }
  }

  private Reply delete(Call call, String type, String id) {
    String org = authenticate(call);
    Set<Long> expected = ifMatch(call);
    return keyed(call, org, idempotencyKey(call), new byte[0], () -> doDelete(call, type, id, org, expected));
  }

  private Reply doDelete(Call call, String type, String id, String org, Set<Long> expected) {
    HubStore.Outcome outcome = store.delete(type, id, org, expected);
    switch (outcome.status()) {
      case NOT_FOUND:
        throw Problem.notFound("there is no " + type + " '" + id + "' to delete");
      case FORBIDDEN:
        throw Problem.forbidden("this token writes for " + org + ", which does not own the " + type + " '" + id + "'");
      case STALE:
        throw Problem.preconditionFailed(outcome.version(), call.header("If-Match"));
      default:
        return Reply.empty(204, Map.of());
    }
  }

  /** A record the validator accepted, bound to the model and written by SstcJson. */
  record Parsed(String id, SstcRecord model, byte[] json) {}

  private Parsed parse(byte[] body, String type) {
    JsonNode tree;
    try {
      tree = SstcJson.standard().readTree(body);
    } catch (ValidationException e) {
      Issue first = e.report().errors().isEmpty() ? null : e.report().errors().get(0);
      throw Problem.badParams(List.of(new Problem.InvalidParam("body",
          first == null ? "the body is not valid JSON" : first.code() + ": " + first.message())));
    }
    if (!tree.isObject()) {
      throw Problem.badParams(List.of(new Problem.InvalidParam("body",
          "the body must be one JSON object: an " + type + " record")));
    }
    JsonNode recordType = tree.get("recordType");
    if (recordType != null && recordType.isString() && RECORD_TYPES.contains(recordType.asString())
        && !recordType.asString().equals(type)) {
      throw Problem.validationFailed(ValidationReport.of(List.of(Issue.error("schema.const", "/recordType",
          "this is a " + recordType.asString() + ", but /" + type + "s takes " + type + " records"
              + (recordType.asString().equals("package") ? "; send packages to POST /packages" : "")))));
    }
    SstcRecord[] bound = new SstcRecord[1];
    ValidationReport report = JsonStreams.validateTree(validator.get(), tree, record -> bound[0] = record);
    if (!report.valid()) {
      throw Problem.validationFailed(report);
    }
    // The record the validator checked: bound once. Its type is the path's (checked above).
    SstcRecord model = Objects.requireNonNull(bound[0], "a valid record is bound");
    return new Parsed(idOf(model), model, SstcJson.standard().write(model));
  }

  /** The id of a record of a type the hub stores. */
  static String idOf(SstcRecord model) {
    if (model instanceof Initiative initiative) {
      return initiative.id();
    }
    if (model instanceof Solution solution) {
      return solution.id();
    }
    return ((Organisation) model).id();
  }

  /**
   * The organisation that reports an initiative or a solution, which alone may write it; null for
   * an organisation record, which is its own organisation's.
   */
  static @Nullable String reportingOrgOf(SstcRecord model) {
    if (model instanceof Initiative initiative) {
      return initiative.reportingOrg().id();
    }
    if (model instanceof Solution solution) {
      return solution.reportingOrg().id();
    }
    return null;
  }

  // ---- bulk ----

  private Reply bulk(Call call) {
    String org = authenticate(call);
    String key = idempotencyKey(call);
    String media = mediaType(call);
    boolean ndjson;
    if (media.equals("application/json")) {
      ndjson = false;
    } else if (media.equals("application/x-ndjson")) {
      ndjson = true;
    } else {
      throw Problem.unsupportedMediaType("POST /packages takes a package (Content-Type: application/json) or"
          + " NDJSON records (application/x-ndjson), not " + (media.isEmpty() ? "a body without a Content-Type" : media));
    }
    String encoding = call.header("Content-Encoding");
    boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
    if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
      throw Problem.unsupportedMediaType("Content-Encoding " + encoding + " is not supported; use gzip or none");
    }
    long limit = settings.maxBulkBytes();
    if (call.declaredLength() > limit) {
      throw Problem.tooLarge(limit, "the bulk body (Content-Length " + call.declaredLength() + ")");
    }
    MessageDigest digest = digest(call);
    Limited raw = new Limited(new DigestInputStream(call.body(), digest), limit);
    Supplier<Reply> work = () -> new BulkUpload(store, validator.get(), org, limit, bulkWorkers).run(raw, gzip, ndjson);
    if (key == null) {
      return rendered(call, work);
    }
    HubStore.KeySlot slot = store.claimKey(org, key);
    if (slot != null) {
      if (slot.inFlight()) {
        throw Problem.keyInFlight();
      }
      try {
        raw.drain();
      } catch (Limited.TooLarge e) {
        throw Problem.tooLarge(limit, "the bulk body");
      } catch (IOException e) {
        throw Problem.badRequest("the body could not be read: " + e.getMessage());
      }
      return answerFromSlot(slot, digest.digest());
    }
    // Only an upload read to its end has a hash; one cut short is not kept for replay.
    boolean[] complete = new boolean[1];
    return idempotent(call, org, key, () -> complete[0] ? digest.digest() : null, () -> {
      Reply reply = work.get();
      complete[0] = true;
      return reply;
    });
  }

  // ---- request parts ----

  private String authenticate(Call call) {
    String authorization = call.header("Authorization");
    if (authorization == null) {
      throw Problem.unauthorized("writes need a bearer token: Authorization: Bearer <token>");
    }
    if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Problem.unauthorized("the Authorization header must use the Bearer scheme: Authorization: Bearer <token>");
    }
    byte[] hash = Tokens.hash(authorization.substring(7).trim());
    String org = organisationBySettingsHash.get(java.util.HexFormat.of().formatHex(hash));
    if (org == null) {
      org = store.organisationOf(hash);
    }
    if (org == null) {
      throw Problem.unauthorized("the bearer token is not known to this hub");
    }
    return org;
  }

  private static @Nullable String idempotencyKey(Call call) {
    String key = call.header("Idempotency-Key");
    if (key != null && !VISIBLE_ASCII.matcher(key).matches()) {
      throw Problem.badParam("Idempotency-Key", "an Idempotency-Key is 1 to 255 visible ASCII characters");
    }
    return key;
  }

  private static Set<Long> ifMatch(Call call) {
    String header = call.header("If-Match");
    if (header == null || header.isBlank()) {
      throw Problem.preconditionRequired(call.method + " needs If-Match with the version you read, e.g."
          + " If-Match: \"3\" (the ETag of GET " + call.rawPath + ")");
    }
    Set<Long> versions = new HashSet<>();
    for (String tag : header.split(",")) {
      String t = tag.trim();
      if (t.equals("*")) {
        throw Problem.preconditionRequired("If-Match: * is refused: a blind overwrite is the lost update"
            + " this API prevents; send the version you read, e.g. If-Match: \"3\"");
      }
      if (t.startsWith("W/")) {
        continue; // a weak tag never matches If-Match, which compares strongly
      }
      if (t.length() < 3 || !t.startsWith("\"") || !t.endsWith("\"")) {
        throw Problem.badParam("If-Match", "an entity tag is quoted, e.g. \"3\"; got " + t);
      }
      try {
        versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
      } catch (NumberFormatException e) {
        // not one of the hub's tags: it matches no version
      }
    }
    return versions;
  }

  private static String mediaType(Call call) {
    String type = call.header("Content-Type");
    if (type == null) {
      return "";
    }
    String[] parts = type.split(";");
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim().toLowerCase(Locale.ROOT);
      if (param.startsWith("charset=") && !param.replace("\"", "").equals("charset=utf-8")) {
        throw Problem.unsupportedMediaType("the body must be UTF-8, not " + param);
      }
    }
    return parts[0].trim().toLowerCase(Locale.ROOT);
  }

  private static void requireRecordMedia(Call call) {
    String media = mediaType(call);
    if (!media.equals("application/json")) {
      throw Problem.unsupportedMediaType("send the record as Content-Type: application/json, not "
          + (media.isEmpty() ? "a body without a Content-Type" : media));
    }
    String encoding = call.header("Content-Encoding");
    if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
      throw Problem.unsupportedMediaType("single-record writes are not compressed (Content-Encoding "
          + encoding + "); gzip is for POST /packages");
    }
  }

  /** The body of a single-record write, refused with 413 as soon as it is known to be too large. */
  private byte[] readRecordBody(Call call) {
    int limit = settings.maxRecordBytes();
    long declared = call.declaredLength();
    if (declared > limit) {
      throw Problem.tooLarge(limit, "the record (Content-Length " + declared + ")");
    }
    try {
      byte[] body = call.body().readNBytes(limit == Integer.MAX_VALUE ? limit : limit + 1);
      if (body.length > limit) {
        throw Problem.tooLarge(limit, "the record");
      }
      return body;
    } catch (IOException e) {
      throw Problem.badRequest("the body could not be read: " + e.getMessage());
    }
  }

  private static byte[] hash(Call call, byte[] body) {
    MessageDigest digest = digest(call);
    digest.update(body);
    return digest.digest();
  }

  /** A digest that has seen the method and the path; the body follows. */
  private static MessageDigest digest(Call call) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String query = call.rawQuery;
      String ifMatch = call.header("If-Match");
      digest.update((call.method + " " + call.rawPath + (query == null ? "" : "?" + query) + "\n"
          + (ifMatch == null ? "" : "If-Match: " + ifMatch + "\n")).getBytes(StandardCharsets.UTF_8));
      return digest;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** Query parameters: unknown or repeated names and bad values are collected, then refused. */
  private static final class Params {
    private final Map<String, List<String>> query;
    private final List<Problem.InvalidParam> invalid = new ArrayList<>();

    Params(Call call, Set<String> known) {
      this.query = call.query;
      for (Map.Entry<String, List<String>> param : query.entrySet()) {
        if (!known.contains(param.getKey())) {
          invalid.add(new Problem.InvalidParam(param.getKey(), "unknown parameter; this operation takes "
              + String.join(", ", new java.util.TreeSet<>(known))));
        } else if (param.getValue().size() > 1) {
          invalid.add(new Problem.InvalidParam(param.getKey(), "give one value; filters take one value each"));
        }
      }
    }

    /** Refuses a parameter whose value another check found wrong. */
    void invalid(String name, String reason) {
      invalid.add(new Problem.InvalidParam(name, reason));
    }

    @Nullable String value(String name) {
      List<String> values = query.get(name);
      return values == null || values.size() != 1 ? null : values.get(0);
    }

    @Nullable String matching(String name, Pattern pattern, String expected) {
      String value = value(name);
      if (value != null && !pattern.matcher(value).matches()) {
        invalid.add(new Problem.InvalidParam(name, "'" + value + "' is not " + expected));
        return null;
      }
      return value;
    }

    @Nullable String oneOf(String name, Set<String> allowed) {
      String value = value(name);
      if (value != null && !allowed.contains(value)) {
        invalid.add(new Problem.InvalidParam(name, "'" + value + "' is not one of " + new java.util.TreeSet<>(allowed)));
        return null;
      }
      return value;
    }

    int integer(String name, int min, int max, int absent) {
      return (int) integer(name, min, (long) max, absent);
    }

    long integer(String name, long min, long max, long absent) {
      String value = value(name);
      if (value == null) {
        return absent;
      }
      try {
        if (!value.matches("[0-9]{1,19}")) {
          throw new NumberFormatException();
        }
        long number = Long.parseLong(value);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      invalid.add(new Problem.InvalidParam(name, "'" + value + "' is not a whole number from " + min + " to " + max));
      return absent;
    }

    @Nullable OffsetDateTime dateTime(String name) {
      String value = value(name);
      if (value == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value);
      } catch (DateTimeParseException e) {
        invalid.add(new Problem.InvalidParam(name, "'" + value + "' is not an RFC 3339 date-time such as"
            + " 2024-05-01T00:00:00Z (encode '+' as %2B)"));
        return null;
      }
    }

    @Nullable String cursor() {
      String value = value("cursor");
      if (value == null) {
        return null;
      }
      try {
        byte[] id = Base64.getUrlDecoder().decode(value);
        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(id)).toString();
        if (!text.isEmpty()) {
          return text;
        }
      } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
        // reported below
      }
      invalid.add(new Problem.InvalidParam("cursor", "not a cursor this hub gave out; pass 'next' from the previous page"));
      return null;
    }

    void check() {
      if (!invalid.isEmpty()) {
        throw Problem.badParams(invalid);
      }
    }
  }
}
