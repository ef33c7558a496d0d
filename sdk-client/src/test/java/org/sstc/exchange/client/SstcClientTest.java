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

  @Test
  void retryPolicyDefaultsAndChecks() {
    RetryPolicy defaults = RetryPolicy.defaults();
    assertThat(defaults.maxRetries()).isEqualTo(3);
    assertThat(defaults.backoffBase()).isEqualTo(java.time.Duration.ofMillis(100));
    assertThat(defaults.backoffCap()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(defaults.deadline()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(defaults.bulkDeadline()).isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(defaults.updateAttempts()).isEqualTo(10);
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    assertThat(defaults.toBuilder().maxRetries(0).build()).isNotEqualTo(defaults);
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below its base");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().updateAttempts(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
