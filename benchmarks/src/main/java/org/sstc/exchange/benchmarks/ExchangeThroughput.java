package org.sstc.exchange.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.hub.SstcHub;

/**
 * The client's cost over bare OkHttp calls, and bulk against one-by-one publishing, measured
 * against an in-process {@link SstcHub} over loopback in one JVM run:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.sstc.exchange.benchmarks.ExchangeThroughput 1000 20000
 * </pre>
 *
 * <p>The first argument is the number of calls per measured series, the second the number of
 * records per bulk upload. Series are interleaved in rounds (one warm-up round, then five
 * measured), and each figure is the median of its rounds, so that a machine busy with other work
 * slows every series alike.
 *
 * <p>Baselines: a bare OkHttp call that sends bytes made beforehand and reads the answer's bytes;
 * and the same call followed by what any client must do to hand the caller a record (read the
 * JSON into the model with Jackson, or write the model to JSON before sending). The SDK's calls
 * do what a user gets: headers, retries and deadline, the model read and written, and, for
 * create, the record validated before it is sent (also measured with that check off).
 *
 * <p>Bulk runs with a rich initiative (the 5.7 KB {@code initiative.json}) and with a
 * minimal one (the standard's required members only, about 0.9 KB).
 *
 * <p>A harness rather than JMH: each series is thousands of network round trips through a hub
 * whose state grows, which JMH's fixed-iteration model measures no better.
 */
public final class ExchangeThroughput {
  private static final String ORG = "XM-DAC-41301";
  private static final String TOKEN = "benchmark-token";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int ROUNDS = 5;

  private ExchangeThroughput() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int bulkRecords = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    SstcJson json = SstcJson.standard();
    Initiative rich = json.read(ValidationBenchmark.resource("initiative.json"), Initiative.class)
        .toBuilder().reportingOrg(OrgRef.of(ORG, "FAO")).build();
    Initiative minimal = minimalOf(rich);
    System.out.printf("records: rich %d bytes, minimal %d bytes; %d calls a series, %d rounds (median)%n",
        json.write(rich).length, json.write(minimal).length, calls, ROUNDS);

