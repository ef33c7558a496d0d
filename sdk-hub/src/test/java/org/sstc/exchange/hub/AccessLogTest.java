package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** One line per request, through System.Logger (here the JDK's logging): never a token or a body. */
class AccessLogTest {
  @Test
  void aLinePerRequestWithoutTokensOrBodies() {
    Logger access = Logger.getLogger("org.sstc.exchange.hub.access");
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    access.addHandler(capture);
    access.setLevel(Level.INFO);
    try (SstcHub hub = SstcHub.builder().token(Wire.FAO, Wire.FAO_TOKEN).accessLog(true).build().start()) {
      Wire wire = new Wire(hub);
      assertThat(wire.write("POST", "/initiatives", Wire.initiative("XM-DAC-41301-LOG1"), "X-Request-Id", "req-42")
          .statusCode()).isEqualTo(201);
      wire.send("GET", "/initiatives?limit=5&token=" + Wire.FAO_TOKEN, null,
          "Authorization", "Bearer " + Wire.FAO_TOKEN);
      long deadline = System.currentTimeMillis() + 5_000;
      while (lines.size() < 2 && System.currentTimeMillis() < deadline) {
        Thread.onSpinWait();
      }
    } finally {
      access.removeHandler(capture);
    }
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("127.0.0.1 \"POST /initiatives\" 201 ").contains(" req-42").containsPattern(" [0-9]+ms ");
    assertThat(lines.get(1)).contains("\"GET /initiatives?limit=5&token=***\" 400 ");
    assertThat(String.join("\n", lines)).doesNotContain(Wire.FAO_TOKEN).doesNotContain("XM-DAC-41301-LOG1\",");
  }

  @Test
  void offByDefault() {
    Logger access = Logger.getLogger("org.sstc.exchange.hub.access");
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    access.addHandler(capture);
    try (SstcHub hub = SstcHub.builder().build().start()) {
      new Wire(hub).get("/codelists");
    } finally {
      access.removeHandler(capture);
    }
    assertThat(lines).isEmpty();
  }
}
