package org.sstc.exchange.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.hub.SstcHub;
import org.sstc.exchange.report.HtmlReport;

/**
 * Code written against the 1.0 API still compiles and runs: the examples as they were at 1.0.0,
 * frozen in {@code src/test/compat/1.0} (never edited), are compiled with {@code javac --release
 * 17} against the current build's modules (this test's module path), then loaded as the module
 * {@code org.sstc.exchange.examples} in a fresh layer over the SDK's and run, as sdk-examples'
 * own tests run them. A change to a published module that fails this test is a breaking change.
 */
class Compat10Test {
  private static final Path FROZEN =
      Path.of(System.getProperty("sstc.repo", ".."), "consumer-tests", "src", "test", "compat", "1.0").toAbsolutePath().normalize();
  private static final String EXAMPLES = "org.sstc.exchange.examples";
  /** The SDK modules the frozen examples require: they must be the ones this test runs on. */
  private static final List<String> REQUIRED = List.of(
      "org.sstc.exchange.core", "org.sstc.exchange.client", "org.sstc.exchange.report", "org.sstc.exchange.sheets");
  private static final String FAO = "XM-DAC-41301";
  private static final String UNDP = "XM-DAC-41114";

  @TempDir static Path classes;
  @TempDir Path temp;

  /** The compiler's diagnostics, set by {@link #compile()}. */
  private static List<Diagnostic<? extends JavaFileObject>> diagnostics = List.of();
  /** Whether javac succeeded. */
  private static boolean compiled;
  private static ModuleLayer layer;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  @BeforeAll
  static void compile() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler (javax.tools)").isNotNull();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(FROZEN.resolve("java"))) {
      sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(sources).as("frozen sources in %s", FROZEN)
        .anyMatch(file -> file.endsWith("module-info.java")).hasSizeGreaterThanOrEqualTo(9);

    DiagnosticCollector<JavaFileObject> collected = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(collected, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of(
          "--release", "17",
          "--module-path", String.join(File.pathSeparator, modulePath()),
          // Deprecations are allowed within 1.x: reported, not failed on.
          "-Xlint:deprecation,removal",
          "-proc:none",
          "-d", classes.toString());
      compiled = Boolean.TRUE.equals(
          javac.getTask(null, files, collected, options, null, files.getJavaFileObjectsFromPaths(sources)).call());
      diagnostics = List.copyOf(collected.getDiagnostics());
      diagnostics.forEach(d -> System.out.println("Compat10Test javac: " + describe(d)));
      if (!compiled) {
        return;
      }
    }
    // The sample data travels with the frozen sources, next to SamplePackage's class.
    Path resources = FROZEN.resolve("resources");
    try (Stream<Path> files = Files.walk(resources)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = classes.resolve(resources.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    // A fresh layer over the boot layer, which holds the SDK's modules: the examples' requires
    // resolve to the very modules this test uses.
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration()
        .resolve(ModuleFinder.of(classes), ModuleFinder.of(), Set.of(EXAMPLES));
    layer = boot.defineModulesWithOneLoader(configuration, Compat10Test.class.getClassLoader());
  }

  private static List<Diagnostic<? extends JavaFileObject>> errors() {
    return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }

  /** Fails, naming each compile error, unless the frozen examples compiled. */
  private static void assertCompiled() {
    if (!compiled || !errors().isEmpty()) {
      fail("the 1.0 examples in " + FROZEN + " no longer compile against the current API: a breaking change"
          + " (revert it, or keep the old member beside the new one)\n"
          + errors().stream().map(Compat10Test::describe).collect(Collectors.joining("\n")));
    }
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String where = d.getSource() == null ? "" : FROZEN.relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ": ";
    return where + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT);
  }

  @Test
  void theFrozenExamplesCompileAgainstTheCurrentModules() {
    assertCompiled();
    assertThat(classes.resolve("org/sstc/exchange/examples/BuildAndValidate.class")).isRegularFile();
    assertThat(classes.resolve("module-info.class")).isRegularFile();

    // javac compiled against the same modules the examples run on: the build's, not older copies.
    ModuleFinder compiledAgainst = ModuleFinder.of(modulePath().stream().map(Path::of).toArray(Path[]::new));
    for (String name : REQUIRED) {
      Optional<URI> compiled = compiledAgainst.find(name).flatMap(ModuleReference::location);
      Optional<URI> running = ModuleLayer.boot().configuration().findModule(name).flatMap(m -> m.reference().location());
      assertThat(compiled).as(name).isPresent().isEqualTo(running);
    }
    assertThat(layer.findModule(EXAMPLES)).isPresent();
    assertThat(layer.findModule(EXAMPLES).orElseThrow().getDescriptor().requires())
        .extracting(r -> r.name()).containsAll(REQUIRED);
  }

