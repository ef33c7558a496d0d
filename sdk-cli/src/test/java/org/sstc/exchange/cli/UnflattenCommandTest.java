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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;

class UnflattenCommandTest {
  @TempDir Path dir;
  private Path original;
  private Path sheets;

  @BeforeEach
  void flatten() {
    original = fixture("package.json", dir.resolve("package.json"));
    sheets = dir.resolve("sheets");
    CliRun run = sstc("flatten", original.toString(), "--out", sheets.toString());
    assertEquals(0, run.status, run::toString);
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = sheets.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), () -> file + " has no " + from);
    Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), to), StandardCharsets.UTF_8);
  }

  @Test
  void theSheetsComeBackAsTheSamePackage() throws IOException {
    Path out = dir.resolve("again.json");

    CliRun run = sstc("unflatten", sheets.toString(), "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals(List.of("wrote " + out + ": 2 initiatives, 2 organisations, 0 warnings"), run.outLines());
    SstcJson json = SstcJson.standard();
    RecordPackage before = json.read(Files.readAllBytes(original), RecordPackage.class);
    RecordPackage after = json.read(Files.readAllBytes(out), RecordPackage.class);
    assertEquals(before, after);
    assertEquals(json.writeString(before), json.writeString(after));
    assertEquals(0, sstc("validate", out.toString()).status);
  }

  @Test
  void errorsArePrintedWithFileRowAndColumnAndNothingIsWritten() throws IOException {
    edit("participants.csv", "XM-DAC-41301-SSTC-2021-0042,p-abc,", "XM-DAC-41301-SSTC-2021-0043,p-abc,");
    edit("sdgs.csv", ",2,2.3,", ",2,3.4,");
    Path out = dir.resolve("again.json");

    CliRun run = sstc("unflatten", sheets.toString(), "--out", out.toString());

    assertEquals(1, run.status, run::toString);
    List<String> lines = run.outLines();
    assertTrue(lines.get(0).startsWith(sheets.resolve("participants.csv")
        + " row 2 column A (Initiative ID): error csv.unknown-parent: no initiative has the id 'XM-DAC-41301-SSTC-2021-0043'"),
        run::toString);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith(sheets.resolve("sdgs.csv")
        + " row 2 column D (SDG target): error rule.sdg-target-goal: ")), run::toString);
    assertTrue(lines.get(lines.size() - 1).startsWith(out + " not written: "), run::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void warningsAreShownButThePackageIsWritten() throws IOException {
    edit("sectors.csv", ",31166,", ",99999,");
    Path out = dir.resolve("again.json");

    CliRun run = sstc("unflatten", sheets.toString(), "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    assertTrue(run.outLines().get(0).startsWith(sheets.resolve("sectors.csv") + " row 3 column D (Sector): warning codelist.open-code: "),
        run::toString);
    assertTrue(Files.isRegularFile(out));
  }

  @Test
  void aBrokenCsvFileIsAnIssueNotACrash() throws IOException {
    Files.write(sheets.resolve("budgets.csv"), new byte[] {'a', ',', (byte) 0xFF, '\n'});

    CliRun run = sstc("unflatten", sheets.toString(), "--out", dir.resolve("again.json").toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.outLines().get(0).startsWith(sheets.resolve("budgets.csv") + ": error csv.encoding: not UTF-8"), run::toString);
    assertFalse(run.err.contains("Exception"), run::toString);
  }

  @Test
  void aFolderThatDoesNotExistExitsTwo() {
    CliRun run = sstc("unflatten", dir.resolve("nowhere").toString(), "--out", dir.resolve("x.json").toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.startsWith("sstc: "), run::toString);
  }

  @Test
  void anOutputThatCannotBeWrittenExitsTwo() {
    CliRun run = sstc("unflatten", sheets.toString(), "--out", dir.resolve("no/such/folder/x.json").toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.startsWith("sstc: cannot write "), run::toString);
  }
}
