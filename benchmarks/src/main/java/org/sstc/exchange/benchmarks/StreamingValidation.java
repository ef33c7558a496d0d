package org.sstc.exchange.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.sstc.exchange.core.Validator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streaming validation of a large generated NDJSON file, to show that memory stays flat whatever
 * the size. Run it with a small heap:
 *
 * <pre>
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar \
 *     org.sstc.exchange.benchmarks.StreamingValidation /tmp/records.ndjson 1024
 * </pre>
 *
 * It writes the file (if absent) with the given size in MB, then reads it twice in the same JVM:
 * once with Jackson {@code readTree} per line (the baseline) and once with the SDK's streaming
 * validator (which checks lines on every core, their issues in line order), and prints MB/s for
 * each, their ratio, and the peak heap used after each pass.
 * Timing is done with this harness rather than JMH because one pass over a gigabyte is the
 * measurement: JMH's repetition would only multiply the minutes.
 */
public final class StreamingValidation {
  private StreamingValidation() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "records.ndjson");
    long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 1024;
    if (!Files.exists(file) || Files.size(file) < megabytes << 20) {
      generate(file, megabytes << 20);
    }
    long size = Files.size(file);
    System.out.printf("file: %s, %.1f MB, max heap %d MB%n", file, size / 1e6, Runtime.getRuntime().maxMemory() >> 20);

    JsonMapper mapper = JsonMapper.builder().build();
    HeapPeak.reset();
    long start = System.nanoTime();
    long lines = 0;
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        mapper.readTree(line);
        lines++;
      }
    }
    double baselineSeconds = (System.nanoTime() - start) / 1e9;
    long baselinePeak = HeapPeak.bytes();

    HeapPeak.reset();
    AtomicLong issues = new AtomicLong();
    start = System.nanoTime();
    Validator.Summary summary;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      summary = Validator.standard().validateStream(in, Validator.Format.NDJSON, issue -> issues.incrementAndGet());
    }
    double sdkSeconds = (System.nanoTime() - start) / 1e9;
    long sdkPeak = HeapPeak.bytes();

    System.out.printf("records: %d lines, %d validated, %d errors, %d warnings%n", lines, summary.records(), summary.errors(), summary.warnings());
    System.out.printf("baseline readTree per line: %.1f MB/s, peak heap %d MB%n", size / 1e6 / baselineSeconds, baselinePeak >> 20);
    System.out.printf("SDK streaming validation:  %.1f MB/s, peak heap %d MB%n", size / 1e6 / sdkSeconds, sdkPeak >> 20);
    System.out.printf("ratio SDK time / baseline time: %.2f%n", sdkSeconds / baselineSeconds);
  }

  /** Writes valid initiatives, one a line, each with its own id, until the file has {@code bytes}. */
  static void generate(Path file, long bytes) throws IOException {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode template = (ObjectNode) mapper.readTree(ValidationBenchmark.resource("initiative.json"));
    String id = template.get("id").asString();
    long written = 0;
    int n = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      while (written < bytes) {
        template.put("id", id + "-" + n++);
        byte[] line = mapper.writeValueAsBytes(template);
        out.write(line);
        out.write('\n');
        written += line.length + 1;
      }
    }
  }
}
