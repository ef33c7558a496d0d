package org.sstc.exchange.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SstcClientTest {
  @Test
  void refusesPlainHttpToAnotherMachine() {
    assertThatThrownBy(() -> SstcClient.builder().baseUrl("http://hub.example.org").token("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://hub.example.org")
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void allowsPlainHttpToLoopbackOrWhenAskedTo() {
    SstcClient.builder().baseUrl("http://127.0.0.1:8080").build().close();
    SstcClient.builder().baseUrl("http://localhost:8080/hub/").build().close();
    SstcClient.builder().baseUrl("http://[::1]:8080").build().close();
    SstcClient.builder().baseUrl("http://hub.example.org").allowInsecureHttp(true).build().close();
  }

  @Test
  void toStringNeverShowsTheToken() {
    try (SstcClient client = SstcClient.builder().baseUrl("https://hub.example.org").token(Fixtures.TOKEN).build()) {
      assertThat(client.toString()).doesNotContain(Fixtures.TOKEN).contains("hub.example.org");
    }
  }

  @Test
  void requiresABaseUrl() {
    assertThatThrownBy(() -> SstcClient.builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
