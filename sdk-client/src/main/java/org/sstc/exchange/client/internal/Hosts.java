package org.sstc.exchange.client.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Which hosts may be spoken to over plain HTTP: only this machine. */
public final class Hosts {
  private Hosts() {}

  /**
   * True for {@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8} and {@code ::1}. Decided
   * on the name alone, without a DNS lookup (which could be spoofed or slow).
   */
  public static boolean isLoopback(HttpUrl url) {
    String host = url.host().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    if (host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    return host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
