package org.sstc.exchange.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.hub.HubStorage;
import org.sstc.exchange.hub.SstcHub;
import org.sstc.exchange.testkit.FaultyProxy;

/**
 * Bulk against one-by-one publishing (issues "Performance" and "A hub agencies can run"), every
 * combination in one JVM run: the memory, embedded (SQLite) and PostgreSQL stores; a minimal
 * (1.7 KB) and a rich (5.7 KB) initiative; bare loopback and a link with 20 ms each way.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.sstc.exchange.benchmarks.HubStores publish 10000 3
 * </pre>
 *
 * <p>Arguments: records per bulk upload (default 10 000) and runs (default 3). Each run measures
 * every combination once, on a new hub, after a throw-away warm-up run; the table gives the median
 * over the runs and their spread (lowest–highest), and each run prints the load average, so that
 * a figure taken on a busy machine can be recognised as such.
 *
 * <p>The link: {@link FaultyProxy} holding back every answer by 40 ms, a 40 ms round trip as
 * 20 ms each way gives (the proxy reads each request whole before forwarding it, so a bulk
 * upload over it does not overlap the client's writing with the hub's reading). One by one over
 * the link sends {@value #ONE_BY_ONE_OVER_LINK} records a run: 25 a second at most, whatever
 * the hub does.
 *
 * <p>Server time beyond validation: the memory hub's time for a bulk upload of prepared NDJSON
 * bytes (a bare HTTP call, no client work) against the time the same lines take to parse and
 * validate (tree, schema, binding, rules) on as many threads as the hub's bulk workers, in the
 * same run, alternating, best of three rounds each. Both are also measured in CPU time (the
 * process's, every thread), which a busy machine distorts far less than wall time: on an
 * oversubscribed machine the upload's three busy threads get a larger share of the cores than the
 * baseline's two. The share beyond validation is {@code 1 - validation CPU / upload CPU}; target ≤
 * 0.25.
 */
final class BulkPublishing {
  private static final String ORG = "XM-DAC-41301";
  private static final String TOKEN = "benchmark-token-0123456789";
  private static final Duration ROUND_TRIP = Duration.ofMillis(40);
  static final int ONE_BY_ONE_OVER_LINK = 20;
  private static final MediaType NDJSON = MediaType.get("application/x-ndjson");

  private BulkPublishing() {}

  /** The two record sizes, by name: a minimal (1.7 KB) and a rich (5.7 KB) initiative of {@link #ORG}. */
  private static Map<String, Initiative> templates() {
    Initiative rich = SstcJson.standard().read(ValidationBenchmark.resource("initiative.json"), Initiative.class)
        .toBuilder().reportingOrg(OrgRef.of(ORG, "FAO")).build();
    Map<String, Initiative> templates = new LinkedHashMap<>();
    templates.put("minimal", ExchangeThroughput.minimalOf(rich));
    templates.put("rich", rich);
    return templates;
  }

  /** Each figure's median over the runs and its spread, one table row a figure. */
  private static void printMedians(Map<String, List<Double>> figures) {
    figures.forEach((name, values) -> {
      List<Double> sorted = values.stream().sorted().toList();
      System.out.printf("| %-56s | %,10.2f | %,10.2f – %,10.2f |%n", name, sorted.get(sorted.size() / 2),
          sorted.get(0), sorted.get(sorted.size() - 1));
    });
  }

