package org.sstc.exchange.maven.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's version, as the build wrote it into {@code version.properties}: the SARIF driver's version. */
final class PluginVersion {
  private PluginVersion() {}

  /** The version, e.g. {@code 1.0.0}, or {@code unknown} when the file is missing. */
  static String get() {
    try (InputStream in = PluginVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
