package org.sstc.exchange.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /packages: packages and NDJSON, gzip, per-record results, idempotency. */
class BulkTest {
  private static SstcHub hub;
  private static Wire wire;

  @BeforeAll
  static void start() {
    hub = Wire.startHub();
    wire = new Wire(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
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
    ObjectNode organisation = Wire.fixture("organisation.json");
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
  void packageWithAnInvalidRecordRejectsItAndWritesTheOthers() {
    ObjectNode pkg = Wire.fixture("package.json");
    ArrayNode initiatives = (ArrayNode) pkg.path("initiatives");
    ((ObjectNode) initiatives.get(0)).put("id", "XM-DAC-41301-B-pk1");
    ((ObjectNode) initiatives.get(1)).put("id", "XM-DAC-41301-B-pk2").put("modality", "sideways");

    HttpResponse<String> response = upload("application/json", pkg.toString().getBytes(StandardCharsets.UTF_8), false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = Wire.tree(response);
    assertThat(report.path("received").asInt()).isEqualTo(4);
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
}
