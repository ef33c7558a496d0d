package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Links behind a TLS-terminating proxy: the forwarding headers count only from a configured proxy.
 * The test is the proxy: its peer address is 127.0.0.1, which one hub trusts and the other not.
 */
class ProxiesTest {
  private static SstcHub hub(String... proxies) {
    SstcHub hub = SstcHub.builder().token(Wire.FAO, Wire.FAO_TOKEN).trustedProxies(proxies).build().start();
    Wire wire = new Wire(hub);
    for (String id : new String[] {"XM-DAC-41301-P1", "XM-DAC-41301-P2"}) {
      assertThat(wire.write("POST", "/initiatives", Wire.initiative(id)).statusCode()).isEqualTo(201);
    }
    return hub;
  }

  private static String nextLink(SstcHub hub, String... headers) {
    Wire wire = new Wire(hub);
    HttpResponse<String> page = wire.get("/initiatives?limit=1", headers);
    assertThat(page.statusCode()).isEqualTo(200);
    return page.headers().firstValue("Link").orElseThrow();
  }

  @Test
  void fromATrustedProxyLinksUseThePublicSchemeHostAndPort() {
    try (SstcHub hub = hub("127.0.0.1")) {
      assertThat(nextLink(hub, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "hub.example.org"))
          .startsWith("<https://hub.example.org/initiatives?limit=1&cursor=");
      assertThat(nextLink(hub, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "hub.example.org",
          "X-Forwarded-Port", "8443")).startsWith("<https://hub.example.org:8443/initiatives?");
      assertThat(nextLink(hub, "Forwarded", "for=203.0.113.7;proto=https;host=\"api.example.org\""))
          .startsWith("<https://api.example.org/initiatives?");
    }
  }

  @Test
  void aNetworkOfProxiesIsTrustedToo() {
    try (SstcHub hub = hub("127.0.0.0/8")) {
      assertThat(nextLink(hub, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "hub.example.org"))
          .startsWith("<https://hub.example.org/initiatives?");
    }
  }

  @Test
  void fromAnyOtherPeerTheHeadersAreIgnored() {
    try (SstcHub hub = hub("10.9.8.7")) {
      assertThat(nextLink(hub, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"))
          .startsWith("<" + hub.baseUrl() + "/initiatives?");
    }
    try (SstcHub hub = hub()) {
      assertThat(nextLink(hub, "Forwarded", "proto=https;host=evil.example"))
          .startsWith("<" + hub.baseUrl() + "/initiatives?");
    }
  }

  @Test
  void aMalformedForwardedHostIsIgnored() {
    try (SstcHub hub = hub("127.0.0.1")) {
      assertThat(nextLink(hub, "X-Forwarded-Host", "evil.example/path?x=<script>"))
          .startsWith("<http://127.0.0.1:" + hub.port() + "/initiatives?");
    }
  }

  @Test
  void aTrustedProxyIsAnAddressNotAName() {
    assertThatThrownBy(() -> SstcHub.builder().trustedProxies("proxy.internal"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP address");
    assertThatThrownBy(() -> SstcHub.builder().trustedProxies("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
  }

  @Test
  void bindingEveryInterfaceGivesALoopbackBaseUrl() {
    try (SstcHub hub = SstcHub.builder().bind("0.0.0.0").build().start()) {
      assertThat(hub.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + hub.port());
      assertThat(new Wire(hub).get("/health/live").statusCode()).isEqualTo(200);
    }
  }
}
