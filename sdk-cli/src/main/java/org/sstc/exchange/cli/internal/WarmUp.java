package org.sstc.exchange.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Validator;

/**
 * Readies the validator for {@code sstc validate} on the second core while the first parses the
 * command line: picocli takes about 80 ms of a one-file run, and the validator as long again to
 * build its readers and compile the schema of the record's version (benchmarks/README.md, "Stop
 * 25"). It validates the run's first JSON file, or the first JSON file of its first folder, and
 * drops the result: that file says which version to compile, and the run checks it again, then in
 * its turn.
 *
 * <p>The command waits for the warm-up ({@link #finish}) before it touches the validator or the
 * reports, so the two threads never initialise the same classes at once: picocli and the JDK's on
 * one side, the SDK's and Jackson's on the other (a class-initialisation cycle between two threads
 * would hang the run).
 */
public final class WarmUp {
  /** Larger files are left alone: reading them twice would cost more than the warm-up saves. */
  private static final long MAX_BYTES = 1 << 20;

  private static volatile @Nullable Thread running;

  private WarmUp() {}

  /** Starts the warm-up if {@code args} is a validate command that names a JSON file or folder. */
  public static void start(String[] args) {
    if (args.length < 2 || !args[0].equals("validate")) {
      return;
    }
    Thread thread = new Thread(() -> warm(List.of(args).subList(1, args.length)), "sstc-warm-up");
    thread.setDaemon(true); // never holds up the exit
    running = thread;
    thread.start();
  }

  /** Waits for the warm-up started by {@link #start}, if any, to end. */
  public static void finish() {
    Thread thread = running;
    running = null;
    if (thread == null) {
      return;
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void warm(List<String> args) {
    try {
      Path file = firstJsonFile(args);
      if (file != null) {
        try (InputStream in = Files.newInputStream(file)) {
          Validator.standard().validateStream(in, Validator.Format.JSON, issue -> { });
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // Only time is at stake: the run itself reads the file and reports what is wrong with it.
    }
  }

  /** The first argument that is a small *.json file, or the first such file directly in a folder. */
  private static @Nullable Path firstJsonFile(List<String> args) throws IOException {
    for (String arg : args) {
      if (arg.startsWith("-")) {
        continue; // an option, or standard input; an option's value is looked at and passed by
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
          for (Path entry : entries) {
            if (isSmallJson(entry)) {
              return entry;
            }
          }
        }
        return null;
      }
      if (isSmallJson(path)) {
        return path;
      }
    }
    return null;
  }

  private static boolean isSmallJson(Path path) throws IOException {
    return path.getFileName() != null
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
        && Files.isRegularFile(path)
        && Files.size(path) <= MAX_BYTES;
  }
}
