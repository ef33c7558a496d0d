package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A hub on a database shows its connection pool in /metrics, as operators watch it. */
class PoolMetricsTest {
  @Test
  void theEmbeddedStoresPoolIsInMetrics() {
    SstcHub hub = Wire.startHub(StoreKind.EMBEDDED);
    try {
      HttpResponse<String> metrics = new Wire(hub).get("/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("hikaricp_connections_active").contains("hikaricp_connections_max");
    } finally {
      Wire.stop(hub);
    }
  }

  @Test
  void theMemoryStoreHasNoPool() {
    SstcHub hub = Wire.startHub(StoreKind.MEMORY);
    try {
      assertThat(new Wire(hub).get("/metrics").body()).doesNotContain("hikaricp_");
    } finally {
      Wire.stop(hub);
    }
  }
}
