package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's contract, the same on every store: concurrent read-modify-writes lose nothing, the
 * change feed's cursors name their hub and are refused when they are from another one or past the
 * head, tokens live in the store as hashes.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class StoreConformanceTest {
  @Parameter
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

  @Test
  void eightWritersTimesTwoHundredReadModifyWritesLoseNoUpdate() throws Exception {
    String id = "XM-DAC-41301-K-rmw";
    assertThat(wire.write("POST", "/initiatives", Wire.initiative(id)).statusCode()).isEqualTo(201);
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<Set<Long>>> done = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int writer = w;
      done.add(writers.submit(() -> {
        Set<Long> versions = new HashSet<>();
        for (int i = 0; i < 200; i++) {
          versions.add(wire.readModifyWrite(id, "writer " + writer + " update " + i));
        }
        return versions;
      }));
    }
    Set<Long> all = new HashSet<>();
    for (Future<Set<Long>> writer : done) {
      all.addAll(writer.get());
    }
    writers.shutdown();
    // Every update got a version of its own, and the record's history has them all.
    assertThat(all).hasSize(1600);
    assertThat(wire.get("/initiatives/" + id).headers().firstValue("ETag")).hasValue("\"1601\"");
    assertThat(Wire.tree(wire.get("/initiatives/" + id + "/history")).path("versions").size()).isEqualTo(1601);
  }

  @Test
  void aCursorNamesItsHubAndAnotherHubsCursorIsRefused() {
    wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-K-cursor"));
    String next = Wire.tree(wire.get("/changes")).path("next").asString();
    assertThat(wire.get("/changes?since=" + next).statusCode()).isEqualTo(200);
    try (SstcHub other = Wire.startHub()) {
      Wire otherWire = new Wire(other);
      otherWire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-K-other"));
      String foreign = Wire.tree(otherWire.get("/changes")).path("next").asString();
      HttpResponse<String> refused = wire.get("/changes?since=" + foreign);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(refused.body()).contains("another hub").contains(hub.storage().hubId());
    }
  }

  @Test
  void aCursorPastTheHeadIsRefusedAndAnEventSequenceIsACursor() {
    wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-K-head"));
    HttpResponse<String> refused = wire.get("/changes?since=999999");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("past the last event");
    JsonNode all = Wire.tree(wire.get("/changes?limit=1000"));
    JsonNode last = all.path("events").get(all.path("events").size() - 1);
    // An event's sequence, as the contract allows: nothing after the last one.
    JsonNode after = Wire.tree(wire.get("/changes?since=" + last.path("sequence").asLong()));
    assertThat(after.path("events").size()).isZero();
    assertThat(after.path("next").asString()).isEqualTo(all.path("next").asString());
  }

  @Test
  void tokensAreStoredAsHashesListedAndRevoked() {
    HubStorage storage = hub.storage();
    String token = storage.generateToken(Wire.FAO);
    assertThat(storage.toString()).doesNotContain(token);
    HubStorage.TokenInfo info = storage.tokens().stream().filter(t -> t.orgId().equals(Wire.FAO)).findFirst().orElseThrow();
    assertThat(info.toString()).doesNotContain(token);
    assertThat(wire.writeWith(token, "POST", "/initiatives", Wire.initiative("XM-DAC-41301-K-tok")).statusCode()).isEqualTo(201);
    assertThat(storage.revokeToken(info.id())).isTrue();
    assertThat(wire.writeWith(token, "POST", "/initiatives", Wire.initiative("XM-DAC-41301-K-tok2")).statusCode()).isEqualTo(401);
    assertThatThrownBy(() -> storage.addToken(Wire.FAO, "short")).hasMessageContaining("at least 16");
  }

  @Test
  void anIdempotencyKeyIsKeptInTheStore() {
    String key = "conformance-key";
    HttpResponse<String> first = wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-K-idem"),
        "Idempotency-Key", key);
    HttpResponse<String> again = wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-K-idem"),
        "Idempotency-Key", key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
  }

  @Test
  void theSearchIndexFollowsReplacesBulkUpdatesAndDeletes() {
    String id = "XM-DAC-41301-K-facets";
    ObjectNode record = Wire.initiative(id);
    countries(record, "BR", "MZ");
    assertThat(wire.write("POST", "/initiatives", record).statusCode()).isEqualTo(201);
    assertThat(found("country=MZ")).containsExactly(id);

    // A replace: the facet both versions have stays, the one the new version lacks goes.
    countries(record, "BR", "AO");
    record.put("status", "2");
    assertThat(wire.write("PUT", "/initiatives/" + id, record, "If-Match", "\"1\"").statusCode()).isEqualTo(200);
    assertThat(found("country=MZ")).isEmpty();
    assertThat(found("status=1")).isEmpty();
    assertThat(found("country=BR")).containsExactly(id);
    assertThat(found("country=AO")).containsExactly(id);
    assertThat(found("country=AO&status=2")).containsExactly(id);

    // Two versions of it in one bulk upload (one chunk): the index holds the second one's facets.
    countries(record, "BR", "KE");
    String first = record.toString();
    countries(record, "BR", "GH");
    HttpResponse<String> bulk = wire.send(java.net.http.HttpRequest.newBuilder(wire.uri("/packages"))
        .header("Authorization", "Bearer " + Wire.FAO_TOKEN)
        .header("Content-Type", "application/x-ndjson")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(first + "\n" + record + "\n"))
        .build());
    assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
    assertThat(found("country=AO")).isEmpty();
    assertThat(found("country=KE")).isEmpty();
    assertThat(found("country=GH")).containsExactly(id);
    assertThat(found("country=BR&status=2")).containsExactly(id);

    // A delete takes every facet with it.
    assertThat(wire.write("DELETE", "/initiatives/" + id, null, "If-Match", "\"4\"").statusCode()).isEqualTo(204);
    assertThat(found("country=BR")).isEmpty();
    assertThat(found("country=GH")).isEmpty();
    assertThat(found("status=2")).isEmpty();
  }

  private static void countries(ObjectNode initiative, String provider, String recipient) {
    ((ObjectNode) initiative.path("participants").path(0)).put("country", provider);
    ((ObjectNode) initiative.path("participants").path(1)).put("country", recipient);
  }

  /** The ids of the initiatives a search finds, among this test's records. */
  private static List<String> found(String filter) {
    HttpResponse<String> page = wire.get("/initiatives?" + filter + "&limit=100");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return Wire.values(Wire.tree(page).path("items"), "id").stream().filter(id -> id.endsWith("-K-facets")).toList();
  }
}
