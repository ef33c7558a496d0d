package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.hub.internal.Facets.Facet;
import org.sstc.exchange.hub.internal.HubStore;

/**
 * Every store keeps solution records (standard 1.1) with their search facets, so that serving
 * {@code /solutions} needs no schema change; the HTTP route is not there yet.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SolutionsInTheStoreTest {
  @Parameter
  StoreKind kind;

  @Test
  void aSolutionIsStoredVersionedAndFoundByItsFacets() throws IOException {
    byte[] json;
    try (InputStream in = SolutionsInTheStoreTest.class.getResourceAsStream("/records/solution-full.json")) {
      json = in.readAllBytes();
    }
    SstcRecord model = SstcJson.standard().read(json);
    byte[] standard = SstcJson.standard().write(model);
    try (HubStorage storage = kind.open()) {
      HubStore store = storage.store();
      String id = "XM-DAC-41301-SOL-0013";
      assertThat(store.create("solution", id, Wire.FAO, standard, model).status()).isEqualTo(HubStore.Status.CREATED);
      assertThat(store.get("solution", id).json()).isEqualTo(standard);
      assertThat(found(store, List.of(new Facet("country", "MZ"), new Facet("sdgTarget", "2.1")))).containsExactly(id);
      assertThat(found(store, List.of(new Facet("sector", "31120"), new Facet("sdgGoal", "4")))).containsExactly(id);
      assertThat(found(store, List.of(new Facet("country", "CL")))).isEmpty();
      assertThat(store.changes(0, 10)).extracting(HubStore.Event::recordType).containsExactly("solution");
    }
  }

  private static List<String> found(HubStore store, List<Facet> facets) {
    return store.search(new HubStore.Query("solution", null, 10, null, facets))
        .items().stream().map(HubStore.Snapshot::id).toList();
  }
}
