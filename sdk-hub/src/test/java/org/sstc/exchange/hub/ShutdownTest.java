package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** close(): stop accepting, let the requests in flight finish, then stop. */
class ShutdownTest {
  @Test
  void aRequestInFlightCompletesWhileCloseRunsAndNewConnectionsAreRefused() throws Exception {
    SstcHub hub = SstcHub.builder().token(Wire.FAO, Wire.FAO_TOKEN).shutdownGracePeriod(Duration.ofSeconds(10))
        .build().start();
    int port = hub.port();
    // warm the validator, so that the in-flight request is slow only because its client is
    assertThat(new Wire(hub).write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-S0")).statusCode()).isEqualTo(201);
    byte[] body = Wire.initiative("XM-DAC-41301-S1").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (Raw inFlight = new Raw(hub)) {
      inFlight.send("POST /initiatives HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Wire.FAO_TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .send(java.util.Arrays.copyOfRange(body, 0, 10));
      Thread.sleep(300); // the hub has the request's head
      CompletableFuture<Void> closing = CompletableFuture.runAsync(hub::close);
      Thread.sleep(500);
      assertThat(closing).isNotDone();
      assertThatThrownBy(() -> new Socket(java.net.InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(IOException.class);
      inFlight.send(java.util.Arrays.copyOfRange(body, 10, body.length));
      Raw.Response answer = inFlight.read();
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      closing.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void withoutRequestsInFlightCloseIsQuick() {
    SstcHub hub = SstcHub.builder().build().start();
    new Wire(hub).get("/codelists");
    long began = System.nanoTime();
    hub.close();
    assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(5_000);
  }
}
