package org.sstc.exchange.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeFeedTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String created(long sequence) {
    return "{\"sequence\":" + sequence + ",\"type\":\"created\",\"recordType\":\"initiative\",\"id\":\""
        + Fixtures.id() + "\",\"version\":1,\"at\":\"2024-05-02T09:30:00Z\",\"record\":"
        + Fixtures.initiativeJson() + "}";
  }

  private static String deleted(long sequence) {
    return "{\"sequence\":" + sequence + ",\"type\":\"deleted\",\"recordType\":\"initiative\",\"id\":\""
        + Fixtures.id() + "\",\"version\":2,\"at\":\"2024-05-03T09:30:00Z\"}";
  }

  private static MockResponse page(String next, String... events) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"events\":[" + String.join(",", events) + "],\"next\":\"" + next + "\"}").build();
  }

  @Test
  void aConsumerThatCrashesResumesFromItsStoreAndSeesEveryEventOnce(@TempDir Path dir) throws Exception {
    CursorStore store = CursorStore.inFile(dir.resolve("cursor"));
    List<String> applied = new ArrayList<>();
    server.enqueue(page("2", created(1), deleted(2)));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThatThrownBy(() -> client.changes().follow(store, change -> {
        if (change.type() == ChangeType.DELETED) {
          throw new IllegalStateException("crash while applying");
        }
        applied.add(change.type() + "@" + change.sequence());
      })).hasMessage("crash while applying");
      assertThat(store.load()).hasValue("1");

      server.enqueue(page("2", deleted(2)));
      server.enqueue(page("2"));
      CursorStore restarted = CursorStore.inFile(dir.resolve("cursor"));
      long count = client.changes().follow(restarted, change -> applied.add(change.type() + "@" + change.sequence()));
      assertThat(count).isEqualTo(1);
      assertThat(restarted.load()).hasValue("2");
    }
    assertThat(applied).containsExactly("CREATED@1", "DELETED@2");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().queryParameter("since")).isNull();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().queryParameter("since")).isEqualTo("1");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().queryParameter("since")).isEqualTo("2");
  }

  @Test
  void sinceReadsUntilCaughtUp() {
    server.enqueue(page("1", created(1)));
    server.enqueue(page("2", deleted(2)));
    server.enqueue(page("2"));
    try (SstcClient client = Fixtures.client(server).build()) {
      List<Change> changes = client.changes().since("0").toList();
      assertThat(changes).extracting(Change::sequence).containsExactly(1L, 2L);
      assertThat(changes.get(0).record()).isPresent();
      assertThat(changes.get(1).record()).isEmpty();
      assertThat(changes.get(1).cursor()).isEqualTo("2");
    }
  }

  @Test
  void theFileStoreStartsEmptyAndKeepsTheLastCursor(@TempDir Path dir) {
    CursorStore store = CursorStore.inFile(dir.resolve("sub/cursor"));
    assertThat(store.load()).isEmpty();
    store.save("41");
    store.save("42");
    assertThat(CursorStore.inFile(dir.resolve("sub/cursor")).load()).hasValue("42");
    assertThat(dir.resolve("sub").toFile().list()).containsExactly("cursor");
  }
}
