package org.sstc.exchange.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 proxy in front of a hub (or any HTTP server) that misbehaves the way real
 * networks and busy hubs do, so that a test can prove its client's retries: it loses answers after
 * the hub has acted on the request, cuts connections in the middle of an answer's body, answers
 * {@code 429} or {@code 503} with {@code Retry-After} without forwarding, and delays answers.
 *
 * <pre>{@code
 * try (FaultyProxy proxy = FaultyProxy.builder(HUB.hub().baseUrl())
 *         .dropResponses(0.2)
 *         .seed(42)
 *         .build();
 *     SstcClient client = SstcClient.builder()
 *         .baseUrl(proxy.baseUrl()).token(HUB.token(ORG)).build()) {
 *   for (Initiative initiative : initiatives) {
 *     client.initiatives().create(initiative);
 *   }
 *   assertEquals(initiatives.size(), HUB.hub().recordCount()); // no duplicates, none lost
 *   assertTrue(proxy.dropped() > 0);
 * }
 * }</pre>
 *
 * <p>Each request draws one number from a {@link Random} seeded with {@link Builder#seed(long)}
 * and gets at most one of the faults (failing, dropping, cutting), by the shares given; a delay
 * is drawn separately. With one client sending one request at a time, the same seed gives the
 * same faults in the same order on every run; concurrent requests draw in the order they arrive.
 * The counters say what the proxy did.
 *
 * <p>It serves one request per connection ({@code Connection: close} both ways), reads each request
 * whole before forwarding it (bodies with {@code Content-Length} or chunked), and listens on
 * 127.0.0.1 only. It is a test tool: it is not meant for large bodies or many clients.
 *
 * @since 1.1
 */
public final class FaultyProxy implements AutoCloseable {
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 512 * 1024 * 1024;

  private final URI target;
  private final double failShare;
  private final int failStatus;
  private final Duration retryAfter;
  private final double dropShare;
  private final double cutShare;
  private final double delayShare;
  private final Duration delay;
  private final Random random;
  private final ServerSocket server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger cut = new AtomicInteger();
  private final AtomicInteger delayed = new AtomicInteger();
  private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "sstc-faulty-proxy");
    thread.setDaemon(true);
    return thread;
  });

  private FaultyProxy(Builder builder) {
    this.target = builder.target;
    this.failShare = builder.failShare;
    this.failStatus = builder.failStatus;
    this.retryAfter = builder.retryAfter;
    this.dropShare = builder.dropShare;
    this.cutShare = builder.cutShare;
    this.delayShare = builder.delayShare;
    this.delay = builder.delay;
    this.random = builder.seed == null ? new Random() : new Random(builder.seed);
    try {
      this.server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1 for the proxy: " + e.getMessage(), e);
    }
    workers.execute(this::acceptLoop);
  }

  /**
   * A builder for a proxy in front of {@code target}, which by default forwards everything
   * faithfully; each setter adds a fault.
   *
   * @param target the base URL of the server behind the proxy, {@code http://HOST:PORT} (for a
   *     hub, {@code hub.baseUrl()})
   * @return a new builder
   * @throws IllegalArgumentException if {@code target} is not an {@code http} URL with a host
   */
  public static Builder builder(URI target) {
    Objects.requireNonNull(target, "target");
    if (!"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
      throw new IllegalArgumentException("the proxy forwards to plain http://HOST:PORT URLs, not " + target
          + "; pass the hub's baseUrl()");
    }
    return new Builder(target);
  }

  /**
   * The URL to give the client instead of the target's: {@code http://127.0.0.1:PORT}.
   *
   * @return the proxy's base URL
   */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * Requests received whole from clients.
   *
   * @return the count so far
   */
  public int requests() {
    return requests.get();
  }

  /**
   * Requests forwarded to the target (those dropped or cut included: the target acted on them).
   *
   * @return the count so far
   */
  public int forwarded() {
    return forwarded.get();
  }

  /**
   * Requests answered with the {@linkplain Builder#failWith(int, Duration, double) failure status}
   * and never forwarded.
   *
   * @return the count so far
   */
  public int failed() {
    return failed.get();
  }

  /**
   * Requests forwarded whose answer the client never got: the connection was closed instead.
   *
   * @return the count so far
   */
  public int dropped() {
    return dropped.get();
  }

  /**
   * Requests forwarded whose answer was cut: the client got the status line, the headers and part
   * of the body, then the connection closed.
   *
   * @return the count so far
   */
  public int cut() {
    return cut.get();
  }

  /**
   * Answers held back by the {@linkplain Builder#delayResponses(Duration, double) delay}.
   *
   * @return the count so far
   */
  public int delayed() {
    return delayed.get();
  }

  /** Stops listening and closes every connection it holds; calling it again does nothing. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing a listening socket: nothing to do about a failure
    }
    workers.shutdownNow();
  }

  /** The target, the faults and the counters; no request content. */
  @Override
  public String toString() {
    return "FaultyProxy[" + baseUrl() + " -> " + target + ", requests=" + requests + ", forwarded=" + forwarded
        + ", failed=" + failed + ", dropped=" + dropped + ", cut=" + cut + ", delayed=" + delayed + "]";
  }

  private enum Fault { NONE, FAIL, DROP, CUT }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        workers.execute(() -> handle(client));
      } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
        return; // closed
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      client.setSoTimeout(30_000);
      InputStream fromClient = client.getInputStream();
      String head = readHead(fromClient);
      if (head == null) {
        return;
      }
      byte[] body = readBody(head, fromClient);
      requests.incrementAndGet();
      Fault fault;
      boolean slow;
      synchronized (random) {
        double draw = random.nextDouble();
        fault = draw < failShare ? Fault.FAIL
            : draw < failShare + dropShare ? Fault.DROP
            : draw < failShare + dropShare + cutShare ? Fault.CUT
            : Fault.NONE;
        slow = delayShare > 0 && random.nextDouble() < delayShare;
      }
      OutputStream toClient = client.getOutputStream();
      if (fault == Fault.FAIL) {
        pause(slow);
        failed.incrementAndGet();
        toClient.write(failure());
        toClient.flush();
        return;
      }
      byte[] response = forward(head, body);
      forwarded.incrementAndGet();
      pause(slow);
      if (fault == Fault.DROP) {
        dropped.incrementAndGet();
        return; // the target has done the work; the client never hears of it
      }
      if (fault == Fault.CUT) {
        cut.incrementAndGet();
        int bodyStart = indexOfBlankLine(response);
        int keep = bodyStart < 0 ? response.length / 2 : bodyStart + (response.length - bodyStart) / 2;
        toClient.write(response, 0, keep);
        toClient.flush();
        client.setSoLinger(true, 0); // a reset, not an orderly end: the body stops mid-way
        return;
      }
      toClient.write(response);
      toClient.flush();
    } catch (IOException e) {
      // a client that gave up, or the target closing early: the client sees a closed connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the proxy is closing
    }
  }

  private void pause(boolean slow) throws InterruptedException {
    if (slow) {
      delayed.incrementAndGet();
      Thread.sleep(delay.toMillis());
    }
  }

  private byte[] forward(String head, byte[] body) throws IOException {
    int port = target.getPort() == -1 ? 80 : target.getPort();
    try (Socket hub = new Socket(target.getHost(), port)) {
      hub.setSoTimeout(120_000);
      OutputStream toHub = hub.getOutputStream();
      toHub.write(rewritten(head, body.length).getBytes(StandardCharsets.ISO_8859_1));
      toHub.write(body);
      toHub.flush();
      return hub.getInputStream().readAllBytes(); // the target closes after answering
    }
  }

  private byte[] failure() {
    long seconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
    String reason = failStatus == 429 ? "Too Many Requests" : failStatus == 503 ? "Service Unavailable" : "Error";
    byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + failStatus
        + ",\"detail\":\"a fault injected by FaultyProxy: try again after " + seconds + " s\"}")
        .getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + failStatus + " " + reason + "\r\n"
        + "Content-Type: application/problem+json\r\n"
        + "Retry-After: " + seconds + "\r\n"
        + "Content-Length: " + problem.length + "\r\n"
        + "Connection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + problem.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(problem, 0, all, headBytes.length, problem.length);
    return all;
  }

  /** Reads up to and including the blank line that ends the head; null at end of stream. */
  private static @Nullable String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("request head too large");
      }
    }
    return null;
  }

  private static byte[] readBody(String head, InputStream in) throws IOException {
    String length = header(head, "content-length");
    String encoding = header(head, "transfer-encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return readChunked(in);
    }
    if (length == null) {
      return new byte[0];
    }
    long declared = Long.parseLong(length);
    if (declared < 0 || declared > MAX_BODY_BYTES) {
      throw new IOException("request body of " + declared + " bytes is beyond the proxy's limit");
    }
    byte[] body = in.readNBytes((int) declared);
    if (body.length != declared) {
      throw new IOException("the client sent less than its Content-Length");
    }
    return body;
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      if (size == 0) {
        while (!readLine(in).isEmpty()) {
          // trailers: dropped
        }
        return body.toByteArray();
      }
      if (body.size() + (long) size > MAX_BODY_BYTES) {
        throw new IOException("chunked request body beyond the proxy's limit");
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new IOException("the client closed in the middle of a chunk");
      }
      body.write(chunk);
      readLine(in); // the CRLF after the chunk
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) b);
      if (line.length() > MAX_HEAD_BYTES) {
        throw new IOException("chunk line too long");
      }
    }
    throw new IOException("the client closed in the middle of a chunked body");
  }

  private static @Nullable String header(String head, String name) {
    for (String line : lines(head)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  /** The head with a Content-Length for the whole body and {@code Connection: close}. */
  private static String rewritten(String head, int bodyLength) {
    StringBuilder out = new StringBuilder();
    List<String> lines = lines(head);
    String requestLine = lines.get(0);
    out.append(requestLine).append("\r\n");
    for (String line : lines.subList(1, lines.size())) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("connection:") && !lower.startsWith("content-length:")
          && !lower.startsWith("transfer-encoding:") && !lower.startsWith("keep-alive:")) {
        out.append(line).append("\r\n");
      }
    }
    boolean hasBody = bodyLength > 0 || (!requestLine.startsWith("GET ") && !requestLine.startsWith("HEAD "));
    if (hasBody) {
      out.append("Content-Length: ").append(bodyLength).append("\r\n");
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  /** The head's lines without their CRLF, the blank line that ends the head left out. */
  private static List<String> lines(String head) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int end = head.indexOf("\r\n"); end >= 0; end = head.indexOf("\r\n", from)) {
      if (end > from) {
        lines.add(head.substring(from, end));
      }
      from = end + 2;
    }
    if (from < head.length()) {
      lines.add(head.substring(from));
    }
    return lines;
  }

  private static int indexOfBlankLine(byte[] response) {
    for (int i = 3; i < response.length; i++) {
      if (response[i - 3] == '\r' && response[i - 2] == '\n' && response[i - 1] == '\r' && response[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Configures a {@link FaultyProxy}. The shares of {@link #failWith}, {@link #dropResponses} and
   * {@link #cutResponses} are of all requests and together at most 1.
   */
  public static final class Builder {
    private final URI target;
    private double failShare;
    private int failStatus = 503;
    private Duration retryAfter = Duration.ZERO;
    private double dropShare;
    private double cutShare;
    private double delayShare;
    private Duration delay = Duration.ZERO;
    private @Nullable Long seed;

    private Builder(URI target) {
      this.target = target;
    }

    /**
     * Answers {@code share} of the requests with {@code status} and {@code Retry-After} (whole
     * seconds, rounded up) without forwarding them: the target never sees them.
     *
     * @param status {@code 429}, or a 5xx status such as {@code 503}
     * @param retryAfter what {@code Retry-After} says, zero or more
     * @param share between 0 and 1
     * @return this builder
     * @throws IllegalArgumentException for another status, a negative wait or a share out of range
     */
    public Builder failWith(int status, Duration retryAfter, double share) {
      if (status != 429 && (status < 500 || status > 599)) {
        throw new IllegalArgumentException("failWith takes 429 or a 5xx status (503 is the usual one), not " + status);
      }
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("Retry-After cannot be negative: " + retryAfter);
      }
      this.failStatus = status;
      this.retryAfter = retryAfter;
      this.failShare = share(share, "failWith");
      return this;
    }

    /**
     * Forwards {@code share} of the requests, waits for the whole answer (so the target has acted),
     * then closes the client's connection without answering: the fault a client cannot tell apart
     * from a request that never arrived, which idempotency keys are for.
     *
     * @param share between 0 and 1
     * @return this builder
     * @throws IllegalArgumentException for a share out of range
     */
    public Builder dropResponses(double share) {
      this.dropShare = share(share, "dropResponses");
      return this;
    }

    /**
     * Forwards {@code share} of the requests and sends the client the status line, the headers and
     * half of the answer's body, then resets the connection.
     *
     * @param share between 0 and 1
     * @return this builder
     * @throws IllegalArgumentException for a share out of range
     */
    public Builder cutResponses(double share) {
      this.cutShare = share(share, "cutResponses");
      return this;
    }

    /**
     * Holds back {@code share} of the answers (failures included) by {@code delay}, after the
     * target has answered: for read timeouts and deadlines.
     *
     * @param delay how long, zero or more
     * @param share between 0 and 1, drawn independently of the other faults
     * @return this builder
     * @throws IllegalArgumentException for a negative delay or a share out of range
     */
    public Builder delayResponses(Duration delay, double share) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("the delay cannot be negative: " + delay);
      }
      this.delay = delay;
      this.delayShare = share(share, "delayResponses");
      return this;
    }

    /**
     * Seeds the random draws, so that a failing test fails the same way again; without a seed
     * every run draws differently.
     *
     * @param seed any number
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Starts the proxy on a free port of 127.0.0.1.
     *
     * @return the running proxy; close it after the test
     * @throws IllegalArgumentException if the shares of the faults add up to more than 1
     * @throws UncheckedIOException if it cannot listen
     */
    public FaultyProxy build() {
      if (failShare + dropShare + cutShare > 1.0 + 1e-9) {
        throw new IllegalArgumentException("failWith, dropResponses and cutResponses share the requests: their shares ("
            + failShare + " + " + dropShare + " + " + cutShare + ") add up to more than 1");
      }
      return new FaultyProxy(this);
    }

    private static double share(double share, String setter) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(setter + " takes a share between 0 and 1 (0.2 is one in five), not " + share);
      }
      return share;
    }
  }
}
