package org.sstc.exchange.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.hub.HubStorage;
import org.sstc.exchange.hub.SstcHub;

/**
 * Where a PostgreSQL bulk upload spends its time on the database's side (issue "A hub agencies can
 * run"): bulk uploads over loopback to a memory hub and a PostgreSQL hub, alternating, minimal and
 * rich records, then the server's own account of them from {@code pg_stat_statements} (calls, rows,
 * total execution and planning time per statement, the costliest first). Run it under JFR for the
 * Java side:
 *
 * <pre>
 * java -XX:StartFlightRecording=settings=profile,filename=pg-bulk.jfr -cp benchmarks/target/benchmarks.jar \
 *     org.sstc.exchange.benchmarks.PostgresBulkProfile 3000 3 [synchronous_commit=off|on]
 * </pre>
 *
 * <p>Arguments: records per upload (default 3 000), uploads per store and record size (default 3,
 * after one warm-up each), and the server's {@code synchronous_commit} (zonky's embedded server
 * runs with {@code off}, a production server with {@code on}: each commit then waits for its WAL
 * flush). Prints the median rates and the ratio PostgreSQL / memory per record size, and for each
 * PostgreSQL upload the CPU time of the server's processes during it (Linux {@code /proc}), a
 * record and as a share of the upload's wall time: a chunk is written by one backend at a time (the
 * single writer that keeps the feed in commit order), so a share near 100% means the database's
 * one core is the bound.
 */
final class PostgresBulkProfile {
  private static final String ORG = "XM-DAC-41301";
  private static final String TOKEN = "benchmark-token-0123456789";

  private PostgresBulkProfile() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String synchronousCommit = args.length > 2 ? args[2].replace("synchronous_commit=", "") : "off";
    SstcJson json = SstcJson.standard();
    Initiative rich = json.read(ValidationBenchmark.resource("initiative.json"), Initiative.class)
        .toBuilder().reportingOrg(OrgRef.of(ORG, "FAO")).build();
    Initiative minimal = ExchangeThroughput.minimalOf(rich);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track", "all")
        .setServerConfig("pg_stat_statements.track_planning", "on")
        .setServerConfig("synchronous_commit", synchronousCommit)
        .start()) {
      System.out.printf("%d records an upload, %d uploads after a warm-up, synchronous_commit=%s, load average %.2f%n",
          records, runs, synchronousCommit, load());
      int[] databases = {0};
      for (var template : List.of(minimal, rich)) {
        String kind = template == minimal ? "minimal" : "rich";
        List<Double> memory = new ArrayList<>();
        List<Double> sql = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
          double m = upload(HubStorage.memory(), template, records, kind + run).rate();
          String url = HubStores.newDatabase(postgres, "profile" + ++databases[0]);
          if (run == runs) {
            reset(postgres); // the server's statistics of the last upload alone
          }
          Upload postgresql = upload(HubStorage.postgresql(url, "postgres", "postgres"), template, records, kind + run);
          double p = postgresql.rate();
          double serverMicros = postgresql.serverMillis() * 1000.0 / records;
          if (run > 0) {
            memory.add(m);
            sql.add(p);
          }
          System.out.printf("  %-7s run %d: memory %,7.0f, PostgreSQL %,7.0f records/s (%.2f×), server CPU %.0f µs a record"
              + " (busy %.0f%% of the upload), load average %.2f%n", kind, run, m, p, p / m, serverMicros,
              serverMicros * p / 1e4, load());
        }
        System.out.printf("%-7s median: memory %,7.0f, PostgreSQL %,7.0f records/s, ratio of medians %.2f%n",
            kind, median(memory), median(sql), median(sql) / median(memory));
        statements(postgres, kind);
      }
    }
  }

  /** One bulk upload: records a second, and the CPU time of the PostgreSQL server's processes during it. */
  private record Upload(double rate, long serverMillis) {}

  private static Upload upload(HubStorage storage, Initiative template, int records, String prefix) {
    storage.addToken(ORG, TOKEN);
    try (storage;
        SstcHub hub = SstcHub.builder().storage(storage).build().start();
        SstcClient client = SstcClient.builder().baseUrl(hub.baseUrl()).token(TOKEN).build()) {
      long serverBefore = serverCpuMillis();
      long start = System.nanoTime();
      BulkReport report = client.publish(IntStream.range(0, records)
          .mapToObj(i -> HubStores.variant(template, "P-" + prefix + "-" + i, i)));
      double rate = records / ((System.nanoTime() - start) / 1e9);
      long serverMillis = serverCpuMillis() - serverBefore;
      if (report.created() != records) {
        throw new IllegalStateException("bulk created " + report.created() + " of " + records);
      }
      return new Upload(rate, serverMillis);
    }
  }

  private static void reset(EmbeddedPostgres postgres) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** The server's statements of the last PostgreSQL upload, the costliest first. */
  private static void statements(EmbeddedPostgres postgres, String kind) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT calls, rows, total_exec_time, total_plan_time, query"
            + " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'"
            + " ORDER BY total_exec_time DESC LIMIT 14")) {
      System.out.printf("  %s, last PostgreSQL upload, pg_stat_statements (server execution time):%n", kind);
      System.out.printf("  %8s %8s %10s %9s  %s%n", "calls", "rows", "total ms", "plan ms", "statement");
      while (rows.next()) {
        String query = rows.getString(5).replaceAll("\\s+", " ");
        System.out.printf("  %8d %8d %10.1f %9.3f  %s%n", rows.getLong(1), rows.getLong(2), rows.getDouble(3),
            rows.getDouble(4), query.length() > 110 ? query.substring(0, 110) + "…" : query);
      }
    }
  }

  /**
   * The CPU time of every PostgreSQL process so far, in milliseconds (Linux {@code /proc}): each
   * process's own time and that of its children that exited (a backend's time moves to the
   * postmaster when its connection closes). 0 where {@code /proc} is not there.
   */
  private static long serverCpuMillis() {
    long ticks = 0;
    java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
    for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
      try {
        String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
        int close = stat.lastIndexOf(')');
        if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // fields from the third of proc(5): utime, stime, cutime, cstime are the 14th to 17th
        for (int i = 11; i <= 14; i++) {
          ticks += Long.parseLong(fields[i]);
        }
      } catch (java.io.IOException | RuntimeException gone) {
        // the process ended while it was read
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  }

  private static double median(List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
