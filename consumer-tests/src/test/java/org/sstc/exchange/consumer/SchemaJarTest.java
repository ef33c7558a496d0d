package org.sstc.exchange.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.schema.StandardFiles;

/**
 * An application that validates offline finds every schema of every version in the schema jar,
 * byte for byte as in {@code schema/}: 1.0, 1.1 and the entry schema that picks between them.
 */
class SchemaJarTest {
  private static final Path SCHEMA =
      Path.of(System.getProperty("sstc.repo", "..")).toAbsolutePath().normalize().resolve("schema");

  @Test
  void theJarCarriesEverySchemaOfEveryVersionUnchanged() throws IOException {
    List<String> paths = new ArrayList<>(List.of("record.schema.json", "codelists/SolutionMaturity.json"));
    for (String version : List.of("1.0", "1.1")) {
      try (Stream<Path> files = Files.list(SCHEMA.resolve(version))) {
        files.map(f -> version + "/" + f.getFileName()).sorted().forEach(paths::add);
      }
    }
    assertThat(paths).contains("1.1/solution.schema.json", "1.1/initiative.schema.json", "1.0/initiative.schema.json");

    for (String path : paths) {
      assertThat(StandardFiles.exists(path)).as("the jar carries %s", path).isTrue();
      try (InputStream in = StandardFiles.open(path)) {
        assertThat(in.readAllBytes()).as("%s in the jar", path).isEqualTo(Files.readAllBytes(SCHEMA.resolve(path)));
      }
    }
    assertThat(StandardFiles.exists(StandardFiles.CURRENT_VERSION + "/record.schema.json")).isTrue();
  }
}
