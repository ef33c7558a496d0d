package org.sstc.exchange.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.InitiativeQuery;
import org.sstc.exchange.client.RetryPolicy;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.client.TransportException;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.SstcJson;

/** What a user of the test kit writes to prove a client's retries: a fresh hub per test, behind a FaultyProxy. */
class FaultyProxyTest {
  private static final String FAO = "XM-DAC-41301";

  @RegisterExtension
  final SstcHubExtension hub = SstcHubExtension.forOrganisations(FAO);

  private static Initiative initiative(String localId) {
    try (InputStream in = FaultyProxyTest.class.getResourceAsStream("/records/initiative-minimal.json")) {
      Initiative template = SstcJson.standard().read(in.readAllBytes(), Initiative.class);
      return template.toBuilder().id(FAO + "-" + localId).build();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A client through the proxy that retries at once (1 ms backoff), unless told to wait. */
  private SstcClient through(FaultyProxy proxy) {
    return SstcClient.builder()
        .baseUrl(proxy.baseUrl())
        .token(hub.token(FAO))
        .validateBeforeSend(false)
        .retryPolicy(RetryPolicy.builder().backoff(Duration.ofMillis(1), Duration.ofMillis(5)).maxRetries(8).build())
        .build();
  }

  private Set<String> idsOnTheHub() {
    Set<String> ids = new HashSet<>();
    hub.client().initiatives().search(InitiativeQuery.builder().pageSize(500).build()).forEach(it -> ids.add(it.id()));
    return ids;
  }

  @Test
  void aClientWithRetriesThroughAProxyDroppingOneResponseInFiveCreatesEveryRecordOnce() {
    int records = 200;
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl()).dropResponses(0.2).seed(20).build();
        SstcClient client = through(proxy)) {
      for (int i = 0; i < records; i++) {
        assertThat(client.initiatives().create(initiative("DROP-" + i)).version()).isEqualTo(1);
      }
      assertThat(proxy.dropped()).isGreaterThan(records / 10);
      assertThat(proxy.forwarded()).isEqualTo(proxy.requests());
    }
    assertThat(hub.hub().recordCount()).isEqualTo(records);
    assertThat(idsOnTheHub()).hasSize(records);
  }

