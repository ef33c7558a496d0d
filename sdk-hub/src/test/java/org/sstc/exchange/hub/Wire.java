package org.sstc.exchange.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The tests' HTTP client: the JDK's, so that the hub is tested on the wire alone. */
final class Wire {
  static final String FAO = "XM-DAC-41301";
  static final String FAO_TOKEN = "fao-secret-token";
  static final String UNDP = "XM-DAC-41114";
  static final String UNDP_TOKEN = "undp-token";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
  private final URI base;

  Wire(SstcHub hub) {
    this.base = hub.baseUrl();
  }

  static SstcHub startHub() {
    return startHub(HubStorage.memory());
  }

  /** A hub on {@code storage}; {@link #stop} closes both. */
  static SstcHub startHub(HubStorage storage) {
    return SstcHub.builder()
        .storage(storage)
        .port(0)
        .token(FAO, FAO_TOKEN)
        .token(UNDP, UNDP_TOKEN)
        .maxRecordBytes(1 << 20)
        .maxBulkBytes(256L << 20)
        .build()
        .start();
  }

  static SstcHub startHub(StoreKind kind) {
    return startHub(kind.open());
  }

  /** Closes a hub and its storage. */
  static void stop(SstcHub hub) {
    if (hub != null) {
      hub.close();
      hub.storage().close();
    }
  }

  HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(3))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /** A write as FAO. */
  HttpResponse<String> write(String method, String path, JsonNode body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + FAO_TOKEN;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send(method, path, body == null ? null : body.toString(), all);
  }

  /** A write with another token. */
  HttpResponse<String> writeWith(String token, String method, String path, JsonNode body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + token;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send(method, path, body == null ? null : body.toString(), all);
  }

  /**
   * Read-modify-write until it takes: GET the record, change its title, PUT it with If-Match;
   * again on 412. Returns the version it wrote.
   */
  long readModifyWrite(String id, String title) {
    while (true) {
      HttpResponse<String> read = get("/initiatives/" + id);
      ObjectNode record = (ObjectNode) tree(read);
      ((ObjectNode) record.path("title")).put("en", title);
      HttpResponse<String> written = write("PUT", "/initiatives/" + id, record,
          "If-Match", read.headers().firstValue("ETag").orElseThrow());
      if (written.statusCode() == 200) {
        String etag = written.headers().firstValue("ETag").orElseThrow();
        return Long.parseLong(etag.substring(1, etag.length() - 1));
      }
      if (written.statusCode() != 412) {
        throw new AssertionError("PUT answered " + written.statusCode() + ": " + written.body());
      }
    }
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  /** The values of one field of each element of an array. */
  static java.util.List<String> values(JsonNode array, String field) {
    java.util.List<String> values = new java.util.ArrayList<>();
    for (JsonNode element : array) {
      values.add(element.path(field).asString());
    }
    return values;
  }

  static JsonNode tree(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static ObjectNode fixture(String name) {
    try (InputStream in = Wire.class.getResourceAsStream("/records/" + name)) {
      return (ObjectNode) JSON.readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid minimal initiative reported by FAO, with this id. */
  static ObjectNode initiative(String id) {
    ObjectNode initiative = fixture("initiative-minimal.json");
    initiative.put("id", id);
    return initiative;
  }
}
