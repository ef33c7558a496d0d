package org.sstc.exchange.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every published module of the reactor (one that attaches a javadoc jar, as the root pom asks of
 * published modules) binds the API gate and commits its listing: a new module cannot be published
 * unguarded.
 */
class EveryPublishedModuleIsGuardedTest {
  private static final Path REPO =
      Path.of(System.getProperty("sstc.repo", "../..")).toAbsolutePath().normalize();

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
  private static final Pattern GATE =
      Pattern.compile("<execution>\\s*<id>api-check</id>\\s*<phase>verify</phase>\\s*</execution>");

  @Test
  void bindsTheGateAndCommitsItsListing() throws IOException {
    List<String> published = new ArrayList<>();
    Matcher modules = MODULE.matcher(Files.readString(REPO.resolve("pom.xml")));
    while (modules.find()) {
      Path dir = REPO.resolve(modules.group(1).trim());
      String pom = Files.readString(dir.resolve("pom.xml"));
      if (!pom.contains("<artifactId>maven-javadoc-plugin</artifactId>")) {
        continue;
      }
      Matcher artifact = ARTIFACT.matcher(pom);
      assertThat(artifact.find()).as("artifactId in %s", dir).isTrue();
      String name = artifact.group(1);
      published.add(name);
      assertThat(GATE.matcher(pom).find())
          .as("%s/pom.xml binds the API gate: exec-maven-plugin with"
              + " <executions><execution><id>api-check</id><phase>verify</phase></execution></executions>"
              + " (CONTRIBUTING.md, \"The API gate\")", dir.getFileName())
          .isTrue();
      assertThat(dir.resolve("api").resolve(name + ".api"))
          .as("the committed listing of %s: write it with ./mvnw -pl %s -am install -DskipTests -Dapi.accept",
              name, dir.getFileName())
          .exists();
    }
    assertThat(published).contains("schema", "sdk-core", "sdk-client", "sdk-testkit", "sdk-cli", "sstc-maven-plugin");
  }
}
