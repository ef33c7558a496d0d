package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The embedded store keeps everything across a stop and a {@code kill -9}. */
class EmbeddedPersistenceTest {
  private static final String TOKEN = "embedded-crash-test-token";

  @TempDir
  Path dir;

  @Test
  void everythingSurvivesAStopAndAStart() {
    String cursor;
    String hubId;
    String token;
    try (HubStorage storage = HubStorage.embedded(dir); SstcHub hub = Wire.startHub(storage)) {
      hubId = storage.hubId();
      token = storage.generateToken(Wire.FAO);
      Wire wire = new Wire(hub);
      wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-P-kept"), "Idempotency-Key", "persist-1");
      wire.readModifyWrite("XM-DAC-41301-P-kept", "changed");
      wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-P-gone"));
      wire.write("DELETE", "/initiatives/XM-DAC-41301-P-gone", null, "If-Match", "\"1\"");
      cursor = Wire.tree(wire.get("/changes")).path("next").asString();
    }
    assertThat(Files.isRegularFile(dir.resolve("hub.db"))).isTrue();
    try (HubStorage storage = HubStorage.embedded(dir); SstcHub hub = Wire.startHub(storage)) {
      Wire wire = new Wire(hub);
      assertThat(storage.hubId()).isEqualTo(hubId);
      assertThat(wire.get("/initiatives/XM-DAC-41301-P-kept").headers().firstValue("ETag")).hasValue("\"2\"");
      assertThat(Wire.tree(wire.get("/initiatives/XM-DAC-41301-P-kept/history")).path("versions").size()).isEqualTo(2);
      assertThat(wire.get("/initiatives/XM-DAC-41301-P-gone").statusCode()).isEqualTo(404);
      assertThat(wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-P-gone")).statusCode()).isEqualTo(409);
      JsonNode feed = Wire.tree(wire.get("/changes"));
      assertThat(Wire.values(feed.path("events"), "type")).containsExactly("created", "updated", "created", "deleted");
      assertThat(wire.get("/changes?since=" + cursor).statusCode()).isEqualTo(200);
      HttpResponse<String> replay = wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-P-kept"),
          "Idempotency-Key", "persist-1");
      assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      assertThat(wire.writeWith(token, "POST", "/initiatives", Wire.initiative("XM-DAC-41301-P-tok")).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void killedInTheMiddleOfABulkUploadItKeepsEveryAcknowledgedRecordWhole() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Process hub = startChild();
    URI base = URI.create("http://127.0.0.1:" + port(hub));
    send(http, base, "POST", "/initiatives", Wire.initiative("XM-DAC-41301-X-gone").toString(), "application/json");
    send(http, base, "DELETE", "/initiatives/XM-DAC-41301-X-gone", null, null, "If-Match", "\"1\"");
    String cursorBefore = Wire.JSON.readTree(send(http, base, "GET", "/changes", null, null).body()).path("next").asString();

    // 10 000 records in 20 uploads of 500; the hub is killed while one is in flight.
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger answered = new AtomicInteger();
    Thread uploader = new Thread(() -> {
      for (int batch = 0; batch < 20; batch++) {
        StringBuilder ndjson = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          String id = "XM-DAC-41301-X-" + batch + "-" + i;
          ids.add(id);
          ndjson.append(Wire.initiative(id)).append('\n');
        }
        try {
          HttpResponse<String> report = send(http, base, "POST", "/packages", ndjson.toString(), "application/x-ndjson");
          if (report.statusCode() == 200 && Wire.JSON.readTree(report.body()).path("created").asInt() == 500) {
            acknowledged.addAll(ids);
            answered.incrementAndGet();
          }
        } catch (RuntimeException killed) {
          return;
        }
      }
    });
    uploader.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (answered.get() < 2 && System.nanoTime() < deadline && uploader.isAlive()) {
      Thread.sleep(20);
    }
    Thread.sleep(300); // the next upload is being written
    hub.destroyForcibly().waitFor();
    uploader.join();
    assertThat(answered.get()).as("uploads acknowledged before the kill").isBetween(2, 19);

    Process again = startChild();
    try {
      URI restarted = URI.create("http://127.0.0.1:" + port(again));
      for (String id : acknowledged) {
        HttpResponse<String> read = send(http, restarted, "GET", "/initiatives/" + id, null, null);
        assertThat(read.statusCode()).as(id).isEqualTo(200);
        assertThat(Wire.JSON.readTree(read.body()).path("id").asString()).isEqualTo(id);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
      }
      // The feed: every position once, in order, each naming a record that is there whole.
      List<JsonNode> events = new ArrayList<>();
      String cursor = "0";
      while (true) {
        JsonNode page = Wire.JSON.readTree(send(http, restarted, "GET", "/changes?limit=1000&since=" + cursor, null, null).body());
        page.path("events").forEach(events::add);
        if (page.path("events").isEmpty()) {
          break;
        }
        cursor = page.path("next").asString();
      }
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).path("sequence").asLong()).isEqualTo(i + 1);
      }
      int created = 0;
      for (JsonNode event : events) {
        String id = event.path("id").asString();
        if (id.startsWith("XM-DAC-41301-X-") && !id.endsWith("gone")) {
          created++;
          assertThat(event.path("record").path("id").asString()).isEqualTo(id);
          assertThat(send(http, restarted, "GET", "/initiatives/" + id, null, null).statusCode()).isEqualTo(200);
        }
      }
      assertThat(created).isGreaterThanOrEqualTo(acknowledged.size());
      // The record count agrees with the feed: nothing written outside it, nothing half there.
      JsonNode search = Wire.JSON.readTree(send(http, restarted, "GET", "/initiatives?limit=500&participant=" + Wire.FAO, null, null).body());
      assertThat(search.path("items").size()).isPositive();
      // The deleted id stays taken; a cursor from before the crash is still this hub's.
      assertThat(send(http, restarted, "POST", "/initiatives", Wire.initiative("XM-DAC-41301-X-gone").toString(),
          "application/json").statusCode()).isEqualTo(409);
      assertThat(send(http, restarted, "GET", "/changes?since=" + cursorBefore, null, null).statusCode()).isEqualTo(200);
    } finally {
      again.destroyForcibly().waitFor();
    }
  }

  private Process startChild() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EmbeddedHubMain.class.getName(), dir.toString(), TOKEN);
    builder.redirectErrorStream(true);
    return builder.start();
  }

  private static int port(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        int port = Integer.parseInt(line.substring(5).trim());
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // keep the child's output flowing
            }
          } catch (java.io.IOException ignored) {
            // the child is gone
          }
        });
        drain.setDaemon(true);
        drain.start();
        return port;
      }
    }
    throw new AssertionError("the child hub ended before it listened");
  }

  private static HttpResponse<String> send(HttpClient http, URI base, String method, String path, String body,
      String type, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + TOKEN);
    if (type != null) {
      request.header("Content-Type", type);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
