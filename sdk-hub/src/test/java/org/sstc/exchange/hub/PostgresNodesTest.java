package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two hub nodes (two {@link SstcHub}s, each with its own {@link HubStorage}) on one real PostgreSQL
 * database: writes on either node, one change feed that both serve alike.
 */
class PostgresNodesTest {
  private static String url;
  private static HubStorage storageA;
  private static HubStorage storageB;
  private static SstcHub nodeA;
  private static SstcHub nodeB;
  private static Wire a;
  private static Wire b;

  @BeforeAll
  static void start() {
    url = StoreKind.newDatabase();
    storageA = HubStorage.postgresql(url, "postgres", "postgres");
    storageB = HubStorage.postgresql("jdbc:" + url, "postgres", "postgres");
    nodeA = Wire.startHub(storageA);
    nodeB = Wire.startHub(storageB);
    a = new Wire(nodeA);
    b = new Wire(nodeB);
  }

  @AfterAll
  static void stop() {
    Wire.stop(nodeA);
    Wire.stop(nodeB);
  }

  @Test
  void bothNodesAreOneHub() {
    assertThat(storageA.hubId()).isEqualTo(storageB.hubId());
    a.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-N-one"));
    assertThat(b.get("/initiatives/XM-DAC-41301-N-one").statusCode()).isEqualTo(200);
    assertThat(storageA.toString()).doesNotContain("postgres@").doesNotContain("password");
  }

