package org.sstc.exchange.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM pins exactly the published modules, at the reactor's version. A module is published when
 * it attaches sources and javadoc jars (it declares maven-javadoc-plugin), as the root pom asks of
 * every published module; a new one that is not added to the BOM fails here.
 */
class BomTest {
  private static final Path REPO = Path.of(System.getProperty("sstc.repo", "..")).toAbsolutePath().normalize();

  @Test
  void pinsEveryPublishedModuleAtTheReactorsVersion() throws IOException {
    String root = Files.readString(REPO.resolve("pom.xml"));
    String bom = Files.readString(REPO.resolve("sdk-bom/pom.xml"));

    TreeSet<String> published = new TreeSet<>();
    for (String module : all(root, "<module>([^<]+)</module>")) {
      String pom = Files.readString(REPO.resolve(module).resolve("pom.xml"));
      if (pom.contains("<artifactId>maven-javadoc-plugin</artifactId>")) {
        published.add(first(pom, "</parent>\\s*<artifactId>([^<]+)</artifactId>"));
      }
    }
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    assertThat(new TreeSet<>(all(managed, "<artifactId>([^<]+)</artifactId>"))).isEqualTo(published);
    assertThat(published).contains("schema", "sdk-core", "sdk-iati", "sdk-sheets", "sdk-report", "sdk-client",
        "sdk-hub", "sdk-testkit", "sdk-cli", "sstc-maven-plugin");

    String reactorVersion = first(root, "<artifactId>sstc-parent</artifactId>\\s*<version>([^<]+)</version>");
    assertThat(first(bom, "<artifactId>sdk-bom</artifactId>\\s*<version>([^<]+)</version>")).isEqualTo(reactorVersion);
    assertThat(all(managed, "<version>([^<]+)</version>")).containsOnly("${project.version}");
  }

  private static List<String> all(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1).trim());
    }
    return found;
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in the pom", regex).isTrue();
    return m.group(1);
  }
}