    try (SstcHub hub = SstcHub.builder().token(ORG, TOKEN).build().start();
        SstcClient client = SstcClient.builder().baseUrl(hub.baseUrl()).token(TOKEN).build();
        SstcClient unchecked = SstcClient.builder().baseUrl(hub.baseUrl()).token(TOKEN)
            .validateBeforeSend(false).build()) {
      OkHttpClient bare = new OkHttpClient.Builder().build();
      String base = hub.baseUrl().toString();
      String readId = client.initiatives().create(withId(rich, "READ")).record().id();
      String readUrl = base + "/initiatives/" + readId;
      AtomicInteger ids = new AtomicInteger();

      Map<String, IntConsumer> gets = new LinkedHashMap<>();
      gets.put("GET bare OkHttp (bytes)", i -> bareGet(bare, readUrl));
      gets.put("GET bare OkHttp + Jackson into the model", i ->
          json.bind(json.readTree(bareGet(bare, readUrl)), Initiative.class));
      gets.put("GET SstcClient", i -> client.initiatives().get(readId));
      Map<String, Double> getFigures = measure(gets, calls);
      report(getFigures, "GET bare OkHttp (bytes)", "GET bare OkHttp + Jackson into the model");

      Map<String, IntConsumer> creates = new LinkedHashMap<>();
      creates.put("create bare OkHttp (bytes)", i -> bareCreate(bare, base,
          json.write(withId(rich, "BARE-" + ids.incrementAndGet()))));
      creates.put("create bare OkHttp + Jackson both ways", i -> json.bind(json.readTree(bareCreate(bare, base,
          json.write(withId(rich, "JACKSON-" + ids.incrementAndGet())))), Initiative.class));
      creates.put("create SstcClient (validates first)", i -> client.initiatives().create(
          withId(rich, "CLIENT-" + ids.incrementAndGet())));
      creates.put("create SstcClient, validateBeforeSend(false)", i -> unchecked.initiatives().create(
          withId(rich, "UNCHECKED-" + ids.incrementAndGet())));
      Map<String, Double> createFigures = measure(creates, calls);
      report(createFigures, "create bare OkHttp (bytes)", "create bare OkHttp + Jackson both ways");

      for (Initiative template : List.of(rich, minimal)) {
        String kind = template == rich ? "rich" : "minimal";
        int oneByOne = Math.max(1, bulkRecords / 10);
        double oneByOneRate = recordsPerSecond(oneByOne, run -> IntStream.range(0, oneByOne)
            .forEach(i -> client.initiatives().create(withId(template, kind + "-ONE-" + run + "-" + i))));
        double bulkRate = recordsPerSecond(bulkRecords, run -> {
          BulkReport report = client.publish(IntStream.range(0, bulkRecords)
              .mapToObj(i -> withId(template, kind + "-BULK-" + run + "-" + i)));
          if (report.created() != bulkRecords) {
            throw new IllegalStateException("bulk created " + report.created() + " of " + bulkRecords);
          }
        });
        System.out.printf("publish %-7s one by one %,8.0f records/s (%d records); bulk NDJSON %,8.0f records/s "
            + "(%d records in one request); bulk / one by one %.1f%n",
            kind, oneByOneRate, oneByOne, bulkRate, bulkRecords, bulkRate / oneByOneRate);
      }
      bare.dispatcher().executorService().shutdown();
      bare.connectionPool().evictAll();
    }
  }

  /** The standard's required members of {@code rich} only (about 1.7 KB). */
  static Initiative minimalOf(Initiative rich) {
    return Initiative.builder()
        .id(ORG + "-MINIMAL")
        .reportingOrg(rich.reportingOrg())
        .title(rich.title())
        .modality(rich.modality())
        .instrument(rich.instrument())
        .status(rich.status())
        .dates(rich.dates())
        .participants(rich.participants())
        .lastUpdated(rich.lastUpdated())
        .build();
  }

  private static Initiative withId(Initiative template, String suffix) {
    return template.toBuilder().id(ORG + "-BENCH-" + suffix).build();
  }

  /** Median microseconds per call of each series, over interleaved rounds after a warm-up round. */
  private static Map<String, Double> measure(Map<String, IntConsumer> series, int calls) {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    series.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
    for (int round = 0; round <= ROUNDS; round++) {
      for (Map.Entry<String, IntConsumer> entry : series.entrySet()) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          entry.getValue().accept(i);
        }
        double perCall = (System.nanoTime() - start) / 1e3 / calls;
        if (round > 0) {
          Objects.requireNonNull(samples.get(entry.getKey()), "samples has every series").add(perCall);
        }
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    samples.forEach((name, values) -> {
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      medians.put(name, sorted[sorted.length / 2]);
      System.out.printf("  %-48s rounds %s µs%n", name, Arrays.toString(
          values.stream().mapToLong(Math::round).toArray()));
    });
    return medians;
  }

  private static void report(Map<String, Double> figures, String bytesBaseline, String modelBaseline) {
    double bytes = Objects.requireNonNull(figures.get(bytesBaseline), bytesBaseline + " was measured");
    double model = Objects.requireNonNull(figures.get(modelBaseline), modelBaseline + " was measured");
    figures.forEach((name, value) -> System.out.printf("%-50s %8.1f µs/call  %.2f× bytes  %.2f× +Jackson%n",
        name, value, value / bytes, value / model));
  }

  /**
   * The median rate of {@link #ROUNDS} runs after three warm-up runs (the bulk path's rate keeps
   * rising over the first few uploads while the JIT compiles it). Each run writes new records.
   */
  private static double recordsPerSecond(int records, IntConsumer run) {
    int warmUps = 3;
    double[] rates = new double[ROUNDS];
    for (int attempt = 0; attempt < warmUps + ROUNDS; attempt++) {
      long start = System.nanoTime();
      run.accept(attempt);
      if (attempt >= warmUps) {
        rates[attempt - warmUps] = records / ((System.nanoTime() - start) / 1e9);
      }
    }
    System.out.printf("  runs %s records/s%n", Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()));
    Arrays.sort(rates);
    return rates[ROUNDS / 2];
  }

  private static byte[] bareGet(OkHttpClient http, String url) {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException("GET " + url + ": " + response.code());
      }
      return response.body().bytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] bareCreate(OkHttpClient http, String base, byte[] body) {
    Request request = new Request.Builder().url(base + "/initiatives")
        .header("Authorization", "Bearer " + TOKEN)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .post(RequestBody.create(body, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 201) {
        throw new IllegalStateException("POST: " + response.code() + " " + response.body().string());
      }
      return response.body().bytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
