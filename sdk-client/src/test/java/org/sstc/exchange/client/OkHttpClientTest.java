package org.sstc.exchange.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client keeps, and what it overrides, of an OkHttp client given to it. */
class OkHttpClientTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theUsersInterceptorsSeeEveryAttempt() throws Exception {
    server.enqueue(Fixtures.problem(503, "unavailable", ""));
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 1));
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seen.incrementAndGet();
          return chain.proceed(chain.request().newBuilder().header("X-Gateway-Key", "k1").build());
        })
        .build();
    try (SstcClient client = Fixtures.client(server).okHttpClient(http).build()) {
      assertThat(client.initiatives().get(Fixtures.id()).version()).isEqualTo(1);
    }
    assertThat(seen).hasValue(2);
    RecordedRequest first = take();
    assertThat(first.getHeaders().get("X-Gateway-Key")).isEqualTo("k1");
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    assertThat(take().getHeaders().get("X-Gateway-Key")).isEqualTo("k1");
  }

  @Test
  void redirectsStayRefusedEvenWhenTheUsersClientFollowsThem() {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", server.url("/elsewhere")).build());
    OkHttpClient http = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
    try (SstcClient client = Fixtures.client(server).okHttpClient(http).build()) {
      assertThatThrownBy(() -> client.initiatives().get("x"))
          .isInstanceOf(SstcException.class)
          .hasMessageContaining("redirected");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closingTheSstcClientLeavesTheUsersClientWorking() throws Exception {
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 1));
    server.enqueue(new MockResponse.Builder().code(200).body("still open").build());
    OkHttpClient http = new OkHttpClient();
    try (SstcClient client = Fixtures.client(server).okHttpClient(http).build()) {
      client.initiatives().get(Fixtures.id());
    }
    try (Response response = http.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("still open");
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }
}
