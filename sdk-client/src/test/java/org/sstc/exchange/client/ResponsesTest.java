package org.sstc.exchange.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponsesTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBodyThatStallsFailsWithTheReadTimeoutOfTheUsersOkHttpClient() {
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 1).newBuilder()
        .throttleBody(256, 3, TimeUnit.SECONDS).build()); // headers and part of the body, then a pause
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    try (SstcClient client = Fixtures.client(server).okHttpClient(http).build()) {
      assertThatThrownBy(() -> client.initiatives().get(Fixtures.id()))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("GET /initiatives/" + Fixtures.id())
          .hasMessageContaining("timed out");
    }
    // A body lost after its headers is a lost answer: the read was tried again before giving up.
    assertThat(server.getRequestCount()).isGreaterThan(1);
  }

  @Test
  void malformedJsonIsATransportException() {
    server.enqueue(Fixtures.record(200, "{\"recordType\": \"initiative\", ", 1));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThatThrownBy(() -> client.initiatives().get(Fixtures.id()))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("GET /initiatives/");
    }
  }

  @Test
  void aTruncatedBodyIsATransportException() {
    String json = Fixtures.initiativeJson();
    server.enqueue(Fixtures.record(200, json, 1).newBuilder()
        .setHeader("Content-Length", json.length() + 100)
        .onResponseEnd(new mockwebserver3.SocketEffect.CloseSocket())
        .build());
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThatThrownBy(() -> client.initiatives().get(Fixtures.id()))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("GET /initiatives/");
    }
  }

  @Test
  void aBodyFarLargerThanAllowedFailsWithoutBeingRead() {
    String huge = "[" + "0,".repeat(1 << 20) + "0]"; // 2 MiB, chunked: no Content-Length to trust
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody(huge, 64 * 1024).build());
    try (SstcClient client = Fixtures.client(server).maxResponseBytes(64 * 1024).build()) {
      assertThatThrownBy(() -> client.initiatives().get(Fixtures.id()))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("exceeds the limit of 65536 bytes");
    }
  }

  @Test
  void preconditionFailedCarriesTheCurrentVersion() {
    server.enqueue(Fixtures.problem(412, "precondition-failed", ",\"currentVersion\":7"));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThatThrownBy(() -> client.initiatives().replace(Fixtures.initiative(), 5))
          .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
            assertThat(e.currentVersion()).hasValue(7);
            assertThat(e.requestId()).hasValue("req-412");
            assertThat(e.problem().orElseThrow().slug()).isEqualTo("precondition-failed");
            assertThat(e.getMessage()).startsWith("PUT /initiatives/" + Fixtures.id() + ": 412");
          });
    }
  }

  @Test
  void unprocessableRecordCarriesTheHubsReport() {
    server.enqueue(Fixtures.problem(422, "validation-failed",
        ",\"report\":{\"valid\":false,\"schemaVersion\":\"1.0\",\"issues\":[{\"severity\":\"error\","
            + "\"code\":\"rule.date-order\",\"pointer\":\"/dates\",\"message\":\"end before start\"}]}"));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThatThrownBy(() -> client.initiatives().create(Fixtures.initiative()))
          .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.report().has("rule.date-order")).isTrue();
            assertThat(e.report().valid()).isFalse();
            assertThat(e.getMessage()).contains("/dates");
          });
    }
  }

  @Test
  void getThrowsNotFoundAndFindReturnsEmpty() {
    server.enqueue(Fixtures.problem(404, "not-found", ""));
    server.enqueue(Fixtures.problem(404, "not-found", ""));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThatThrownBy(() -> client.initiatives().get("nope")).isInstanceOf(NotFoundException.class);
      assertThat(client.initiatives().find("nope")).isEmpty();
    }
  }

  @Test
  void theTokenIsInNoMessage() {
    server.enqueue(Fixtures.problem(401, "unauthorized", ""));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThat(client.toString()).doesNotContain(Fixtures.TOKEN).contains("(set)");
      assertThatThrownBy(() -> client.initiatives().delete(Fixtures.id(), 1))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessageNotContaining(Fixtures.TOKEN);
    }
  }
}
