package org.sstc.exchange.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on a small module compiled twice with javax.tools: once as committed, once with a
 * public signature changed, removed or added.
 */
class ApiListingTest {

  @TempDir Path dir;

  private static final String MODULE_INFO =
      "module demo.lib { exports demo.lib; }";

  private static final String GREETER = String.join("\n",
      "package demo.lib;",
      "/** A greeter. */",
      "public final class Greeter<T extends CharSequence> implements java.io.Serializable {",
      "  public static final int LIMIT = 3;",
      "  public static final String NAME = \"hello\";",
      "  public Greeter() {}",
      "  public String greet(T name) throws java.io.IOException { return \"hi \" + name; }",
      "  @SafeVarargs public static <R> java.util.List<R> many(R... values) { return java.util.List.of(values); }",
      "  @Deprecated public void old() {}",
      "  void hidden() {}",
      "  public enum Tone { LOUD, QUIET }",
      "  public record Pair(String left, int right) {}",
      "}");

  private static final String INTERNAL = String.join("\n",
      "package demo.lib.internal;",
      "public final class Helper { public void help() {} }");

  @Test
  void listsExportedTypesAndMembersOneLineEachAndLeavesOutInternalOnes() throws IOException {
    List<String> listing = ApiListing.listing(compile("v1", GREETER), loader("v1"));

    assertThat(listing).startsWith("module demo.lib", "exports demo.lib");
    assertThat(listing).contains(
        "demo.lib.Greeter type public final class<T extends java.lang.CharSequence>",
        "demo.lib.Greeter implements java.io.Serializable",
        "demo.lib.Greeter field public static final int LIMIT = 3",
        "demo.lib.Greeter field public static final java.lang.String NAME = \"hello\"",
        "demo.lib.Greeter constructor public Greeter()",
        "demo.lib.Greeter method public java.lang.String greet(T) throws java.io.IOException",
        "demo.lib.Greeter method public static <R> java.util.List<R> many(R...)",
        "demo.lib.Greeter method @Deprecated public void old()",
        "demo.lib.Greeter$Tone type public enum",
        "demo.lib.Greeter$Tone enum-constant LOUD",
        "demo.lib.Greeter$Pair record-component 0 java.lang.String left",
        "demo.lib.Greeter$Pair record-component 1 int right");
    assertThat(listing).noneMatch(line -> line.contains("hidden") || line.contains("Helper"));
    assertThat(ApiListing.listing(dir.resolve("v1"), loader("v1"))).isEqualTo(listing);
  }

  @Test
  void aChangedSignatureFailsTheGateNamingTheRemovedAndTheAddedMember() throws IOException {
    acceptFirstVersion();

    String changed = GREETER.replace("public String greet(T name)", "public String greet(T name, int times)");
    ApiListing.Result result = run("v2", changed, false);

    assertThat(result.ok()).isFalse();
    assertThat(result.message())
        .contains("- removed  demo.lib.Greeter method public java.lang.String greet(T) throws java.io.IOException")
        .contains("+ added    demo.lib.Greeter method public java.lang.String greet(T, int) throws java.io.IOException")
        .contains("./mvnw -pl demo verify -DskipTests -Dapi.accept")
        .contains("deprecate it");
  }

  @Test
  void acceptingAnAdditionRewritesTheListingAndThenPasses() throws IOException {
    acceptFirstVersion();
    String added = GREETER.replace("void hidden() {}", "void hidden() {}\n  public int count() { return 1; }");

    assertThat(run("v2", added, false).message())
        .contains("+ added    demo.lib.Greeter method public int count()")
        .doesNotContain("- removed");
    assertThat(run("v3", added, true).ok()).isTrue();
    assertThat(Files.readString(api(), StandardCharsets.UTF_8)).contains("demo.lib.Greeter method public int count()");
    assertThat(run("v4", added, false).ok()).isTrue();
  }

  @Test
  void aRemovalFromTheBaselineFailsEvenWhenAccepted() throws IOException {
    acceptFirstVersion();

    String removed = GREETER.replace("  public Greeter() {}\n", "  public Greeter(int size) {}\n");
    ApiListing.Result result = run("v2", removed, true);

    assertThat(result.ok()).isFalse();
    assertThat(result.message())
        .contains("lost API that 1.0.0 has")
        .contains("- removed  demo.lib.Greeter constructor public Greeter()")
        .contains("-Dapi.accept does not lift this check");
  }

