package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium for the report's tests: {@code --dump-dom} and screenshots from the command
 * line, and the DevTools protocol (over a WebSocket) for what the command line cannot do, such as
 * loading a page with script off. {@link #find()} skips a test when Chromium is absent on a
 * developer's machine and fails it when it is absent in CI ({@code CI} set).
 */
final class Chromium {
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path binary;
  private final Path dir;

  private Chromium(Path binary, Path dir) {
    this.binary = binary;
    this.dir = dir;
  }

  /** Chromium, working in {@code dir}; the test is skipped (or, in CI, failed) without it. */
  static Chromium find(Path dir) {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return new Chromium(Path.of(candidate), dir);
      }
    }
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank()) {
      throw new AssertionError("CI is set but Chromium is missing: install it (apt-get install -y chromium)");
    }
    Assumptions.abort("Chromium is not installed (apt-get install -y chromium); CI is unset, so skipped");
    throw new AssertionError("unreachable");
  }

  /** Runs Chromium with these arguments and returns what it printed on stdout. */
  String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + dir.resolve("profile"));
    command.addAll(Arrays.asList(args));
    Path out = dir.resolve("chromium.out");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + command);
    }
    assertEquals(0, process.exitValue(), () -> "chromium failed: " + read(dir.resolve("chromium.err")));
    return read(out);
  }

  /**
   * The DOM of {@code url} once loaded, as the browser built it, read over the DevTools protocol
   * ({@code DOM.getOuterHTML}, which needs no script); with {@code script} false the page's
   * scripts do not run ({@code Emulation.setScriptExecutionDisabled}), as for a reader with
   * JavaScript off.
   */
  String dom(String url, boolean script) throws Exception {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(FLAGS);
    command.addAll(List.of("--user-data-dir=" + dir.resolve("devtools-profile"), "--remote-debugging-port=0", "about:blank"));
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    OkHttpClient http = new OkHttpClient();
    try {
      String endpoint = endpoint(process);
      try (Session browser = new Session(http, endpoint)) {
        String target = browser.call(null, "Target.createTarget", params().put("url", "about:blank")).path("targetId").asString();
        String session = browser.call(null, "Target.attachToTarget", params().put("targetId", target).put("flatten", true))
            .path("sessionId").asString();
        if (!script) {
          browser.call(session, "Emulation.setScriptExecutionDisabled", params().put("value", true));
        }
        browser.call(session, "Page.enable", params());
        browser.call(session, "Page.navigate", params().put("url", url));
        browser.event(session, "Page.loadEventFired");
        int root = browser.call(session, "DOM.getDocument", params()).path("root").path("nodeId").asInt();
        return browser.call(session, "DOM.getOuterHTML", params().put("nodeId", root)).path("outerHTML").asString();
      }
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The browser's DevTools WebSocket address, which Chromium prints on stderr once it listens. */
  private static String endpoint(Process process) throws Exception {
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      Pattern listening = Pattern.compile("DevTools listening on (ws://\\S+)");
      try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = err.readLine()) != null; ) { // read on, so that the pipe never fills
          Matcher m = listening.matcher(line);
          if (m.find()) {
            found.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        found.completeExceptionally(e);
      }
      found.completeExceptionally(new AssertionError("chromium ended without a DevTools address"));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return found.get(60, TimeUnit.SECONDS);
  }

  private static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** One DevTools connection: numbered calls and their answers, and the events in between. */
  private static final class Session implements AutoCloseable {
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final WebSocket socket;
    private int next = 1;

    Session(OkHttpClient http, String endpoint) {
      socket = http.newWebSocket(new Request.Builder().url(endpoint.replaceFirst("^ws:", "http:")).build(), new WebSocketListener() {
        @Override
        public void onMessage(WebSocket webSocket, String text) {
          inbox.add(JSON.readTree(text));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, okhttp3.Response response) {
          inbox.add(JSON.createObjectNode().put("failure", String.valueOf(t)));
        }
      });
    }

    JsonNode call(@org.jspecify.annotations.Nullable String session, String method, ObjectNode params) throws InterruptedException {
      int id = next++;
      ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
      message.set("params", params);
      if (session != null) {
        message.put("sessionId", session);
      }
      socket.send(message.toString());
      JsonNode answer = await(m -> m.path("id").asInt(-1) == id, method);
      if (answer.has("error")) {
        throw new AssertionError(method + " failed: " + answer.get("error"));
      }
      return answer.path("result");
    }

    void event(String session, String method) throws InterruptedException {
      await(m -> method.equals(m.path("method").asString("")) && session.equals(m.path("sessionId").asString("")), method);
    }

    private JsonNode await(java.util.function.Predicate<JsonNode> wanted, String what) throws InterruptedException {
      for (Iterator<JsonNode> it = seen.iterator(); it.hasNext(); ) {
        JsonNode m = it.next();
        if (wanted.test(m)) {
          it.remove();
          return m;
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        JsonNode m = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (m == null) {
          throw new AssertionError("no answer from chromium to " + what);
        }
        if (m.has("failure")) {
          throw new AssertionError("the DevTools connection failed during " + what + ": " + m.get("failure"));
        }
        if (wanted.test(m)) {
          return m;
        }
        seen.add(m);
      }
    }

    @Override
    public void close() {
      socket.close(1000, "done");
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
