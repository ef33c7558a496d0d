package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Search with filters and cursors, the change feed, and the codelists. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SearchAndChangesTest {
  @org.junit.jupiter.params.Parameter
  StoreKind store;

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

  /** Creates records with NDJSON in one request (faster than one request each). */
  private static void bulk(List<? extends JsonNode> records) {
    StringBuilder ndjson = new StringBuilder();
    records.forEach(record -> ndjson.append(record).append('\n'));
    HttpResponse<String> response = wire.send(HttpRequest.newBuilder(wire.uri("/packages"))
        .header("Authorization", "Bearer " + Wire.FAO_TOKEN)
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
        .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Wire.tree(response).path("rejected").asInt()).as(response.body()).isZero();
  }

  private static List<String> ids(HttpResponse<String> page) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return Wire.values(Wire.tree(page).path("items"), "id");
  }

  @Test
  void filtersCombineWithAnd() {
    ObjectNode full = Wire.fixture("initiative-full.json");
    full.put("id", "XM-DAC-41301-S-full");
    bulk(List.of(full, Wire.initiative("XM-DAC-41301-S-minimal")));

    assertThat(ids(wire.get("/initiatives?modality=triangular&sdgGoal=17&country=JP")))
        .contains("XM-DAC-41301-S-full").doesNotContain("XM-DAC-41301-S-minimal");
    assertThat(ids(wire.get("/initiatives?sdgTarget=2.3&country=MZ&status=4")))
        .contains("XM-DAC-41301-S-full").doesNotContain("XM-DAC-41301-S-minimal");
    assertThat(ids(wire.get("/initiatives?modality=bilateral&participant=" + Wire.FAO)))
        .contains("XM-DAC-41301-S-minimal").doesNotContain("XM-DAC-41301-S-full");
    assertThat(ids(wire.get("/initiatives?modality=triangular&sdgGoal=5"))).doesNotContain("XM-DAC-41301-S-full");
    assertThat(ids(wire.get("/initiatives?updatedSince=2999-01-01T00:00:00Z"))).isEmpty();
    assertThat(ids(wire.get("/initiatives?updatedSince=2000-01-01T00:00:00%2B02:00"))).contains("XM-DAC-41301-S-full");
  }

  /** An initiative with a status and one recipient country: two facets to intersect. */
  private static ObjectNode pairRecord(String id, String status, String country) {
    ObjectNode record = Wire.initiative(id);
    record.put("status", status);
    record.putArray("recipientCountries").addObject().put("code", country);
    return record;
  }

  private static List<String> allPages(String search, int limit) {
    List<String> seen = new ArrayList<>();
    String next = null;
    do {
      HttpResponse<String> page = wire.get(search + "&limit=" + limit + (next == null ? "" : "&cursor=" + next));
      seen.addAll(ids(page));
      JsonNode body = Wire.tree(page);
      next = body.has("next") ? body.path("next").asString() : null;
    } while (next != null);
    return seen;
  }

  @Test
  void aRarePairOfFiltersPagesThroughExactlyTheRecordsThatHaveBoth() {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      records.add(pairRecord(String.format("XM-DAC-41301-ZR-%03d", i), i % 3 == 0 ? "5" : "3", i % 4 == 0 ? "KE" : "BR"));
    }
    bulk(records);
    String pair = "/initiatives?status=5&country=KE";
    List<String> expected = List.of("XM-DAC-41301-ZR-000", "XM-DAC-41301-ZR-012", "XM-DAC-41301-ZR-024",
        "XM-DAC-41301-ZR-036", "XM-DAC-41301-ZR-048");
    assertThat(allPages(pair, 2)).containsExactlyElementsOf(expected);
    assertThat(allPages("/initiatives?country=KE&status=5", 100)).containsExactlyElementsOf(expected);

    // An update moves a record out of (and another into) the pair; a deletion takes it out.
    wire.write("PUT", "/initiatives/XM-DAC-41301-ZR-012", pairRecord("XM-DAC-41301-ZR-012", "3", "KE"), "If-Match", "\"1\"");
    wire.write("PUT", "/initiatives/XM-DAC-41301-ZR-013", pairRecord("XM-DAC-41301-ZR-013", "5", "KE"), "If-Match", "\"1\"");
    assertThat(wire.write("DELETE", "/initiatives/XM-DAC-41301-ZR-024", null, "If-Match", "\"1\"").statusCode())
        .isEqualTo(204);
    assertThat(allPages(pair, 2)).containsExactly("XM-DAC-41301-ZR-000", "XM-DAC-41301-ZR-013",
        "XM-DAC-41301-ZR-036", "XM-DAC-41301-ZR-048");
    assertThat(allPages(pair + "&sdgGoal=2", 10)).isEmpty();
    assertThat(allPages(pair + "&updatedSince=2000-01-01T00:00:00Z", 3)).containsExactly("XM-DAC-41301-ZR-000",
        "XM-DAC-41301-ZR-013", "XM-DAC-41301-ZR-036", "XM-DAC-41301-ZR-048");
  }

  @Test
  void updatedSinceAMomentAgoPagesThroughExactlyTheRecordsWrittenSinceInIdOrder() throws Exception {
    List<ObjectNode> older = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      older.add(pairRecord(String.format("XM-DAC-41301-US-%03d", i * 2), i % 2 == 0 ? "5" : "3", "BR"));
    }
    bulk(older);
    Thread.sleep(20);
    String since = java.time.Instant.now().toString();
    Thread.sleep(20);
    // Written since: two updates, two new records (between the older ids), one new then deleted.
    wire.write("PUT", "/initiatives/XM-DAC-41301-US-040", pairRecord("XM-DAC-41301-US-040", "5", "KE"), "If-Match", "\"1\"");
    wire.write("PUT", "/initiatives/XM-DAC-41301-US-006", pairRecord("XM-DAC-41301-US-006", "3", "KE"), "If-Match", "\"1\"");
    bulk(List.of(pairRecord("XM-DAC-41301-US-033", "5", "BR"), pairRecord("XM-DAC-41301-US-001", "5", "BR"),
        pairRecord("XM-DAC-41301-US-017", "5", "BR")));
    assertThat(wire.write("DELETE", "/initiatives/XM-DAC-41301-US-017", null, "If-Match", "\"1\"").statusCode())
        .isEqualTo(204);

    String search = "/initiatives?updatedSince=" + since;
    assertThat(allPages(search, 2)).containsExactly("XM-DAC-41301-US-001", "XM-DAC-41301-US-006",
        "XM-DAC-41301-US-033", "XM-DAC-41301-US-040");
    assertThat(allPages(search + "&status=5", 1)).containsExactly("XM-DAC-41301-US-001",
        "XM-DAC-41301-US-033", "XM-DAC-41301-US-040");
    assertThat(allPages(search + "&country=KE", 100)).containsExactly("XM-DAC-41301-US-006", "XM-DAC-41301-US-040");
  }

  @Test
  void badSearchParametersGive400WithInvalidParams() {
    HttpResponse<String> bad = wire.get("/initiatives?sdgGoal=18&limit=0&colour=red");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Wire.values(Wire.tree(bad).path("invalidParams"), "name"))
        .containsExactlyInAnyOrder("sdgGoal", "limit", "colour");
  }

  @Test
  void pagingWhileAnotherThreadWritesSkipsAndRepeatsNoRecord() throws Exception {
    List<ObjectNode> seeded = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ObjectNode record = Wire.initiative(String.format("XM-DAC-41301-P-%03d", i * 2));
      record.put("status", "5");
      seeded.add(record);
    }
    bulk(seeded);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        for (int i = 0; i < 40; i += 3) {
          ObjectNode record = Wire.initiative(String.format("XM-DAC-41301-P-%03d", i * 2 + 1));
          record.put("status", "5");
          assertThat(wire.write("POST", "/initiatives", record).statusCode()).isEqualTo(201);
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    writer.start();

    List<String> seen = new ArrayList<>();
    String next = null;
    do {
      HttpResponse<String> page = wire.get("/initiatives?status=5&limit=7" + (next == null ? "" : "&cursor=" + next));
      seen.addAll(ids(page));
      JsonNode body = Wire.tree(page);
      next = body.has("next") ? body.path("next").asString() : null;
      if (next != null) {
        assertThat(page.headers().firstValue("Link").orElseThrow()).contains("cursor=" + next).endsWith("; rel=\"next\"");
      } else {
        assertThat(page.headers().firstValue("Link")).isEmpty();
      }
    } while (next != null);
    writer.join();
    assertThat(failure.get()).isNull();

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).isSortedAccordingTo(String::compareTo);
    assertThat(seen).containsAll(Wire.values(Wire.JSON.valueToTree(seeded), "id"));
  }

  @Test
  void changeFeedIsInOrderAndResumesFromItsCursor() {
    String start = Wire.tree(wire.get("/changes?limit=1000")).path("next").asString();
    HttpResponse<String> created = wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-C-feed"));
    ObjectNode changed = Wire.initiative("XM-DAC-41301-C-feed");
    changed.put("status", "3");
    wire.write("PUT", "/initiatives/XM-DAC-41301-C-feed", changed, "If-Match", "\"1\"");
    wire.write("DELETE", "/initiatives/XM-DAC-41301-C-feed", null, "If-Match", "\"2\"");
    assertThat(created.statusCode()).isEqualTo(201);

    // One event a page, resuming from each page's cursor.
    List<JsonNode> events = new ArrayList<>();
    String cursor = start;
    while (true) {
      JsonNode page = Wire.tree(wire.get("/changes?limit=1&since=" + cursor));
      if (page.path("events").isEmpty()) {
        assertThat(page.path("next").asString()).isEqualTo(cursor);
        break;
      }
      events.add(page.path("events").get(0));
      cursor = page.path("next").asString();
    }
    List<JsonNode> mine = events.stream().filter(e -> e.path("id").asString().equals("XM-DAC-41301-C-feed")).toList();
    assertThat(Wire.values(Wire.JSON.valueToTree(mine), "type")).containsExactly("created", "updated", "deleted");
    assertThat(Wire.values(Wire.JSON.valueToTree(mine), "version")).containsExactly("1", "2", "3");
    assertThat(mine.get(0).path("recordType").asString()).isEqualTo("initiative");
    assertThat(mine.get(1).path("record").path("status").asString()).isEqualTo("3");
    assertThat(mine.get(2).has("record")).isFalse();
    long previous = events.get(0).path("sequence").asLong() - 1;
    for (JsonNode event : events) {
      assertThat(event.path("sequence").asLong()).isEqualTo(previous + 1);
      previous = event.path("sequence").asLong();
    }

    // The same events in one page.
    JsonNode all = Wire.tree(wire.get("/changes?since=" + start));
    assertThat(all.path("events").size()).isEqualTo(events.size());
    assertThat(all.path("next").asString()).isEqualTo(cursor);
  }

  @Test
  void codelistsAreServedAsTheStandardShipsThem() {
    HttpResponse<String> index = wire.get("/codelists");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(new TreeSet<>(Wire.values(Wire.tree(index), "name"))).contains("Country", "UNSDG-Targets");
    HttpResponse<String> country = wire.get("/codelists/Country");
    assertThat(country.statusCode()).isEqualTo(200);
    assertThat(country.body()).contains("\"MZ\"");
    assertThat(wire.get("/codelists/NoSuchList").statusCode()).isEqualTo(404);
  }
}