  @Test
  void deprecatingABaselineMemberIsNoRemoval() throws IOException {
    acceptFirstVersion();

    String deprecated = GREETER.replace("  public Greeter() {}", "  @Deprecated public Greeter() {}");

    assertThat(run("v2", deprecated, true).ok()).isTrue();
  }

  @Test
  void aNewConstantValueNeedsAcceptingButIsNoRemoval() throws IOException {
    acceptFirstVersion();
    String changed = GREETER.replace("LIMIT = 3", "LIMIT = 4");

    assertThat(run("v2", changed, false).message())
        .contains("- removed  demo.lib.Greeter field public static final int LIMIT = 3")
        .contains("+ added    demo.lib.Greeter field public static final int LIMIT = 4");
    assertThat(run("v3", changed, true).ok()).isTrue();
  }

  @Test
  void aModuleWithoutAListingIsToldHowToCreateOne() throws IOException {
    ApiListing.Result result = ApiListing.run("demo", compile("v1", GREETER), dir.resolve("none.api"),
        dir.resolve("none-baseline.api"), false, false, loader("v1"));

    assertThat(result.ok()).isFalse();
    assertThat(result.message()).contains("has no API listing").contains("-Dapi.accept");
  }

  @Test
  void aMavenPluginsGoalsAndTheParametersUsersSetAreItsApiToo() throws IOException {
    Path classes = compile("v1", GREETER);
    Path pluginXml = classes.resolve("META-INF/maven/plugin.xml");
    Files.createDirectories(pluginXml.getParent());
    Files.writeString(pluginXml, String.join("\n",
        "<plugin><goalPrefix>demo</goalPrefix><mojos><mojo>",
        "  <goal>check</goal><phase>verify</phase>",
        "  <parameters>",
        "    <parameter><name>basedir</name><type>java.io.File</type><required>true</required><editable>false</editable></parameter>",
        "    <parameter><name>failOn</name><type>java.lang.String</type><required>false</required><editable>true</editable></parameter>",
        "  </parameters>",
        "  <configuration><failOn implementation=\"java.lang.String\" default-value=\"error\">${demo.failOn}</failOn></configuration>",
        "</mojo></mojos></plugin>"), StandardCharsets.UTF_8);

    List<String> listing = ApiListing.listing(classes, loader("v1"));

    assertThat(listing).endsWith(
        "maven-plugin demo:check goal phase verify",
        "maven-plugin demo:check parameter failOn java.lang.String expression ${demo.failOn} default error");
    assertThat(listing).noneMatch(line -> line.contains("basedir"));
  }

  /** Version 1 becomes the committed listing and the 1.0.0 baseline. */
  private void acceptFirstVersion() throws IOException {
    assertThat(run("v1", GREETER, true).ok()).isTrue();
    assertThat(baseline()).exists();
  }

  private Path api() {
    return dir.resolve("api/demo.api");
  }

  private Path baseline() {
    return dir.resolve("api/1.0.0/demo.api");
  }

  /** Compiles the version, writes the baseline on the first version, and runs the gate. */
  private ApiListing.Result run(String version, String greeter, boolean accept) throws IOException {
    Path api = api();
    Path baseline = baseline();
    Path classes = compile(version, greeter);
    boolean first = !Files.exists(baseline);
    return ApiListing.run("demo", classes, api, baseline, accept, first, loader(version));
  }

  private Path compile(String version, String greeter) throws IOException {
    Path sources = dir.resolve(version + "-src");
    Map<String, String> files = Map.of(
        "module-info.java", MODULE_INFO,
        "demo/lib/Greeter.java", greeter,
        "demo/lib/internal/Helper.java", INTERNAL);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = sources.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    Path classes = dir.resolve(version);
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String[] args = {"-d", classes.toString(), "--release", "17", "-nowarn",
        sources.resolve("module-info.java").toString(),
        sources.resolve("demo/lib/Greeter.java").toString(),
        sources.resolve("demo/lib/internal/Helper.java").toString()};
    assertThat(javac.run(null, null, null, args)).as("javac").isZero();
    return classes;
  }

  private URLClassLoader loader(String version) throws IOException {
    return new URLClassLoader(new URL[] {dir.resolve(version).toUri().toURL()}, null);
  }
}
