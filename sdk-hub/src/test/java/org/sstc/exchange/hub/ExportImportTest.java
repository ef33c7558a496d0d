package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Moving a hub from the embedded store to PostgreSQL: everything arrives, followers keep following. */
class ExportImportTest {
  @TempDir
  Path dir;

  @Test
  void anEmbeddedHubMovesToPostgresqlWithItsIdentityFeedAndTokens() {
    Path export = dir.resolve("hub.ndjson");
    String token;
    String hubId;
    String followerCursor;
    JsonNode feedBefore;
    JsonNode historyBefore;
    java.net.http.HttpResponse<String> idempotentCreate;
    try (HubStorage embedded = HubStorage.embedded(dir.resolve("data")); SstcHub hub = Wire.startHub(embedded)) {
      Wire wire = new Wire(hub);
      token = embedded.generateToken(Wire.FAO);
      hubId = embedded.hubId();
      wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-M-kept"));
      wire.readModifyWrite("XM-DAC-41301-M-kept", "moved");
      wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-M-gone"));
      wire.write("DELETE", "/initiatives/XM-DAC-41301-M-gone", null, "If-Match", "\"1\"");
      wire.write("POST", "/organisations", Wire.fixture("organisation.json").put("id", Wire.FAO));
      idempotentCreate = wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-M-idem"),
          "Idempotency-Key", "move-1");
      assertThat(idempotentCreate.statusCode()).isEqualTo(201);
      feedBefore = Wire.tree(wire.get("/changes"));
      followerCursor = feedBefore.path("next").asString();
      historyBefore = Wire.tree(wire.get("/initiatives/XM-DAC-41301-M-kept/history"));
      embedded.exportTo(export);
    }

    try (HubStorage postgres = HubStorage.postgresql(StoreKind.newDatabase(), "postgres", "postgres")) {
      postgres.importFrom(export);
      assertThat(postgres.hubId()).isEqualTo(hubId);
      assertThatThrownBy(() -> postgres.importFrom(export)).hasMessageContaining("is not empty");
      try (SstcHub hub = Wire.startHub(postgres)) {
        Wire wire = new Wire(hub);
        assertThat(Wire.tree(wire.get("/changes"))).isEqualTo(feedBefore);
        assertThat(Wire.tree(wire.get("/initiatives/XM-DAC-41301-M-kept/history"))).isEqualTo(historyBefore);
        assertThat(wire.get("/initiatives/XM-DAC-41301-M-kept").headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(wire.get("/initiatives/XM-DAC-41301-M-gone").statusCode()).isEqualTo(404);
        assertThat(wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-M-gone")).statusCode()).isEqualTo(409);
        assertThat(Wire.tree(wire.get("/initiatives?participant=" + Wire.FAO)).path("items").size()).isEqualTo(2);
        assertReplayedAsBefore(wire, idempotentCreate);

        // The follower resumes where it was: nothing new, then the next write.
        assertThat(Wire.tree(wire.get("/changes?since=" + followerCursor)).path("events").size()).isZero();
        assertThat(wire.writeWith(token, "POST", "/initiatives", Wire.initiative("XM-DAC-41301-M-new")).statusCode())
            .isEqualTo(201);
        JsonNode after = Wire.tree(wire.get("/changes?since=" + followerCursor));
        assertThat(Wire.values(after.path("events"), "id")).containsExactly("XM-DAC-41301-M-new");
      }
    }
  }

  /** The key used before the move gets the same answer after it, and writes nothing again. */
  private static void assertReplayedAsBefore(Wire wire, java.net.http.HttpResponse<String> before) {
    java.net.http.HttpResponse<String> replay = wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-M-idem"),
        "Idempotency-Key", "move-1");
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(replay.body()).isEqualTo(before.body());
    assertThat(replay.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
    assertThat(Wire.tree(wire.get("/initiatives/XM-DAC-41301-M-idem/history")).path("versions").size()).isEqualTo(1);
    java.net.http.HttpResponse<String> otherBody = wire.write("POST", "/initiatives",
        Wire.initiative("XM-DAC-41301-M-other"), "Idempotency-Key", "move-1");
    assertThat(otherBody.statusCode()).as(otherBody.body()).isEqualTo(422);
  }

  @Test
  void idempotencyAnswersMoveFromAMemoryHubToAnEmbeddedOne() {
    Path export = dir.resolve("memory.ndjson");
    java.net.http.HttpResponse<String> created;
    try (HubStorage memory = HubStorage.memory(); SstcHub hub = Wire.startHub(memory)) {
      created = new Wire(hub).write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-M-idem"),
          "Idempotency-Key", "move-1");
      assertThat(created.statusCode()).isEqualTo(201);
      memory.exportTo(export);
    }
    try (HubStorage embedded = HubStorage.embedded(dir.resolve("to")); SstcHub hub = Wire.startHub(embedded)) {
      embedded.importFrom(export);
      assertReplayedAsBefore(new Wire(hub), created);
    }
  }

  @Test
  void somethingElseIsNotImported() {
    try (HubStorage memory = HubStorage.memory()) {
      assertThatThrownBy(() -> memory.importFrom(new java.io.ByteArrayInputStream("{\"a\":1}\n".getBytes(
          java.nio.charset.StandardCharsets.UTF_8)))).hasMessageContaining("not an SSTC hub export");
    }
  }
}
