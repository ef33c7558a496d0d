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
import org.sstc.exchange.hub.SstcHub;

/**
 * The SDK as a modular application uses it: this test runs inside the named module {@code
 * org.sstc.exchange.consumer}, with the published modules on the module path. Jackson and picocli
 * reach the SDK's classes by reflection there only through the modules' {@code opens}; internal
 * packages must stay closed.
 */
class ModulePathTest {

  /** Each published module and the one package it exports. */
  static final Map<String, Set<String>> PUBLISHED = Map.of(
      "org.sstc.exchange.schema", Set.of("org.sstc.exchange.schema"),
      "org.sstc.exchange.core", Set.of("org.sstc.exchange.core"),
      "org.sstc.exchange.iati", Set.of("org.sstc.exchange.iati"),
      "org.sstc.exchange.sheets", Set.of("org.sstc.exchange.sheets"),
      "org.sstc.exchange.report", Set.of("org.sstc.exchange.report"),
      "org.sstc.exchange.client", Set.of("org.sstc.exchange.client"),
      "org.sstc.exchange.hub", Set.of("org.sstc.exchange.hub"),
      "org.sstc.exchange.testkit", Set.of("org.sstc.exchange.testkit"),
      "org.sstc.exchange.cli", Set.of("org.sstc.exchange.cli"));

  /**
   * The modules sdk-core may require besides the JDK's: the schema jar, Jackson, the JSON Schema
   * validator, JSpecify and the Jakarta Validation API (its annotations on the model). Hibernate
   * Validator is not among them: the validator does not run Bean Validation.
   */
  static final Set<String> CORE_MAY_REQUIRE = Set.of(
      "org.sstc.exchange.schema",
      "tools.jackson.databind",
      "tools.jackson.core",
      "com.fasterxml.jackson.annotation",
      "com.networknt.schema",
      "org.jspecify",
      "jakarta.validation");

  @TempDir Path temp;

  @Test
  void runsOnTheModulePath() {
    assertThat(getClass().getModule().getName()).isEqualTo("org.sstc.exchange.consumer");
    assertThat(Initiative.class.getModule().getName()).isEqualTo("org.sstc.exchange.core");
    assertThat(SstcClient.class.getModule().getName()).isEqualTo("org.sstc.exchange.client");
    assertThat(SstcHub.class.getModule().getName()).isEqualTo("org.sstc.exchange.hub");
  }

  @Test
  void buildsValidatesWritesAndReadsAnInitiative() {
    Initiative initiative = Cooperation.triangularInitiative("SSTC-2022-0019");

    // The JSON Schema, codelists and rules check the record's JSON; Bean Validation is not on the
    // validator's path: no Hibernate Validator is on this module path at all.
    assertThat(ModuleLayer.boot().findModule("org.hibernate.validator")).isEmpty();
    assertThat(getClass().getClassLoader().getResource("org/hibernate/validator/HibernateValidator.class")).isNull();
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
    assertThat(Validator.standard().validate(brokenJson).issues())
        .anyMatch(issue -> issue.pointer().equals("/title") && issue.isError());
    assertThatThrownBy(() -> SstcJson.standard().read(brokenJson, Initiative.class))
        .isInstanceOf(ValidationException.class);
  }

  /** The initiative's JSON without its title: a document the model cannot hold, as a user may write. */
  private static byte[] withoutTitle(Initiative initiative) {
    tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) SstcJson.standard().readTree(SstcJson.standard().write(initiative));
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
    // No qualified export either: what two modules share is the public API of one of them (or
    // of a third), never an internal package exported by name.
    assertThat(descriptor.exports()).as("qualified exports of %s", name)
        .filteredOn(ModuleDescriptor.Exports::isQualified).isEmpty();
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
  void coreRequiresOnlyTheSchemaJacksonTheSchemaValidatorJSpecifyAndBeanValidation() {
    Set<String> required = reference("org.sstc.exchange.core").descriptor().requires().stream()
        .map(ModuleDescriptor.Requires::name)
        .filter(module -> !module.startsWith("java.") && !module.startsWith("jdk."))
        .collect(Collectors.toSet());
    assertThat(required).as("modules sdk-core requires").isSubsetOf(CORE_MAY_REQUIRE);
    // And what it needs stays visible to its users through "requires transitive": the model's
    // Jackson and JSpecify annotations, the schema files.
    assertThat(reference("org.sstc.exchange.core").descriptor().requires()).filteredOn(
            r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
        .extracting(ModuleDescriptor.Requires::name)
        .contains("org.sstc.exchange.schema", "tools.jackson.databind", "org.jspecify");
  }

  @Test
  void internalPackagesAreClosedAtRunTime() throws Exception {
    Module consumer = getClass().getModule();
    for (String name : List.of("org.sstc.exchange.core", "org.sstc.exchange.iati", "org.sstc.exchange.sheets",
        "org.sstc.exchange.report", "org.sstc.exchange.client", "org.sstc.exchange.hub")) {
      Module module = ModuleLayer.boot().findModule(name).orElseThrow();
      List<String> internal = module.getPackages().stream().filter(p -> p.contains(".internal")).toList();
      assertThat(internal).as("internal packages of %s", name).isNotEmpty();
      for (String pkg : internal) {
        assertThat(module.isExported(pkg, consumer)).as("%s exported", pkg).isFalse();
        assertThat(module.isOpen(pkg, consumer)).as("%s open", pkg).isFalse();
      }
    }
    // Reflection cannot reach into them either.
    Class<?> internal = Class.forName("org.sstc.exchange.client.internal.RetrySchedule");
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
