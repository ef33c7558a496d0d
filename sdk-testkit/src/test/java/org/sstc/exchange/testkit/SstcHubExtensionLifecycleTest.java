package org.sstc.exchange.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.hub.SstcHub;
import tools.jackson.databind.node.IntNode;

/** A hub per test, a hub per class, and seeds: as a user of the test kit sees them. */
class SstcHubExtensionLifecycleTest {
  private static final String FAO = "XM-DAC-41301";
  private static final String UNDP = "XM-DAC-41114";
  /** sdk-hub's fixtures, copied to target/test-classes: 2 initiatives and 2 organisations. */
  private static final Path PACKAGE = Path.of("target/test-classes/records/package.json");

  static Initiative initiative(String org, String localId) {
    try (InputStream in = SstcHubExtensionLifecycleTest.class.getResourceAsStream("/records/initiative-minimal.json")) {
      Initiative template = SstcJson.standard().read(in.readAllBytes(), Initiative.class);
      return template.toBuilder().id(org + "-" + localId).reportingOrg(OrgRef.of(org, org)).build();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** In an instance field: a new hub for every test, so both tests below create the same id. */
  @Nested
  class AHubPerTest {
    @RegisterExtension
    final SstcHubExtension hub = SstcHubExtension.forOrganisations(FAO);

    @Test
    void oneTestCreatesARecord(SstcClient client, SstcHub running) {
      client.initiatives().create(initiative(FAO, "FRESH"));
      assertThat(running.recordCount()).isEqualTo(1);
    }

    @Test
    void anotherTestCreatesTheSameRecordOnAnEmptyHub() {
      assertThat(hub.hub().recordCount()).isZero();
      hub.client().initiatives().create(initiative(FAO, "FRESH"));
      assertThat(hub.hub().recordCount()).isEqualTo(1);
    }
  }

  /** Seeds are in every hub: from a package file and from objects, each written by its owner. */
  @Nested
  class Seeded {
    @RegisterExtension
    final SstcHubExtension hub = SstcHubExtension.builder()
        .organisation(FAO)
        .seed(PACKAGE)
        .seed(initiative(UNDP, "SEEDED"))
        .build();

    @Test
    void theHubStartsWithTheSeedsAndTheirOwnersHaveTokens() {
      assertThat(hub.hub().recordCount()).isEqualTo(5);
      assertThat(hub.client().initiatives().find("XM-DAC-41301-SSTC-2021-0042")).isPresent();
      // UNDP was not named, but owns a seed: it has a token and may change its record.
      hub.client(UNDP).initiatives().update(UNDP + "-SEEDED", it -> it.toBuilder().extensions(Map.of("test:seeded", IntNode.valueOf(1))).build());
      assertThat(hub.client(UNDP).initiatives().get(UNDP + "-SEEDED").version()).isEqualTo(2);
    }

    @Test
    void aTestThatDeletesASeedDoesNotTakeItFromTheNext() {
      hub.client(UNDP).initiatives().delete(UNDP + "-SEEDED", 1);
      assertThat(hub.hub().recordCount()).isEqualTo(4);
    }
  }

  @Test
  void aSeedFileThatIsNotThereSaysWhereItWasLookedFor() {
    assertThatThrownBy(() -> SstcHubExtension.builder().seed(Path.of("no/such/seed.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no seed file at")
        .hasMessageContaining("seed.json");
  }

  /** In a static field: one hub for the class; tests see each other's records. */
  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class AHubPerClass {
    @RegisterExtension
    static final SstcHubExtension HUB = SstcHubExtension.forOrganisations(FAO);

    @Test
    @Order(1)
    void oneTestWrites() {
      HUB.client().initiatives().create(initiative(FAO, "SHARED"));
    }

    @Test
    @Order(2)
    void theNextSeesItsRecord() {
      assertThat(HUB.client().initiatives().find(FAO + "-SHARED")).isPresent();
    }
  }

  @Test
  void aHubAProxyAndAClientLeaveTheSystemPropertiesAsTheyWere() {
    Properties before = (Properties) System.getProperties().clone();
    try (SstcHub running = SstcHub.builder().token(FAO, "a-token-for-this-test-only").build().start();
        FaultyProxy proxy = FaultyProxy.builder(running.baseUrl()).dropResponses(0.5).seed(1).build();
        SstcClient client = SstcClient.builder().baseUrl(proxy.baseUrl()).token("a-token-for-this-test-only").build()) {
      client.initiatives().create(initiative(FAO, "PROPERTIES"));
    }
    Map<Object, Object> after = new HashMap<>(System.getProperties());
    after.entrySet().removeIf(entry -> entry.getValue().equals(before.get(entry.getKey())));
    // Set once per JVM by the JDK (the default time zone, read lazily) and by Jetty's own class
    // initialisation (its build hash): neither is ours, neither changes with another hub.
    after.keySet().removeAll(Set.of("user.timezone", "jetty.git.hash"));
    assertThat(after).as("system properties set or changed").isEmpty();
    assertThat(before.keySet()).allMatch(key -> System.getProperties().containsKey(key));
  }
}
