package org.sstc.exchange.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.client.Versioned;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.testkit.SstcHub;

/**
 * The SDK as a modular application uses it: this test runs inside the named module {@code
 * org.sstc.exchange.consumer}, with the published modules on the module path. Jackson, Hibernate
 * Validator and picocli reach the SDK's classes by reflection there only through the modules'
 * {@code opens}; internal packages must stay closed.
 */
class ModulePathTest {

  /** Each published module and the one package it exports. */
  static final Map<String, Set<String>> PUBLISHED = Map.of(
      "org.sstc.exchange.schema", Set.of("org.sstc.exchange.schema"),
      "org.sstc.exchange.core", Set.of("org.sstc.exchange.core"),
      "org.sstc.exchange.client", Set.of("org.sstc.exchange.client"),
      "org.sstc.exchange.testkit", Set.of("org.sstc.exchange.testkit"),
      "org.sstc.exchange.cli", Set.of("org.sstc.exchange.cli"));

  @TempDir Path temp;

  @Test
  void runsOnTheModulePath() {
    assertThat(getClass().getModule().getName()).isEqualTo("org.sstc.exchange.consumer");
    assertThat(Initiative.class.getModule().getName()).isEqualTo("org.sstc.exchange.core");
    assertThat(SstcClient.class.getModule().getName()).isEqualTo("org.sstc.exchange.client");
    assertThat(SstcHub.class.getModule().getName()).isEqualTo("org.sstc.exchange.testkit");
  }

  @Test
  void buildsValidatesWritesAndReadsAnInitiative() {
    Initiative initiative = Cooperation.triangularInitiative("SSTC-2022-0019");

    // Hibernate Validator and the JSON Schema check run through the module's opens.
    ValidationReport report = Validator.standard().validate(initiative);
    assertThat(report.issues()).isEmpty();
    assertThat(report.valid()).isTrue();

    // Jackson writes and binds the records through the module's opens.
    byte[] json = SstcJson.standard().write(initiative);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"id\":\"XM-DAC-41301-SSTC-2022-0019\"", "\"amount\":\"48000000\"");
    assertThat(SstcJson.standard().read(json, Initiative.class)).isEqualTo(initiative);

