package org.sstc.exchange.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.BulkResult;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.hub.SstcHub;

/**
 * A JUnit 5 extension that starts an {@link SstcHub}, once per test class or afresh for every test
 * method, and hands the running hub, and a client that writes as the test's organisation, to test
 * methods and constructors.
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
 * <p><b>How long a hub lives</b> depends, as for {@code @TempDir}, on where the extension is
 * registered: in a {@code static} field or with {@code @ExtendWith} on the class, one hub serves
 * every test of the class (and of its {@code @Nested} classes); in an instance field, every test
 * method gets a new, empty hub (seeded, if seeds are given), so that no test sees another's records
 * (under {@code @TestInstance(PER_CLASS)} the one instance makes it a hub per class again):
 *
 * <pre>{@code
 * @RegisterExtension
 * final SstcHubExtension hub = SstcHubExtension.builder()
 *     .organisation("XM-DAC-41301")
 *     .seed(Path.of("src/test/resources/package.json"))
 *     .build();
 *
 * @Test
 * void startsFromTheSeedOnly() {
 *   assertEquals(3, hub.hub().recordCount()); // whatever the other tests wrote
 * }
 * }</pre>
 *
 * <p><b>Seeds</b> ({@link Builder#seed(Path)}, {@link Builder#seed(SstcRecord...)}) are published
 * into every hub the extension starts, before the first test that uses it, each record by the
 * organisation that owns it (an initiative's {@code reportingOrg}, an organisation itself), which
 * gets a token of its own if it was not named.
 *
 * <p>Tokens are random per hub and never printed. Clients are closed, and the hub stopped, after
 * the class's last test (or after the test, for a hub per test). To test a client's retries, put a
 * {@link FaultyProxy} between it and {@link #hub()}.
 *
 * @since 1.0
 */
