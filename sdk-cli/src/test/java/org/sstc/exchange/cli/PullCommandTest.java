package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.hub.SstcHub;

/** {@code sstc pull} against hubs that misbehave, and against the real hub with awkward ids. */
class PullCommandTest {
  @TempDir Path dir;

  private final MockWebServer server = new MockWebServer();
  private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

  @AfterEach
  void stop() {
    server.close();
    HubOptions.environment = System::getenv;
  }

  static String initiativeJson(String id) {
    try (InputStream in = PullCommandTest.class.getResourceAsStream("/fixtures/initiative-minimal.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("XM-DAC-41301-SSTC-2023-0007", id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String created(long sequence, String eventId, String recordId) {
    return "{\"sequence\":" + sequence + ",\"type\":\"created\",\"recordType\":\"initiative\",\"id\":\""
        + eventId + "\",\"version\":1,\"at\":\"2024-05-02T09:30:00Z\",\"record\":"
        + initiativeJson(recordId) + "}";
  }

  private static String created(long sequence) {
    String id = "XM-DAC-41301-E" + sequence;
    return created(sequence, id, id);
  }

  private static MockResponse page(String next, String... events) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"events\":[" + String.join(",", events) + "],\"next\":\"" + next + "\"}").build();
  }

  /** A hub whose every answer to GET /changes is {@code answer(since, limit)}. */
  private String hostileHub(Function<RecordedRequest, MockResponse> answer) throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        return answer.apply(request);
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getPort();
  }

  private static @Nullable String since(RecordedRequest request) {
    return request.getUrl().queryParameter("since");
  }

  private Path cursorFile(Path out) {
    return out.resolve(PullCommand.CURSOR_FILE);
  }

  @Test
  void anEndlessFeedStopsAtMaxEventsWithTheCursorOfTheLastPageApplied() throws Exception {
    AtomicLong sequence = new AtomicLong();
    String hub = hostileHub(request -> {
      int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
      String[] events = new String[limit];
      for (int i = 0; i < limit; i++) {
        events[i] = created(sequence.incrementAndGet());
      }
      return page(Long.toString(sequence.get()), events);
    });
    Path out = dir.resolve("mirror");

    CliRun run = CliRun.sstc("pull", "--hub", hub, "--out", out.toString(), "--max-events", "450");

    assertEquals(0, run.status, run::toString);
    assertTrue(run.out.startsWith("pulled 450 changes"), run::toString);
    assertTrue(run.err.contains("stopped after 450 events (--max-events 450)"), run::toString);
    assertEquals("450", Files.readString(cursorFile(out)));
    try (Stream<Path> files = Files.list(out.resolve("initiatives"))) {
      assertEquals(450, files.count());
    }
  }

  @Test
  void aCursorThatGoesBackwardsIsRefusedAndNotSaved() throws Exception {
    String hub = hostileHub(request -> "5".equals(since(request))
        ? page("2", created(6))
        : page("9"));
    Path out = dir.resolve("mirror");
    Files.createDirectories(out);
    Files.writeString(cursorFile(out), "5");

    CliRun run = CliRun.sstc("pull", "--hub", hub, "--out", out.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("next cursor 2 goes back from 5"), run::toString);
    assertTrue(run.err.contains("the cursor stays at 5"), run::toString);
    assertEquals("5", Files.readString(cursorFile(out)));
    assertFalse(Files.exists(out.resolve("initiatives/XM-DAC-41301-E6.json")), "nothing of the page is applied");
  }

  @Test
  void aPageSeenTwiceIsRefusedAndItsEventsAreNotAppliedAgain() throws Exception {
    // The hub answers every cursor with the same two events, moving the cursor on each time.
    AtomicLong calls = new AtomicLong();
    String hub = hostileHub(request -> page(Long.toString(10 + calls.incrementAndGet()), created(1), created(2)));
    Path out = dir.resolve("mirror");

    CliRun run = CliRun.sstc("pull", "--hub", hub, "--out", out.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("event 1 after event 2"), run::toString);
    assertTrue(run.out.startsWith("pulled 2 changes"), run::toString);
    assertEquals("11", Files.readString(cursorFile(out)), "the cursor of the first page, the one applied");
  }

  @Test
  void aPageThatDoesNotMoveTheCursorIsRefused() throws Exception {
    String hub = hostileHub(request -> page("1", created(1)));
    Path out = dir.resolve("mirror");

    CliRun run = CliRun.sstc("pull", "--hub", hub, "--out", out.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("did not move the cursor"), run::toString);
    assertEquals(2, requests.size(), "no loop on the same page");
  }

  @Test
  void anEventWhoseRecordHasAnotherIdIsRefusedAndNothingIsWritten() throws Exception {
    String victim = "XM-DAC-41114-VICTIM";
    Path out = dir.resolve("mirror");
    Files.createDirectories(out.resolve("initiatives"));
    Files.writeString(out.resolve("initiatives").resolve(victim + ".json"), "the victim's own record\n");
    String hub = hostileHub(request -> page("3", created(3, victim, "XM-DAC-41301-ATTACKER")));

    CliRun run = CliRun.sstc("pull", "--hub", hub, "--out", out.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("for initiative 'XM-DAC-41114-VICTIM' with the record of initiative 'XM-DAC-41301-ATTACKER'"),
        run::toString);
    assertEquals("the victim's own record\n", Files.readString(out.resolve("initiatives").resolve(victim + ".json")));
    assertFalse(Files.exists(cursorFile(out)), "no cursor saved");
  }

  @Test
  void noTokenIsSentOnReadsUnlessAskedFor() throws Exception {
    HubOptions.environment = name -> name.equals(HubOptions.TOKEN_VARIABLE) ? "read-secret" : System.getenv(name);
    String hub = hostileHub(request -> page("0"));
    Path out = dir.resolve("mirror");

    CliRun plain = CliRun.sstc("pull", "--hub", hub, "--out", out.toString());
    CliRun asked = CliRun.sstc("pull", "--hub", hub, "--out", out.toString(), "--send-token");

    assertEquals(0, plain.status, plain::toString);
    assertEquals(0, asked.status, asked::toString);
    List<RecordedRequest> seen = List.copyOf(requests);
    assertEquals(2, seen.size());
    assertNull(seen.get(0).getHeaders().get("Authorization"));
    assertEquals("Bearer read-secret", seen.get(1).getHeaders().get("Authorization"));
  }

  @Test
  void aRecordWithA300CharacterIdIsMirroredUnderAShortStableName() throws Exception {
    String reference = "SSTC-" + "a".repeat(140) + ":" + "b".repeat(141);
    String id = "XM-DAC-41301-" + reference;
    assertEquals(300, id.length());
    try (SstcHub hub = SstcHub.builder().token("XM-DAC-41301", "fao-secret").build().start();
        SstcClient client = SstcClient.builder().baseUrl(hub.baseUrl()).token("fao-secret").build()) {
      SstcJson json = SstcJson.standard();
      client.initiatives().create(json.read(initiativeJson(id).getBytes(StandardCharsets.UTF_8), Initiative.class));
      client.initiatives().create(json.read(initiativeJson("XM-DAC-41301-SHORT").getBytes(StandardCharsets.UTF_8),
          Initiative.class));
      Path out = dir.resolve("mirror");

      CliRun first = CliRun.sstc("pull", "--hub", hub.baseUrl().toString(), "--out", out.toString());
      assertEquals(0, first.status, first::toString);
      assertTrue(first.out.startsWith("pulled 2 changes"), first::toString);

      List<Path> files;
      try (Stream<Path> listed = Files.list(out.resolve("initiatives"))) {
        files = listed.sorted().toList();
      }
      assertEquals(2, files.size(), files::toString);
      Path long1 = files.stream().filter(file -> file.getFileName().toString().contains("~")).findFirst().orElseThrow();
      String name = long1.getFileName().toString();
      assertTrue(name.length() <= PullCommand.MAX_NAME, name);
      assertTrue(name.startsWith("XM-DAC-41301-SSTC-aaaa"), name);
      assertTrue(Files.readString(long1).contains(id), "the id is in the file");
      assertTrue(Files.exists(out.resolve("initiatives/XM-DAC-41301-SHORT.json")), files::toString);

      // A second mirror names it the same: the name is stable.
      Path other = dir.resolve("other");
      CliRun again = CliRun.sstc("pull", "--hub", hub.baseUrl().toString(), "--out", other.toString());
      assertEquals(0, again.status, again::toString);
      assertTrue(Files.exists(other.resolve("initiatives").resolve(name)), again::toString);
    }
  }

  @Test
  void fileNamesNeverEscapeTheFolderNorGrowPastTheLimit() {
    for (String id : List.of("..", ".hidden", "a/../../etc", "XM-DAC-1-" + "é".repeat(200), "XM-DAC-1-" + "%".repeat(200),
        "XM-DAC-1-" + "x".repeat(500), "C:\\windows")) {
      String name = PullCommand.fileName(id);
      assertTrue(name.length() <= PullCommand.MAX_NAME, name);
      assertFalse(name.startsWith("."), name);
      assertFalse(name.contains("/") || name.contains("\\") || name.contains(":"), name);
      assertEquals(name, PullCommand.fileName(id), "stable");
    }
    assertEquals("XM-DAC-41301-1.json", PullCommand.fileName("XM-DAC-41301-1"));
    assertFalse(PullCommand.fileName("XM-DAC-1-" + "x".repeat(500))
        .equals(PullCommand.fileName("XM-DAC-1-" + "x".repeat(501))), "long ids that differ get different names");
  }

  @Test
  void opaqueCursorsAreSavedAsGivenAndNeverCalledBackwards() {
    assertTrue(FeedGuard.isBackwards("10", "9"));
    assertFalse(FeedGuard.isBackwards("10", "10"));
    assertFalse(FeedGuard.isBackwards("hub-a.10", "hub-a.9"), "an opaque cursor has no order here");
  }
}
