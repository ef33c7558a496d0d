package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /packages: packages and NDJSON, gzip, per-record results, idempotency. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class BulkTest {
  @org.junit.jupiter.params.Parameter
  StoreKind store;

  private static final tools.jackson.databind.json.JsonMapper JSON_TEXT = tools.jackson.databind.json.JsonMapper.builder().build();
  private static SstcHub hub;
  private static Wire wire;

  @BeforeParameterizedClassInvocation
  static void start(StoreKind kind) {
    hub = Wire.startHub(kind);
    wire = new Wire(hub);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    Wire.stop(hub);
  }

  private static HttpResponse<String> upload(String contentType, byte[] body, boolean gzip, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(wire.uri("/packages"))
        .header("Authorization", "Bearer " + Wire.FAO_TOKEN)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? gzip(body) : body));
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return wire.send(request.build());
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  void gzippedNdjsonIsWrittenRecordByRecordAndSendingItAgainChangesNothing() {
    // An organisation writes its own organisation record only.
    ObjectNode organisation = Wire.fixture("organisation.json").put("id", Wire.FAO);
    String ndjson = Wire.initiative("XM-DAC-41301-B-nd1") + "\n\n" + Wire.initiative("XM-DAC-41301-B-nd2") + "\n"
        + organisation + "\n";
    byte[] body = ndjson.getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> first = upload("application/x-ndjson", body, true);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode report = Wire.tree(first);
    assertThat(report.path("received").asInt()).isEqualTo(3);
    assertThat(report.path("created").asInt()).isEqualTo(3);
    assertThat(Wire.values(report.path("results"), "line")).containsExactly("1", "3", "4");
    assertThat(Wire.values(report.path("results"), "recordType")).containsExactly("initiative", "initiative", "organisation");
    assertThat(wire.get("/organisations/" + organisation.path("id").asString()).statusCode()).isEqualTo(200);

    JsonNode again = Wire.tree(upload("application/x-ndjson", body, true));
    assertThat(again.path("unchanged").asInt()).isEqualTo(3);
    assertThat(again.path("created").asInt()).isZero();
    assertThat(wire.get("/initiatives/XM-DAC-41301-B-nd1").headers().firstValue("ETag")).hasValue("\"1\"");
  }

  @Test
  void solutionsAreWrittenFromNdjsonAndFromAPackagesSolutions() {
    ObjectNode line = Wire.fixture("solution-minimal.json").put("id", "XM-DAC-41301-B-sol1");
    String ndjson = Wire.initiative("XM-DAC-41301-B-sol-i1") + "\n" + line + "\n";
    HttpResponse<String> response = upload("application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8), false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Wire.tree(response).path("created").asInt()).as(response.body()).isEqualTo(2);

    ObjectNode pkg = Wire.fixture("package.json");
    pkg.put("schemaVersion", "1.1");
    pkg.remove("organisations");
    pkg.putArray("initiatives");
    pkg.putArray("solutions").add(Wire.fixture("solution-minimal.json").put("id", "XM-DAC-41301-B-sol2"));
    HttpResponse<String> packaged = upload("application/json", pkg.toString().getBytes(StandardCharsets.UTF_8), false);
    assertThat(packaged.statusCode()).as(packaged.body()).isEqualTo(200);
    JsonNode report = Wire.tree(packaged);
    assertThat(report.path("created").asInt()).as(packaged.body()).isEqualTo(1);
    assertThat(report.path("results").get(0).path("recordType").asString()).isEqualTo("solution");

    assertThat(wire.get("/solutions/XM-DAC-41301-B-sol1").statusCode()).isEqualTo(200);
    assertThat(wire.get("/solutions/XM-DAC-41301-B-sol2").statusCode()).isEqualTo(200);
  }

  @Test
  void aStringOverTheLimitIsAJsonLimitIssueNotJacksonsText() {
    ObjectNode pkg = Wire.fixture("package.json");
    pkg.remove("organisations");
    ObjectNode first = (ObjectNode) pkg.path("initiatives").get(0);
    first.put("id", "XM-DAC-41301-B-long");
    ((ObjectNode) first.path("title")).put("en", "x".repeat(1_100_000));
    HttpResponse<String> response = upload("application/json", pkg.toString().getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.body()).contains("json.limit").doesNotContain("StreamConstraintsException")
        .doesNotContain("jackson");
    assertThat(response.headers().firstValue("Content-Type").orElse("")).containsAnyOf("application/json", "application/problem+json");
    assertThat(wire.get("/initiatives/XM-DAC-41301-B-long").statusCode()).isEqualTo(404);
  }

  @Test
  void aSolutionReportedByAnotherOrganisationIsRefusedInBulk() {
    ObjectNode line = Wire.fixture("solution-minimal.json").put("id", "XM-DAC-41114-B-sol3");
    ((ObjectNode) line.path("reportingOrg")).put("id", "XM-DAC-41114").put("name", "UNDP");
    HttpResponse<String> response = upload("application/x-ndjson", (line + "\n").getBytes(StandardCharsets.UTF_8), false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode refused = Wire.tree(response).path("results").get(0);
    assertThat(Wire.values(refused.path("issues"), "code")).contains("auth.forbidden");
    assertThat(wire.get("/solutions/XM-DAC-41114-B-sol3").statusCode()).isEqualTo(404);
  }

  @Test
  void packageWithAnInvalidRecordRejectsItAndWritesTheOthers() {
    ObjectNode pkg = Wire.fixture("package.json");
    ArrayNode initiatives = (ArrayNode) pkg.path("initiatives");
    ((ObjectNode) initiatives.get(0)).put("id", "XM-DAC-41301-B-pk1");
    ((ObjectNode) initiatives.get(1)).put("id", "XM-DAC-41301-B-pk2").put("modality", "sideways");
    ((ArrayNode) pkg.path("organisations")).remove(1); // JICA's own record: not FAO's to write

    HttpResponse<String> response = upload("application/json", pkg.toString().getBytes(StandardCharsets.UTF_8), false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = Wire.tree(response);
    assertThat(report.path("received").asInt()).isEqualTo(3);
    assertThat(report.path("rejected").asInt()).isEqualTo(1);
    JsonNode rejected = report.path("results").get(1);
    assertThat(rejected.path("index").asInt()).isEqualTo(1);
    assertThat(rejected.path("id").asString()).isEqualTo("XM-DAC-41301-B-pk2");
    assertThat(rejected.path("status").asString()).isEqualTo("rejected");
    assertThat(Wire.values(rejected.path("issues"), "code")).contains("schema.enum");
    assertThat(report.path("results").get(0).path("status").asString()).isEqualTo("created");
    assertThat(report.path("results").get(0).path("version").asInt()).isEqualTo(1);

    assertThat(wire.get("/initiatives/XM-DAC-41301-B-pk1").statusCode()).isEqualTo(200);
    assertThat(wire.get("/initiatives/XM-DAC-41301-B-pk2").statusCode()).isEqualTo(404);
  }

  @Test
  void anOrganisationRecordIsWrittenOnlyWithThatOrganisationsToken() {
    ObjectNode jica = Wire.fixture("organisation.json"); // XM-DAC-701-8, uploaded with FAO's token
    HttpResponse<String> response = upload("application/x-ndjson", (jica + "\n").getBytes(StandardCharsets.UTF_8), false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = Wire.tree(response).path("results").get(0);
    assertThat(result.path("status").asString()).isEqualTo("rejected");
    assertThat(Wire.values(result.path("issues"), "code")).contains("auth.forbidden");
    assertThat(wire.write("POST", "/organisations", jica).statusCode()).isEqualTo(403);
    assertThat(wire.get("/organisations/XM-DAC-701-8").statusCode()).isEqualTo(404);
  }

  @Test
  void bulkIdempotencyKeyReplaysTheReport() {
    byte[] body = (Wire.initiative("XM-DAC-41301-B-idem") + "\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> first = upload("application/x-ndjson", body, false, "Idempotency-Key", "bulk-1");
    HttpResponse<String> replay = upload("application/x-ndjson", body, false, "Idempotency-Key", "bulk-1");
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(replay.body()).isEqualTo(first.body());
    byte[] other = (Wire.initiative("XM-DAC-41301-B-idem3") + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(upload("application/x-ndjson", other, false, "Idempotency-Key", "bulk-1").statusCode()).isEqualTo(422);
  }

  @Test
  void bodyThatIsNotJsonGives400() {
    assertThat(upload("application/json", "not json".getBytes(StandardCharsets.UTF_8), false).statusCode()).isEqualTo(400);
    assertThat(upload("application/x-ndjson", "not json\n".getBytes(StandardCharsets.UTF_8), false).statusCode()).isEqualTo(400);
    assertThat(upload("text/csv", "a,b".getBytes(StandardCharsets.UTF_8), false).statusCode()).isEqualTo(415);
  }

  @Test
  void recordsAreWrittenInTheOrderSentWhileCheckedAhead() {
    // More records than the hub checks at once, with one id sent twice and broken lines between:
    // the second copy must find the first already written, and results keep the order sent.
    StringBuilder ndjson = new StringBuilder();
    int records = 120;
    for (int i = 0; i < records; i++) {
      if (i == 90) {
        ObjectNode changed = Wire.initiative("XM-DAC-41301-B-ord0");
        changed.putObject("title").put("en", "Changed by line 91");
        ndjson.append(changed).append('\n');
      } else if (i % 25 == 7) {
        ndjson.append("{\"recordType\": \"initiative\", broken\n");
      } else {
        ndjson.append(Wire.initiative("XM-DAC-41301-B-ord" + i)).append('\n');
      }
    }
    HttpResponse<String> response = upload("application/x-ndjson", ndjson.toString().getBytes(StandardCharsets.UTF_8), true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = Wire.tree(response);
    assertThat(report.path("received").asInt()).isEqualTo(records);
    assertThat(report.path("rejected").asInt()).isEqualTo(5);
    assertThat(report.path("updated").asInt()).isEqualTo(1);
    java.util.List<String> indexes = Wire.values(report.path("results"), "index");
    assertThat(indexes).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, records).mapToObj(Integer::toString).toList());
    JsonNode second = report.path("results").get(90);
    assertThat(second.path("status").asString()).isEqualTo("updated");
    assertThat(second.path("version").asInt()).isEqualTo(2);
    assertThat(wire.get("/initiatives/XM-DAC-41301-B-ord0").body()).contains("Changed by line 91");
  }

  @Test
  void oneIdThreeTimesInOneWriteIsCreatedUpdatedThenUnchangedWithEachVersionInHistoryFeedAndSearch() {
    // Three lines, fewer than the hub checks at once: the store writes them together, and each
    // must still be decided against the one before it.
    String id = "XM-DAC-41301-B-thrice";
    ObjectNode changed = Wire.initiative(id);
    changed.put("status", "2");
    String ndjson = Wire.initiative(id) + "\n" + changed + "\n" + changed + "\n";
    String start = Wire.tree(wire.get("/changes?limit=1000")).path("next").asString();

    JsonNode results = uploadNdjson(ndjson);

    assertThat(Wire.values(results, "status")).containsExactly("created", "updated", "unchanged");
    assertThat(Wire.values(results, "version")).containsExactly("1", "2", "2");
    JsonNode versions = historyOf(id);
    assertThat(Wire.values(versions, "event")).containsExactly("created", "updated");
    assertThat(versions.get(0).path("record").path("status").asString()).isEqualTo("1");
    JsonNode events = Wire.tree(wire.get("/changes?since=" + start)).path("events");
    java.util.List<JsonNode> mine = new java.util.ArrayList<>();
    events.values().forEach(event -> {
      if (event.path("id").asString().equals(id)) {
        mine.add(event);
      }
    });
    assertThat(Wire.values(Wire.JSON.valueToTree(mine), "version")).containsExactly("1", "2");
    assertThat(wire.get("/initiatives?status=2&limit=500").body()).contains(id);
    assertThat(wire.get("/initiatives?status=1&limit=500").body()).doesNotContain(id);
  }

  @Test
  void aStoredRecordUpdatedTwiceInOneWriteBesideANewOneIsFoundByItsLastFacetsOnly() {
    // The chunk updates a row stored before (replacing its facets) twice, and creates another;
    // Tuvalu, which no other test uses, keeps the searches to these two records.
    String stored = "XM-DAC-41301-B-twice";
    String fresh = "XM-DAC-41301-B-twice-new";
    upload("application/x-ndjson", (inTuvalu(stored, "1") + "\n").getBytes(StandardCharsets.UTF_8), false);
    String ndjson = inTuvalu(stored, "2") + "\n" + inTuvalu(fresh, "1") + "\n" + inTuvalu(stored, "3") + "\n";

    JsonNode results = uploadNdjson(ndjson);

    assertThat(Wire.values(results, "status")).containsExactly("updated", "created", "updated");
    assertThat(Wire.values(results, "version")).containsExactly("2", "1", "3");
    JsonNode versions = historyOf(stored);
    assertThat(Wire.values(versions, "event")).containsExactly("created", "updated", "updated");
    assertThat(versions.get(1).path("record").path("status").asString()).isEqualTo("2");
    assertThat(Wire.tree(wire.get("/initiatives/" + stored)).path("status").asString()).isEqualTo("3");
    assertThat(Wire.values(Wire.tree(wire.get("/initiatives?country=TV&status=3")).path("items"), "id"))
        .containsExactly(stored);
    assertThat(Wire.values(Wire.tree(wire.get("/initiatives?country=TV&status=1")).path("items"), "id"))
        .containsExactly(fresh);
    assertThat(Wire.tree(wire.get("/initiatives?country=TV&status=2")).path("items").size()).isZero();
  }

  /** The results of an NDJSON upload that the hub took (200). */
  private static JsonNode uploadNdjson(String ndjson) {
    HttpResponse<String> response = upload("application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8), false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Wire.tree(response).path("results");
  }

  private static JsonNode historyOf(String id) {
    return Wire.tree(wire.get("/initiatives/" + id + "/history")).path("versions");
  }

  private static ObjectNode inTuvalu(String id, String status) {
    ObjectNode initiative = Wire.initiative(id);
    initiative.put("status", status);
    initiative.putArray("recipientCountries").addObject().put("code", "TV");
    return initiative;
  }

  @Test
  void aBodyCutShortKeepsTheRecordsBeforeTheCut() {
    StringBuilder ndjson = new StringBuilder();
    // Larger than the hub's read buffer once unzipped, so the cut comes after whole records.
    for (int i = 0; i < 400; i++) {
      ndjson.append(Wire.initiative("XM-DAC-41301-B-cut" + i)).append('\n');
    }
    byte[] whole = gzip(ndjson.toString().getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
    HttpRequest request = HttpRequest.newBuilder(wire.uri("/packages"))
        .header("Authorization", "Bearer " + Wire.FAO_TOKEN)
        .header("Content-Type", "application/x-ndjson")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(cut)).build();
    HttpResponse<String> response = wire.send(request);
    assertThat(response.statusCode()).isEqualTo(400);
    java.util.regex.Matcher processed = java.util.regex.Pattern.compile("the (\\d+) record\\(s\\) before that point were processed")
        .matcher(response.body());
    assertThat(processed.find()).as(response.body()).isTrue();
    int written = Integer.parseInt(processed.group(1));
    assertThat(written).isBetween(1, 399);
    for (int i : new int[] {0, written / 2, written - 1}) {
      assertThat(wire.get("/initiatives/XM-DAC-41301-B-cut" + i).statusCode()).as("record %d", i).isEqualTo(200);
    }
    assertThat(wire.get("/initiatives/XM-DAC-41301-B-cut" + written).statusCode()).isEqualTo(404);
  }
}
