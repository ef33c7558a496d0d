package org.sstc.exchange.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import okhttp3.OkHttp;

/** The {@code User-Agent} the client sends: {@code sstc-exchange-java/1.0.0 okhttp/5.5.1 java/17}. */
public final class UserAgent {
  private static final String VALUE =
      "sstc-exchange-java/" + version() + " okhttp/" + OkHttp.VERSION + " java/"
          + System.getProperty("java.specification.version", "unknown");

  private UserAgent() {}

  public static String value() {
    return VALUE;
  }

  /** The SDK's version: from the filtered {@code version.properties}, else the jar manifest. */
  public static String version() {
    try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (!version.isBlank() && !version.startsWith("${")) {
          return version.trim();
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String fromManifest = UserAgent.class.getPackage().getImplementationVersion();
    return fromManifest == null ? "unknown" : fromManifest;
  }
}
