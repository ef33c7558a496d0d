package org.sstc.exchange.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The version a tool was built as, read from the {@code version.properties} file the build filters
 * next to its classes: {@code sstc --version} and the SARIF driver of both the command and the Maven
 * plugin. The caller opens the file, with its own class, so that the lookup stays in its module.
 *
 * @since 1.0
 */
public final class ToolVersion {
  private ToolVersion() {}

  /**
   * The {@code version} property, e.g. {@code 1.0.0}.
   *
   * @param properties the opened {@code version.properties}, closed here; null when it is missing
   * @return the version, or {@code unknown} when the file is missing, unreadable or has none
   */
  public static String read(@Nullable InputStream properties) {
    if (properties == null) {
      return "unknown";
    }
    try (InputStream in = properties) {
      Properties loaded = new Properties();
      loaded.load(in);
      return loaded.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
