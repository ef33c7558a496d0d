package org.sstc.exchange.maven.internal;

import org.sstc.exchange.report.ToolVersion;

/** The plugin's version, as the build wrote it into {@code version.properties}: the SARIF driver's version. */
final class PluginVersion {
  private PluginVersion() {}

  /** The version, e.g. {@code 1.0.0}, or {@code unknown} when the file is missing. */
  static String get() {
    return ToolVersion.read(PluginVersion.class.getResourceAsStream("version.properties"));
  }
}
