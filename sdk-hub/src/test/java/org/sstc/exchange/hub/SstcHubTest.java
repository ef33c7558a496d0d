package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The hub's own API: building, starting, closing. */
class SstcHubTest {
  @Test
  void listensOnLoopbackWithABaseUrlWithoutTrailingSlash() {
    try (SstcHub hub = SstcHub.builder().token(Wire.FAO, Wire.FAO_TOKEN).build().start()) {
      assertThat(hub.port()).isPositive();
      assertThat(hub.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + hub.port());
      assertThat(hub.recordCount()).isZero();
    }
  }

  @Test
  void toStringNeverShowsTokens() {
    SstcHub hub = SstcHub.builder().token(Wire.FAO, Wire.FAO_TOKEN).build();
    assertThat(hub.toString()).doesNotContain(Wire.FAO_TOKEN).contains("not started");
    hub.start();
    assertThat(hub.toString()).doesNotContain(Wire.FAO_TOKEN).contains("127.0.0.1");
    hub.close();
    hub.close();
    assertThat(hub.toString()).contains("closed");
  }

  @Test
  void aTokenBelongsToOneOrganisation() {
    assertThatThrownBy(() -> SstcHub.builder().token(Wire.FAO, "shared").token(Wire.UNDP, "shared"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("shared");
  }
}
