package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Single-record operations: create, read, replace, delete, history, and their error answers. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RecordsTest {
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

  private static HttpResponse<String> create(String id) {
    HttpResponse<String> created = wire.write("POST", "/initiatives", Wire.initiative(id));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created;
  }

  @Test
  void createdRecordIsReadBackWithItsETagAndLocation() {
    HttpResponse<String> created = create("XM-DAC-41301-R-create");
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(created.headers().firstValue("Location")).hasValue("/initiatives/XM-DAC-41301-R-create");
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");

    HttpResponse<String> read = wire.get("/initiatives/XM-DAC-41301-R-create");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(read.body()).isEqualTo(created.body());
    assertThat(Wire.tree(read)).isEqualTo(Wire.initiative("XM-DAC-41301-R-create"));
  }

  @Test
  void ifNoneMatchWithTheCurrentETagGives304() {
    create("XM-DAC-41301-R-304");
    HttpResponse<String> notModified = wire.get("/initiatives/XM-DAC-41301-R-304", "If-None-Match", "\"1\"");
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(wire.get("/initiatives/XM-DAC-41301-R-304", "If-None-Match", "\"9\"").statusCode()).isEqualTo(200);
  }

  @Test
  void invalidRecordGives422WithTheValidatorsReport() {
    ObjectNode record = Wire.fixture("initiative-missing-title.json");
    record.put("id", "XM-DAC-41301-R-invalid");
    HttpResponse<String> refused = wire.write("POST", "/initiatives", record);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = Wire.tree(refused);
    assertThat(problem.path("type").asString()).isEqualTo("https://sstc-exchange.org/problems/validation-failed");
    assertThat(problem.path("report").path("valid").asBoolean()).isFalse();
    // The version this SDK checks against and writes: Initiative.CURRENT_VERSION.
    assertThat(problem.path("report").path("schemaVersion").asString()).isEqualTo("1.1");
    assertThat(Wire.values(problem.path("report").path("issues"), "code")).contains("schema.required");
    assertThat(Wire.values(problem.path("report").path("issues"), "pointer")).contains("/title");
    assertThat(wire.get("/initiatives/XM-DAC-41301-R-invalid").statusCode()).isEqualTo(404);
  }

  @Test
  void secondCreateOfAnIdGives409WithTheCurrentVersion() {
    create("XM-DAC-41301-R-dup");
    HttpResponse<String> again = wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-R-dup"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Wire.tree(again).path("type").asString()).endsWith("/already-exists");
    assertThat(Wire.tree(again).path("currentVersion").asLong()).isEqualTo(1);
  }

  @Test
  void writeWithoutAKnownTokenGives401WithWwwAuthenticate() {
    HttpResponse<String> none = wire.send("POST", "/initiatives", Wire.initiative("XM-DAC-41301-R-401").toString());
    HttpResponse<String> unknown = wire.send("POST", "/initiatives", Wire.initiative("XM-DAC-41301-R-401").toString(),
        "Authorization", "Bearer not-a-token");
    for (HttpResponse<String> response : List.of(none, unknown)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sstc\"");
      assertThat(response.body()).doesNotContain("not-a-token");
    }
    assertThat(wire.get("/initiatives/XM-DAC-41301-R-401").statusCode()).isEqualTo(404);
  }

  @Test
  void anotherOrganisationsRecordGives403AndNothingChanges() {
    HttpResponse<String> created = create("XM-DAC-41301-R-403");
    ObjectNode changed = Wire.initiative("XM-DAC-41301-R-403");
    changed.putObject("title").put("en", "Taken over");
    String[] undp = {"Authorization", "Bearer " + Wire.UNDP_TOKEN, "If-Match", "\"1\""};

    assertThat(wire.send("PUT", "/initiatives/XM-DAC-41301-R-403", changed.toString(), undp).statusCode()).isEqualTo(403);
    assertThat(wire.send("DELETE", "/initiatives/XM-DAC-41301-R-403", null, undp).statusCode()).isEqualTo(403);
    // Creating an initiative in another organisation's name is refused too.
    HttpResponse<String> foreign = wire.send("POST", "/initiatives", Wire.initiative("XM-DAC-41301-R-403b").toString(),
        "Authorization", "Bearer " + Wire.UNDP_TOKEN);
    assertThat(foreign.statusCode()).isEqualTo(403);

    HttpResponse<String> after = wire.get("/initiatives/XM-DAC-41301-R-403");
    assertThat(after.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(after.body()).isEqualTo(created.body());
    assertThat(wire.get("/initiatives/XM-DAC-41301-R-403b").statusCode()).isEqualTo(404);
  }

  @Test
  void staleIfMatchGives412AndKeepsTheRecord() {
    HttpResponse<String> created = create("XM-DAC-41301-R-412");
    ObjectNode changed = Wire.initiative("XM-DAC-41301-R-412");
    changed.put("status", "2");

    HttpResponse<String> stale = wire.write("PUT", "/initiatives/XM-DAC-41301-R-412", changed, "If-Match", "\"7\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(Wire.tree(stale).path("currentVersion").asLong()).isEqualTo(1);
    assertThat(wire.get("/initiatives/XM-DAC-41301-R-412").body()).isEqualTo(created.body());

    HttpResponse<String> fresh = wire.write("PUT", "/initiatives/XM-DAC-41301-R-412", changed, "If-Match", "\"1\"");
    assertThat(fresh.statusCode()).isEqualTo(200);
    assertThat(fresh.headers().firstValue("ETag")).hasValue("\"2\"");
  }

  @Test
  void replaceOrDeleteWithoutIfMatchOrWithStarGives428() {
    create("XM-DAC-41301-R-428");
    ObjectNode changed = Wire.initiative("XM-DAC-41301-R-428");
    assertThat(wire.write("PUT", "/initiatives/XM-DAC-41301-R-428", changed).statusCode()).isEqualTo(428);
    assertThat(wire.write("PUT", "/initiatives/XM-DAC-41301-R-428", changed, "If-Match", "*").statusCode()).isEqualTo(428);
    assertThat(wire.write("DELETE", "/initiatives/XM-DAC-41301-R-428", null).statusCode()).isEqualTo(428);
    assertThat(wire.get("/initiatives/XM-DAC-41301-R-428").headers().firstValue("ETag")).hasValue("\"1\"");
  }

  @Test
  void historyStaysReadableAfterDeleteAndTheIdStaysTaken() {
    create("XM-DAC-41301-R-hist");
    ObjectNode changed = Wire.initiative("XM-DAC-41301-R-hist");
    changed.put("status", "2");
    assertThat(wire.write("PUT", "/initiatives/XM-DAC-41301-R-hist", changed, "If-Match", "\"1\"").statusCode()).isEqualTo(200);
    HttpResponse<String> deleted = wire.write("DELETE", "/initiatives/XM-DAC-41301-R-hist", null, "If-Match", "\"2\"");
    assertThat(deleted.statusCode()).isEqualTo(204);

    assertThat(wire.get("/initiatives/XM-DAC-41301-R-hist").statusCode()).isEqualTo(404);
    JsonNode history = Wire.tree(wire.get("/initiatives/XM-DAC-41301-R-hist/history"));
    assertThat(history.path("id").asString()).isEqualTo("XM-DAC-41301-R-hist");
    JsonNode versions = history.path("versions");
    assertThat(Wire.values(versions, "event")).containsExactly("created", "updated", "deleted");
    assertThat(versions.get(1).path("record").path("status").asString()).isEqualTo("2");
    assertThat(versions.get(2).has("record")).isFalse();
    assertThat(wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-R-hist")).statusCode()).isEqualTo(409);
  }

  @Test
  void sameIdempotencyKeyAndRequestReplaysTheAnswerAndAnotherRequestGives422() {
    ObjectNode record = Wire.initiative("XM-DAC-41301-R-idem");
    HttpResponse<String> first = wire.write("POST", "/initiatives", record, "Idempotency-Key", "key-1");
    HttpResponse<String> replay = wire.write("POST", "/initiatives", record, "Idempotency-Key", "key-1");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(replay.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(Wire.tree(wire.get("/initiatives/XM-DAC-41301-R-idem/history")).path("versions").size()).isEqualTo(1);

    HttpResponse<String> reused =
        wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-R-idem2"), "Idempotency-Key", "key-1");
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(Wire.tree(reused).path("type").asString()).endsWith("/idempotency-key-reused");
    assertThat(wire.get("/initiatives/XM-DAC-41301-R-idem2").statusCode()).isEqualTo(404);
  }

  @Test
  void aRepeatedReplaceOrDeleteWithItsKeyGetsTheFirstAnswerNotA412() {
    create("XM-DAC-41301-R-idem-put");
    ObjectNode changed = Wire.initiative("XM-DAC-41301-R-idem-put");
    changed.putObject("title").put("en", "Retitled once");
    HttpResponse<String> first = wire.write("PUT", "/initiatives/XM-DAC-41301-R-idem-put", changed,
        "If-Match", "\"1\"", "Idempotency-Key", "put-1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    // The same request again (its answer was lost): version 1 is stale now, yet it is answered as the first.
    HttpResponse<String> repeat = wire.write("PUT", "/initiatives/XM-DAC-41301-R-idem-put", changed,
        "If-Match", "\"1\"", "Idempotency-Key", "put-1");
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(repeat.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(wire.get("/initiatives/XM-DAC-41301-R-idem-put").headers().firstValue("ETag")).hasValue("\"2\"");
    // The same key with another If-Match is another request.
    assertThat(wire.write("PUT", "/initiatives/XM-DAC-41301-R-idem-put", changed,
        "If-Match", "\"2\"", "Idempotency-Key", "put-1").statusCode()).isEqualTo(422);
    // Without a key, the repeat is what it is: a stale version.
    assertThat(wire.write("PUT", "/initiatives/XM-DAC-41301-R-idem-put", changed, "If-Match", "\"1\"").statusCode())
        .isEqualTo(412);

    HttpResponse<String> deleted = wire.send("DELETE", "/initiatives/XM-DAC-41301-R-idem-put", null, "Authorization", "Bearer " + Wire.FAO_TOKEN,
        "If-Match", "\"2\"", "Idempotency-Key", "delete-1");
    assertThat(deleted.statusCode()).isEqualTo(204);
    HttpResponse<String> deletedAgain = wire.send("DELETE", "/initiatives/XM-DAC-41301-R-idem-put", null, "Authorization", "Bearer " + Wire.FAO_TOKEN,
        "If-Match", "\"2\"", "Idempotency-Key", "delete-1");
    assertThat(deletedAgain.statusCode()).isEqualTo(204);
    assertThat(deletedAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void concurrentReadModifyWriteClientsLoseNoUpdate() throws Exception {
    create("XM-DAC-41301-R-race");
    int threads = 4;
    int updates = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int writer = t;
      done.add(pool.submit(() -> {
        for (int u = 0; u < updates; u++) {
          while (true) {
            HttpResponse<String> read = wire.get("/initiatives/XM-DAC-41301-R-race");
            ObjectNode record = (ObjectNode) Wire.tree(read);
            String titles = record.path("title").path("en").asString();
            record.putObject("title").put("en", titles + " w" + writer + "u" + u);
            HttpResponse<String> put = wire.write("PUT", "/initiatives/XM-DAC-41301-R-race", record,
                "If-Match", read.headers().firstValue("ETag").orElseThrow());
            if (put.statusCode() == 200) {
              break;
            }
            assertThat(put.statusCode()).isEqualTo(412);
          }
        }
      }));
    }
    for (Future<?> future : done) {
      future.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();

    HttpResponse<String> last = wire.get("/initiatives/XM-DAC-41301-R-race");
    assertThat(last.headers().firstValue("ETag")).hasValue("\"" + (1 + threads * updates) + "\"");
    String title = Wire.tree(last).path("title").path("en").asString();
    for (int t = 0; t < threads; t++) {
      for (int u = 0; u < updates; u++) {
        assertThat(title).contains(" w" + t + "u" + u);
      }
    }
  }

  @Test
  void bodyOverTheLimitGives413BeforeItIsSent() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", hub.port())) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /initiatives HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Wire.FAO_TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: " + (5 << 20) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Not one byte of the body is sent: the hub answers from Content-Length alone.
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413");
      List<String> headers = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        headers.add(line.toLowerCase(java.util.Locale.ROOT));
      }
      assertThat(headers).anyMatch(h -> h.startsWith("content-type: application/problem+json"));
      assertThat(headers).anyMatch(h -> h.startsWith("x-request-id: "));
    }
  }

  @Test
  void chunkedBodyOverTheLimitGives413() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", hub.port())) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      Thread sender = new Thread(() -> {
        try {
          out.write(("POST /initiatives HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Wire.FAO_TOKEN
              + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = new byte[1 << 16];
          java.util.Arrays.fill(chunk, (byte) ' ');
          for (int i = 0; i < 40; i++) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (java.io.IOException closedByTheHub) {
          // expected once the hub has answered and closed the connection
        }
      });
      sender.start();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413");
      socket.close();
      sender.join(60_000);
    }
  }

  @Test
  void errorsAreProblemDetailsWithTheRequestId() {
    HttpResponse<String> notFound = wire.get("/nothing-here", "X-Request-Id", "trace-42");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("X-Request-Id")).hasValue("trace-42");
    JsonNode problem = Wire.tree(notFound);
    assertThat(problem.path("type").asString()).isEqualTo("https://sstc-exchange.org/problems/not-found");
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("instance").asString()).isEqualTo("/nothing-here");
    assertThat(problem.path("requestId").asString()).isEqualTo("trace-42");

    assertThat(wire.send("PATCH", "/initiatives/x", "{}").statusCode()).isEqualTo(405);
    assertThat(wire.send("POST", "/initiatives", "hello", "Authorization", "Bearer " + Wire.FAO_TOKEN,
        "Content-Type", "text/plain").statusCode()).isEqualTo(415);
    HttpResponse<String> malformed = wire.send("POST", "/initiatives", "{\"recordType\": ",
        "Authorization", "Bearer " + Wire.FAO_TOKEN);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(Wire.tree(malformed).path("invalidParams").get(0).path("name").asString()).isEqualTo("body");
    assertThat(wire.get("/initiatives/x").headers().firstValue("X-Request-Id")).isPresent();
  }
}
