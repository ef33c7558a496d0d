package org.sstc.exchange.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SolutionMaturity;

/** {@code client.solutions()} and {@code matchSolutions} against the hub's answers on the wire. */
class SolutionsTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void searchSendsTheSolutionFiltersToSolutions() throws Exception {
    server.enqueue(json("{\"items\": [" + Fixtures.text("solution-minimal.json") + "]}"));
    try (SstcClient client = Fixtures.client(server).build()) {
      List<Solution> found = client.solutions().search(SolutionQuery.builder()
          .sdgTarget("2.1").country("MZ").sector("31120").maturity(SolutionMaturity.SCALED_UP).pageSize(10).build())
          .stream().toList();
      assertThat(found).extracting(Solution::id).containsExactly("XM-DAC-41301-SOL-0012");
    }
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/solutions");
    assertThat(request.getUrl().queryParameter("sdgTarget")).isEqualTo("2.1");
    assertThat(request.getUrl().queryParameter("sector")).isEqualTo("31120");
    assertThat(request.getUrl().queryParameter("maturity")).isEqualTo("scaled-up");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("10");
  }

  @Test
  void matchSolutionsReadsTheRankedMatchesWithTheirReasons() throws Exception {
    server.enqueue(json("{\"initiativeId\": \"XM-DAC-41301-SSTC-2021-0042\", \"items\": [{\"score\": 4,"
        + " \"reasons\": [{\"kind\": \"sdgTarget\", \"code\": \"2.1\", \"weight\": 3, \"text\": \"both work on SDG target 2.1\"},"
        + " {\"kind\": \"country\", \"code\": \"MZ\", \"weight\": 1, \"text\": \"both involve MZ\"}],"
        + " \"solution\": " + Fixtures.text("solution-minimal.json") + "}]}"));
    try (SstcClient client = Fixtures.client(server).build()) {
      List<SolutionMatch> matches = client.matchSolutions("XM-DAC-41301-SSTC-2021-0042",
          SolutionQuery.builder().country("MZ").pageSize(5).build());
      assertThat(matches).hasSize(1);
      SolutionMatch best = matches.get(0);
      assertThat(best.score()).isEqualTo(4);
      assertThat(best.solution().id()).isEqualTo("XM-DAC-41301-SOL-0012");
      assertThat(best.reasons()).extracting(SolutionMatch.Reason::text)
          .containsExactly("both work on SDG target 2.1", "both involve MZ");
    }
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getUrl().queryParameter("matchInitiative")).isEqualTo("XM-DAC-41301-SSTC-2021-0042");
    assertThat(request.getUrl().queryParameter("country")).isEqualTo("MZ");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("5");
  }

  @Test
  void matchingAnUnknownInitiativeIsNotFound() {
    server.enqueue(Fixtures.problem(404, "not-found", ""));
    try (SstcClient client = Fixtures.client(server).build()) {
      assertThatThrownBy(() -> client.matchSolutions("XM-DAC-41301-NOPE")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void aBadSectorIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> SolutionQuery.builder().sector("311"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DAC 5-digit");
  }
}
