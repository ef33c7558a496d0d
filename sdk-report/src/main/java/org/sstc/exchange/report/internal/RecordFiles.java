package org.sstc.exchange.report.internal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which files a directory holds for validation: the names that {@code sstc validate DIR} and the
 * Maven plugin's directory walk pick up.
 */
public final class RecordFiles {
  private RecordFiles() {}

  /**
   * True for {@code *.json}, {@code *.ndjson} and {@code *.jsonl}, in any case.
   *
   * @param file the file; only its name is looked at
   * @return whether a directory walk picks it up
   */
  public static boolean isRecordFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl");
  }
}
