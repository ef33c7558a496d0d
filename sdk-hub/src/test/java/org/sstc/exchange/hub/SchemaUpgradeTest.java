package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A store made by a hub of schema 1 (migration V1 alone, one record written as that hub wrote it:
 * its row, its facet rows, history and feed) opened by this hub: migration V2 applies, and the
 * facet rows the old hub wrote are removed by the new one's replaces and deletes, by their whole
 * key now that the index by record is gone.
 */
class SchemaUpgradeTest {
  private static final String ID = "XM-DAC-41301-U-old";

  @Test
  void anEmbeddedStoreOfSchemaOneIsUpgradedAndItsFacetsFollowWrites() throws Exception {
    Path dir = Files.createTempDirectory("sstc-hub-upgrade-");
    String url = embeddedOfSchemaOne(dir);
    followWrites(HubStorage.embedded(dir), url, null, null, true);
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(strings(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'record_facet'"))
          .doesNotContain("record_facet_by_record");
    }
  }

  @Test
  void aPostgresqlStoreOfSchemaOneIsUpgradedAndItsFacetsFollowWrites() throws Exception {
    String url = StoreKind.newDatabase();
    String jdbc = "jdbc:" + url;
    schemaOne(jdbc, "postgres", "postgres", Map.of("bytes", "BYTEA", "id", "TEXT COLLATE \"C\""));
    try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
      writeAsSchemaOne(c);
    }
    followWrites(HubStorage.postgresql(url, "postgres", "postgres"), jdbc, "postgres", "postgres", true);
    try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
      assertThat(strings(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'record_facet'"))
          .doesNotContain("record_facet_by_record");
      // Documents up to about 8 KB stay in their rows, uncompressed.
      assertThat(strings(c, "SELECT array_to_string(reloptions, ',') FROM pg_class"
          + " WHERE relname IN ('hub_record', 'record_history')"))
          .containsExactly("toast_tuple_target=8160", "toast_tuple_target=8160");
    }
  }

  @Test
  void aStoredDocumentThatNoLongerReadsIsStillReplacedAndDeletedWithItsFacets() throws Exception {
    Path dir = Files.createTempDirectory("sstc-hub-unreadable-");
    String url = embeddedOfSchemaOne(dir);
    try (Connection c = DriverManager.getConnection(url)) {
      // A hand-edited database: the record's document is no longer JSON the model reads.
      update(c, "UPDATE hub_record SET doc = ? WHERE id = ?",
          "{\"recordType\": \"no such type\"}".getBytes(StandardCharsets.UTF_8), ID);
    }
    followWrites(HubStorage.embedded(dir), url, null, null, false);
  }

  /** An embedded store in {@code dir} as a schema-1 hub left it, with its one record; its JDBC URL. */
  private static String embeddedOfSchemaOne(Path dir) throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("hub.db");
    schemaOne(url, null, null, Map.of("bytes", "BLOB", "id", "TEXT"));
    try (Connection c = DriverManager.getConnection(url)) {
      writeAsSchemaOne(c);
    }
    return url;
  }

  private static void schemaOne(String url, String user, String password, Map<String, String> placeholders) {
    Flyway.configure(SchemaUpgradeTest.class.getClassLoader())
        .dataSource(url, user, password)
        .locations("classpath:db/migration-hub")
        .placeholders(placeholders)
        .target("1")
        .load()
        .migrate();
  }

  /** The rows a schema-1 hub wrote for one created initiative in Brazil and Mozambique. */
  private static void writeAsSchemaOne(Connection c) throws SQLException {
    byte[] doc = record("BR", "MZ").toString().getBytes(StandardCharsets.UTF_8);
    update(c, "INSERT INTO hub_meta (one, hub_id, head, last_write) VALUES (1, 'c2NoZW1hLW9uZS1odWI', 1, 1000)");
    update(c, "INSERT INTO hub_record (record_type, id, owner, version, doc, stored_at) VALUES ('initiative', ?, ?, 1, ?, 1000)",
        ID, Wire.FAO, doc);
    for (String[] facet : List.of(new String[] {"modality", "bilateral"}, new String[] {"status", "1"},
        new String[] {"participant", Wire.FAO}, new String[] {"country", "BR"}, new String[] {"country", "MZ"})) {
      update(c, "INSERT INTO record_facet (record_type, name, value, id) VALUES ('initiative', ?, ?, ?)",
          facet[0], facet[1], ID);
    }
    update(c, "INSERT INTO record_history (record_type, id, version, event, at, doc) VALUES ('initiative', ?, 1, 'created', 1000, ?)",
        ID, doc);
    update(c, "INSERT INTO feed (seq, record_type, id, version) VALUES (1, 'initiative', ?, 1)", ID);
  }

  /** A replace and a delete through the hub; {@code readable}: the stored document reads as a record. */
  private static void followWrites(HubStorage storage, String url, String user, String password, boolean readable)
      throws Exception {
    storage.addToken(Wire.FAO, Wire.FAO_TOKEN);
    SstcHub hub = SstcHub.builder().storage(storage).build().start();
    try {
      Wire wire = new Wire(hub);
      if (readable) {
        assertThat(found(wire, "country=MZ")).containsExactly(ID);
      }
      HttpResponse<String> replaced = wire.write("PUT", "/initiatives/" + ID, record("BR", "AO"), "If-Match", "\"1\"");
      assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
      assertThat(found(wire, "country=MZ")).isEmpty();
      assertThat(found(wire, "country=AO")).containsExactly(ID);
      assertThat(found(wire, "country=BR")).containsExactly(ID);
      assertThat(wire.write("DELETE", "/initiatives/" + ID, null, "If-Match", "\"2\"").statusCode()).isEqualTo(204);
      assertThat(found(wire, "country=BR")).isEmpty();
    } finally {
      Wire.stop(hub);
    }
    // No facet row is left behind: those of schema 1 went with the versions they belonged to.
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      assertThat(strings(c, "SELECT name || '=' || value FROM record_facet")).isEmpty();
    }
  }

  private static ObjectNode record(String provider, String recipient) {
    ObjectNode record = Wire.initiative(ID);
    ((ObjectNode) record.path("participants").path(0)).put("country", provider);
    ((ObjectNode) record.path("participants").path(1)).put("country", recipient);
    return record;
  }

  private static List<String> found(Wire wire, String filter) {
    return Wire.values(Wire.tree(wire.get("/initiatives?" + filter)).path("items"), "id");
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> values = new java.util.ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
