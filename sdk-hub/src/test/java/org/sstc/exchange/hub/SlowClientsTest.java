package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and stalled clients with short timeouts (1 s) set through the builder; {@code SlowClientsIT}
 * runs 200 of them against the timeouts as shipped.
 */
class SlowClientsTest {
  private static SstcHub hub;

  @BeforeAll
  static void start() {
    hub = SstcHub.builder()
        .token(Wire.FAO, Wire.FAO_TOKEN)
        .headerTimeout(Duration.ofSeconds(1))
        .bodyReadTimeout(Duration.ofSeconds(1))
        .build()
        .start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  /** Sends one byte of {@code text} every {@code millis} on a daemon thread until it is done or fails. */
  private static AtomicBoolean drip(Raw connection, String text, long millis) {
    AtomicBoolean stop = new AtomicBoolean();
    Thread thread = new Thread(() -> {
      for (int i = 0; i < text.length() && !stop.get(); i++) {
        try {
          connection.send(text.substring(i, i + 1));
          Thread.sleep(millis);
        } catch (RuntimeException | InterruptedException e) {
          return;
        }
      }
    }, "drip");
    thread.setDaemon(true);
    thread.start();
    return stop;
  }

  @Test
  void aHeadSentAByteAtATimeIsCutAtTheHeaderTimeout() {
    try (Raw slow = new Raw(hub)) {
      long began = System.nanoTime();
      AtomicBoolean stop = drip(slow, "GET /codelists HTTP/1.1\r\nHost: x\r\nX-Slow: " + "y".repeat(100) + "\r\n\r\n", 100);
      assertThat(slow.closedWithin(5_000)).as("closed by the hub").isTrue();
      stop.set(true);
      long millis = (System.nanoTime() - began) / 1_000_000;
      assertThat(millis).isBetween(900L, 5_000L);
    }
  }

  @Test
  void aStalledRecordBodyIsClosedWithinTheBodyReadTimeout() {
    try (Raw stalled = new Raw(hub)) {
      stalled.send("POST /initiatives HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Wire.FAO_TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":");
      long began = System.nanoTime();
      assertThat(stalled.closedWithin(5_000)).as("closed by the hub").isTrue();
      assertThat((System.nanoTime() - began) / 1_000_000).isBetween(800L, 5_000L);
    }
  }

  @Test
  void aStalledBulkBodyIsClosedWithinTheBodyReadTimeout() {
    try (Raw stalled = new Raw(hub)) {
      stalled.send("POST /packages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Wire.FAO_TOKEN
          + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n{\"id\":");
      long began = System.nanoTime();
      assertThat(stalled.closedWithin(5_000)).as("closed by the hub").isTrue();
      assertThat((System.nanoTime() - began) / 1_000_000).isBetween(800L, 5_000L);
    }
  }

  @Test
  void aSlowButSteadyBodyIsAnswered() {
    try (Raw slow = new Raw(hub)) {
      String body = "{\"recordType\":\"initiative\"}";
      slow.send("POST /initiatives HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Wire.FAO_TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n");
      // a byte every 100 ms: 2.7 s in all, longer than the 1 s body read timeout, but never stalled
      drip(slow, body, 100);
      Raw.Response answer = slow.read();
      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }
  }

  @Test
  void aConnectionThatSaysNothingIsLeftToTheIdleTimeoutAndStillServed() {
    try (Raw quiet = new Raw(hub)) {
      assertThat(quiet.closedWithin(2_000)).isFalse();
      assertThat(quiet.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
    }
  }
}
