package org.sstc.exchange.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Initiative;

class BulkTest {
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
  void publishesAStreamAsGzipNdjsonAndReadsTheReport() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"received\":2,\"created\":1,\"updated\":0,\"unchanged\":0,\"rejected\":1,\"results\":["
            + "{\"index\":0,\"line\":1,\"recordType\":\"initiative\",\"id\":\"" + Fixtures.id()
            + "\",\"status\":\"created\",\"version\":1,\"issues\":[]},"
            + "{\"index\":1,\"line\":2,\"recordType\":\"initiative\",\"status\":\"rejected\",\"issues\":"
            + "[{\"severity\":\"error\",\"code\":\"schema.required\",\"pointer\":\"/1/title\",\"message\":\"m\"}]}]}")
        .build());
    Initiative second = Fixtures.initiative().toBuilder().id(Fixtures.id().replace("0007", "0008")).build();
    BulkReport report;
    try (SstcClient client = Fixtures.client(server).build()) {
      report = client.publish(Stream.of(Fixtures.initiative(), second));
    }
    assertThat(report.created()).isEqualTo(1);
    assertThat(report.rejections()).singleElement()
        .satisfies(result -> assertThat(result.issues().get(0).code()).isEqualTo("schema.required"));

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/packages");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-ndjson");
    assertThat(request.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    assertThat(request.getHeaders().get("Idempotency-Key")).isNotBlank();
    String ndjson;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(request.getBody().toByteArray()))) {
      ndjson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(ndjson.split("\n")).hasSize(2);
    assertThat(ndjson).contains(second.id()).endsWith("\n");
  }

  private static final String EMPTY_REPORT =
      "{\"received\":0,\"created\":0,\"updated\":0,\"unchanged\":0,\"rejected\":0,\"results\":[]}";

  @Test
  void aBulkUploadMayOutlastTheTimeoutsForSingleRecords() throws Exception {
    // The hub answers after 1.5 s: longer than a single record's call timeout and deadline here.
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .headersDelay(1500, TimeUnit.MILLISECONDS).body(EMPTY_REPORT).build());
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
        .callTimeout(java.time.Duration.ofMillis(500)).build();
    try (SstcClient client = Fixtures.client(server).okHttpClient(http)
        .retryPolicy(Fixtures.fastRetries().deadline(java.time.Duration.ofMillis(700)).build()).build()) {
      assertThat(client.publish(Stream.<Initiative>empty()).received()).isZero();
    }
  }

  @Test
  void aBulkUploadStopsAtItsOwnTimeout() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .headersDelay(3, TimeUnit.SECONDS).body(EMPTY_REPORT).build());
    try (SstcClient client = Fixtures.client(server)
        .retryPolicy(Fixtures.fastRetries().bulkDeadline(java.time.Duration.ofMillis(500)).build()).build()) {
      long start = System.nanoTime();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.publish(Stream.<Initiative>empty()))
          .isInstanceOf(TransportException.class);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofMillis(2500));
    }
  }
}
