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
import org.sstc.exchange.core.ActivityStatus;
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
    FakeTimer timer = new FakeTimer();
    try (SstcClient client = Fixtures.client(server).retryPolicy(timer.policy().build()).build()) {
      Versioned<Initiative> updated = client.initiatives()
          .update(Fixtures.id(), i -> i.toBuilder().status(ActivityStatus.IMPLEMENTATION).build());
      assertThat(updated.version()).isEqualTo(3);
      assertThat(updated.record().status()).isEqualTo(ActivityStatus.IMPLEMENTATION);
    }
    // Before the second round, a random pause of up to 4 ms (here the longest) spreads writers out.
    assertThat(timer.waits()).containsExactly(java.time.Duration.ofMillis(4));
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
          .search(InitiativeQuery.builder().modality(Modality.BILATERAL).sdgGoal(2).pageSize(1).build());
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
    assertThatThrownBy(() -> InitiativeQuery.builder().sdgGoal(18)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InitiativeQuery.builder().country("mz")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InitiativeQuery.builder().pageSize(501)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrganisationQuery.builder().orgType(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrganisationQuery.builder().country("Brazil"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(InitiativeQuery.builder().sdgTarget("17.a").status(ActivityStatus.FINALISATION).build())
        .isEqualTo(InitiativeQuery.builder().sdgTarget("17.a").status(ActivityStatus.FINALISATION).build())
        .isNotEqualTo(InitiativeQuery.all());
  }

  @Test
  void eachCollectionIsSearchedWithItsOwnFilters() throws Exception {
    String empty = "{\"items\":[]}";
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(empty).build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(empty).build());
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThat(client.initiatives().search(InitiativeQuery.builder()
          .participant("XM-DAC-41301").status(ActivityStatus.IMPLEMENTATION).country("MZ")
          .updatedSince(java.time.Instant.parse("2026-01-01T00:00:00Z")).build())).isEmpty();
      assertThat(client.organisations().search(OrganisationQuery.builder()
          .orgType("10").country("BR").pageSize(50).build())).isEmpty();
    }
    RecordedRequest initiatives = take();
    assertThat(initiatives.getUrl().encodedPath()).isEqualTo("/initiatives");
    assertThat(initiatives.getUrl().queryParameter("participant")).isEqualTo("XM-DAC-41301");
    assertThat(initiatives.getUrl().queryParameter("status")).isEqualTo("2");
    assertThat(initiatives.getUrl().queryParameter("updatedSince")).isEqualTo("2026-01-01T00:00:00Z");
    RecordedRequest organisations = take();
    assertThat(organisations.getUrl().encodedPath()).isEqualTo("/organisations");
    assertThat(organisations.getUrl().queryParameterNames()).containsExactlyInAnyOrder("orgType", "country", "limit");
    assertThat(organisations.getUrl().queryParameter("orgType")).isEqualTo("10");
    assertThat(organisations.getUrl().queryParameter("limit")).isEqualTo("50");
  }

  @Test
  void aQueryOfOneCollectionDoesNotCompileForTheOther() {
    assertThat(compile("client.initiatives().search(InitiativeQuery.all());"
        + " client.organisations().search(OrganisationQuery.builder().orgType(\"10\").build());"))
        .as("the well-typed calls compile").isEmpty();
    assertThat(compile("client.initiatives().search(OrganisationQuery.builder().orgType(\"10\").build());"))
        .as("an organisation filter on initiatives").contains("OrganisationQuery");
    assertThat(compile("client.organisations().search(InitiativeQuery.builder().sdgGoal(2).build());"))
        .as("an initiative filter on organisations").contains("InitiativeQuery");
  }

  /** Compiles {@code statements} against this module; the compiler's errors, empty if none. */
  private static String compile(String statements) {
    String source = "import org.sstc.exchange.client.*;\n"
        + "class Use { void use(SstcClient client) { " + statements + " } }\n";
    java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("typed-query");
      java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("Use.java"), source);
      java.io.StringWriter errors = new java.io.StringWriter();
      int status = javac.run(new java.io.PrintWriter(errors), new java.io.PrintWriter(errors),
          "-classpath", System.getProperty("java.class.path"), "-proc:none",
          "-d", dir.toString(), file.toString());
      return status == 0 ? "" : errors.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }
}
