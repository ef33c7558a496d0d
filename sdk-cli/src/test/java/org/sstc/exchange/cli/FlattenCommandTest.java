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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlattenCommandTest {
  @TempDir Path dir;

  private String file(String fixture) {
    return fixture(fixture, dir.resolve(fixture)).toString();
  }

  private static String header(Path csv) throws IOException {
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertEquals('\uFEFF', text.charAt(0), "a byte-order mark first");
    return text.substring(1, text.indexOf("\r\n"));
  }

  @Test
  void a11PackageWithSolutionsGetsItsSheetsAndComesBack() throws IOException {
    Path pkg = dir.resolve("package-1.1.json");
    Files.copy(Path.of("../schema/test-fixtures/1.1/valid/package.json"), pkg);
    Path sheets = dir.resolve("sheets11");

    CliRun run = sstc("flatten", pkg.toString(), "--out", sheets.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals(List.of("wrote 29 sheets to " + sheets + ": 2 initiatives, 1 organisation, 2 solutions"), run.outLines());
    assertTrue(header(sheets.resolve("solutions.csv")).startsWith("Solution ID,Schema version,"));
    Path again = dir.resolve("again.json");
    CliRun back = sstc("unflatten", sheets.toString(), "--out", again.toString());
    assertEquals(0, back.status, back::toString);
    assertTrue(back.out.startsWith("wrote " + again + ": 2 initiatives, 1 organisation, 2 solutions, "), back::toString);
  }

  @Test
  void aValidPackageIsWrittenAsOneSheetPerPartAndExitsZero() throws IOException {
    String pkg = file("package.json");
    Path sheets = dir.resolve("sheets");

    CliRun run = sstc("flatten", pkg, "--out", sheets.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals(List.of("wrote 17 sheets to " + sheets + ": 2 initiatives, 2 organisations"), run.outLines());
    assertEquals("", run.err);
    assertTrue(Files.isRegularFile(sheets.resolve("participants.csv")));
    assertEquals("Initiative ID,Participant ID,Org ID,Name,Org type,Country,Role,IATI roles",
        header(sheets.resolve("participants.csv")));
    List<String> participants = Files.readAllLines(sheets.resolve("participants.csv"), StandardCharsets.UTF_8);
    assertEquals(1 + 6 + 2, participants.size(), participants::toString);
  }

  @Test
  void pathHeadersOnRequest() throws IOException {
    String pkg = file("package.json");
    Path sheets = dir.resolve("sheets");

    CliRun run = sstc("flatten", "--headers", "paths", pkg, "-o", sheets.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals("id,position,recipientCountries/0/code,recipientCountries/0/percentage", header(sheets.resolve("recipient-countries.csv")));
  }

  @Test
  void anInvalidPackageIsNotFlattenedAndItsIssuesArePrinted() {
    String broken = file("package-third-broken.json");
    Path sheets = dir.resolve("sheets");

    CliRun run = sstc("flatten", broken, "--out", sheets.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.outLines().get(0).startsWith(broken + ":/initiatives/2/sdgs/0/target: error rule.sdg-target-goal: "),
        run::toString);
    assertTrue(run.out.contains("nothing was written"), run::toString);
    assertFalse(Files.exists(sheets));
  }

  @Test
  void aSingleInitiativeIsNotAPackage() {
    String initiative = file("initiative-full.json");

    CliRun run = sstc("flatten", initiative, "--out", dir.resolve("sheets").toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains(":/recordType: error schema.const: this is an initiative, not a package"), run::toString);
  }

  @Test
  void notJsonIsAnIssueNotAStackTrace() {
    String notJson = file("not-json.json");

    CliRun run = sstc("flatten", notJson, "--out", dir.resolve("sheets").toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.startsWith(notJson + ":"), run::toString);
    assertTrue(run.out.contains("json.syntax"), run::toString);
    assertFalse(run.err.contains("Exception"), run::toString);
  }

  @Test
  void aMissingFileExitsTwo() {
    CliRun run = sstc("flatten", dir.resolve("missing.json").toString(), "--out", dir.resolve("sheets").toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.startsWith("sstc: cannot read "), run::toString);
  }

  @Test
  void anOutputThatIsAFileExitsTwo() throws IOException {
    String pkg = file("package.json");
    Path notADirectory = Files.writeString(dir.resolve("taken"), "x");

    CliRun run = sstc("flatten", pkg, "--out", notADirectory.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.startsWith("sstc: cannot write to " + notADirectory), run::toString);
  }

  @Test
  void withoutOutIsAUsageError() {
    CliRun run = sstc("flatten", file("package.json"));

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("--out"), run::toString);
  }
}
