package org.sstc.exchange.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.ChangePage;
import org.sstc.exchange.client.NotFoundException;
import org.sstc.exchange.client.PreconditionFailedException;
import org.sstc.exchange.client.InitiativeQuery;
import org.sstc.exchange.client.OrganisationQuery;
import org.sstc.exchange.client.RetryPolicy;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.client.Versioned;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.hub.SstcHub;

/**
 * The contract test: the client talks to the hub through Stoplight Prism in proxy mode, which
 * checks every request and every response against {@code schema/openapi.yaml}. Prism marks a
 * request or response that breaks the document with an {@code sl-violations} header (and, with
 * {@code --errors}, answers 500 instead of passing it on); this test fails on either.
 *
 * <p>Prism comes from npm ({@code tools/api}, installed by the build before the integration
 * tests). Two things are not sent through it, because Prism itself gets them wrong, not the hub:
 * gzip request bodies (Prism passes them on corrupted) and requests the document calls invalid
 * (Prism answers those itself, so the hub's own 400, 401, 422 and 428 answers are tested directly
 * in the hub's tests). Prism also mishandles a streamed (chunked) request body: it forwards the
 * client's {@code Transfer-Encoding: chunked} together with a {@code Content-Length} of its own,
 * a combination the hub's HTTP server rightly refuses (400) because it is the classic request
 * smuggling vector. So this test sends request bodies with a known length; streamed uploads are
 * tested directly against the hub.
 */
class ContractIT {
  private static final String FAO = "XM-DAC-41301";
  private static final String TOKEN = "contract-test-token";
  /** JICA's: an organisation record is written only with its own organisation's token. */
  private static final String JICA_TOKEN = "contract-test-jica-token";

  private static SstcHub hub;
  private static Process prism;
  private static Path prismLog;
  private static URI prismUrl;
  private static final List<String> violations = new CopyOnWriteArrayList<>();
  private static final List<String> exchanges = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startHubAndPrism() throws Exception {
    Path executable = Path.of(System.getProperty("sstc.prism", "../tools/api/node_modules/.bin/prism"));
    Path openapi = Path.of(System.getProperty("sstc.openapi", "../schema/openapi.yaml"));
    assertThat(executable)
        .as("Prism is installed by the build (node tools/api/ensure-installed.mjs); run ./mvnw verify from the root")
        .isExecutable();
    hub = SstcHub.builder().token(FAO, TOKEN).token("XM-DAC-701-8", JICA_TOKEN).build().start();
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    prismLog = Files.createTempFile("prism", ".log");
    prism = new ProcessBuilder(executable.toString(), "proxy", openapi.toString(), hub.baseUrl().toString(),
            "--errors", "--host", "127.0.0.1", "--port", Integer.toString(port))
        .redirectErrorStream(true)
        .redirectOutput(prismLog.toFile())
        .start();
    prismUrl = URI.create("http://127.0.0.1:" + port);
    awaitListening(port, Duration.ofMinutes(4));
  }

  private static void awaitListening(int port, Duration patience) throws Exception {
    Instant giveUp = Instant.now().plus(patience);
    while (Instant.now().isBefore(giveUp)) {
      if (!prism.isAlive()) {
        throw new AssertionError("Prism exited (" + prism.exitValue() + "): " + Files.readString(prismLog));
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(500);
      }
    }
    throw new AssertionError("Prism did not listen within " + patience + ": " + Files.readString(prismLog));
  }

  @AfterAll
  static void stop() throws Exception {
    if (prism != null) {
      prism.destroy();
      prism.waitFor();
    }
    if (hub != null) {
      hub.close();
    }
  }

  private static SstcClient client() {
    return client(TOKEN);
  }

  private static SstcClient client(String token) {
    return SstcClient.builder()
        .baseUrl(prismUrl)
        .token(token)
        .okHttpClient(watching())
        .gzipUploads(false)
        .retryPolicy(RetryPolicy.builder().maxRetries(0).deadline(Duration.ofMinutes(3)).build())
        .build();
  }

