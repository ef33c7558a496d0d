package org.sstc.exchange.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.SstcJson;

/** Fixture records and a client tuned for fast tests: millisecond backoff. */
final class Fixtures {
  static final String TOKEN = "s3cret-token-abc";

  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String initiativeJson() {
    return text("initiative-minimal.json");
  }

  static String initiativeJson(String idSuffix) {
    return initiativeJson().replace("SSTC-2023-0007", "SSTC-2023-" + idSuffix);
  }

  static Initiative initiative() {
    return SstcJson.standard().read(initiativeJson().getBytes(StandardCharsets.UTF_8), Initiative.class);
  }

  static String id() {
    return initiative().id();
  }

  static SstcClient.Builder client(MockWebServer server) {
    return SstcClient.builder()
        .baseUrl(server.url("/").toString())
        .token(TOKEN)
        .retryPolicy(fastRetries().build());
  }

  /** Millisecond backoff, a 30 s deadline. */
  static RetryPolicy.Builder fastRetries() {
    return RetryPolicy.builder().deadline(Duration.ofSeconds(30)).backoff(Duration.ofMillis(1), Duration.ofMillis(10));
  }

  static MockResponse record(int code, String json, long version) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .setHeader("ETag", "\"" + version + "\"")
        .body(json)
        .build();
  }

  static MockResponse problem(int code, String slug, String extraMembers) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/problem+json")
        .setHeader("X-Request-Id", "req-" + code)
        .body("{\"type\":\"https://sstc-exchange.org/problems/" + slug + "\",\"title\":\"" + slug
            + "\",\"status\":" + code + ",\"detail\":\"detail of " + slug + "\"" + extraMembers + "}")
        .build();
  }
}
