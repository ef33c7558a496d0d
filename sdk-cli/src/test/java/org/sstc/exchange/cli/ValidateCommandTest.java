package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.fixture;
import static org.sstc.exchange.cli.CliRun.names;
import static org.sstc.exchange.cli.CliRun.sstc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ValidateCommandTest {
  @TempDir Path dir;

  private String file(String fixture) {
    return fixture(fixture, dir.resolve(fixture)).toString();
  }

  // --- exit statuses and the text format ------------------------------------------------------

  @Test
  void validFilesExitZeroWithOnlyASummary() {
    String pkg = file("package.json");
    String initiative = file("initiative-full.json");

    CliRun run = sstc("validate", pkg, initiative);

    assertEquals(0, run.status, run::toString);
    assertEquals(List.of("2 files, 2 valid, 0 invalid: 0 errors, 0 warnings"), run.outLines(), run::toString);
    assertEquals("", run.err);
  }

  @Test
  void warningsDoNotMakeAFileInvalid() {
    String warning = file("initiative-warning.json");

    CliRun run = sstc("validate", warning);

    assertEquals(0, run.status, run::toString);
    List<String> lines = run.outLines();
    assertEquals(2, lines.size(), run::toString);
    assertTrue(lines.get(0).startsWith(warning + ":/sectors/0/code: warning codelist.open-code: "), lines.get(0));
    assertEquals("1 file, 1 valid, 0 invalid: 0 errors, 1 warning", lines.get(1));
  }

  @Test
  void anInvalidFileExitsOneAndEachIssueIsOneLine() {
    String pkg = file("package.json");
    String broken = file("package-third-broken.json");

    CliRun run = sstc("validate", pkg, broken);

    assertEquals(1, run.status, run::toString);
    List<String> lines = run.outLines();
    assertEquals(2, lines.size(), run::toString);
    assertTrue(
        lines.get(0).startsWith(broken + ":/initiatives/2/sdgs/0/target: error rule.sdg-target-goal: "),
        lines.get(0));
    assertEquals("2 files, 1 valid, 1 invalid: 1 error, 0 warnings", lines.get(1));
  }

  @Test
  void aWholeDocumentIssueIsPrintedWithTheRootPointer() throws IOException {
    Path notJson = dir.resolve("array.json");
    Files.writeString(notJson, "[1, 2]");

    CliRun run = sstc("validate", notJson.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.outLines().get(0).startsWith(notJson + ":/: error "), run::toString);
  }

  @Test
  void aSyntaxErrorIsAnIssueNotAStackTrace() {
    String notJson = file("not-json.json");

    CliRun run = sstc("validate", "--format", "json", notJson);

    assertEquals(1, run.status, run::toString);
    JsonNode issue = run.json().get(0).get("issues").get(0);
    assertEquals("json.syntax", issue.get("code").asString());
    assertEquals(2, issue.get("line").asInt());
    assertFalse(run.err.contains("Exception"), run::toString);
  }

  // --- NDJSON and packages -----------------------------------------------------------------------

  @Test
  void ndjsonIssuesPointIntoTheirLine() {
    String ndjson = file("records.ndjson");

    CliRun run = sstc("validate", "--format", "json", ndjson);

    assertEquals(1, run.status, run::toString);
    JsonNode report = run.json().get(0);
    assertEquals(ndjson, report.get("file").asString());
    assertFalse(report.get("valid").asBoolean());
    JsonNode issues = report.get("issues");
    assertEquals(1, issues.size(), run::toString);
    JsonNode issue = issues.get(0);
    assertTrue(issue.get("pointer").asString().startsWith("/1/"), issue::toString);
    assertEquals("/1/modality", issue.get("pointer").asString());
    assertEquals("schema.enum", issue.get("code").asString());
    assertEquals(2, issue.get("line").asLong());
    assertEquals("multilateral", issue.get("value").asString());
  }

  @Test
  void ndjsonInTextFormat() {
    String ndjson = file("records.ndjson");

    CliRun run = sstc("validate", ndjson);

    assertEquals(1, run.status, run::toString);
    assertTrue(run.outLines().get(0).startsWith(ndjson + ":/1/modality: error schema.enum: "), run::toString);
  }

  @Test
  void aPackageWhoseThirdInitiativeIsBroken() {
    String broken = file("package-third-broken.json");

    CliRun run = sstc("validate", "--format", "json", broken);

    assertEquals(1, run.status, run::toString);
    JsonNode issues = run.json().get(0).get("issues");
    assertEquals(1, issues.size(), run::toString);
    assertTrue(issues.get(0).get("pointer").asString().startsWith("/initiatives/2/"), run::toString);
    assertEquals("rule.sdg-target-goal", issues.get(0).get("code").asString());
  }

  // --- directories -------------------------------------------------------------------------------

  @Test
  void aDirectoryMeansEveryRecordFileBelowItInSortedOrder() throws IOException {
    Path data = dir.resolve("data");
    fixture("records.ndjson", data.resolve("sub/b.ndjson"));
    fixture("package.json", data.resolve("a.json"));
    fixture("initiative-full.json", data.resolve("sub/deeper/c.JSON"));
    Files.writeString(data.resolve("sub/d.jsonl"), firstLine("records.ndjson"));
    Files.writeString(data.resolve("notes.txt"), "not a record");
    Files.writeString(data.resolve("sub/schema.yaml"), "not: a record");

    CliRun run = sstc("validate", "--format", "json", data.toString());

    assertEquals(1, run.status, run::toString);
    List<String> files = new ArrayList<>();
    run.json().forEach(report -> files.add(report.get("file").asString()));
    assertEquals(
        List.of(
            data.resolve("a.json").toString(),
            data.resolve("sub/b.ndjson").toString(),
            data.resolve("sub/d.jsonl").toString(),
            data.resolve("sub/deeper/c.JSON").toString()),
        files);
    List<Boolean> valid = new ArrayList<>();
    run.json().forEach(report -> valid.add(report.get("valid").asBoolean()));
    assertEquals(List.of(true, false, true, true), valid);
  }

  @Test
  void aDirectoryInTextFormat() throws IOException {
    Path data = dir.resolve("data");
    fixture("package.json", data.resolve("a.json"));
    fixture("initiative-warning.json", data.resolve("b/c.json"));

    CliRun run = sstc("validate", data.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals("2 files, 2 valid, 0 invalid: 0 errors, 1 warning", run.outLines().get(1));
  }

  @Test
  void aFileGivenExplicitlyIsValidatedWhateverItsName() throws IOException {
    Path txt = fixture("package.json", dir.resolve("package.txt"));

    CliRun run = sstc("validate", "--format", "json", txt.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals(1, run.json().size());
    assertTrue(run.json().get(0).get("valid").asBoolean());
  }

  @Test
  void anEmptyDirectoryIsNothingToValidateAndExitsTwo() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    CliRun run = sstc("validate", empty.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("sstc: nothing to validate"), run::toString);
    assertEquals(List.of("0 files, 0 valid, 0 invalid: 0 errors, 0 warnings"), run.outLines());
    assertTrue(run.err.contains("no *.json, *.ndjson or *.jsonl files"), run::toString);
  }

  // --- files that cannot be read -----------------------------------------------------------------

  @Test
  void aMissingFileExitsTwoAndJsonIsStillOneArray() {
    String pkg = file("package.json");
    String missing = dir.resolve("missing.json").toString();

    CliRun run = sstc("validate", "--format", "json", pkg, missing);

    assertEquals(2, run.status, run::toString);
    assertEquals("sstc: cannot read " + missing + ": no such file" + System.lineSeparator(), run.err);
    JsonNode reports = run.json();
    assertEquals(2, reports.size());
    assertTrue(reports.get(0).get("valid").asBoolean());
    JsonNode report = reports.get(1);
    assertEquals(missing, report.get("file").asString());
    assertFalse(report.get("valid").asBoolean());
    assertEquals(1, report.get("issues").size());
    JsonNode issue = report.get("issues").get(0);
    assertEquals(List.of("severity", "code", "pointer", "message"), names(issue));
    assertEquals("error", issue.get("severity").asString());
    assertEquals("io.unreadable", issue.get("code").asString());
    assertEquals("", issue.get("pointer").asString());
  }

  @Test
  void aMissingFileInTextFormat() {
    String missing = dir.resolve("missing.json").toString();
    String broken = file("package-third-broken.json");

    CliRun run = sstc("validate", missing, broken);

    assertEquals(2, run.status, "an unreadable file outranks an invalid one: " + run);
    assertTrue(run.err.contains("sstc: cannot read " + missing + ": no such file"), run::toString);
    assertEquals("2 files, 0 valid, 1 invalid, 1 unreadable: 2 errors, 0 warnings",
        run.outLines().get(run.outLines().size() - 1));
  }

  // --- usage errors ------------------------------------------------------------------------------

  @Test
  void anUnknownOptionExitsTwoWithAShortMessageAndWhereTheUsageIs() {
    CliRun run = sstc("validate", "--strict", file("package.json"));

    assertEquals(2, run.status, run::toString);
    assertEquals("", run.out);
    assertTrue(run.err.startsWith("sstc: Unknown option: '--strict'"), run::toString);
    assertTrue(run.err.endsWith("Run 'sstc validate --help' for its usage.\n"), run::toString);
    assertTrue(run.err.lines().count() <= 3, run::toString);
  }

  @Test
  void anUnknownOptionExitsTwoWithAnUnconfiguredCommandLineToo() {
    CliRun run = CliRun.run(new picocli.CommandLine(new Sstc()), "validate", "--strict", "x.json");

    assertEquals(2, run.status, run::toString);
  }

  @Test
  void noPathExitsTwo() {
    CliRun run = sstc("validate");

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("Missing required parameter: 'PATH'"), run::toString);
  }

  @Test
  void aBadFormatExitsTwo() {
    CliRun run = sstc("validate", "--format", "xml", file("package.json"));

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("--format"), run::toString);
    assertEquals("", run.out);
  }

  @Test
  void noCommandExitsTwo() {
    CliRun run = sstc();

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("Usage: sstc"), run::toString);
  }

  @Test
  void helpAndVersionExitZero() {
    CliRun help = sstc("--help");
    assertEquals(0, help.status, help::toString);
    assertTrue(help.out.contains("validate"), help::toString);

    CliRun validateHelp = sstc("validate", "--help");
    assertEquals(0, validateHelp.status, validateHelp::toString);
    assertTrue(validateHelp.out.contains("--format"), validateHelp::toString);

    CliRun version = sstc("--version");
    assertEquals(0, version.status, version::toString);
    assertTrue(version.out.startsWith("sstc " + Sstc.sdkVersion()), version::toString);
    assertFalse(Sstc.sdkVersion().contains("${"), "the version file is filtered by the build");
    assertTrue(version.out.contains("SSTC Exchange standard 1.1"), version::toString);
  }

  // --- the JSON format's shape -------------------------------------------------------------------

  @Test
  void jsonOutputIsOneArrayOfReportsInTheDocumentedShape() {
    String pkg = file("package.json");
    String warning = file("initiative-warning.json");
    String broken = file("package-third-broken.json");
    String ndjson = file("records.ndjson");

    CliRun run = sstc("validate", "--format=json", pkg, warning, broken, ndjson);

    assertEquals(1, run.status, run::toString);
    JsonNode reports = run.json(); // the whole of stdout parses as one array, nothing after it
    assertEquals(4, reports.size());
    int issues = 0;
    for (JsonNode report : reports) {
      assertEquals(List.of("file", "valid", "schemaVersion", "issues"), names(report), report::toString);
      assertTrue(report.get("valid").isBoolean());
      assertEquals("1.1", report.get("schemaVersion").asString()); // the version this SDK writes
      boolean anyError = false;
      for (JsonNode issue : report.get("issues")) {
        issues++;
        List<String> names = names(issue);
        assertEquals(List.of("severity", "code", "pointer", "message"), names.subList(0, 4), issue::toString);
        assertTrue(List.of("value", "line").containsAll(names.subList(4, names.size())), issue::toString);
        assertTrue(issue.get("severity").asString().matches("error|warning"), issue::toString);
        assertTrue(issue.get("code").asString().matches("^[a-z]+(\\.[A-Za-z0-9-]+)+$"), issue::toString);
        assertTrue(issue.get("pointer").asString().matches("^(/([^~/]|~[01])*)*$"), issue::toString);
        assertFalse(issue.get("message").asString().isBlank());
        anyError |= issue.get("severity").asString().equals("error");
      }
      assertEquals(!anyError, report.get("valid").asBoolean(), report::toString);
    }
    assertEquals(3, issues, run::toString);
    assertEquals("", run.err);
  }

  @Test
  void jsonFormatPrintsNothingElseOnStdoutEvenWhenEverythingIsValid() {
    CliRun run = sstc("validate", "--format", "json", file("package.json"));

    assertEquals(0, run.status, run::toString);
    JsonNode report = run.json().get(0);
    assertTrue(report.get("valid").asBoolean());
    assertTrue(report.get("issues").isArray());
    assertEquals(0, report.get("issues").size());
  }

  private static String firstLine(String fixture) throws IOException {
    try (var in = ValidateCommandTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow() + "\n";
    }
  }
}
