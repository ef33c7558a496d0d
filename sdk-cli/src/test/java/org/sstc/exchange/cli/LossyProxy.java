package org.sstc.exchange.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 proxy that loses responses (the idea of sdk-testkit's test DroppingProxy):
 * it forwards each request to the hub, reads the hub's whole answer (so the write has happened),
 * and for a share of the requests closes the client's connection instead of answering. A client
 * cannot tell that from a request that never arrived; idempotency keys exist for it.
 *
 * <p>One request per connection ({@code Connection: close} both ways) keeps the framing simple.
 * Request bodies may carry a {@code Content-Length} or be chunked (a streamed bulk upload is); a
 * chunked body is forwarded as it came.
 */
final class LossyProxy implements AutoCloseable {
  private final ServerSocket server;
  private final URI target;
  private final double dropShare;
  private final Random random;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "lossy-proxy");
    thread.setDaemon(true);
    return thread;
  });

  /** Drops {@code dropShare} (0 to 1) of the responses, chosen by a generator seeded with {@code seed}. */
  LossyProxy(URI target, double dropShare, long seed) throws IOException {
    this.target = target;
    this.dropShare = dropShare;
    this.random = new Random(seed);
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    workers.execute(this::acceptLoop);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  int requests() {
    return requests.get();
  }

  int dropped() {
    return dropped.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        workers.execute(() -> handle(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private boolean drop() {
    synchronized (random) {
      return random.nextDouble() < dropShare;
    }
  }

  private void handle(Socket client) {
    try (client; Socket hub = new Socket(target.getHost(), target.getPort())) {
      client.setSoTimeout(30_000);
      hub.setSoTimeout(60_000);
      InputStream fromClient = client.getInputStream();
      String head = readLine(fromClient, "\r\n\r\n");
      if (head == null) {
        return;
      }
      OutputStream toHub = hub.getOutputStream();
      toHub.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
      if (header(head, "transfer-encoding") != null) {
        copyChunked(fromClient, toHub);
      } else {
        String length = header(head, "content-length");
        toHub.write(fromClient.readNBytes(length == null ? 0 : Integer.parseInt(length)));
      }
      toHub.flush();
      byte[] response = hub.getInputStream().readAllBytes(); // the hub closes after answering
      requests.incrementAndGet();
      if (drop()) {
        dropped.incrementAndGet();
        return; // the hub has done the work; the client never hears of it
      }
      client.getOutputStream().write(withConnectionClose(response));
      client.getOutputStream().flush();
    } catch (IOException e) {
      // a client that gave up, or the hub closing early: the client sees a dropped connection
    }
  }

  /** Forwards a chunked body as it is, up to and including its last chunk and trailer. */
  private static void copyChunked(InputStream in, OutputStream out) throws IOException {
    while (true) {
      String sizeLine = readLine(in, "\r\n");
      if (sizeLine == null) {
        throw new IOException("the body ended inside a chunk header");
      }
      out.write(sizeLine.getBytes(StandardCharsets.ISO_8859_1));
      String hex = sizeLine.strip();
      int semicolon = hex.indexOf(';');
      int size = Integer.parseInt(semicolon < 0 ? hex : hex.substring(0, semicolon), 16);
      if (size == 0) {
        String trailer;
        do {
          trailer = readLine(in, "\r\n");
          if (trailer == null) {
            throw new IOException("the body ended inside its trailer");
          }
          out.write(trailer.getBytes(StandardCharsets.ISO_8859_1));
        } while (!trailer.equals("\r\n"));
        return;
      }
      out.write(in.readNBytes(size + 2)); // the data and its CRLF
    }
  }

  /** Reads up to and including {@code end}; null at end of stream. */
  private static @Nullable String readLine(InputStream in, String end) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      matched = (b == end.charAt(matched)) ? matched + 1 : (b == end.charAt(0) ? 1 : 0);
      if (matched == end.length()) {
        return line.toString(StandardCharsets.ISO_8859_1);
      }
      if (line.size() > 64 * 1024) {
        throw new IOException("request head too large");
      }
    }
    return null;
  }

  private static @Nullable String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return null;
  }

  private static String withConnectionClose(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  /** The response with {@code Connection: close}, so the client does not reuse the connection. */
  private static byte[] withConnectionClose(byte[] response) {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return response;
    }
    return (withConnectionClose(text.substring(0, end + 4)) + text.substring(end + 4))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdownNow();
  }
}
