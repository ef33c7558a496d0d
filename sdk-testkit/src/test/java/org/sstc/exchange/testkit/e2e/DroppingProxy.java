package org.sstc.exchange.testkit.e2e;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 proxy that loses responses: it forwards each request to the hub, reads the
 * hub's whole answer (so the write has happened), and for every {@code n}-th request closes the
 * client's connection instead of answering. This is the failure a client cannot tell apart from a
 * request that never arrived, which idempotency keys exist for.
 *
 * <p>One request per connection ({@code Connection: close} both ways) keeps the framing trivial;
 * request bodies must carry a {@code Content-Length}.
 */
final class DroppingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final URI target;
  private final int dropEvery;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "dropping-proxy");
    thread.setDaemon(true);
    return thread;
  });

  DroppingProxy(URI target, int dropEvery) throws IOException {
    this.target = target;
    this.dropEvery = dropEvery;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    workers.execute(this::acceptLoop);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
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

  private void handle(Socket client) {
    try (client; Socket hub = new Socket(target.getHost(), target.getPort())) {
      client.setSoTimeout(30_000);
      hub.setSoTimeout(60_000);
      InputStream fromClient = client.getInputStream();
      String head = readHead(fromClient);
      if (head == null) {
        return;
      }
      byte[] body = fromClient.readNBytes(contentLength(head));
      OutputStream toHub = hub.getOutputStream();
      toHub.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
      toHub.write(body);
      toHub.flush();
      byte[] response = hub.getInputStream().readAllBytes(); // the hub closes after answering
      if (requests.incrementAndGet() % dropEvery == 0) {
        dropped.incrementAndGet();
        return; // the hub has done the work; the client never hears of it
      }
      client.getOutputStream().write(response);
      client.getOutputStream().flush();
    } catch (IOException e) {
      // a client that gave up, or the hub closing early: the client sees a dropped connection
    }
  }

  /** Reads up to and including the blank line that ends the head; null at end of stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
      if (head.size() > 64 * 1024) {
        throw new IOException("request head too large");
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return 0;
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

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdownNow();
  }
}