  /** An OkHttp client that records every exchange and Prism's contract violations. */
  private static OkHttpClient watching() {
    return new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          Request request = withKnownLength(chain.request());
          Response response = chain.proceed(request);
          String line = request.method() + " " + request.url().encodedPath() + " -> " + response.code();
          exchanges.add(line);
          String violation = response.header("sl-violations");
          if (violation != null) {
            violations.add(line + ": " + violation);
          }
          return response;
        })
        .readTimeout(Duration.ofMinutes(2))
        .writeTimeout(Duration.ofMinutes(2))
        .callTimeout(Duration.ofMinutes(3))
        .build();
  }

  /** The same request with its body buffered, so that it goes out with a Content-Length. */
  private static Request withKnownLength(Request request) throws IOException {
    okhttp3.RequestBody body = request.body();
    if (body == null || body.contentLength() >= 0) {
      return request;
    }
    okio.Buffer buffer = new okio.Buffer();
    body.writeTo(buffer);
    // A network interceptor sees the headers OkHttp already set: swap them by hand.
    return request.newBuilder()
        .removeHeader("Transfer-Encoding")
        .header("Content-Length", Long.toString(buffer.size()))
        .method(request.method(), okhttp3.RequestBody.create(buffer.readByteArray(), body.contentType()))
        .build();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ContractIT.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static <T extends org.sstc.exchange.core.SstcRecord> T read(String resource, Class<T> type) throws IOException {
    try (InputStream in = ContractIT.class.getResourceAsStream(resource)) {
      return SstcJson.standard().read(in.readAllBytes(), type);
    }
  }

  @Test
  void everyOperationTheClientUsesConformsToTheDocument() throws Exception {
    Throwable failure = null;
    try (SstcClient client = client()) {
      scenario(client);
    } catch (Throwable e) {
      failure = e;
    }
    assertThat(violations)
        .as("requests or responses that break schema/openapi.yaml (Prism log: %s); exchanges: %s",
            prismLog, exchanges)
        .isEmpty();
    if (failure != null) {
      throw new AssertionError("the scenario failed through Prism; exchanges: " + exchanges
          + "; Prism log: " + Files.readString(prismLog), failure);
    }
  }

  private static void scenario(SstcClient client) throws IOException {
    Initiative minimal = read("/records/initiative-minimal.json", Initiative.class);

    Versioned<Initiative> created = client.initiatives().create(minimal);
    assertThat(created.version()).isEqualTo(1);
    assertThat(client.initiatives().get(minimal.id()).record()).isEqualTo(minimal);

    Initiative retitled = minimal.toBuilder().title(LanguageMap.of("en", "Cassava seed systems, phase 2")).build();
    Versioned<Initiative> replaced = client.initiatives().replace(retitled, created.version());
    assertThat(replaced.version()).isEqualTo(2);
    assertThatThrownBy(() -> client.initiatives().replace(minimal, created.version()))
        .isInstanceOf(PreconditionFailedException.class);
    client.initiatives().update(minimal.id(), it -> it.toBuilder().status(ActivityStatus.IMPLEMENTATION).build());
    assertThat(client.initiatives().history(minimal.id())).hasSize(3);

    // The full fixture uses every member of the standard (documents, results, transactions …).
    Initiative full = read("/records/initiative-full.json", Initiative.class);
    assertThat(client.initiatives().create(full).record()).isEqualTo(full);
    assertThat(client.initiatives().search(InitiativeQuery.builder().modality(Modality.BILATERAL).pageSize(1).build()))
        .isNotEmpty();
    client.initiatives().search(InitiativeQuery.builder().sdgGoal(2).country("MZ").status(ActivityStatus.IMPLEMENTATION)
        .updatedSince(java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z")).build()).forEach(it -> {});

    Organisation organisation = read("/records/organisation.json", Organisation.class);
    try (SstcClient jica = client(JICA_TOKEN)) {
      organisationScenario(jica, minimal, organisation);
    }
    assertThat(client.initiatives().getAsync(full.id()).join().version()).isEqualTo(1);
    solutionScenario(client, full);
    feedScenario(client, minimal);
  }

  /** JICA publishes, reads and updates its own organisation record. */
  private static void organisationScenario(SstcClient client, Initiative minimal, Organisation organisation) {
    RecordPackage pkg = RecordPackage.builder()
        .publisher(minimal.reportingOrg())
        .publishedAt(java.time.OffsetDateTime.parse("2026-11-28T00:00:00Z"))
        .organisations(List.of(organisation))
        .build();
    BulkReport report = client.publish(pkg);
    assertThat(report.received()).isEqualTo(1);
    client.organisations().search(OrganisationQuery.all()).forEach(it -> {});
    Versioned<Organisation> stored = client.organisations().get(organisation.id());
    client.organisations().update(organisation.id(), it -> it.toBuilder().name(LanguageMap.of("en", "JICA")).build());
    assertThat(client.organisations().history(organisation.id())).hasSize(2);
    assertThatThrownBy(() -> client.organisations().replace(organisation, stored.version()))
        .isInstanceOf(PreconditionFailedException.class);

    // The same records again as an NDJSON stream: nothing changes, and the report says so.
    BulkReport again = client.publish(java.util.stream.Stream.of(organisation.toBuilder().name(LanguageMap.of("en", "JICA")).build()));
    assertThat(again.unchanged()).isEqualTo(1);
  }

  /** Solutions (standard 1.1): create, read, search, and matching to the full initiative. */
  private static void solutionScenario(SstcClient client, Initiative full) throws IOException {
    org.sstc.exchange.core.Solution solution = read("/records/solution-full.json", org.sstc.exchange.core.Solution.class);
    client.solutions().create(solution);
    assertThat(client.solutions().get(solution.id()).record()).isEqualTo(solution);
    assertThat(client.solutions().search(org.sstc.exchange.client.SolutionQuery.builder().sdgTarget("2.1")
        .country("MZ").build()).stream().map(org.sstc.exchange.core.Solution::id)).containsExactly(solution.id());
    List<org.sstc.exchange.client.SolutionMatch> matches = client.matchSolutions(full.id());
    assertThat(matches).extracting(match -> match.solution().id()).containsExactly(solution.id());
    assertThat(matches.get(0).reasons()).isNotEmpty();
  }

  private static void feedScenario(SstcClient client, Initiative minimal) throws IOException {
    ChangePage page = client.changes().page(java.util.Optional.empty());
    assertThat(page.events()).isNotEmpty();
    assertThat(client.changes().page(java.util.Optional.of(page.next())).events()).isEmpty();
    List<org.sstc.exchange.client.Change> followed = new java.util.ArrayList<>();
    client.changes().follow(org.sstc.exchange.client.CursorStore.inMemory(), followed::add);
    assertThat(followed).hasSameSizeAs(page.events());

    Versioned<Initiative> current = client.initiatives().get(minimal.id());
    client.initiatives().delete(minimal.id(), current.version());
    assertThatThrownBy(() -> client.initiatives().get(minimal.id())).isInstanceOf(NotFoundException.class);
    assertThat(client.initiatives().find("XM-DAC-41301-NO-SUCH-ONE")).isEmpty();

    // The codelists are not part of the client: plain OkHttp, through the same contract check.
    OkHttpClient http = watching();
    for (String path : new String[] {"codelists", "codelists/ActivityStatus"}) {
      try (Response response = http.newCall(new Request.Builder()
          .url(prismUrl.resolve("/" + path).toString()).build()).execute()) {
        assertThat(response.code()).as(path).isEqualTo(200);
      }
    }
  }
}