  @Test
  void eightWritersTimesTwoHundredReadModifyWritesAcrossNodesLoseNoUpdate() throws Exception {
    String id = "XM-DAC-41301-N-rmw";
    assertThat(a.write("POST", "/initiatives", Wire.initiative(id)).statusCode()).isEqualTo(201);
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<Set<Long>>> done = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      Wire node = w % 2 == 0 ? a : b;
      int writer = w;
      done.add(writers.submit(() -> {
        Set<Long> versions = new HashSet<>();
        for (int i = 0; i < 200; i++) {
          versions.add(node.readModifyWrite(id, "writer " + writer + " update " + i));
        }
        return versions;
      }));
    }
    Set<Long> all = new HashSet<>();
    for (Future<Set<Long>> writer : done) {
      all.addAll(writer.get());
    }
    writers.shutdown();
    assertThat(all).hasSize(1600);
    assertThat(b.get("/initiatives/" + id).headers().firstValue("ETag")).hasValue("\"1601\"");
  }

  @Test
  void thousandCreatesWithIdempotencyKeysReplayedAcrossNodesMakeNoDuplicate() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int n = i;
      done.add(clients.submit(() -> {
        String id = "XM-DAC-41301-N-idem-" + n;
        String key = "node-key-" + n;
        HttpResponse<String> first = (n % 2 == 0 ? a : b).write("POST", "/initiatives", Wire.initiative(id), "Idempotency-Key", key);
        HttpResponse<String> replay = (n % 2 == 0 ? b : a).write("POST", "/initiatives", Wire.initiative(id), "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.body()).isEqualTo(first.body());
        return null;
      }));
    }
    for (Future<?> request : done) {
      request.get();
    }
    clients.shutdown();
    List<String> created = new ArrayList<>();
    for (JsonNode event : events(a, 0)) {
      if (event.path("id").asString().startsWith("XM-DAC-41301-N-idem-")) {
        assertThat(event.path("type").asString()).isEqualTo("created");
        created.add(event.path("id").asString());
      }
    }
    assertThat(created).hasSize(1000).doesNotHaveDuplicates();
  }

  @Test
  void aTransactionHeldOpenIsNeitherPassedNorSkippedByFollowersOnEitherNode() throws Exception {
    a.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-N-before"));
    long head = last(events(a, 0));
    String held = "XM-DAC-41301-N-held";
    byte[] doc = Wire.initiative(held).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ExecutorService later = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> writes = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:" + url, "postgres", "postgres")) {
      // What the store does in a write transaction: take the feed position under the feed lock,
      // write the record, its history and the feed row; then wait before committing.
      c.setAutoCommit(false);
      long position;
      try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
          "SELECT head FROM hub_meta WHERE one = 1 FOR UPDATE")) {
        rows.next();
        position = rows.getLong(1) + 1;
      }
      long now = System.currentTimeMillis() * 1000;
      update(c, "INSERT INTO hub_record (record_type, id, owner, version, doc, stored_at) VALUES ('initiative', ?, ?, 1, ?, ?)",
          held, Wire.FAO, doc, now);
      update(c, "INSERT INTO record_history (record_type, id, version, event, at, doc) VALUES ('initiative', ?, 1, 'created', ?, ?)",
          held, now, doc);
      update(c, "INSERT INTO feed (seq, record_type, id, version) VALUES (?, 'initiative', ?, 1)", position, held);
      update(c, "UPDATE hub_meta SET head = ?, last_write = ? WHERE one = 1", position, now);

      // Later writes on both nodes, while the first transaction is open.
      for (int i = 0; i < 4; i++) {
        Wire node = i % 2 == 0 ? a : b;
        String id = "XM-DAC-41301-N-later-" + i;
        writes.add(later.submit(() -> node.write("POST", "/initiatives", Wire.initiative(id))));
      }
      Thread.sleep(500);
      // Followers on either node see nothing past the head before the open transaction.
      assertThat(events(a, head)).isEmpty();
      assertThat(events(b, head)).isEmpty();
      c.commit();
    }
    for (Future<HttpResponse<String>> write : writes) {
      assertThat(write.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    }
    later.shutdown();
    for (Wire node : List.of(a, b)) {
      List<JsonNode> after = events(node, head);
      assertThat(after).hasSize(5);
      assertThat(after.get(0).path("id").asString()).isEqualTo(held);
      for (int i = 0; i < after.size(); i++) {
        assertThat(after.get(i).path("sequence").asLong()).isEqualTo(head + 1 + i);
      }
    }
  }

  @Test
  void anIdempotencyKeyClaimedOnOneNodeIsInFlightOnTheOtherUntilReleased() {
    org.sstc.exchange.hub.internal.HubStore storeA = storageA.store();
    org.sstc.exchange.hub.internal.HubStore storeB = storageB.store();
    assertThat(storeA.claimKey(Wire.FAO, "claimed-on-a")).isNull();
    assertThat(storeB.claimKey(Wire.FAO, "claimed-on-a").reply()).as("in flight").isNull();
    HttpResponse<String> inFlight = b.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-N-key"),
        "Idempotency-Key", "claimed-on-a");
    assertThat(inFlight.statusCode()).isEqualTo(409);
    assertThat(b.get("/initiatives/XM-DAC-41301-N-key").statusCode()).isEqualTo(404);
    storeA.releaseKey(Wire.FAO, "claimed-on-a");
    assertThat(b.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-N-key"),
        "Idempotency-Key", "claimed-on-a").statusCode()).isEqualTo(201);
  }

  @Test
  void aDatabaseMigratedByANewerHubIsRefused() throws Exception {
    String newer = StoreKind.newDatabase();
    HubStorage.postgresql(newer, "postgres", "postgres").close();
    try (Connection c = DriverManager.getConnection("jdbc:" + newer, "postgres", "postgres")) {
      update(c, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
          + " installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'test', 0, true)");
    }
    assertThatThrownBy(() -> HubStorage.postgresql(newer, "postgres", "secret-password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("this database was migrated by a newer SSTC hub (schema version 99); this hub knows up to 2: upgrade the hub")
        .hasMessageNotContaining("secret-password");
  }

  private static List<JsonNode> events(Wire node, long since) {
    List<JsonNode> events = new ArrayList<>();
    String cursor = Long.toString(since);
    while (true) {
      JsonNode page = Wire.tree(node.get("/changes?limit=1000&since=" + cursor));
      page.path("events").forEach(events::add);
      if (page.path("events").isEmpty()) {
        return events;
      }
      cursor = page.path("next").asString();
    }
  }

  private static long last(List<JsonNode> events) {
    return events.get(events.size() - 1).path("sequence").asLong();
  }

  private static void update(Connection c, String sql, Object... values) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
