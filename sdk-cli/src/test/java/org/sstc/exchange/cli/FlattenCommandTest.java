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
import org.sstc.exchange.core.SstcJson;

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
  void anInvalidPackageIsFlattenedWithItsIssuesAndComesBackWithIncomplete() throws IOException {
    String broken = file("package-third-broken.json");
    Path sheets = dir.resolve("sheets");

    CliRun run = sstc("flatten", broken, "--out", sheets.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.outLines().get(0).startsWith(broken + ":/initiatives/2/sdgs/0/target: error rule.sdg-target-goal: "),
        run::toString);
    assertTrue(run.err.contains("warning: " + broken + " is not a valid package yet"), run::toString);
    String issues = Files.readString(sheets.resolve("issues.csv"), StandardCharsets.UTF_8);
    assertTrue(issues.contains("sdgs.csv,"), issues);
    assertTrue(issues.contains("rule.sdg-target-goal"), issues);
    assertTrue(issues.contains("/initiatives/2/sdgs/0/target"), issues);

    Path back = dir.resolve("back.json");
    CliRun refused = sstc("unflatten", sheets.toString(), "--out", back.toString());
    assertEquals(1, refused.status, refused::toString);
    assertTrue(refused.out.contains("sdgs.csv row "), refused::toString);
    assertFalse(Files.exists(back));

    CliRun kept = sstc("unflatten", sheets.toString(), "--incomplete", "--out", back.toString());
    assertEquals(1, kept.status, kept::toString);
    assertTrue(kept.out.contains("wrote " + back + " (--incomplete): not valid yet"), kept::toString);
    assertEquals(SstcJson.standard().readTree(Files.readAllBytes(Path.of(broken))),
        SstcJson.standard().readTree(Files.readAllBytes(back)));
  }

  @Test
  void anImportStillToCompleteGoesToTheSheetsAndBackExactly() throws IOException {
    Path xml = dir.resolve("example.xml");
    try (java.io.InputStream in = getClass().getResourceAsStream("/iati/activity-standard-example-annotated.xml")) {
      Files.copy(in, xml);
    }
    Path imported = dir.resolve("imported.json");
    assertEquals(1, sstc("import-iati", xml.toString(), "--out", imported.toString()).status);
    Path sheets = dir.resolve("sheets");

    CliRun run = sstc("flatten", imported.toString(), "--out", sheets.toString());

    assertEquals(1, run.status, run::toString);
    String issues = Files.readString(sheets.resolve("issues.csv"), StandardCharsets.UTF_8);
    assertTrue(issues.contains("initiatives.csv,2,"), issues); // the missing instrument, on the initiative's row
    assertTrue(issues.contains("/initiatives/0/instrument"), issues);
    Path back = dir.resolve("back.json");
    assertEquals(1, sstc("unflatten", sheets.toString(), "--incomplete", "--out", back.toString()).status);
    assertEquals(SstcJson.standard().readTree(Files.readAllBytes(imported)), SstcJson.standard().readTree(Files.readAllBytes(back)));
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
