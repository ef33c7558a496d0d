package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fault test, against the timeouts and limits as shipped: 200 connections send their
 * heads or bodies a byte a second for 30 s (a connection the hub cuts is opened again at once)
 * while another client's requests are all answered within 1 s.
 */
class SlowClientsIT {
  private static final int SLOW = 200;
  private static final long RUN_MILLIS = 30_000;

  /** A slow client: a preamble sent at once, then a byte a second of a head or a body that never ends. */
  private static final class Slow {
    final boolean body;
    final int port;
    Socket socket;
    OutputStream out;
    int reconnects;

    Slow(boolean body, int port) throws IOException {
      this.body = body;
      this.port = port;
      connect();
    }

    void connect() throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      out = socket.getOutputStream();
      String preamble = body
          ? "POST /initiatives HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Wire.FAO_TOKEN
              + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
          : "GET /codelists HTTP/1.1\r\nHost: x\r\n";
      out.write(preamble.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    void tick() {
      try {
        out.write(body ? ' ' : 'X');
        out.flush();
      } catch (IOException cut) {
        reconnects++;
        close();
        try {
          connect();
        } catch (IOException e) {
          // the next tick tries again
        }
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closed
      }
    }
  }

  @Test
  void twoHundredSlowClientsDoNotDelayAnotherClient() throws Exception {
    try (SstcHub hub = SstcHub.builder().token(Wire.FAO, Wire.FAO_TOKEN).build().start()) {
      Wire wire = new Wire(hub);
      assertThat(wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-IT0")).statusCode()).isEqualTo(201);
      List<Slow> slow = new ArrayList<>();
      for (int i = 0; i < SLOW; i++) {
        slow.add(new Slow(i % 2 == 1, hub.port()));
      }
      AtomicBoolean running = new AtomicBoolean(true);
      Thread dripper = new Thread(() -> {
        while (running.get()) {
          slow.forEach(Slow::tick);
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "slow-clients");
      dripper.setDaemon(true);
      dripper.start();

      long worst = 0;
      AtomicInteger answered = new AtomicInteger();
      long end = System.currentTimeMillis() + RUN_MILLIS;
      int n = 0;
      while (System.currentTimeMillis() < end) {
        long began = System.nanoTime();
        HttpResponse<String> response = n % 2 == 0
            ? wire.get("/initiatives/XM-DAC-41301-IT0")
            : wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-IT" + (n + 1)));
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertThat(response.statusCode()).isIn(200, 201);
        worst = Math.max(worst, millis);
        answered.incrementAndGet();
        n++;
        Thread.sleep(50);
      }
      running.set(false);
      dripper.join(5_000);
      int reconnects = slow.stream().mapToInt(s -> s.reconnects).sum();
      slow.forEach(Slow::close);
      System.out.println("SlowClientsIT: " + answered.get() + " requests answered while " + SLOW
          + " clients were slow; worst " + worst + " ms; slow clients cut and reconnected " + reconnects + " times");
      assertThat(worst).as("the worst latency of the other client, ms").isLessThan(1_000);
      // the slow heads were cut at the 10 s header timeout (and reconnected), the bodies never stalled
      assertThat(reconnects).isGreaterThanOrEqualTo(SLOW / 2);
    }
  }
}
