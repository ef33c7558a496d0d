package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code /health/ready} tells a load balancer the truth quickly: 503 within a few seconds when the
 * database is gone (not after the pool's 30 s connection timeout), and 503 when another, newer hub
 * migrated the database after this one started.
 */
class ReadinessTest {
  /** Longer than the hub's 2 s readiness timeout, far shorter than the pool's 30 s. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(8);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> ready(SstcHub hub) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/health/ready")).timeout(PROBE_TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStoppedPostgresqlMakesTheHubNotReadyWithinSeconds() throws Exception {
    // A server of this test's own, so that stopping it leaves the other tests' server alone.
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(Files.createTempDirectory("sstc-pg-ready-").toFile()).start();
    HubStorage storage;
    try {
      storage = HubStorage.postgresql("postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres");
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    SstcHub hub = Wire.startHub(storage);
    try {
      assertThat(ready(hub).statusCode()).isEqualTo(200);
      postgres.close();
      // Twice: the second probe comes while the first check may still wait on the pool.
      for (int probe = 0; probe < 2; probe++) {
        HttpResponse<String> down = ready(hub);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
      }
      assertThat(http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/health/live")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      Wire.stop(hub);
      postgres.close();
    }
  }

  @Test
  void aSchemaMigratedByANewerHubAfterStartMakesTheHubNotReady() throws Exception {
    Path dir = Files.createTempDirectory("sstc-hub-ready-");
    SstcHub hub = Wire.startHub(HubStorage.embedded(dir));
    try {
      assertThat(ready(hub).statusCode()).isEqualTo(200);
      // Another node, one minor version newer, migrates the database while this one runs: "2.1"
      // is newer than this hub's "2" although their first numbers are equal.
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"));
          Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (99, '2.1', 'newer', 'SQL', 'V2_1__newer.sql',"
            + " 0, 'test', 0, 1)");
      }
      HttpResponse<String> newer = ready(hub);
      assertThat(newer.statusCode()).as(newer.body()).isEqualTo(503);
    } finally {
      Wire.stop(hub);
    }
    // And a hub started on it now refuses it, naming the version.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HubStorage.embedded(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("migrated by a newer SSTC hub (schema version 2.1); this hub knows up to 2");
  }
}