  /**
   * The SHA-256 of the frozen {@code java/} and {@code resources/} (each file's relative path and
   * content, line ends as LF, in path order). Editing the frozen examples to follow an API change defeats this test: a change that
   * needs them edited is a breaking change. Do not update this value.
   */
  private static final String FROZEN_SHA256 = "56b4c5270846b59f20640514a1f6879b5953706a3dc850edbdefd0956e290186";

  @Test
  void theFrozenExamplesAreUnchanged() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(FROZEN)) {
      // The sources and the sample data; not the README beside them.
      files = walk.filter(Files::isRegularFile).filter(file -> !file.getParent().equals(FROZEN)).sorted().toList();
    }
    assertThat(files).hasSize(11);
    for (Path file : files) {
      digest.update(FROZEN.relativize(file).toString().replace(File.separatorChar, '/').getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    assertThat(HexFormat.of().formatHex(digest.digest()))
        .as("the SHA-256 of %s, frozen at 1.0.0: its files must never be edited (see its README.md)", FROZEN)
        .isEqualTo(FROZEN_SHA256);
  }

  @Test
  void buildAndValidateBuildsAValidInitiativeAndReadsItBack() throws Exception {
    Initiative built = (Initiative) call("BuildAndValidate", "run", new Class<?>[] {PrintStream.class}, out);

    String printed = printed();
    assertThat(printed).startsWith("Validation: valid, 0 error(s), 0 warning(s)")
        .contains("\"XM-DAC-41301-SSTC-2022-0019\"")
        .containsPattern("\"amount\"\\s*:\\s*\"48000000\"");
    assertThat(printed.strip()).endsWith("Read back: equal to the original.");
    assertThat(Validator.standard().validate(built).valid()).isTrue();
    assertThat(built).isEqualTo(call("BuildAndValidate", "triangularInitiative", new Class<?>[0]));
  }

  @Test
  void validateFileValidatesTheBundledSampleAndExitsOneOnAnInvalidFile() throws Exception {
    RecordPackage sample = (RecordPackage) call("SamplePackage", "read", new Class<?>[0]);
    int records = sample.initiatives().size() + sample.organisations().size();
    assertThat(call("ValidateFile", "run", new Class<?>[] {String[].class, PrintStream.class}, new String[0], out))
        .as(printed()).isEqualTo(0);
    assertThat(printed().replace("\r\n", "\n"))
        .isEqualTo("the bundled sample-package.json: valid (" + records + " record(s), 0 error(s), 0 warning(s))\n");

    buffer.reset();
    Initiative built = (Initiative) call("BuildAndValidate", "triangularInitiative", new Class<?>[0]);
    Path closed = temp.resolve("closed.json");
    Files.write(closed, SstcJson.standard().write(built.toBuilder().status(ActivityStatus.CLOSED).build()));
    assertThat(call("ValidateFile", "run", new Class<?>[] {String[].class, PrintStream.class},
        new String[] {closed.toString()}, out)).as(printed()).isEqualTo(1);
    assertThat(printed()).containsPattern("(?m)^/\\S*: error rule\\.closed-needs-actual-end: .+")
        .contains(closed + ": INVALID (1 record(s), 1 error(s), 0 warning(s))");
  }

  @Test
  void validateFolderReportsTheBrokenFileAndExitsOne() throws Exception {
    Files.write(temp.resolve("good.json"), (byte[]) call("SamplePackage", "bytes", new Class<?>[0]));
    Files.createDirectories(temp.resolve("more"));
    Files.writeString(temp.resolve("more/broken.ndjson"), "{\"recordType\": \"initiative\"}\n");
    Files.writeString(temp.resolve("notes.txt"), "not data");

    assertThat(call("ValidateFolder", "run", new Class<?>[] {Path.class, PrintStream.class}, temp, out))
        .as(printed()).isEqualTo(1);
    String printed = printed();
    assertThat(printed).contains("more" + File.separator + "broken.ndjson:/0/id: error schema.required");
    assertThat(printed.lines().toList()).last().isEqualTo("2 file(s), 1 invalid");
    assertThat(printed.lines()).noneMatch(line -> line.startsWith("good.json"));
  }

  @Test
  void samplePackagePrintsTheSamplesInitiatives() throws Exception {
    call("SamplePackage", "run", new Class<?>[] {PrintStream.class}, out);

    RecordPackage sample = (RecordPackage) call("SamplePackage", "read", new Class<?>[0]);
    assertThat(sample.initiatives()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(printed()).contains(sample.initiatives().size() + " initiatives, " + sample.organisations().size() + " organisations",
        "By modality: {bilateral=", "China–WFP South-South cooperation pilot");
    assertThat(Validator.standard().validate(sample).issues()).isEmpty();
  }

  @Test
  void buildReportWritesOneSelfContainedPage() throws Exception {
    Path page = temp.resolve("report.html");
    HtmlReport report = (HtmlReport) call("BuildReport", "build",
        new Class<?>[] {Path.class, PrintStream.class, Path[].class}, page, out, new Path[0]);

    assertThat(report.errorCount()).isZero();
    assertThat(report.initiativeCount()).isEqualTo(18);
    assertThat(printed()).contains("18 initiative(s) from 1 file(s), 0 error(s)");
    String html = Files.readString(page);
    assertThat(html).contains("South-South and triangular cooperation", "Zero hunger")
        .doesNotContain("<script src", "https://cdn");
  }

  @Test
  void spreadsheetRoundTripsTheSampleAndReportsTheBrokenCell() throws Exception {
    Path dir = temp.resolve("sheets");
    Files.createDirectories(dir);
    Object status = call("Spreadsheet", "run", new Class<?>[] {Path.class, PrintStream.class}, dir, out);

    String printed = printed();
    assertThat(status).as(printed).isEqualTo(0);
    List<String> lines = printed.lines().toList();
    assertThat(lines.get(0)).isEqualTo("wrote 17 files to " + dir);
    assertThat(lines.get(1)).isEqualTo("read back: the same package");
    assertThat(lines.get(2)).startsWith("sdgs.csv row 2 column D (SDG target): error rule.sdg-target-goal: ");
    assertThat(dir.resolve("initiatives.csv")).isRegularFile();
  }

  @Test
  void publishOwnRecordsAndMirrorChangesWorkWithAnInProcessHub() throws Exception {
    RecordPackage sample = (RecordPackage) call("SamplePackage", "read", new Class<?>[0]);
    long fromFao = reportedBy(sample, FAO);
    long fromUndp = reportedBy(sample, UNDP);
    assertThat(fromFao).isPositive();
    assertThat(fromUndp).isPositive();
    Path mirror = temp.resolve("mirror");
    Class<?>[] publish = {SstcClient.class, RecordPackage.class, String.class, PrintStream.class};
    Class<?>[] follow = {SstcClient.class, Path.class, PrintStream.class};
    try (SstcHub hub = SstcHub.builder().token(FAO, "fao-token").token(UNDP, "undp-token").build().start();
        SstcClient fao = SstcClient.builder().baseUrl(hub.baseUrl()).token("fao-token").build();
        SstcClient undp = SstcClient.builder().baseUrl(hub.baseUrl()).token("undp-token").build();
        SstcClient reader = SstcClient.builder().baseUrl(hub.baseUrl()).build()) {
      BulkReport first = (BulkReport) call("PublishOwnRecords", "publish", publish, fao, sample, FAO, out);
      assertThat(first.created()).as(printed()).isEqualTo(fromFao);
      assertThat(first.rejected()).isZero();
      assertThat(((BulkReport) call("PublishOwnRecords", "publish", publish, undp, sample, UNDP, out)).created())
          .isEqualTo(fromUndp);
      // Publishing again changes nothing.
      assertThat(((BulkReport) call("PublishOwnRecords", "publish", publish, fao, sample, FAO, out)).unchanged())
          .isEqualTo(fromFao);
      assertThat(printed()).contains(FAO + ": " + fromFao + " sent, " + fromFao + " created, 0 updated, 0 unchanged, 0 rejected");

      assertThat(call("MirrorChanges", "mirror", follow, reader, mirror, out)).isEqualTo(fromFao + fromUndp);
      Initiative one = sample.initiatives().stream().filter(i -> i.reportingOrg().id().equals(FAO)).findFirst().orElseThrow();
      Path file = mirror.resolve("initiatives").resolve(one.id() + ".json");
      assertThat(SstcJson.standard().read(Files.readAllBytes(file), Initiative.class)).isEqualTo(one);

      // A deletion on the hub reaches the mirror on the next run, and nothing else does.
      fao.initiatives().delete(one.id(), fao.initiatives().get(one.id()).version());
      assertThat(call("MirrorChanges", "mirror", follow, reader, mirror, out)).isEqualTo(1L);
      assertThat(file).doesNotExist();
      assertThat(call("MirrorChanges", "mirror", follow, reader, mirror, out)).isEqualTo(0L);
    }
  }

  private static long reportedBy(RecordPackage pkg, String org) {
    return pkg.initiatives().stream().filter(i -> i.reportingOrg().id().equals(org)).count();
  }

  /** Calls the public static {@code method} of the frozen example {@code example}. */
  private static Object call(String example, String method, Class<?>[] parameters, Object... args) throws Exception {
    assertCompiled();
    Class<?> type = layer.findLoader(EXAMPLES).loadClass(EXAMPLES + "." + example);
    assertThat(type.getModule().getLayer()).isSameAs(layer);
    Method m = type.getMethod(method, parameters);
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private String printed() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /**
   * The test's module path: the current build's SDK modules (surefire puts the consumer's module
   * dependencies there) and their dependencies.
   */
  private static List<String> modulePath() {
    String path = System.getProperty("jdk.module.path");
    assertThat(path).as("jdk.module.path (surefire's useModulePath)").isNotBlank();
    return new ArrayList<>(Arrays.asList(path.split(File.pathSeparator)));
  }
}
