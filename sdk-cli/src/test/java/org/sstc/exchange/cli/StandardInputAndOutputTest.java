package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.fixture;
import static org.sstc.exchange.cli.CliRun.sstc;
import static org.sstc.exchange.cli.CliRun.sstcWithInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.iati.IatiXml;
import tools.jackson.databind.JsonNode;

/**
 * {@code -} wherever a command takes a file: standard input as an input, standard output as an
 * {@code --out} file (what the command says then goes to standard error); refused where a folder is
 * needed. Standard input is a fake {@code System.in}, as a shell's {@code <} or pipe would give.
 */
class StandardInputAndOutputTest {
  @TempDir Path dir;

  private byte[] fixtureBytes(String name) throws IOException {
    return Files.readAllBytes(fixture(name, dir.resolve("fixture-" + name)));
  }

  @Test
  void reportReadsAPackageFromStandardInputAndWritesThePageToStandardOutput() throws IOException {
    CliRun run = sstcWithInput(fixtureBytes("package.json"), "report", "-", "--out", "-");

    assertEquals(Sstc.OK, run.status, run::toString);
    assertTrue(run.out.startsWith("<!DOCTYPE html>"), run::toString);
    assertTrue(run.out.strip().endsWith("</html>"), "the page alone is on standard output");
    assertTrue(run.err.startsWith("wrote the page to standard output: 2 initiatives, 4 records"), run::toString);
  }

  @Test
  void reportNamesStandardInputOnThePageAsDash() throws IOException {
    Path page = dir.resolve("report.html");
    CliRun run = sstcWithInput(fixtureBytes("initiative-minimal.json"), "report", "-", "--out", page.toString());

    assertEquals(Sstc.OK, run.status, run::toString);
    assertTrue(run.out.contains("wrote " + page + ": 1 initiative, 1 record, 0 errors, 0 warnings"), run::toString);
  }

  @Test
  void flattenReadsThePackageFromStandardInput() throws IOException {
    Path sheets = dir.resolve("sheets");
    CliRun run = sstcWithInput(fixtureBytes("package.json"), "flatten", "-", "--out", sheets.toString());

    assertEquals(Sstc.OK, run.status, run::toString);
    assertEquals(List.of("wrote 17 sheets to " + sheets + ": 2 initiatives, 2 organisations"), run.outLines());
    assertTrue(Files.isRegularFile(sheets.resolve("initiatives.csv")));
  }

  @Test
  void aFolderCannotBeDashAndSaysSoAsAUsageError() throws IOException {
    Path pkg = fixture("package.json", dir.resolve("package.json"));
    for (String[] args : new String[][] {
        {"flatten", pkg.toString(), "--out", "-"},
        {"unflatten", "-", "--out", dir.resolve("back.json").toString()},
        {"upgrade", pkg.toString(), "--to", "1.1", "--out", dir.resolve("up").toString(), "-"},
        {"pull", "--hub", "http://127.0.0.1:9", "--out", "-"},
        {"demo", "--out", "-"},
        {"tokens", "list", "--data", "-"}}) {
      CliRun run = sstcWithInput(new byte[0], args);
      assertEquals(Sstc.USAGE_OR_IO, run.status, () -> String.join(" ", args) + "\n" + run);
      assertEquals(2, run.err.lines().count(), () -> "the error and the --help pointer: " + run);
      assertTrue(run.err.contains("Run 'sstc " + args[0]), run::toString);
      assertFalse(Files.exists(Path.of("-")), "no file or folder named -");
    }
  }

  @Test
  void unflattenWritesThePackageToStandardOutputAndWhatItSaysToStandardError() throws IOException {
    Path sheets = dir.resolve("sheets");
    assertEquals(Sstc.OK, sstc("flatten", fixture("package.json", dir.resolve("package.json")).toString(),
        "--out", sheets.toString()).status);

    CliRun run = sstc("unflatten", sheets.toString(), "--out", "-");

    assertEquals(Sstc.OK, run.status, run::toString);
    JsonNode pkg = CliRun.JSON.readTree(run.out);
    assertEquals("package", pkg.get("recordType").asString());
    assertEquals(2, pkg.get("initiatives").size());
    assertTrue(run.err.startsWith("wrote the package to standard output: 2 initiatives, 2 organisations, 0 warnings"),
        run::toString);
  }

  @Test
  void upgradeReadsStandardInputAndWritesTheUpgradeToStandardOutput() throws IOException {
    CliRun run = sstcWithInput(fixtureBytes("initiative-minimal.json"), "upgrade", "-", "--to", "1.1", "--out", "-");

    assertEquals(Sstc.OK, run.status, run::toString);
    assertEquals("1.1", CliRun.JSON.readTree(run.out).get("schemaVersion").asString(), run::toString);
    assertTrue(run.err.contains("-:/schemaVersion: \"1.0\" -> \"1.1\""), run::toString);
  }

