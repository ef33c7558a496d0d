package org.sstc.exchange.testkit;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.hub.SstcHub;

/**
 * A JUnit 5 extension that starts an {@link SstcHub} once per test class and hands the running
 * hub, and a client that writes as the test's organisation, to test methods and constructors.
 *
 * <p>Declaratively, for a hub with one organisation ({@value #DEFAULT_ORGANISATION}):
 *
 * <pre>{@code
 * @ExtendWith(SstcHubExtension.class)
 * class PublishingTest {
 *   @Test
 *   void publishes(SstcClient client, SstcHub hub) {
 *     client.initiatives().create(initiative);
 *     assertEquals(1, hub.recordCount());
 *   }
 * }
 * }</pre>
 *
 * <p>Or registered in a static field, naming the organisations that get tokens; the first is the
 * one the injected client writes as, and {@link #client(String)} gives a client for any other:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SstcHubExtension HUB =
 *     SstcHubExtension.forOrganisations("XM-DAC-41114", "XM-DAC-41301");
 *
 * @Test
 * void anotherOrganisationCannotOverwrite() {
 *   SstcClient fao = HUB.client("XM-DAC-41301");
 *   ...
 * }
 * }</pre>
 *
 * <p>Tokens are random per hub and never printed. Clients are closed, and the hub stopped, after
 * the class's last test.
 *
 * @since 1.0
 */
public final class SstcHubExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  /** The organisation a hub started with {@code @ExtendWith(SstcHubExtension.class)} has a token for. */
  public static final String DEFAULT_ORGANISATION = "XM-DAC-41301";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<String> organisations;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Map<String, SstcClient> clients = new LinkedHashMap<>();
  private @Nullable SstcHub hub;
  private int depth;

  /** For {@code @ExtendWith}: one organisation, {@value #DEFAULT_ORGANISATION}. */
  public SstcHubExtension() {
    this(List.of(DEFAULT_ORGANISATION));
  }

  private SstcHubExtension(List<String> organisations) {
    this.organisations = organisations;
  }

  /**
   * An extension whose hub gives a token to each of these organisations (org-ids); the injected
   * client writes as the first.
   *
   * @param first the organisation the injected client writes as
   * @param others more organisations with tokens
   * @return the extension, for a {@code @RegisterExtension} static field
   */
  public static SstcHubExtension forOrganisations(String first, String... others) {
    List<String> all = new ArrayList<>();
    all.add(Objects.requireNonNull(first, "first"));
    for (String other : others) {
      all.add(Objects.requireNonNull(other, "organisation"));
    }
    if (all.stream().distinct().count() != all.size()) {
      throw new IllegalArgumentException("an organisation is named twice: " + all);
    }
    return new SstcHubExtension(List.copyOf(all));
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (depth++ > 0) {
      return; // a @Nested class shares its enclosing class's hub
    }
    SstcHub.Builder builder = SstcHub.builder().port(0);
    for (String organisation : organisations) {
      byte[] secret = new byte[24];
      RANDOM.nextBytes(secret);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      tokens.put(organisation, token);
      builder.token(organisation, token);
    }
    hub = builder.build().start();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--depth > 0) {
      return;
    }
    clients.values().forEach(SstcClient::close);
    clients.clear();
    tokens.clear();
    if (hub != null) {
      hub.close();
      hub = null;
    }
  }

  /**
   * The running hub; only between the class's first and last test.
   *
   * @return the hub
   * @throws IllegalStateException outside the test class's run
   */
  public synchronized SstcHub hub() {
    if (hub == null) {
      throw new IllegalStateException(
          "the hub runs only while the test class runs: register the extension in a static field "
              + "(@RegisterExtension static final SstcHubExtension HUB = ...) or with @ExtendWith");
    }
    return hub;
  }

  /**
   * A client that writes as {@code organisation}, which must be one this hub gave a token to.
   *
   * @param organisation the organisation's identifier
   * @return the client, one per organisation, closed after the class's last test
   */
  public synchronized SstcClient client(String organisation) {
    SstcHub running = hub();
    String token = token(organisation);
    return clients.computeIfAbsent(organisation,
        org -> SstcClient.builder().baseUrl(running.baseUrl()).token(token).build());
  }

  /**
   * The bearer token the hub gave {@code organisation}, for a client of your own making (through a
   * proxy, with other timeouts).
   *
   * @param organisation the organisation's identifier
   * @return its token
   * @throws IllegalArgumentException if the hub has no token for it
   */
  public synchronized String token(String organisation) {
    hub();
    String token = tokens.get(organisation);
    if (token == null) {
      throw new IllegalArgumentException("the hub has no token for " + organisation
          + "; it has tokens for " + organisations + " (name it in SstcHubExtension.forOrganisations)");
    }
    return token;
  }

  /**
   * A client that writes as the first organisation.
   *
   * @return the client, closed after the class's last test
   */
  public SstcClient client() {
    return client(organisations.get(0));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SstcHub.class || type == SstcClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == SstcHub.class) {
      return hub();
    }
    if (type == SstcClient.class) {
      return client();
    }
    throw new ParameterResolutionException("SstcHubExtension resolves SstcHub and SstcClient, not " + type);
  }

  @Override
  public String toString() {
    return "SstcHubExtension{organisations=" + organisations + "}";
  }
}
