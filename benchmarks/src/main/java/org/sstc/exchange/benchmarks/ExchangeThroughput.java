package org.sstc.exchange.benchmarks;

import java.io.IOException;
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
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.testkit.SstcHub;

/**
 * The client's cost over a bare OkHttp call, and bulk against one-by-one publishing, measured
 * against an in-process {@link SstcHub} over loopback in one JVM run:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.sstc.exchange.benchmarks.ExchangeThroughput 2000 20000
 * </pre>
 *
 * <p>The first argument is the number of calls per measured series (GET and create), the second
 * the number of records for the bulk series. Each series runs twice and the second run is the
 * figure (the first warms the JIT, the connection pool and the hub). Bare OkHttp calls send bytes
 * made beforehand and read the answer's bytes; the client's calls do what a user gets: validate
 * before sending, write and read the model, check the record the hub returns.
 *
 * <p>A harness rather than JMH: each series is thousands of network round trips through a hub
 * whose state grows, which JMH's fixed-iteration model measures no better.
 */
public final class ExchangeThroughput {
  private static final String ORG = "XM-DAC-41301";
  private static final String TOKEN = "benchmark-token";
  private static final MediaType JSON = MediaType.get("application/json");

  private ExchangeThroughput() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int bulkRecords = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    SstcJson json = SstcJson.standard();
    Initiative template = json.read(ValidationBenchmark.resource("initiative.json"), Initiative.class)
        .toBuilder().reportingOrg(new org.sstc.exchange.core.OrgRef(ORG, "FAO")).build();

    try (SstcHub hub = SstcHub.builder().token(ORG, TOKEN).build().start();
        SstcClient client = SstcClient.builder().baseUrl(hub.baseUrl()).token(TOKEN).build()) {
      OkHttpClient bare = new OkHttpClient.Builder().build();
      String base = hub.baseUrl().toString();
      String readId = client.initiatives().create(withId(template, "READ")).record().id();

      double bareGet = perCall(calls, i -> bareGet(bare, base + "/initiatives/" + readId));
      double clientGet = perCall(calls, i -> client.initiatives().get(readId));
      System.out.printf("GET    bare OkHttp %8.1f µs/call, SstcClient %8.1f µs/call, ratio %.2f%n",
          bareGet, clientGet, clientGet / bareGet);

      double bareCreate = perCall(calls, i -> bareCreate(bare, base,
          json.write(withId(template, "BARE-" + i))));
      double clientCreate = perCall(calls, i -> client.initiatives().create(
          withId(template, "CLIENT-" + i)));
      System.out.printf("create bare OkHttp %8.1f µs/call, SstcClient %8.1f µs/call, ratio %.2f%n",
          bareCreate, clientCreate, clientCreate / bareCreate);

      int oneByOne = Math.max(1, bulkRecords / 10);
      double oneByOneRate = recordsPerSecond(oneByOne, run -> IntStream.range(0, oneByOne)
          .forEach(i -> client.initiatives().create(withId(template, "ONE-" + run + "-" + i))));
      double bulkRate = recordsPerSecond(bulkRecords, run -> {
        BulkReport report = client.publish(IntStream.range(0, bulkRecords)
            .mapToObj(i -> withId(template, "BULK-" + run + "-" + i)));
        if (report.created() != bulkRecords) {
          throw new IllegalStateException("bulk created " + report.created() + " of " + bulkRecords);
        }
      });
      System.out.printf("publish one by one %,10.0f records/s (%d records), bulk NDJSON %,10.0f records/s "
          + "(%d records), ratio %.1f%n", oneByOneRate, oneByOne, bulkRate, bulkRecords, bulkRate / oneByOneRate);
      bare.dispatcher().executorService().shutdown();
      bare.connectionPool().evictAll();
    }
  }

  private static Initiative withId(Initiative template, String suffix) {
    return template.toBuilder().id(ORG + "-BENCH-" + suffix).build();
  }

  /** Microseconds per call of the second of two runs. */
  private static double perCall(int calls, IntConsumer call) {
    double last = 0;
    for (int run = 0; run < 2; run++) {
      int offset = run * calls;
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        call.accept(offset + i);
      }
      last = (System.nanoTime() - start) / 1e3 / calls;
    }
    return last;
  }

  private static double recordsPerSecond(int records, IntConsumer run) {
    double last = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
      long start = System.nanoTime();
      run.accept(attempt);
      last = records / ((System.nanoTime() - start) / 1e9);
    }
    return last;
  }

  private static void bareGet(OkHttpClient http, String url) {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException("GET " + url + ": " + response.code());
      }
      response.body().bytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void bareCreate(OkHttpClient http, String base, byte[] body) {
    Request request = new Request.Builder().url(base + "/initiatives")
        .header("Authorization", "Bearer " + TOKEN)
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .post(RequestBody.create(body, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 201) {
        throw new IllegalStateException("POST: " + response.code() + " " + response.body().string());
      }
      response.body().bytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
