package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The HTTP layer: what a client that breaks HTTP gets, the operations routes, idle sockets. */
class TransportTest {
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

  private static Raw.Response raw(String request) {
    try (Raw connection = new Raw(hub)) {
      return connection.send(request).read();
    }
  }

  private static JsonNode problem(Raw.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode problem = Wire.JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asString()).startsWith("https://sstc-exchange.org/problems/");
    assertThat(problem.path("detail").asString()).isNotBlank();
    assertThat(response.body()).doesNotContainIgnoringCase("<html").doesNotContain("jetty");
    return problem;
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "18446744073709551621", "12abc", "1, 2"})
  void aContentLengthThatIsNotALengthIsAProblem(String length) {
    problem(raw("POST /initiatives HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Authorization: Bearer " + Wire.FAO_TOKEN + "\r\nContent-Length: " + length + "\r\n\r\n{}"), 400);
  }

  @Test
  void aUriWithBadPercentEncodingIsAProblem() {
    JsonNode problem = problem(raw("GET /initiatives/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    assertThat(problem.path("detail").asString()).containsIgnoringCase("encod");
    problem(raw("GET /initiatives?country=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
  }

  @Test
  void aHeadLargerThanTheLimitIsAProblem() {
    problem(raw("GET /initiatives HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n"), 431);
  }

  @Test
  void aMethodThatIsNotATokenIsAProblemAndAnUnknownOneIs405() {
    problem(raw("G(E)T /initiatives HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    JsonNode unknown = problem(raw("BREW /initiatives HTTP/1.1\r\nHost: x\r\n\r\n"), 405);
    assertThat(unknown.path("detail").asString()).contains("GET, POST");
  }

  @Test
  void aRequestLineThatIsNotHttpIsAProblem() {
    problem(raw("HELLO\r\n\r\n"), 400);
    problem(raw("GET /initiatives HTTP/9.9\r\nHost: x\r\n\r\n"), 505);
  }

  @Test
  void healthAndReadinessAnswerAndRefuseWrites() {
    HttpResponse<String> live = wire.get("/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(Wire.tree(live).path("status").asString()).isEqualTo("UP");
    assertThat(wire.get("/health/ready").statusCode()).isEqualTo(200);
    HttpResponse<String> post = wire.send("POST", "/health/live", "{}");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void metricsCountRequestsByRouteTemplateNotByPath() {
    wire.get("/initiatives/no-such-initiative-1");
    wire.get("/initiatives/no-such-initiative-2");
    wire.get("/codelists");
    HttpResponse<String> metrics = wire.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    String text = metrics.body();
    assertThat(text)
        .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/initiatives/{id}\",status=\"404\"}")
        .contains("http_server_requests_seconds_bucket{")
        .contains("route=\"/codelists\",status=\"200\"")
        .contains("jvm_memory_used_bytes")
        .doesNotContain("no-such-initiative");
  }

  @Test
  void metricsCountBulkRecordsByOutcome() {
    String ndjson = Wire.initiative("XM-DAC-41301-M1") + "\n" + Wire.initiative("XM-DAC-41301-M2") + "\n";
    java.net.http.HttpRequest upload = java.net.http.HttpRequest.newBuilder(wire.uri("/packages"))
        .header("Authorization", "Bearer " + Wire.FAO_TOKEN)
        .header("Content-Type", "application/x-ndjson")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ndjson))
        .build();
    assertThat(wire.send(upload).statusCode()).isEqualTo(200);
    assertThat(wire.get("/metrics").body())
        .contains("sstc_hub_bulk_records_total{outcome=\"created\"} 2.0")
        .contains("route=\"/packages\",status=\"200\"");
  }

  @Test
  void manyIdleConnectionsDoNotStopTheHubFromAnswering() {
    List<Raw> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        idle.add(new Raw(hub));
      }
      long began = System.nanoTime();
      HttpResponse<String> answer = wire.get("/codelists");
      assertThat(answer.statusCode()).isEqualTo(200);
      // generous: the point is that it is answered at all (the JDK server stopped at 32)
      assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(5_000);
      // and an idle connection still works when it speaks
      Raw.Response late = idle.get(0).send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(late.status()).isEqualTo(200);
    } finally {
      idle.forEach(Raw::close);
    }
  }
}
