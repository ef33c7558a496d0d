package org.sstc.exchange.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of this process's threads by kind, the JVM's own included (the collector's and the
 * JIT compilers', which neither JFR's execution samples nor {@code ThreadMXBean} see), read from
 * Linux's {@code /proc/self/task}; empty elsewhere. Clock ticks of 10 ms: read it over thousands
 * of records.
 */
final class ThreadCpu {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double MICROS_A_TICK = 10_000; // USER_HZ is 100 on Linux

  private ThreadCpu() {}

  /** Clock ticks of user and system time so far, by kind of thread. */
  static Map<String, Long> byKind() {
    Map<String, Long> ticks = new TreeMap<>();
    if (!Files.isDirectory(TASKS)) {
      return ticks;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          // After "pid (name) ": state is field 3, utime 14 and stime 15 of proc(5).
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(kind(Files.readString(task.resolve("comm")).trim()),
              Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (NoSuchFileException ended) {
          // the thread ended between listing and reading
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ticks;
  }

  private static String kind(String name) {
    if (name.startsWith("GC Thread") || name.startsWith("G1")) {
      return "collector";
    }
    if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
      return "JIT";
    }
    if (name.startsWith("sstc-hub-") && name.contains("bulk")) {
      return "hub bulk workers";
    }
    if (name.startsWith("sstc-hub-")) {
      return "hub request threads";
    }
    if (name.startsWith("pool-")) {
      return "validation threads";
    }
    if (name.equals("java")) {
      return "main (client)";
    }
    return "other";
  }

  /** Puts into {@code out} each kind's µs of CPU a record between two readings. */
  static void perRecord(Map<String, Long> before, Map<String, Long> after, int records, Map<String, Double> out) {
    out.clear();
    after.forEach((kind, ticks) -> {
      long spent = ticks - before.getOrDefault(kind, 0L);
      if (spent > 0) {
        out.put(kind, spent * MICROS_A_TICK / records);
      }
    });
  }

  static String describe(Map<String, Double> perRecord) {
    return perRecord.isEmpty() ? "(no /proc/self/task here)" : perRecord.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
