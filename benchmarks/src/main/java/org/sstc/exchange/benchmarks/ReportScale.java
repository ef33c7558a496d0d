package org.sstc.exchange.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sstc.exchange.report.HtmlReport;
import org.sstc.exchange.report.ValidationRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTML report on many records against validating the same file, which every report does
 * first:
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar org.sstc.exchange.benchmarks.ReportScale \
 *     sdk-examples/src/main/resources/org/sstc/exchange/examples/sample-package.json 10000 /tmp/report-scale
 * </pre>
 *
 * It writes an NDJSON file of N initiatives (the package's, copied with distinct ids), then times
 * in one JVM, in interleaved rounds (one warm-up, five measured, the median reported), {@code
 * ValidationRun} over the file (the baseline), the report in English, the report in Chinese, and
 * the report of the file given twice (every record a duplicate to drop); prints each one's seconds
 * and ratio to the baseline, the page's size, and the peak heap of a report.
 */
public final class ReportScale {
  private ReportScale() {}

  public static void main(String[] args) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    JsonNode sample = json.readTree(Files.readAllBytes(Path.of(args[0])));
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path dir = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "report-scale"));
    Path file = dir.resolve("initiatives.ndjson");
    Path copy = Files.createDirectories(dir.resolve("copy")).resolve("initiatives.ndjson");
    JsonNode initiatives = sample.path("initiatives");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        ObjectNode initiative = (ObjectNode) initiatives.get(i % initiatives.size()).deepCopy();
        initiative.put("id", initiative.path("id").asString() + "-C" + i);
        out.write(json.writeValueAsString(initiative));
        out.write('\n');
      }
    }
    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.printf("%d initiatives, %d MB of NDJSON, max heap %d MB%n", count, Files.size(file) >> 20,
        Runtime.getRuntime().maxMemory() >> 20);

    String[] names = {"validate (baseline)", "report en", "report zh", "report, file given twice"};
    List<List<Double>> seconds = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      seconds.add(new ArrayList<>());
    }
    int pageBytes = 0;
    long peak = 0;
    for (int round = 0; round < 6; round++) {
      for (int pass = 0; pass < names.length; pass++) {
        HeapPeak.reset();
        long start = System.nanoTime();
        switch (pass) {
          case 0 -> ValidationRun.builder().build().run(List.of(file.toString()));
          case 1 -> pageBytes = HtmlReport.builder().add(file).build().html().length();
          case 2 -> HtmlReport.builder().language("zh").add(file).build();
          default -> {
            HtmlReport twice = HtmlReport.builder().add(file).add(copy).build();
            if (twice.duplicateCount() != count) {
              throw new IllegalStateException("expected " + count + " duplicates, got " + twice.duplicateCount());
            }
          }
        }
        double s = (System.nanoTime() - start) / 1e9;
        if (pass == 1) {
          peak = Math.max(peak, HeapPeak.bytes());
        }
        if (round > 0) {
          seconds.get(pass).add(s);
        }
      }
    }
    double baseline = median(seconds.get(0));
    for (int pass = 0; pass < names.length; pass++) {
      double m = median(seconds.get(pass));
      System.out.printf("%-26s %7.2f s  %5.2fx%n", names[pass], m, m / baseline);
    }
    System.out.printf("page: %d MB (%d chars); peak heap of a report: %d MB%n", pageBytes >> 20, pageBytes, peak >> 20);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
