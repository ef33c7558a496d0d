package org.sstc.exchange.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.client.internal.HttpEngine;

class RetriesTest {
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
  void retriesServerErrorWithTheSameIdempotencyKey() throws Exception {
    server.enqueue(Fixtures.problem(500, "internal-error", ""));
    server.enqueue(Fixtures.record(201, Fixtures.initiativeJson(), 1));
    try (SstcClient client = Fixtures.client(server).build()) {
      Versioned<?> created = client.initiatives().create(Fixtures.initiative());
      assertThat(created.version()).isEqualTo(1);
    }
    RecordedRequest first = take();
    RecordedRequest second = take();
    assertThat(first.getHeaders().get("Idempotency-Key")).isNotBlank();
    assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(first.getHeaders().get("Idempotency-Key"));
    assertThat(second.getHeaders().get("X-Request-Id")).isEqualTo(first.getHeaders().get("X-Request-Id"));
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    assertThat(first.getHeaders().get("User-Agent")).startsWith("sstc-exchange-java/");
  }

  @Test
  void aCreateWhoseFirstAttemptIsStillRunningWaitsForItsAnswer() throws Exception {
    // The hub is still processing the first attempt (its answer was lost or outlasted a timeout).
    server.enqueue(new MockResponse.Builder().code(409).setHeader("Content-Type", "application/problem+json")
        .body("{\"type\":\"https://sstc-exchange.org/problems/idempotency-key-in-flight\",\"title\":\"Idempotency key in flight\",\"status\":409}")
        .build());
    server.enqueue(Fixtures.record(201, Fixtures.initiativeJson(), 1));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThat(client.initiatives().create(Fixtures.initiative()).version()).isEqualTo(1);
    }
    assertThat(take().getHeaders().get("Idempotency-Key")).isEqualTo(take().getHeaders().get("Idempotency-Key"));
  }

  @Test
  void anIdThatExistsIsAConflictAndNotRetried() {
    server.enqueue(new MockResponse.Builder().code(409).setHeader("Content-Type", "application/problem+json")
        .body("{\"type\":\"https://sstc-exchange.org/problems/already-exists\",\"title\":\"Already exists\",\"status\":409}")
        .build());
    try (SstcClient client = Fixtures.client(server).build()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.initiatives().create(Fixtures.initiative()))
          .isInstanceOf(ConflictException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void honoursRetryAfterInSeconds() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 2));
    FakeTimer timer = new FakeTimer();
    try (SstcClient client = Fixtures.client(server).retryPolicy(timer.policy().build()).build()) {
      assertThat(client.initiatives().get(Fixtures.id()).version()).isEqualTo(2);
    }
    assertThat(timer.waits()).containsExactly(Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        FakeTimer.START.plusSeconds(2).atZone(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", inTwoSeconds).build());
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 2));
    FakeTimer timer = new FakeTimer();
    try (SstcClient client = Fixtures.client(server).retryPolicy(timer.policy().build()).build()) {
      assertThat(client.initiatives().get(Fixtures.id()).version()).isEqualTo(2);
    }
    assertThat(timer.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void backoffDoublesFromItsBaseUpToItsCap() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(Fixtures.problem(503, "unavailable", ""));
    }
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 2));
    FakeTimer timer = new FakeTimer();
    RetryPolicy policy = timer.policy().maxRetries(3)
        .backoff(Duration.ofMillis(100), Duration.ofMillis(300)).build();
    try (SstcClient client = Fixtures.client(server).retryPolicy(policy).build()) {
      assertThat(client.initiatives().get(Fixtures.id()).version()).isEqualTo(2);
    }
    // The longest jitter: each wait is its window's ceiling, 100 ms, 200 ms, then the cap.
    assertThat(timer.waits())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void jitterDrawsEachWaitBetweenZeroAndTheCeiling() {
    server.enqueue(Fixtures.problem(500, "internal-error", ""));
    server.enqueue(Fixtures.problem(500, "internal-error", ""));
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 2));
    FakeTimer timer = new FakeTimer();
    java.util.List<Long> bounds = new java.util.ArrayList<>();
    java.util.random.RandomGenerator half = new java.util.random.RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public long nextLong(long bound) {
        bounds.add(bound);
        return bound / 2;
      }
    };
    RetryPolicy policy = timer.policy().random(half)
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(5)).build();
    try (SstcClient client = Fixtures.client(server).retryPolicy(policy).build()) {
      client.initiatives().get(Fixtures.id());
    }
    // Full jitter: uniform over [0, ceiling], ceilings of 100 ms then 200 ms.
    assertThat(bounds).containsExactly(
        Duration.ofMillis(100).toNanos() + 1, Duration.ofMillis(200).toNanos() + 1);
    assertThat(timer.waits()).containsExactly(
        Duration.ofNanos((Duration.ofMillis(100).toNanos() + 1) / 2),
        Duration.ofNanos((Duration.ofMillis(200).toNanos() + 1) / 2));
  }

  @Test
  void aRetryThatWouldEndPastTheDeadlineIsNotStarted() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(Fixtures.problem(503, "unavailable", ""));
    }
    FakeTimer timer = new FakeTimer();
    RetryPolicy policy = timer.policy().maxRetries(10)
        .backoff(Duration.ofSeconds(2), Duration.ofSeconds(10)).deadline(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    try (SstcClient client = Fixtures.client(server).retryPolicy(policy).build()) {
      assertThatThrownBy(() -> client.initiatives().get(Fixtures.id()))
          .isInstanceOf(ServerException.class)
          .satisfies(e -> assertThat(((SstcException) e).status()).isEqualTo(503));
    }
    // 2 s waited; the next wait (4 s) would end at 6 s, past the 5 s deadline: the 503 is reported.
    assertThat(timer.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void doesNotWaitPastTheDeadlineAndReportsTheLastError() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "30").build());
    FakeTimer timer = new FakeTimer();
    RetryPolicy policy = timer.policy().deadline(Duration.ofSeconds(5)).build();
    try (SstcClient client = Fixtures.client(server).retryPolicy(policy).build()) {
      assertThatThrownBy(() -> client.initiatives().get(Fixtures.id()))
          .isInstanceOf(ServerException.class)
          .satisfies(e -> assertThat(((SstcException) e).status()).isEqualTo(503));
    }
    assertThat(timer.waits()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void asyncCallsWaitOnTheSameClock() throws Exception {
    server.enqueue(Fixtures.problem(500, "internal-error", ""));
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 2));
    FakeTimer timer = new FakeTimer();
    RetryPolicy policy = timer.policy().backoff(Duration.ofMillis(250), Duration.ofSeconds(5)).build();
    try (SstcClient client = Fixtures.client(server).retryPolicy(policy).build()) {
      assertThat(client.initiatives().getAsync(Fixtures.id()).get(20, TimeUnit.SECONDS).version())
          .isEqualTo(2);
    }
    assertThat(timer.waits()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void retriesACreateWhoseConnectionDroppedAfterSendingWithTheSameKey() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(Fixtures.record(201, Fixtures.initiativeJson(), 1));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThat(client.initiatives().create(Fixtures.initiative()).version()).isEqualTo(1);
    }
    RecordedRequest first = take();
    RecordedRequest second = take();
    assertThat(first.getBodySize()).isPositive();
    assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(first.getHeaders().get("Idempotency-Key"));
  }

  @Test
  void doesNotRetryAPostWithoutAKey() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(Fixtures.record(201, Fixtures.initiativeJson(), 1));
    OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    HttpEngine engine = new HttpEngine(http, server.url("/"), null, "test",
        new FakeTimer().policy().build().schedule());
    Request post = new Request.Builder()
        .url(server.url("/initiatives"))
        .post(RequestBody.create(Fixtures.initiativeJson(), MediaType.get("application/json")))
        .build();
    assertThatThrownBy(() -> engine.execute(post).close()).isInstanceOf(java.io.IOException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusesARedirectSoTheTokenGoesNowhereElse() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      server.enqueue(new MockResponse.Builder().code(302)
          .setHeader("Location", other.url("/initiatives/x?k=secret")).build());
      try (SstcClient client = Fixtures.client(server).build()) {
        assertThatThrownBy(() -> client.initiatives().get("x"))
            .isInstanceOf(SstcException.class)
            .hasMessageContaining("redirected")
            .hasMessageNotContaining("secret");
      }
      assertThat(other.getRequestCount()).isZero();
    }
  }

  @Test
  void okHttpItselfDropsAuthorizationOnACrossHostRedirect() throws Exception {
    // Why a redirect would be safe even if followed: OkHttp strips the header for another origin.
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      other.enqueue(new MockResponse.Builder().code(200).body("ok").build());
      server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", other.url("/elsewhere")).build());
      OkHttpClient plain = new OkHttpClient();
      try (Response response = plain.newCall(new Request.Builder().url(server.url("/x"))
          .header("Authorization", "Bearer " + Fixtures.TOKEN).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
      } finally {
        plain.dispatcher().executorService().shutdown();
        plain.connectionPool().evictAll();
      }
      RecordedRequest followed = other.takeRequest(5, TimeUnit.SECONDS);
      assertThat(followed).isNotNull();
      assertThat(followed.getHeaders().get("Authorization")).isNull();
    }
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }
}