public final class SstcHubExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  /** The organisation a hub started with {@code @ExtendWith(SstcHubExtension.class)} has a token for. */
  public static final String DEFAULT_ORGANISATION = "XM-DAC-41301";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<String> organisations;
  private final List<Path> seedFiles;
  private final List<SstcRecord> seedRecords;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Map<String, SstcClient> clients = new LinkedHashMap<>();
  private @Nullable SstcHub hub;
  private int depth;
  private boolean perMethod;

  /** For {@code @ExtendWith}: one organisation, {@value #DEFAULT_ORGANISATION}. */
  public SstcHubExtension() {
    this(List.of(DEFAULT_ORGANISATION), List.of(), List.of());
  }

  private SstcHubExtension(List<String> organisations, List<Path> seedFiles, List<SstcRecord> seedRecords) {
    this.organisations = organisations;
    this.seedFiles = seedFiles;
    this.seedRecords = seedRecords;
  }

  /**
   * An extension whose hub gives a token to each of these organisations (org-ids); the injected
   * client writes as the first.
   *
   * @param first the organisation the injected client writes as
   * @param others more organisations with tokens
   * @return the extension, for a {@code @RegisterExtension} field
   */
  public static SstcHubExtension forOrganisations(String first, String... others) {
    Builder builder = builder().organisation(first);
    for (String other : others) {
      builder.organisation(other);
    }
    return builder.build();
  }

  /**
   * A builder, for organisations and seeds; {@link #forOrganisations} is the short form for
   * organisations only.
   *
   * @return a new builder
   * @since 1.1
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (depth++ > 0) {
      return; // a @Nested class shares its enclosing class's hub
    }
    start();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--depth > 0) {
      return;
    }
    stop();
  }

  /**
   * Starts a new, empty (seeded) hub for this test when the extension is registered in an instance
   * field; does nothing for a hub that serves the whole class.
   *
   * @param context the test's context
   * @since 1.1
   */
  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (hub == null) {
      perMethod = true;
      start();
    }
  }

  /**
   * Stops this test's hub, when it has one of its own.
   *
   * @param context the test's context
   * @since 1.1
   */
  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (perMethod && depth == 0) {
      perMethod = false;
      stop();
    }
  }

  private void start() {
    List<SstcRecord> seeds = seeds();
    Set<String> withTokens = new LinkedHashSet<>(organisations);
    for (SstcRecord seed : seeds) {
      withTokens.add(owner(seed));
    }
    SstcHub.Builder builder = SstcHub.builder().port(0);
    for (String organisation : withTokens) {
      byte[] secret = new byte[24];
      RANDOM.nextBytes(secret);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      tokens.put(organisation, token);
      builder.token(organisation, token);
    }
    hub = builder.build().start();
    try {
      publish(seeds);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void stop() {
    clients.values().forEach(SstcClient::close);
    clients.clear();
    tokens.clear();
    if (hub != null) {
      hub.close();
      hub = null;
    }
  }

  private List<SstcRecord> seeds() {
    List<SstcRecord> all = new ArrayList<>();
    for (Path file : seedFiles) {
      all.addAll(read(file));
    }
    all.addAll(seedRecords);
    return all;
  }

  private static List<SstcRecord> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seed file " + file.toAbsolutePath() + ": " + e.getMessage()
          + " (paths are relative to the directory the tests run in, usually the module's)", e);
    }
    List<SstcRecord> records = new ArrayList<>();
    List<SstcRecord> read = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ndjson")
        ? SstcJson.standard().readNdjson(bytes)
        : List.of(SstcJson.standard().read(bytes));
    for (SstcRecord record : read) {
      addUnpacked(record, records);
    }
    return records;
  }

  /** Adds a record, or a package's records (organisations first: initiatives may name them). */
  private static void addUnpacked(SstcRecord record, List<SstcRecord> to) {
    if (record instanceof RecordPackage pack) {
      to.addAll(pack.organisations());
      to.addAll(pack.initiatives());
      to.addAll(pack.solutions());
    } else {
      to.add(record);
    }
  }

  private static String owner(SstcRecord record) {
    if (record instanceof Initiative initiative) {
      return initiative.reportingOrg().id();
    }
    if (record instanceof Organisation organisation) {
      return organisation.id();
    }
    if (record instanceof Solution solution) {
      return solution.reportingOrg().id();
    }
    throw new IllegalArgumentException("a package is seeded by its records: seed(Path) reads them from its file");
  }

  private void publish(List<SstcRecord> seeds) {
    Map<String, List<SstcRecord>> byOwner = new LinkedHashMap<>();
    for (SstcRecord seed : seeds) {
      byOwner.computeIfAbsent(owner(seed), owner -> new ArrayList<>()).add(seed);
    }
    for (Map.Entry<String, List<SstcRecord>> batch : byOwner.entrySet()) {
      BulkReport report = client(batch.getKey()).publish(batch.getValue());
      if (report.rejected() > 0) {
        StringBuilder why = new StringBuilder("the hub refused " + report.rejected() + " of the seed records of "
            + batch.getKey() + "; fix them or leave them out of SstcHubExtension.builder().seed(...):");
        for (BulkResult rejection : report.rejections()) {
          why.append("\n  ").append(rejection);
        }
        throw new IllegalStateException(why.toString());
      }
    }
  }
  /**
   * The running hub: between the class's first and last test, or during the test for a hub per
   * test.
   *
   * @return the hub
   * @throws IllegalStateException outside the test class's run
   */
  public synchronized SstcHub hub() {
    if (hub == null) {
      throw new IllegalStateException(
          "the hub runs only while the tests run: register the extension in a static field "
              + "(@RegisterExtension static final SstcHubExtension HUB = ...) for a hub per class, in an "
              + "instance field for a hub per test, or with @ExtendWith");
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
          + "; it has tokens for " + tokens.keySet() + " (name it in SstcHubExtension.forOrganisations)");
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
    return "SstcHubExtension{organisations=" + organisations + ", seeds=" + seedFiles.size() + " file(s) and "
        + seedRecords.size() + " record(s)}";
  }

  /**
   * Configures a {@link SstcHubExtension}: the organisations with tokens and the records every hub
   * starts with.
   *
   * @since 1.1
   */
  public static final class Builder {
    private final List<String> organisations = new ArrayList<>();
    private final List<Path> seedFiles = new ArrayList<>();
    private final List<SstcRecord> seedRecords = new ArrayList<>();

    private Builder() {}

    /**
     * Gives {@code orgId} a token; the first organisation named is the one the injected client
     * writes as. Without any, {@value SstcHubExtension#DEFAULT_ORGANISATION}.
     *
     * @param orgId the organisation's identifier
     * @return this builder
     * @throws IllegalArgumentException if it was named already
     */
    public Builder organisation(String orgId) {
      Objects.requireNonNull(orgId, "orgId");
      if (organisations.contains(orgId)) {
        throw new IllegalArgumentException("an organisation is named twice: " + orgId);
      }
      organisations.add(orgId);
      return this;
    }

    /**
     * Seeds every hub with the records of a file: one record or a package ({@code .json}), or one
     * record per line ({@code .ndjson}). The file is read when a hub starts.
     *
     * @param file the file, relative to the directory the tests run in
     * @return this builder
     * @throws IllegalArgumentException if there is no such file
     */
    public Builder seed(Path file) {
      Objects.requireNonNull(file, "file");
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no seed file at " + file.toAbsolutePath()
            + " (paths are relative to the directory the tests run in, usually the module's)");
      }
      seedFiles.add(file);
      return this;
    }

    /**
     * Seeds every hub with these records (initiatives, organisations; a package's records).
     *
     * @param records the records
     * @return this builder
     */
    public Builder seed(SstcRecord... records) {
      for (SstcRecord record : records) {
        addUnpacked(Objects.requireNonNull(record, "record"), seedRecords);
      }
      return this;
    }

    /**
     * The extension, for a {@code @RegisterExtension} field: static for a hub per class, an
     * instance field for a hub per test.
     *
     * @return the extension
     */
    public SstcHubExtension build() {
      List<String> named = organisations.isEmpty() ? List.of(DEFAULT_ORGANISATION) : List.copyOf(organisations);
      return new SstcHubExtension(named, List.copyOf(seedFiles), List.copyOf(seedRecords));
    }
  }
}
