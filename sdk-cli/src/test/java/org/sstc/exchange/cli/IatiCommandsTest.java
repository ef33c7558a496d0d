package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.fixture;
import static org.sstc.exchange.cli.CliRun.sstc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.iati.IatiXml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class IatiCommandsTest {
  @TempDir Path dir;

  private Path officialExample() throws IOException {
    return resource("/iati/activity-standard-example-annotated.xml", "example.xml");
  }

  private Path resource(String name, String file) throws IOException {
    Path target = dir.resolve(file);
    try (InputStream in = getClass().getResourceAsStream(name)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void exportThenImportGivesThePackageBack() throws IOException {
    Path pkg = fixture("package.json", dir.resolve("package.json"));
    Path xml = dir.resolve("out.xml");

    CliRun export = sstc("export-iati", pkg.toString(), "--out", xml.toString());
    assertEquals(0, export.status, export::toString);
    assertTrue(export.out.contains("validates against the IATI XSD"), export::toString);
    assertEquals(java.util.List.of(), IatiXml.standard().checkSchema(Files.readAllBytes(xml)));

    Path back = dir.resolve("back.json");
    CliRun imported = sstc("import-iati", xml.toString(), "--out", back.toString());
    assertEquals(0, imported.status, imported::toString);
    RecordPackage original = SstcJson.standard().read(Files.readAllBytes(pkg), RecordPackage.class);
    assertEquals(original, SstcJson.standard().read(Files.readAllBytes(back), RecordPackage.class));
    assertTrue(imported.out.contains("2 activities and 2 organisations imported to " + back + ": 4 valid, 0 to complete; 0 unmapped items"), imported::toString);
  }

  @Test
  void importReportsUnmappedContentWithPositionsAndWhatTheStandardStillNeeds() throws IOException {
    Path xml = officialExample();
    Path out = dir.resolve("package.json");

    CliRun run = sstc("import-iati", xml.toString(), "--out", out.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains(xml + ":79:"), run::toString);
    assertTrue(run.out.contains("unmapped /iati-activities/iati-activity[1]/contact-info[1]"), run::toString);
    assertTrue(run.out.contains(out + ":/initiatives/0/instrument: error"), run::toString);
    assertTrue(run.out.contains("1 activity imported to " + out + ": 0 valid, 1 to complete"), run::toString);
    // the package is written, parseable, and the validator says what is missing
    assertFalse(org.sstc.exchange.core.Validator.standard().validate(out).valid());
    assertEquals("AA-AAA-123456789-ABC123",
        SstcJson.standard().readTree(Files.readAllBytes(out)).path("initiatives").path(0).path("id").asString());
  }

  private Path typicalDonor() throws IOException {
    return resource("/iati/crafted-typical-donor-2.03.xml", "donor.xml");
  }

  @Test
  void theDefaultProfileCompletesATypicalFileAndSaysWhatItAdded() throws IOException {
    Path xml = typicalDonor();
    Path out = dir.resolve("package.json");

    CliRun plain = sstc("import-iati", xml.toString(), "--out", out.toString());
    assertEquals(1, plain.status, plain::toString);
    assertTrue(plain.out.contains("20 activities imported to " + out + ": 0 valid, 20 to complete"), plain::toString);

    CliRun run = sstc("import-iati", xml.toString(), "--profile", "default", "--out", out.toString());

    assertEquals(1, run.status, run::toString); // written; one record still needs completing
    assertTrue(run.out.contains(out + ":/initiatives/0/instrument: from profile default: \"project\" (defaults.instrument)"), run::toString);
    assertTrue(run.out.contains("20 activities imported to " + out + ": 19 valid, 1 to complete"), run::toString);
    assertTrue(run.out.contains(out + ":/initiatives/19/modality: error schema.required"), run::toString);
    assertTrue(run.out.contains("profile default added "), run::toString);
    // what the profile set is not asked for again: no note on an SDG link's contribution or a role
    assertTrue(run.out.lines().anyMatch(line -> line.matches(".*/sdgs/\\d+/contribution: from profile default: .*")), run::toString);
    assertTrue(run.out.lines().noneMatch(line -> line.contains(": unmapped ")
        && (line.contains("contribution") || line.contains("set its role"))), run::toString);
    assertTrue(plain.out.lines().anyMatch(line -> line.matches(".*/sdgs/\\d+/contribution: error schema.required.*")), plain::toString);
    JsonNode first = SstcJson.standard().readTree(Files.readAllBytes(out)).path("initiatives").path(0);
    assertEquals("default", first.path("extensions").path("sstc:completedByProfile").path("profile").asString());
  }

  @Test
  void aProfileThatCompletesEveryRecordExitsZeroAndABadProfileWritesNothing() throws IOException {
    Path xml = typicalDonor();
    Path profile = dir.resolve("profile.json");
    // the default profile, plus: a global activity without a collaboration type is regional
    Files.writeString(profile, """
        {"profile": "global-is-regional",
         "defaults": {"instrument": "project", "sdgContribution": "significant", "language": "en",
                      "roles": {"1": "provider", "3": "provider", "4": "recipient"}, "lastUpdated": "import-time",
                      "recipientCountryParticipant": true,
                      "values": [{"pointer": "/participants/*/orgType", "value": "90"}, {"pointer": "/budgets/*/type", "value": "1"}]},
         "rules": [
           {"name": "triangular-roles", "when": [{"pointer": "/modality", "equals": "triangular"}],
            "roles": {"1": "second-provider", "2": "first-provider", "4": "recipient"}},
           {"name": "countries", "when": [{"pointer": "/modality", "absent": true}, {"pointer": "/recipientCountries", "minItems": 1, "maxItems": 2}],
            "set": {"/modality": "bilateral"}},
           {"name": "the-rest", "when": [{"pointer": "/modality", "absent": true}, {"pointer": "/recipientCountries", "maxItems": 0}],
            "set": {"/modality": "bilateral"}},
           {"name": "three", "when": [{"pointer": "/modality", "absent": true}], "set": {"/modality": "regional"}}]}
        """);
    Path out = dir.resolve("package.json");
    CliRun run = sstc("import-iati", xml.toString(), "--profile", profile.toString(), "--out", out.toString());
    // the global one is bilateral now (its implementer the recipient): every record valid
    assertEquals(0, run.status, run::toString);
    assertTrue(run.out.contains("20 activities imported to " + out + ": 20 valid, 0 to complete"), run::toString);
    assertTrue(run.out.contains(out + ":/initiatives/19/modality: from profile global-is-regional: \"bilateral\" (rules/2 (the-rest))"), run::toString);

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"profile\": \"x\", \"defaults\": {\"instrument\": \"plan\"}}");
    Path none = dir.resolve("none.json");
    CliRun refused = sstc("import-iati", xml.toString(), "--profile", bad.toString(), "--out", none.toString());
    assertEquals(2, refused.status, refused::toString);
    assertTrue(refused.err.contains("--profile " + bad + ": not a completion profile"), refused::toString);
    assertTrue(refused.err.contains(bad + ":/defaults/instrument"), refused::toString);
    assertFalse(Files.exists(none));
    CliRun missing = sstc("import-iati", xml.toString(), "--profile", dir.resolve("nope.json").toString(), "--out", none.toString());
    assertEquals(2, missing.status, missing::toString);
    assertTrue(missing.err.contains("cannot read the profile"), missing::toString);
    assertFalse(Files.exists(none));
  }

  @Test
  void theDefaultProfileSetsANegativeBudgetAsideSaysSoAndExportWritesItBack() throws IOException {
    Path xml = resource("/iati/crafted-negative-budget-2.03.xml", "budgets.xml");
    Path out = dir.resolve("package.json");
    CliRun run = sstc("import-iati", xml.toString(), "--profile", "default", "--out", out.toString());
    assertEquals(0, run.status, run::toString); // the one record is valid once the budget is set aside
    assertTrue(run.out.contains(xml + ":20:4: unmapped /iati-activities/iati-activity[1]/budget[2]/value[1]: the budget's value -280662.76 is negative"), run::toString);
    assertTrue(run.out.lines().anyMatch(line -> line.startsWith(out + ":/initiatives/0/extensions/sstc:setAsideByProfile/0: from profile default: {\"from\":\"/budgets/1\"")
        && line.endsWith("(negativeBudgets: set-aside (the budget at /budgets/1 is negative; the standard has no place for it))")), run::toString);
    JsonNode initiative = SstcJson.standard().readTree(Files.readAllBytes(out)).path("initiatives").path(0);
    assertEquals(2, initiative.path("budgets").size());
    assertEquals("-280662.76", initiative.path("extensions").path("sstc:setAsideByProfile").path(0).path("budget").path("value").path("amount").asString());

    Path back = dir.resolve("back.xml");
    CliRun export = sstc("export-iati", out.toString(), "--out", back.toString());
    assertEquals(0, export.status, export::toString);
    assertTrue(Files.readString(back).contains(">-280662.76</value>"), export::toString);
    Path again = dir.resolve("again.json");
    CliRun reimport = sstc("import-iati", back.toString(), "--out", again.toString());
    assertEquals(0, reimport.status, reimport::toString);
    assertEquals(SstcJson.standard().read(Files.readAllBytes(out), RecordPackage.class).initiatives(),
        SstcJson.standard().read(Files.readAllBytes(again), RecordPackage.class).initiatives());
  }

  @Test
  void aFileWhoseRecordsAreAllValidExitsZeroEvenWithUnmappedContent() throws IOException {
    Path pkg = fixture("package.json", dir.resolve("package.json"));
    Path xml = dir.resolve("out.xml");
    assertEquals(0, sstc("export-iati", pkg.toString(), "--out", xml.toString()).status);
    String text = Files.readString(xml);
    // an element the standard has no place for, in the first activity
    Files.writeString(xml, text.replaceFirst("</iati-identifier>", "</iati-identifier><contact-info type=\"1\"/>"));
    CliRun run = sstc("import-iati", xml.toString(), "--out", dir.resolve("back.json").toString());
    assertEquals(0, run.status, run::toString);
    assertTrue(run.out.contains("unmapped /iati-activities/iati-activity[1]/contact-info[1]"), run::toString);
  }

  @Test
  void summaryGroupsUnmappedContentByPath() throws IOException {
    Path xml = officialExample();
    CliRun run = sstc("import-iati", "--summary", xml.toString(), "--out", dir.resolve("p.json").toString());
    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains("unmapped 2x /iati-activities/iati-activity/humanitarian-scope (first at "), run::toString);
    // policy markers and locations map (standard 1.1): only the location parts 1.1 leaves out are listed
    assertFalse(run.out.contains("/iati-activity/policy-marker"), run::toString);
    assertTrue(run.out.contains("unmapped 2x /iati-activities/iati-activity/location/location-id (first at "), run::toString);
  }

  @Test
  void aTruncatedFileLeavesNoOutputAndNamesThePosition() throws IOException {
    byte[] whole = Files.readAllBytes(officialExample());
    Path truncated = dir.resolve("truncated.xml");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 200));
    Path out = dir.resolve("package.json");

    CliRun run = sstc("import-iati", truncated.toString(), "--out", out.toString());

    assertEquals(2, run.status, run::toString); // nothing written
    assertTrue(run.out.contains("error iati.xml: line "), run::toString);
    assertTrue(run.out.contains("no package written"), run::toString);
    assertFalse(Files.exists(out));
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no partial file left");
    }
  }

  @Test
  void aDoctypeIsRefused() throws IOException {
    Path xml = dir.resolve("xxe.xml");
    Files.writeString(xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<iati-activities version=\"2.03\">&e;</iati-activities>");
    CliRun run = sstc("import-iati", xml.toString(), "--out", dir.resolve("p.json").toString());
    assertEquals(2, run.status, run::toString);
    assertTrue(run.out.contains("DOCTYPE"), run::toString);
    assertFalse(run.out.contains("root:"), run::toString);
  }

  @Test
  void missingFilesAndOptionsAreUsageErrors() {
    assertEquals(2, sstc("import-iati", dir.resolve("nope.xml").toString(), "--out", dir.resolve("p.json").toString()).status);
    assertEquals(2, sstc("import-iati", dir.resolve("nope.xml").toString()).status);
    assertEquals(2, sstc("export-iati", dir.resolve("nope.json").toString(), "--out", dir.resolve("x.xml").toString()).status);
  }

  @Test
  void withStrictAnInvalidPackageIsNotExported() {
    Path broken = fixture("package-third-broken.json", dir.resolve("broken.json"));
    Path xml = dir.resolve("out.xml");
    CliRun run = sstc("export-iati", "--strict", broken.toString(), "--out", xml.toString());
    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains(broken + ":/initiatives/2/"), run::toString);
    assertFalse(Files.exists(xml));
  }

  @Test
  void anImportedPackageIsExportedOnceADataTeamHasCompletedWhatIatiDoesNotSay() throws IOException {
    Path xml = officialExample();
    Path pkg = dir.resolve("package.json");
    assertEquals(1, sstc("import-iati", xml.toString(), "--out", pkg.toString()).status);
    complete(pkg, root -> {});
    Path again = dir.resolve("again.xml");

    CliRun run = sstc("export-iati", pkg.toString(), "--out", again.toString());

    assertTrue(run.out.contains("1 initiative written to " + again + " as IATI 2.03 XML (validates against the IATI XSD)"), run::toString);
    assertEquals(java.util.List.of(), IatiXml.standard().checkSchema(Files.readAllBytes(again)));
    RecordPackage completed = SstcJson.standard().bind(SstcJson.standard().readTree(Files.readAllBytes(pkg)), RecordPackage.class);
    assertEquals(completed.initiatives(), IatiXml.standard().read(again).pkg().orElseThrow().initiatives());
  }

  @Test
  void anIncompleteInitiativeIsNamedWithWhatItLacksAndLeftOutAndTheCompleteOnesAreWritten() throws IOException {
    Path pkg = dir.resolve("package.json");
    sstc("import-iati", mixed().toString(), "--out", pkg.toString());
    // The second stays as imported: no modality, instrument, status …
    complete(pkg, root -> ((ObjectNode) root.path("initiatives").path(1)).removeAll().put("recordType", "initiative").put("id", "XM-DAC-1-2").put("schemaVersion", "1.1"));
    Path out = dir.resolve("out.xml");

    CliRun run = sstc("export-iati", pkg.toString(), "--out", out.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains(pkg + ":/initiatives/1: not written: the initiative \"XM-DAC-1-2\" lacks /initiatives/1/reportingOrg, "
        + "/initiatives/1/title, /initiatives/1/modality"), run::toString);
    assertTrue(run.out.contains("2 initiatives written to " + out), run::toString);
    assertTrue(run.out.contains("1 not written (named above)"), run::toString);
    assertEquals(java.util.List.of("XM-DAC-1-1", "XM-DAC-1-3"),
        IatiXml.standard().read(out).pkg().orElseThrow().initiatives().stream().map(org.sstc.exchange.core.Initiative::id).toList());
  }

  @Test
  void anActivityIatiCannotHoldIsNamedAndLeftOutAndTheOthersAreWritten() throws IOException {
    Path pkg = dir.resolve("package.json");
    sstc("import-iati", mixed().toString(), "--out", pkg.toString());
    // Complete for the standard's model, but without the date IATI requires.
    complete(pkg, root -> ((ObjectNode) root.path("initiatives").path(1)).putObject("dates"));
    Path out = dir.resolve("out.xml");

    CliRun run = sstc("export-iati", pkg.toString(), "--out", out.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains(pkg + ":/initiatives/1: not written: the initiative XM-DAC-1-2 cannot be written as IATI XML: it lacks a date"), run::toString);
    assertTrue(run.out.contains("2 initiatives written to " + out), run::toString);
    assertTrue(run.out.contains("1 not written (named above)"), run::toString);
    assertEquals(java.util.List.of(), IatiXml.standard().checkSchema(Files.readAllBytes(out)));
    assertEquals(java.util.List.of("XM-DAC-1-1", "XM-DAC-1-3"),
        IatiXml.standard().read(out).pkg().orElseThrow().initiatives().stream().map(org.sstc.exchange.core.Initiative::id).toList());
  }

  @Test
  void aPackageOfIncompleteInitiativesWritesNothingAndNamesEachGap() throws IOException {
    // An activity with no activity-status: imported (with notes), but the standard requires one.
    Path xml = dir.resolve("no-status.xml");
    Files.writeString(xml, "<iati-activities version=\"2.03\"><iati-activity xml:lang=\"en\"><iati-identifier>XM-DAC-1-1</iati-identifier>"
        + "<reporting-org ref=\"XM-DAC-1\" type=\"10\"><narrative>A</narrative></reporting-org><title><narrative>T</narrative></title>"
        + "</iati-activity></iati-activities>");
    Path pkg = dir.resolve("package.json");
    sstc("import-iati", xml.toString(), "--out", pkg.toString());
    Path out = dir.resolve("out.xml");

    CliRun run = sstc("export-iati", pkg.toString(), "--out", out.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains(pkg + ":/initiatives/0: not written: the initiative \"XM-DAC-1-1\" lacks "), run::toString);
    assertTrue(run.out.contains("/initiatives/0/status"), run::toString);
    assertTrue(run.out.contains("no IATI XML written: the package is not valid"), run::toString);
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("partial")), "no partial file left");
    }
  }

  @Test
  void aPackageWithoutItsPublisherWritesNothingAndSaysSo() throws IOException {
    Path pkg = dir.resolve("package.json");
    sstc("import-iati", mixed().toString(), "--out", pkg.toString());
    complete(pkg, root -> root.remove("publisher"));
    Path out = dir.resolve("out.xml");

    CliRun run = sstc("export-iati", pkg.toString(), "--out", out.toString());

    assertEquals(1, run.status, run::toString);
    assertTrue(run.out.contains(pkg + ":/: not written: the package lacks /publisher: set it"), run::toString);
    assertFalse(Files.exists(out));
  }

  /** Three activities, the second without a status, as a data team would get them from IATI. */
  private Path mixed() throws IOException {
    String activity = "<iati-activity xml:lang=\"en\"><iati-identifier>XM-DAC-1-%s</iati-identifier>"
        + "<reporting-org ref=\"XM-DAC-1\" type=\"10\"><narrative>A</narrative></reporting-org><title><narrative>T</narrative></title>"
        + "<participating-org ref=\"XM-DAC-1\" role=\"1\"><narrative>A</narrative></participating-org>%s"
        + "<activity-date type=\"1\" iso-date=\"2020-01-01\"/></iati-activity>";
    Path xml = dir.resolve("mixed.xml");
    Files.writeString(xml, "<iati-activities version=\"2.03\">" + activity.formatted("1", "<activity-status code=\"2\"/>")
        + activity.formatted("2", "") + activity.formatted("3", "<activity-status code=\"2\"/>") + "</iati-activities>");
    return xml;
  }

  /**
   * Adds to an imported package what IATI has no place for (modality, instrument, an
   * organisation's type …), as a data team does before exporting it again, then {@code more}.
   */
  private static void complete(Path pkg, Consumer<ObjectNode> more) throws IOException {
    ObjectNode root = (ObjectNode) SstcJson.standard().readTree(Files.readAllBytes(pkg));
    for (JsonNode element : root.path("initiatives")) {
      ObjectNode initiative = (ObjectNode) element;
      putIfAbsent(initiative, "modality", "bilateral");
      putIfAbsent(initiative, "instrument", "project");
      putIfAbsent(initiative, "status", "2");
      putIfAbsent(initiative, "lastUpdated", "2025-01-01T00:00:00Z");
      for (JsonNode participant : initiative.path("participants")) {
        putIfAbsent((ObjectNode) participant, "orgType", "10");
        putIfAbsent((ObjectNode) participant, "role", "funder");
      }
      for (JsonNode link : initiative.path("sdgs")) {
        putIfAbsent((ObjectNode) link, "contribution", "significant");
      }
    }
    more.accept(root);
    Files.write(pkg, JsonStreams.mapper().writeValueAsBytes(root));
  }

  private static void putIfAbsent(ObjectNode node, String name, String value) {
    if (!node.has(name)) {
      node.put(name, value);
    }
  }

  @Test
  void aPackageWithSolutionsIsExportedAndEachSolutionIsNamedAsNotWritten() throws IOException {
    // IATI has no place for a solution record: the initiatives and organisations are written, each solution named.
    Path pkg = Files.copy(Path.of("../schema/test-fixtures/1.1/valid/package.json"), dir.resolve("package.json"));
    RecordPackage original = SstcJson.standard().read(Files.readAllBytes(pkg), RecordPackage.class);
    Path out = dir.resolve("out.xml");

    CliRun run = sstc("export-iati", pkg.toString(), "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    for (int i = 0; i < original.solutions().size(); i++) {
      String line = pkg + ":/solutions/" + i + ": the solution \"" + original.solutions().get(i).id() + "\" is not written";
      assertTrue(run.out.contains(line), run::toString);
    }
    assertTrue(run.out.contains("2 solutions not written (IATI has no place for them: named above)"), run::toString);
    assertEquals(java.util.List.of(), IatiXml.standard().checkSchema(Files.readAllBytes(out)));
    assertEquals(original.initiatives(), IatiXml.standard().read(out).pkg().orElseThrow().initiatives());
  }
}