    // The builder refuses a record without its title, naming it.
    assertThatThrownBy(() -> initiative.toBuilder().title(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("title");
    // A broken document is still reported with its pointer, and refused on reading.
    byte[] brokenJson = withoutTitle(initiative);
    assertThat(Validator.standard().validate(SstcJson.standard().readTree(brokenJson)).issues())
        .anyMatch(issue -> issue.pointer().equals("/title") && issue.isError());
    assertThatThrownBy(() -> SstcJson.standard().read(brokenJson, Initiative.class))
        .isInstanceOf(ValidationException.class);
  }

  /** The initiative's JSON without its title: a document the model cannot hold, as a user may write. */
  private static byte[] withoutTitle(Initiative initiative) {
    tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) SstcJson.standard().toTree(initiative);
    tree.remove("title");
    return tree.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void publishesToTheTestKitsHubWithTheClient() {
    try (SstcHub hub = SstcHub.builder().token("XM-DAC-41301", "consumer-token").build().start();
        SstcClient client = SstcClient.builder().baseUrl(hub.baseUrl()).token("consumer-token").build()) {
      Initiative initiative = Cooperation.triangularInitiative("SSTC-2022-0020");
      Versioned<Initiative> stored = client.initiatives().create(initiative);
      assertThat(stored.version()).isEqualTo(1);

      Versioned<Initiative> read = client.initiatives().get(initiative.id());
      assertThat(read.record()).isEqualTo(initiative);
      assertThat(hub.recordCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("publishedModules")
  void exportsItsRootPackageOnly(String name) throws IOException {
    ModuleDescriptor descriptor = reference(name).descriptor();
    Set<String> exported = descriptor.exports().stream().filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertThat(exported).as("packages %s exports", name).isEqualTo(PUBLISHED.get(name));
    // A qualified export (sdk-core's JSON support to the hub, its report writers to the command line) reaches only
    // the SDK's own modules, and only for an internal package: never a consumer.
    assertThat(descriptor.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
        .allSatisfy(e -> {
          assertThat(e.source()).startsWith(name + ".internal.");
          assertThat(e.targets()).allMatch(t -> t.startsWith("org.sstc.exchange."));
        });
    // Every other package is internal, or holds resources only (the schema's codelists, the
    // demo's sample), which the module reads itself: no class of the API lives outside the root.
    Set<String> others = descriptor.packages().stream()
        .filter(p -> !p.equals(name) && !p.startsWith(name + ".internal"))
        .collect(Collectors.toSet());
    try (ModuleReader reader = reference(name).open(); Stream<String> entries = reader.list()) {
      List<String> classesOutside = entries
          .filter(entry -> entry.endsWith(".class") && !entry.equals("module-info.class"))
          .filter(entry -> others.contains(entry.substring(0, entry.lastIndexOf('/')).replace('/', '.')))
          .toList();
      assertThat(classesOutside).as("classes of %s neither in its root package nor internal", name).isEmpty();
    }
    // Nothing internal is opened to every module either: only to the named reflective libraries.
    assertThat(descriptor.opens()).allMatch(ModuleDescriptor.Opens::isQualified);
  }

  @Test
  void internalPackagesAreClosedAtRunTime() throws Exception {
    Module consumer = getClass().getModule();
    for (String name : List.of("org.sstc.exchange.core", "org.sstc.exchange.client", "org.sstc.exchange.testkit")) {
      Module module = ModuleLayer.boot().findModule(name).orElseThrow();
      List<String> internal = module.getPackages().stream().filter(p -> p.contains(".internal")).toList();
      assertThat(internal).as("internal packages of %s", name).isNotEmpty();
      for (String pkg : internal) {
        assertThat(module.isExported(pkg, consumer)).as("%s exported", pkg).isFalse();
        assertThat(module.isOpen(pkg, consumer)).as("%s open", pkg).isFalse();
      }
    }
    // Reflection cannot reach into them either.
    Class<?> internal = Class.forName("org.sstc.exchange.client.internal.RetryPolicy");
    assertThatThrownBy(() -> internal.getDeclaredConstructors()[0].setAccessible(true))
        .isInstanceOf(java.lang.reflect.InaccessibleObjectException.class);
  }

  @Test
  void theCommandLineRunsAsAModule() throws Exception {
    Path valid = temp.resolve("valid.json");
    Files.write(valid, SstcJson.standard().write(Cooperation.triangularInitiative("SSTC-2022-0021")));
    Path broken = temp.resolve("broken.json");
    Files.write(broken, withoutTitle(Cooperation.triangularInitiative("SSTC-2022-0022")));

    // One run for both files: each start of the JVM costs seconds.
    Process run = sstc("validate", valid.toString(), broken.toString());
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.exitValue()).as(out).isEqualTo(1);
    assertThat(out).contains(broken + ":/title: error schema.required", "2 files, 1 valid, 1 invalid");
    assertThat(out).doesNotContain(valid + ":");
  }

  static Stream<String> publishedModules() {
    return PUBLISHED.keySet().stream().sorted();
  }

  /** {@code java -p MODULE_PATH -m org.sstc.exchange.cli/org.sstc.exchange.cli.Sstc ARGS}. */
  private static Process sstc(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-p", String.join(File.pathSeparator, modulePath()),
        "-m", "org.sstc.exchange.cli/org.sstc.exchange.cli.Sstc"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * The test's module path, plus the command line and picocli: surefire puts them on the class
   * path, since the consumer module does not require them.
   */
  private static List<String> modulePath() {
    List<String> path = new ArrayList<>(List.of(System.getProperty("jdk.module.path").split(File.pathSeparator)));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("sdk-cli") || entry.contains("picocli")) {
        path.add(entry);
      }
    }
    return path;
  }

  private static ModuleReference reference(String name) {
    Path[] entries = modulePath().stream().map(Path::of).toArray(Path[]::new);
    return ModuleFinder.of(entries).find(name).orElseThrow(() -> new AssertionError(name + " is not on the module path"));
  }
}
