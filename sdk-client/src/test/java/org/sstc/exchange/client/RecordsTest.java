package org.sstc.exchange.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Modality;

class RecordsTest {
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
  void updateReReadsAndReappliesAfterA412() throws Exception {
    String active = Fixtures.initiativeJson().replace("\"status\": \"1\"", "\"status\": \"2\"");
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 1));
    server.enqueue(Fixtures.problem(412, "precondition-failed", ",\"currentVersion\":2"));
    server.enqueue(Fixtures.record(200, Fixtures.initiativeJson(), 2));
    server.enqueue(Fixtures.record(200, active, 3));
    try (SstcClient client = Fixtures.client(server).build()) {
      Versioned<Initiative> updated = client.initiatives()
          .update(Fixtures.id(), i -> i.toBuilder().status("2").build());
      assertThat(updated.version()).isEqualTo(3);
      assertThat(updated.record().status()).isEqualTo("2");
    }
    take();
    assertThat(take().getHeaders().get("If-Match")).isEqualTo("\"1\"");
    take();
    assertThat(take().getHeaders().get("If-Match")).isEqualTo("\"2\"");
  }

  @Test
  void anInvalidRecordIsRefusedWithoutARequest() {
    Initiative invalid = Fixtures.initiative().toBuilder().participants(List.of()).build();
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThatThrownBy(() -> client.initiatives().create(invalid))
          .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.report().valid()).isFalse();
            assertThat(e.getMessage()).startsWith("Not sent:");
          });
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void searchFetchesTheSecondPageOnlyWhenIteratingPastTheFirst() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"items\":[" + Fixtures.initiativeJson("0001") + "],\"next\":\"c1\"}").build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"items\":[" + Fixtures.initiativeJson("0002") + "]}").build());
    try (SstcClient client = Fixtures.client(server).build()) {
      SearchResults<Initiative> results = client.initiatives()
          .search(Query.builder().modality(Modality.BILATERAL).sdgGoal(2).pageSize(1).build());
      assertThat(server.getRequestCount()).isZero();
      Iterator<Initiative> iterator = results.iterator();
      assertThat(iterator.next().id()).endsWith("0001");
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(iterator.next().id()).endsWith("0002");
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(iterator.hasNext()).isFalse();
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
    RecordedRequest first = take();
    assertThat(first.getUrl().queryParameter("modality")).isEqualTo("bilateral");
    assertThat(first.getUrl().queryParameter("sdgGoal")).isEqualTo("2");
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("1");
    assertThat(first.getUrl().queryParameter("cursor")).isNull();
    assertThat(take().getUrl().queryParameter("cursor")).isEqualTo("c1");
  }

  @Test
  void createAsyncCompletesWithTheStoredVersion() throws Exception {
    server.enqueue(Fixtures.problem(503, "unavailable", ""));
    server.enqueue(Fixtures.record(201, Fixtures.initiativeJson(), 1));
    try (SstcClient client = Fixtures.client(server).build()) {
      Versioned<Initiative> created = client.initiatives().createAsync(Fixtures.initiative())
          .get(20, TimeUnit.SECONDS);
      assertThat(created.etag()).isEqualTo("\"1\"");
    }
    assertThat(take().getHeaders().get("Idempotency-Key"))
        .isEqualTo(take().getHeaders().get("Idempotency-Key"));
  }

  @Test
  void queryChecksItsArguments() {
    assertThatThrownBy(() -> Query.builder().sdgGoal(18)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.builder().country("mz")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.builder().pageSize(501)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Query.builder().sdgTarget("17.a").status("3").build().filters())
        .containsEntry("sdgTarget", "17.a").containsEntry("status", "3");
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }
}