  @Test
  void bulkUploadsThroughAProxyDroppingOneResponseInFiveStoreEveryRecordOnce() {
    int batches = 40;
    int perBatch = 10;
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl()).dropResponses(0.2).seed(12).build();
        SstcClient client = through(proxy)) {
      for (int b = 0; b < batches; b++) {
        List<Initiative> batch = new ArrayList<>();
        for (int i = 0; i < perBatch; i++) {
          batch.add(initiative("BULK-" + b + "-" + i));
        }
        BulkReport report = client.publish(batch);
        assertThat(report.rejected()).isZero();
      }
      assertThat(proxy.dropped()).isPositive();
    }
    assertThat(hub.hub().recordCount()).isEqualTo(batches * perBatch);
    assertThat(idsOnTheHub()).hasSize(batches * perBatch);
  }

  @Test
  void anAnswerCutAfterItsHeadersIsRetriedAndTheRecordIsCreatedOnce() {
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl()).cutResponses(0.5).seed(3).build();
        SstcClient client = through(proxy)) {
      for (int i = 0; i < 20; i++) {
        client.initiatives().create(initiative("CUT-" + i));
      }
      assertThat(proxy.cut()).isPositive();
    }
    for (int i = 0; i < 20; i++) {
      assertThat(hub.client().initiatives().find(FAO + "-CUT-" + i)).isPresent();
    }
    assertThat(hub.client().changes().withPageSize(1000).page(java.util.Optional.empty()).events())
        .filteredOn(change -> change.id().startsWith(FAO + "-CUT-")).hasSize(20);
  }

  @Test
  void anAsyncCreateWhoseAnswerIsCutAfterItsHeadersIsRetriedAndTheRecordIsCreatedOnce() {
    int records = 30;
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl()).cutResponses(0.5).seed(5).build();
        SstcClient client = through(proxy)) {
      List<java.util.concurrent.CompletableFuture<?>> creates = new ArrayList<>();
      for (int i = 0; i < records; i++) {
        creates.add(client.initiatives().createAsync(initiative("ASYNC-CUT-" + i))
            .thenAccept(created -> assertThat(created.version()).isEqualTo(1)));
      }
      java.util.concurrent.CompletableFuture.allOf(creates.toArray(new java.util.concurrent.CompletableFuture<?>[0])).join();
      assertThat(proxy.cut()).isPositive();
    }
    for (int i = 0; i < records; i++) {
      assertThat(hub.client().initiatives().find(FAO + "-ASYNC-CUT-" + i)).isPresent();
    }
    assertThat(hub.client().changes().withPageSize(1000).page(java.util.Optional.empty()).events())
        .filteredOn(change -> change.id().startsWith(FAO + "-ASYNC-CUT-")).hasSize(records);
  }

  @Test
  void aCutAnswerToARequestThatCannotBeRepeatedReachesTheClientAsABrokenBody() {
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl()).cutResponses(1.0).build();
        SstcClient client = through(proxy)) {
      // Every answer is cut: the retries run out, and the last failure is what the caller sees.
      assertThatThrownBy(() -> client.initiatives().create(initiative("CUT-ALWAYS")))
          .isInstanceOf(TransportException.class);
      assertThat(proxy.cut()).isGreaterThan(1);
    }
    assertThat(hub.client().initiatives().find(FAO + "-CUT-ALWAYS")).isPresent();
  }

  @Test
  void aClientHonoursRetryAfterOnA503AndTheHubNeverSeesTheRefusedRequests() {
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl())
            .failWith(503, Duration.ofSeconds(1), 0.5).seed(1).build();
        SstcClient client = through(proxy)) {
      long started = System.nanoTime();
      for (int i = 0; i < 4; i++) {
        client.initiatives().create(initiative("BUSY-" + i));
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(proxy.failed()).isPositive();
      // The client's own backoff is 1-5 ms: only Retry-After explains waits of a second each.
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(proxy.failed()));
      assertThat(proxy.forwarded()).isEqualTo(4);
    }
    assertThat(hub.hub().recordCount()).isEqualTo(4);
  }

  @Test
  void a429WithRetryAfterIsRetriedToo() {
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl())
            .failWith(429, Duration.ZERO, 0.5).seed(9).build();
        SstcClient client = through(proxy)) {
      for (int i = 0; i < 10; i++) {
        client.initiatives().create(initiative("LIMITED-" + i));
      }
      assertThat(proxy.failed()).isPositive();
    }
    assertThat(hub.hub().recordCount()).isEqualTo(10);
  }

  @Test
  void delayedAnswersArriveLate() {
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl())
            .delayResponses(Duration.ofMillis(300), 1.0).build();
        SstcClient client = through(proxy)) {
      long started = System.nanoTime();
      client.initiatives().create(initiative("SLOW"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(proxy.delayed()).isEqualTo(1);
    }
    assertThat(hub.hub().recordCount()).isEqualTo(1);
  }

  @Test
  void theSameSeedInjectsTheSameFaults() {
    List<Integer> first = faultsWithSeed(42, "A");
    List<Integer> second = faultsWithSeed(42, "B");
    assertThat(second).isEqualTo(first);
    assertThat(first.get(1) + first.get(2)).as("some faults").isPositive();
  }

  private List<Integer> faultsWithSeed(long seed, String prefix) {
    try (FaultyProxy proxy = FaultyProxy.builder(hub.hub().baseUrl())
            .dropResponses(0.2).failWith(503, Duration.ZERO, 0.1).seed(seed).build();
        SstcClient client = through(proxy)) {
      for (int i = 0; i < 30; i++) {
        client.initiatives().create(initiative(prefix + "-" + i));
      }
      return List.of(proxy.requests(), proxy.dropped(), proxy.failed());
    }
  }

  @Test
  void sharesBeyondOneAreRefusedWithAMessage() {
    assertThatThrownBy(() -> FaultyProxy.builder(hub.hub().baseUrl()).dropResponses(0.7).cutResponses(0.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1");
    assertThatThrownBy(() -> FaultyProxy.builder(hub.hub().baseUrl()).dropResponses(20))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> FaultyProxy.builder(hub.hub().baseUrl()).failWith(404, Duration.ZERO, 0.1))
        .hasMessageContaining("429 or a 5xx");
  }
}
