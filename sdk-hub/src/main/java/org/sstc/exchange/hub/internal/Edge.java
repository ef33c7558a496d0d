package org.sstc.exchange.hub.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The transport edge: turns a Jetty request into a {@link Call}, answers it (the operations routes
 * here, the exchange API in {@link HubHandler}) and writes the {@link Reply}; it counts, times and
 * logs every request.
 *
 * <p>A single-record body (at most {@code maxRecordBytes}) is read without holding a thread, as it
 * arrives, so that slow clients cannot take the request threads; a bulk body streams through the
 * handler as an {@link InputStream}, never buffered whole.
 */
final class Edge extends Handler.Abstract {
  private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private final HubHandler hub;
  private final Operations operations;
  private final TrustedProxies proxies;
  private final Watchdog watchdog;
  private final URI localBase;
  private final int maxRecordBytes;
  private final Executor pool;

  Edge(HubHandler hub, Operations operations, TrustedProxies proxies, Watchdog watchdog, URI localBase,
      int maxRecordBytes, Executor pool) {
    this.hub = hub;
    this.operations = operations;
    this.proxies = proxies;
    this.watchdog = watchdog;
    this.localBase = localBase;
    this.maxRecordBytes = maxRecordBytes;
    this.pool = pool;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long began = System.nanoTime();
    Connection connection = request.getConnectionMetaData().getConnection();
    watchdog.requestBegan(connection);
    String requestId = requestId(request.getHeaders().get("X-Request-Id"));
    String rawPath = rawPath(request);
    InetAddress peer = peer(request.getConnectionMetaData().getRemoteSocketAddress());
    TrustedProxies.Headers headers = request.getHeaders()::get;
    Exchange exchange = new Exchange(request, response, callback, connection, began, requestId, rawPath,
        proxies.client(peer, headers), proxies.publicBase(peer, headers, localBase));
    long declared = request.getLength();
    boolean hasBody = declared > 0 || (declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    if (hasBody && !rawPath.equals("/packages") && declared <= maxRecordBytes) {
      boolean[] inline = {true};
      readSmallBody(request, connection, maxRecordBytes + 1, body -> {
        if (inline[0]) {
          exchange.answer(new ByteArrayInputStream(body));
        } else {
          pool.execute(() -> exchange.answer(new ByteArrayInputStream(body)));
        }
      }, failure -> exchange.fail(failure));
      inline[0] = false;
    } else {
      exchange.answer(watchdog.watch(connection, Content.Source.asInputStream(request)));
    }
    return true;
  }

  /** One request on its way to its answer. */
  private final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;
    final Connection connection;
    final long began;
    final String requestId;
    final String rawPath;
    final String client;
    final URI base;

    Exchange(Request request, Response response, Callback callback, Connection connection, long began,
        String requestId, String rawPath, String client, URI base) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.connection = connection;
      this.began = began;
      this.requestId = requestId;
      this.rawPath = rawPath;
      this.client = client;
      this.base = base;
    }

    void answer(InputStream body) {
      String method = request.getMethod();
      @Nullable String rawQuery = request.getHttpURI().getQuery();
      Reply reply = operations.answer(method, rawPath, requestId);
      if (reply == null) {
        reply = hub.answer(() -> new Call(method, rawPath, rawQuery, request.getHeaders()::get, body, requestId, base),
            rawPath, requestId);
      }
      send(reply);
    }

    void fail(Throwable failure) {
      send(Reply.problem(Problem.badRequest("the body could not be read: "
          + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())),
          rawPath, requestId).withHeader("Connection", "close"));
    }

    void send(Reply reply) {
      HttpFields.Mutable out = response.getHeaders();
      reply.headers().forEach(out::put);
      out.put("X-Request-Id", requestId);
      if (reply.closeConnection()) {
        out.put(HttpHeader.CONNECTION, "close");
      }
      response.setStatus(reply.status());
      byte[] body = reply.body();
      boolean noBody = body.length == 0 || reply.status() == 204 || reply.status() == 304;
      if (!noBody) {
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
      } else if (reply.status() != 204 && reply.status() != 304) {
        out.put(HttpHeader.CONTENT_LENGTH, 0);
      }
      String method = request.getMethod();
      Callback done = Callback.from(() -> finish(method, reply, null), failure -> finish(method, reply, failure));
      response.write(true, noBody ? null : ByteBuffer.wrap(body), done);
    }

    private void finish(String method, Reply reply, @Nullable Throwable failure) {
      watchdog.requestEnded(connection);
      operations.served(method, rawPath, reply, System.nanoTime() - began, client,
          request.getHttpURI().getQuery(), requestId);
      if (failure == null) {
        callback.succeeded();
      } else {
        callback.failed(failure);
      }
    }
  }

  /**
   * Reads a body of at most {@code cap} bytes as it arrives, on no thread while it waits; at
   * {@code cap} bytes it stops reading (the handler then refuses the body as too large).
   */
  private void readSmallBody(Request request, Connection connection, int cap, Consumer<byte[]> done,
      Consumer<Throwable> failed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(cap, 16 * 1024));
    Runnable reader = new Runnable() {
      @Override
      public void run() {
        while (true) {
          Content.Chunk chunk = request.read();
          if (chunk == null) {
            watchdog.waitingForBody(connection, true);
            request.demand(this);
            return;
          }
          watchdog.waitingForBody(connection, false);
          if (Content.Chunk.isFailure(chunk)) {
            failed.accept(chunk.getFailure());
            return;
          }
          ByteBuffer buffer = chunk.getByteBuffer();
          int take = Math.min(buffer.remaining(), cap - bytes.size());
          byte[] part = new byte[take];
          buffer.get(part);
          bytes.writeBytes(part);
          boolean last = chunk.isLast();
          chunk.release();
          if (last || bytes.size() >= cap) {
            done.accept(bytes.toByteArray());
            return;
          }
        }
      }
    };
    reader.run();
  }

  static String rawPath(Request request) {
    String path = request.getHttpURI().getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static @Nullable InetAddress peer(@Nullable SocketAddress address) {
    return address instanceof InetSocketAddress socket ? socket.getAddress() : null;
  }

  static String requestId(@Nullable String given) {
    return given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }
}