  @Test
  void upgradeToStandardOutputTakesOneFileAndStandardInputNeedsIt() throws IOException {
    Path one = fixture("initiative-minimal.json", dir.resolve("one.json"));
    CliRun two = sstc("upgrade", one.toString(), one.toString(), "--to", "1.1", "--out", "-");
    assertEquals(Sstc.USAGE_OR_IO, two.status, two::toString);
    assertTrue(two.err.contains("give one PATH"), two::toString);

    CliRun file = sstc("upgrade", one.toString(), "--to", "1.1", "--out", "-");
    assertEquals(Sstc.OK, file.status, file::toString);
    assertEquals("1.1", CliRun.JSON.readTree(file.out).get("schemaVersion").asString());

    CliRun intoFolder = sstcWithInput(fixtureBytes("initiative-minimal.json"), "upgrade", "-", "--to", "1.1",
        "--out", dir.resolve("up").toString());
    assertEquals(Sstc.USAGE_OR_IO, intoFolder.status, intoFolder::toString);
    assertTrue(intoFolder.err.contains("give --out - to write its upgrade to standard output"), intoFolder::toString);
    assertFalse(Files.exists(dir.resolve("up")));
  }

  @Test
  void anInvalidStandardInputIsNotUpgradedAndNothingGoesToStandardOutput() throws IOException {
    byte[] broken = new String(fixtureBytes("initiative-minimal.json"), StandardCharsets.UTF_8)
        .replace("\"bilateral\"", "\"bilaterale\"").getBytes(StandardCharsets.UTF_8);
    CliRun run = sstcWithInput(broken, "upgrade", "-", "--to", "1.1", "--out", "-");

    assertEquals(Sstc.INVALID, run.status, run::toString);
    assertEquals("", run.out);
    assertTrue(run.err.contains("-:/modality: error schema.enum") && run.err.contains("- is not valid (1 error)"), run::toString);
  }

  @Test
  void importIatiStreamsStandardInputToStandardOutput() throws IOException {
    byte[] xml;
    try (InputStream in = getClass().getResourceAsStream("/iati/activity-standard-example-annotated.xml")) {
      xml = in.readAllBytes();
    }
    CliRun run = sstcWithInput(xml, "import-iati", "-", "--out", "-");

    assertEquals(Sstc.INVALID, run.status, "the official example lacks what SSTC needs: " + run);
    JsonNode pkg = CliRun.JSON.readTree(run.out);
    assertEquals(1, pkg.get("initiatives").size(), run::toString);
    assertTrue(run.err.contains("-:") && run.err.contains("unmapped"), run::toString);
    assertTrue(run.err.contains("1 activity imported to -"), run::toString);
  }

  @Test
  void exportIatiReadsStandardInputAndWritesCheckedXmlToStandardOutput() throws IOException {
    CliRun run = sstcWithInput(fixtureBytes("package.json"), "export-iati", "-", "--out", "-");

    assertEquals(Sstc.OK, run.status, run::toString);
    assertTrue(run.out.startsWith("<?xml"), run::toString);
    assertEquals(List.of(), IatiXml.standard().checkSchema(run.out.getBytes(StandardCharsets.UTF_8)));
    assertTrue(run.err.contains("2 initiatives written to standard output as IATI 2.03 XML"), run::toString);
  }

  @Test
  void aHubExportGoesToStandardOutputAndComesBackFromStandardInput() throws IOException {
    String from = dir.resolve("from").toString();
    assertEquals(Sstc.OK, sstcWithInput("a-token-of-sixteen-chars".getBytes(StandardCharsets.UTF_8),
        "tokens", "add", "--org", "XM-DAC-41301", "--data", from).status);
    CliRun export = sstc("hub", "export", "--data", from, "--out", "-");
    assertEquals(Sstc.OK, export.status, export::toString);
    assertTrue(export.out.startsWith("{\"kind\":\"sstc-hub-export\""), export::toString);
    assertTrue(export.err.startsWith("exported hub "), export::toString);

    String to = dir.resolve("to").toString();
    CliRun imported = sstcWithInput(export.out.getBytes(StandardCharsets.UTF_8), "hub", "import", "--data", to, "--in", "-");
    assertEquals(Sstc.OK, imported.status, imported::toString);
    assertTrue(imported.out.contains("from standard input"), imported::toString);
    assertEquals(1, sstc("tokens", "list", "--data", to).outLines().size());
  }

  @Test
  void aPipeGivenByNameIsRefusedWithAPointerToDash() throws Exception {
    Path fifo = dir.resolve("fifo.json");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed");

    CliRun run = sstc("flatten", fifo.toString(), "--out", dir.resolve("sheets").toString());

    assertEquals(Sstc.USAGE_OR_IO, run.status, run::toString);
    assertTrue(run.err.contains("not a regular file") && run.err.contains("give -"), run::toString);
  }

  @Test
  void standardInputGivenTwiceIsAUsageErrorSinceItCanBeReadOnce() throws IOException {
    byte[] record = fixtureBytes("initiative-minimal.json");
    for (String[] args : new String[][] {
        {"validate", "-", "-"},
        {"report", "-", "-", "--out", dir.resolve("r.html").toString()},
        {"publish", "--hub", "http://127.0.0.1:9", "-", "-"}}) {
      CliRun run = sstcWithInput(record, args);
      assertEquals(Sstc.USAGE_OR_IO, run.status, run::toString);
      assertTrue(run.err.startsWith("sstc: - (standard input) is given more than once"), run::toString);
    }
    assertFalse(Files.exists(dir.resolve("r.html")));
  }
}
