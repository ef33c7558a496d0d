package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.fixture;
import static org.sstc.exchange.cli.CliRun.sstc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code sstc upgrade}: 1.0 files become 1.1 under --out, all or nothing. */
class UpgradeCommandTest {
  @TempDir Path dir;

  @Test
  void aFolderIsUpgradedIntoOutKeepingItsLayoutAndEachChangeIsPrinted() throws IOException {
    Path in = dir.resolve("in");
    fixture("package.json", in.resolve("package.json"));
    fixture("initiative-minimal.json", in.resolve("sub/one.json"));
    Path out = dir.resolve("out");

    CliRun run = sstc("upgrade", in.toString(), "--to", "1.1", "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    assertTrue(run.out.contains(in.resolve("package.json") + ":/initiatives/1/schemaVersion: \"1.0\" -> \"1.1\""), run.out);
    assertTrue(run.out.contains("upgraded 2 files to 1.1 in " + out), run.out);
    JsonNode upgraded = CliRun.JSON.readTree(Files.readString(out.resolve("sub/one.json"), StandardCharsets.UTF_8));
    assertEquals("1.1", upgraded.get("schemaVersion").asString());
    JsonNode original = CliRun.JSON.readTree(Files.readString(in.resolve("sub/one.json"), StandardCharsets.UTF_8));
    assertEquals(original.get("participants"), upgraded.get("participants"));
    assertEquals("1.0", original.get("schemaVersion").asString(), "the input is left as it was");
    try (var leftovers = Files.list(out)) {
      assertEquals(0, leftovers.filter(p -> p.getFileName().toString().startsWith(".sstc-upgrade-")).count());
    }
  }

  @Test
  void oneInvalidFileMeansNothingIsWrittenAndItsIssuesArePrinted() throws IOException {
    Path in = dir.resolve("in");
    fixture("package.json", in.resolve("a-package.json"));
    Path broken = in.resolve("b-broken.json");
    Files.writeString(broken, Files.readString(fixture("initiative-minimal.json", dir.resolve("x.json")))
        .replace("\"bilateral\"", "\"bilaterale\""));
    Path out = dir.resolve("out");

    CliRun run = sstc("upgrade", in.toString(), "--to", "1.1", "--out", out.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains(broken + ":/modality: error schema.enum"), run.out);
    assertTrue(run.out.contains("nothing was written"), run.out);
    assertFalse(Files.exists(out), "no folder, no file");
  }

  @Test
  void anUnknownVersionIsAUsageErrorNamingTheKnownOnes() {
    Path in = fixture("initiative-minimal.json", dir.resolve("one.json"));

    CliRun run = sstc("upgrade", in.toString(), "--to", "1.9", "--out", dir.resolve("out").toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("--to 1.9") && run.err.contains("1.0 to 1.1"), run.err);
  }

  @Test
  void aMissingFileIsAnIoErrorAndNothingIsWritten() {
    Path in = fixture("initiative-minimal.json", dir.resolve("one.json"));
    Path out = dir.resolve("out");

    CliRun run = sstc("upgrade", in.toString(), dir.resolve("absent.json").toString(), "--to", "1.1", "--out", out.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("absent.json") && run.err.contains("no such file"), run.err);
    assertFalse(Files.exists(out.resolve("one.json")));
  }
}