  static void run(int bulkRecords, int runs) throws Exception {
    Map<String, Initiative> templates = templates();
    Path scratch = Files.createTempDirectory("sstc-bulk-publishing");
    String url = System.getenv("SSTC_BENCH_DATABASE");
    EmbeddedPostgres postgres = url == null ? EmbeddedPostgres.builder().start() : null;
    String pgUser = url == null ? "postgres" : System.getenv().getOrDefault("SSTC_DATABASE_USER", "postgres");
    String pgPassword = url == null ? "postgres" : System.getenv().getOrDefault("SSTC_DATABASE_PASSWORD", "");
    int[] databases = {0};
    Map<String, Supplier<HubStorage>> stores = new LinkedHashMap<>();
    stores.put("memory", HubStorage::memory);
    stores.put("embedded", () -> HubStorage.embedded(scratch.resolve("embedded-" + ++databases[0])));
    stores.put("postgresql", () -> HubStorage.postgresql(postgres != null
        ? HubStores.newDatabase(postgres, "bulk" + ++databases[0])
        : HubStores.newDatabase(url, pgUser, pgPassword, "sstc_bulk_" + ProcessHandle.current().pid() + "_" + ++databases[0]),
        pgUser, pgPassword));
    System.out.printf("bulk %d records an upload; one by one %d records on loopback, %d over the link"
        + " (%d ms round trip); %d runs after a warm-up; %d cores%n", bulkRecords, oneByOne(bulkRecords),
        ONE_BY_ONE_OVER_LINK, ROUND_TRIP.toMillis(), runs, Runtime.getRuntime().availableProcessors());
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    try {
      for (int run = 0; run <= runs; run++) {
        String tag = run == 0 ? "warm-up" : "run " + run;
        System.out.printf("%s: load average %.2f%n", tag, load());
        for (Map.Entry<String, Supplier<HubStorage>> store : stores.entrySet()) {
          if (run == 0 && !store.getKey().equals("memory")) {
            continue; // the warm-up compiles the shared path; each store's own code warms in run 1
          }
          for (Map.Entry<String, Initiative> template : templates.entrySet()) {
            String name = store.getKey() + " " + template.getKey();
            double[] rates = rates(store.getValue().get(), template.getValue(), bulkRecords, run);
            System.out.printf("  %-19s loopback: one by one %,7.0f, bulk %,7.0f records/s (%5.1f×);"
                + " 20 ms link: one by one %,5.1f, bulk %,7.0f records/s (%6.1f×)%n", name,
                rates[0], rates[1], rates[1] / rates[0], rates[2], rates[3], rates[3] / rates[2]);
            if (run > 0) {
              add(figures, name + " | loopback one by one", rates[0]);
              add(figures, name + " | loopback bulk", rates[1]);
              add(figures, name + " | loopback bulk / one by one", rates[1] / rates[0]);
              add(figures, name + " | link one by one", rates[2]);
              add(figures, name + " | link bulk", rates[3]);
              add(figures, name + " | link bulk / one by one", rates[3] / rates[2]);
            }
          }
        }
        for (Map.Entry<String, Initiative> template : templates.entrySet()) {
          double[] share = serverShare(template.getValue(), bulkRecords, run);
          System.out.printf("  memory %-7s server: upload of prepared NDJSON %,7.0f records/s, %,5.0f µs CPU a record;"
              + " validation alone %,7.0f records/s, %,5.0f µs CPU; beyond validation %.0f%% of the upload's CPU%n",
              template.getKey(), share[0], share[2], share[1], share[3], 100 * (1 - share[3] / share[2]));
          if (run > 0) {
            add(figures, "memory " + template.getKey() + " | server upload (prepared NDJSON)", share[0]);
            add(figures, "memory " + template.getKey() + " | validation alone, same lines", share[1]);
            add(figures, "memory " + template.getKey() + " | upload, µs CPU a record", share[2]);
            add(figures, "memory " + template.getKey() + " | validation alone, µs CPU a record", share[3]);
            add(figures, "memory " + template.getKey() + " | share of upload CPU beyond validation", 1 - share[3] / share[2]);
          }
        }
        System.out.printf("%s: load average %.2f at its end%n", tag, load());
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
    System.out.printf("%nmedian of %d runs (lowest–highest); records/s unless a ratio%n", runs);
    printMedians(figures);
    for (String kind : templates.keySet()) {
      for (String store : List.of("embedded", "postgresql")) {
        List<Double> ratios = new ArrayList<>();
        List<Double> memory = Objects.requireNonNull(figures.get("memory " + kind + " | loopback bulk"));
        List<Double> other = Objects.requireNonNull(figures.get(store + " " + kind + " | loopback bulk"));
        for (int i = 0; i < memory.size(); i++) {
          ratios.add(other.get(i) / memory.get(i));
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf("| %-56s | %,10.2f | %,10.2f – %,10.2f |%n", store + " " + kind + " bulk / memory bulk (same run)",
            sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
      }
    }
  }

  /**
   * The server share alone ({@code HubStores share RECORDS RUNS}): for each record size, a
   * warm-up run then {@code runs} runs of {@link #serverShare}, each printed, then the median and
   * spread of the share beyond validation.
   */
  static void share(int bulkRecords, int runs) throws Exception {
    Map<String, Initiative> templates = templates();
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    for (int run = 0; run <= runs; run++) {
      System.out.printf("%s: load average %.2f%n", run == 0 ? "warm-up" : "run " + run, load());
      for (Map.Entry<String, Initiative> template : templates.entrySet()) {
        Map<String, Double> uploadThreads = new LinkedHashMap<>();
        Map<String, Double> validationThreads = new LinkedHashMap<>();
        double[] share = serverShare(template.getValue(), bulkRecords, run, uploadThreads, validationThreads);
        System.out.printf("  memory %-7s upload %,7.0f records/s, %,5.1f µs CPU a record; validation alone %,7.0f"
            + " records/s, %,5.1f µs CPU; beyond validation %.0f%%%n", template.getKey(), share[0], share[2],
            share[1], share[3], 100 * (1 - share[3] / share[2]));
        // The client sending the upload runs in this JVM too ("main"): the server's own CPU is
        // the upload's without that thread's.
        double client = uploadThreads.getOrDefault("main (client)", 0.0);
        double serverBeyond = 1 - share[3] / (share[2] - client);
        System.out.printf("    µs CPU a record by thread, upload: %s%n    validation: %s%n"
            + "    beyond validation, the client's thread left out: %.0f%%%n",
            ThreadCpu.describe(uploadThreads), ThreadCpu.describe(validationThreads), 100 * serverBeyond);
        if (run > 0) {
          add(figures, "memory " + template.getKey() + " | share of upload CPU beyond validation", 1 - share[3] / share[2]);
          add(figures, "memory " + template.getKey() + " | the same, the client's thread left out", serverBeyond);
        }
      }
    }
    System.out.printf("%nmedian of %d runs (lowest–highest)%n", runs);
    printMedians(figures);
  }

  private static void add(Map<String, List<Double>> figures, String name, double value) {
    figures.computeIfAbsent(name, unused -> new ArrayList<>()).add(value);
  }

  private static int oneByOne(int bulkRecords) {
    return Math.max(20, bulkRecords / 20);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** {loopback one by one, loopback bulk, link one by one, link bulk} records per second, on a new hub. */
  private static double[] rates(HubStorage storage, Initiative template, int bulkRecords, int run) {
    storage.addToken(ORG, TOKEN);
    try (storage;
        SstcHub hub = SstcHub.builder().storage(storage).build().start();
        FaultyProxy link = FaultyProxy.builder(hub.baseUrl()).delayResponses(ROUND_TRIP, 1.0).build();
        SstcClient direct = SstcClient.builder().baseUrl(hub.baseUrl()).token(TOKEN).build();
        SstcClient far = SstcClient.builder().baseUrl(link.baseUrl()).token(TOKEN).build()) {
      String prefix = "R" + run + "-";
      int single = oneByOne(bulkRecords);
      double[] rates = new double[4];
      rates[0] = perSecond(single, () -> IntStream.range(0, single)
          .forEach(i -> direct.initiatives().create(HubStores.variant(template, prefix + "ONE-" + i, i))));
      rates[1] = perSecond(bulkRecords, () -> bulk(direct, template, prefix + "BULK-", bulkRecords));
      rates[2] = perSecond(ONE_BY_ONE_OVER_LINK, () -> IntStream.range(0, ONE_BY_ONE_OVER_LINK)
          .forEach(i -> far.initiatives().create(HubStores.variant(template, prefix + "FAR-ONE-" + i, i))));
      rates[3] = perSecond(bulkRecords, () -> bulk(far, template, prefix + "FAR-BULK-", bulkRecords));
      return rates;
    }
  }

  private static void bulk(SstcClient client, Initiative template, String prefix, int records) {
    BulkReport report = client.publish(IntStream.range(0, records)
        .mapToObj(i -> HubStores.variant(template, prefix + i, i)));
    if (report.created() != records) {
      throw new IllegalStateException("bulk created " + report.created() + " of " + records);
    }
  }

  private static double perSecond(int records, Runnable work) {
    long start = System.nanoTime();
    work.run();
    return records / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * {server upload, validation alone} records per second for the same NDJSON lines: the memory
   * hub answering a bare upload of bytes made beforehand, and the hub's parse-and-validate of
   * each line on as many threads as it has bulk workers. The two alternate for {@link
   * #SHARE_ROUNDS} rounds (new ids each round) and each keeps its best round: on a shared machine a
   * single pass of either can land in a burst of someone else's load.
   */
  private static double[] serverShare(Initiative template, int records, int run) throws Exception {
    return serverShare(template, records, run, new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  /**
   * As above, and fills {@code uploadByThreads} and {@code validationByThreads} with the CPU
   * (µs a record) of each kind of thread in the round each side kept (see {@link ThreadCpu}).
   */
  private static double[] serverShare(Initiative template, int records, int run,
      Map<String, Double> uploadByThreads, Map<String, Double> validationByThreads) throws Exception {
    SstcJson json = SstcJson.standard();
    double upload = 0;
    double validation = 0;
    long uploadCpu = Long.MAX_VALUE;
    long validationCpu = Long.MAX_VALUE;
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5)).build();
    try (HubStorage storage = HubStorage.memory()) {
      storage.addToken(ORG, TOKEN);
      try (SstcHub hub = SstcHub.builder().storage(storage).build().start()) {
        for (int round = 0; round < SHARE_ROUNDS; round++) {
          List<byte[]> lines = new ArrayList<>(records);
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          for (int i = 0; i < records; i++) {
            byte[] line = json.write(HubStores.variant(template, "R" + run + "-SERVER-" + round + "-" + i, i));
            lines.add(line);
            body.write(line);
            body.write('\n');
          }
          Map<String, Long> threadsBefore = ThreadCpu.byKind();
          long cpu = processCpuNanos();
          upload = Math.max(upload, perSecond(records, () -> upload(http, hub, body.toByteArray(), records)));
          long afterUpload = processCpuNanos();
          Map<String, Long> threadsAfterUpload = ThreadCpu.byKind();
          validation = Math.max(validation, perSecond(records, () -> validateAll(pool, threads, lines)));
          long afterValidation = processCpuNanos();
          Map<String, Long> threadsAfterValidation = ThreadCpu.byKind();
          if (afterUpload - cpu < uploadCpu) {
            uploadCpu = afterUpload - cpu;
            ThreadCpu.perRecord(threadsBefore, threadsAfterUpload, records, uploadByThreads);
          }
          if (afterValidation - afterUpload < validationCpu) {
            validationCpu = afterValidation - afterUpload;
            ThreadCpu.perRecord(threadsAfterUpload, threadsAfterValidation, records, validationByThreads);
          }
        }
      }
    } finally {
      pool.shutdown();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return new double[] {upload, validation, uploadCpu / 1e3 / records, validationCpu / 1e3 / records};
  }

  /** CPU time of the whole process, every thread (hub, client, JIT, collector). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static final int SHARE_ROUNDS = 3;

  private static void upload(OkHttpClient http, SstcHub hub, byte[] ndjson, int records) {
    Request request = new Request.Builder().url(hub.baseUrl() + "/packages")
        .header("Authorization", "Bearer " + TOKEN)
        .post(RequestBody.create(ndjson, NDJSON)).build();
    try (Response response = http.newCall(request).execute()) {
      String report = response.body().string();
      if (response.code() != 200 || !report.contains("\"created\":" + records)) {
        throw new IllegalStateException("upload answered " + response.code() + ": "
            + report.substring(0, Math.min(300, report.length())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the hub's bulk workers do to each line before the write: parse, validate, bind. */
  private static void validateAll(ExecutorService pool, int threads, List<byte[]> lines) {
    SstcJson json = SstcJson.standard();
    Validator validator = Validator.standard();
    List<Future<Integer>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      parts.add(pool.submit(() -> {
        int valid = 0;
        for (int i = first; i < lines.size(); i += threads) {
          ValidationReport report = JsonStreams.validateTree(validator, json.readTree(lines.get(i)), record -> {});
          valid += report.valid() ? 1 : 0;
        }
        return valid;
      }));
    }
    int valid = 0;
    try {
      for (Future<Integer> part : parts) {
        valid += part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (valid != lines.size()) {
      throw new IllegalStateException(valid + " of " + lines.size() + " lines valid");
    }
  }
}
