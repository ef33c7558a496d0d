package org.sstc.exchange.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * each, their ratio, and the peak heap used after each pass. The SDK pass runs twice: a new JVM's
 * first pass, and the same again once the JIT has compiled the validator.
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

    // The SDK pass twice: the first is what `sstc validate` gets in a new JVM, the second shows
    // the steady state once the JIT has compiled the validator (on 2 cores the compiler's threads
    // take much of the first pass's CPU: the JIT and process CPU seconds of each pass say how much).
    Pass first = sdkPass(file);
    Pass second = sdkPass(file);

    System.out.printf("records: %d lines, %d validated, %d errors, %d warnings%n", lines, first.summary.records(),
        first.summary.errors(), first.summary.warnings());
    System.out.printf("baseline readTree per line: %.1f MB/s, peak heap %d MB%n", size / 1e6 / baselineSeconds, baselinePeak >> 20);
    System.out.printf("SDK streaming validation:  %.1f MB/s, peak heap %d MB; process CPU %.1f s, JIT compiler threads busy %.1f s%n",
        size / 1e6 / first.seconds, first.peak >> 20, first.cpuSeconds, first.jitSeconds);
    System.out.printf("SDK again, same JVM:       %.1f MB/s, peak heap %d MB; process CPU %.1f s, JIT compiler threads busy %.1f s%n",
        size / 1e6 / second.seconds, second.peak >> 20, second.cpuSeconds, second.jitSeconds);
    System.out.printf("ratio SDK time / baseline time: %.2f (again: %.2f)%n", first.seconds / baselineSeconds,
        second.seconds / baselineSeconds);
  }

  private record Pass(Validator.Summary summary, double seconds, long peak, double cpuSeconds, double jitSeconds) {}

  private static Pass sdkPass(Path file) throws IOException {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    HeapPeak.reset();
    long cpu = os.getProcessCpuTime();
    long compiling = jit.getTotalCompilationTime();
    long start = System.nanoTime();
    Validator.Summary summary;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      summary = Validator.standard().validateStream(in, Validator.Format.NDJSON, issue -> { });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Pass(summary, seconds, HeapPeak.bytes(), (os.getProcessCpuTime() - cpu) / 1e9,
        (jit.getTotalCompilationTime() - compiling) / 1e3);
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
