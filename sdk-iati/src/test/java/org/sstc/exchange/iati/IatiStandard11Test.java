package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.sstc.exchange.iati.IatiExportTest.attr;
import static org.sstc.exchange.iati.IatiExportTest.children;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Location;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.Transaction;
import org.sstc.exchange.testing.Generators;
import org.w3c.dom.Element;

/**
 * What standard 1.1 adds and IATI carries: locations, policy markers, humanitarian and negative
 * transaction values (reversals), both ways; and solutions, which IATI has no place for.
 */
class IatiStandard11Test {
  private static final IatiXml IATI = IatiXml.standard();
  private static final String CRAFTED = "publishers/crafted-1.1-members-2.03.xml";
  private static final Path VALID_11 = Path.of("../schema/test-fixtures/1.1/valid");

  private static byte[] fixture(String name) throws Exception {
    try (InputStream in = IatiStandard11Test.class.getResourceAsStream("/iati/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] export(RecordPackage pkg) {
    byte[] xml = IATI.write(pkg.toBuilder().publishedAt(OffsetDateTime.parse("2025-01-01T00:00:00Z")).build());
    assertThat(IATI.checkSchema(xml)).as("XSD violations in\n%s", new String(xml, StandardCharsets.UTF_8)).isEmpty();
    xmllintAgrees(xml);
    return xml;
  }

  /**
   * Where libxml2's xmllint is installed (what most IATI tools validate with), it must accept
   * the export against the bundled XSD too; where it is not, the JDK's check above stands alone.
   */
  private static void xmllintAgrees(byte[] xml) {
    Path xsd = Path.of("src/main/resources/org/sstc/exchange/iati/2.03/iati-activities-schema.xsd");
    boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "xmllint")));
    if (!installed) {
      return;
    }
    try {
      Path file = Files.createTempFile("iati-export", ".xml");
      try {
        Files.write(file, xml);
        Process process = new ProcessBuilder("xmllint", "--noout", "--schema", xsd.toString(), file.toString())
            .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("xmllint: %s", output).isZero();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theCraftedFileImportsLocationsPolicyMarkersHumanitarianAndReversalsWithoutNotes() throws Exception {
    IatiImport imported = IATI.read(new ByteArrayInputStream(fixture(CRAFTED)));
    assertThat(imported.unmapped()).isEmpty();
    Initiative first = Completed.pkg(imported).initiatives().get(0);
    assertThat(first.schemaVersion()).isEqualTo("1.1");
    assertThat(first.humanitarian()).isTrue();
    assertThat(first.locations()).extracting(Location::id).containsExactly("loc-nampula", null, "loc-admin-only");
    Location nampula = first.locations().get(0);
    assertThat(nampula.name().asMap()).containsEntry("en", "Nampula province").containsEntry("pt", "Província de Nampula");
    assertThat(nampula.point().latitude()).isEqualByComparingTo("-15.1165");
    assertThat(nampula.point().longitude()).isEqualByComparingTo("39.2666");
    assertThat(nampula.administrative()).extracting(a -> a.vocabulary() + "/" + a.level() + "/" + a.code())
        .containsExactly("A4/0/MZ", "G1/1/1033354");
    assertThat(nampula.locationReach()).isEqualTo("2");
    assertThat(nampula.exactness()).isEqualTo("2");
    assertThat(first.locations().get(2).point()).isNull();
    assertThat(first.policyMarkers()).extracting(m -> m.vocabulary() + "|" + m.code() + "|" + m.significance())
        .containsExactly("1|1|1", "1|12|2", "null|5|0", "99|SEED|null");
    assertThat(first.policyMarkers().get(3).description().asMap()).containsEntry("en", "Seed systems");
    Transaction returned = first.transactions().get(1);
    assertThat(returned.reversal()).isTrue();
    assertThat(returned.value().amount()).isEqualByComparingTo("2000.00");
    assertThat(returned.signedAmount()).isEqualByComparingTo("-2000.00");
    assertThat(first.transactions().get(0).reversal()).isNull();
    Initiative second = Completed.pkg(imported).initiatives().get(1);
    assertThat(second.humanitarian()).isFalse();
    assertThat(second.transactions().get(0).value().amount()).isEqualByComparingTo("0.50");
    assertThat(second.transactions().get(0).reversal()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      CRAFTED,
      "activity-standard-example-annotated.xml",
      "MAEC_IATI_INDONESIA.xml",
      "publishers/dfid-wfp-core-support-2.03.xml",
      "publishers/dfid-2016-excerpt-2.01.xml",
      "publishers/iati-cloud-standard-example-2.02.xml"})
  void iatiToSstcToIatiKeepsEveryLocationPolicyMarkerHumanitarianAndSignedValue(String name) throws Exception {
    byte[] original = fixture(name);
    IatiImport imported = IATI.read(new ByteArrayInputStream(original));
    byte[] exported = export(Completed.pkg(imported));
    List<List<String>> before = standard11Elements(original);
    List<List<String>> after = standard11Elements(exported);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).as("activity %d of %s", i + 1, name).containsExactlyElementsOf(before.get(i));
    }
    assertThat(Completed.pkg(IATI.read(new ByteArrayInputStream(exported))).initiatives()).isEqualTo(Completed.pkg(imported).initiatives());
  }

  @Test
  void theFilesUsedCarryWhatIsCompared() throws Exception {
    // the round trip above compares something: the crafted file and the official example hold each element
    for (String name : List.of(CRAFTED, "activity-standard-example-annotated.xml")) {
      String lines = String.join("\n", standard11Elements(fixture(name)).get(0));
      assertThat(lines).as(name).contains("humanitarian ").contains("location ").contains("policy-marker ").contains("transaction-value ");
    }
    assertThat(String.join("\n", standard11Elements(fixture(CRAFTED)).get(0))).contains("transaction-value -2000");
  }

  @Test
  void aReversalIsExportedAsANegativeValue() throws Exception {
    IatiImport imported = IATI.read(new ByteArrayInputStream(fixture(CRAFTED)));
    String xml = new String(export(Completed.pkg(imported)), StandardCharsets.UTF_8);
    assertThat(xml).contains(">-2000.00</value>").contains(">-0.50</value>").contains("humanitarian=\"1\"").contains("humanitarian=\"0\"");
  }

  @Test
  void sstcToIatiToSstcKeepsTheStandard11MembersOfTheFixtures() throws Exception {
    List<Path> files;
    try (Stream<Path> listing = Files.list(VALID_11)) {
      files = listing.filter(p -> p.getFileName().toString().startsWith("initiative")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Initiative initiative = SstcJson.standard().read(Files.readAllBytes(file), Initiative.class);
      assertThat(initiative.locations()).as(file.toString()).isNotEmpty();
      RecordPackage pkg = RecordPackage.builder().publisher(initiative.reportingOrg())
          .publishedAt(OffsetDateTime.parse("2025-01-02T03:04:05Z")).addInitiative(initiative).build();
      IatiImport back = IATI.read(new ByteArrayInputStream(export(pkg)));
      assertThat(back.unmapped()).as(file.toString()).isEmpty();
      assertThat(Completed.pkg(back).initiatives()).as(file.toString()).containsExactly(initiative);
    }
  }

  @Test
  void theFixturePackageExportsItsInitiativesAndNotesEachSolution() throws Exception {
    RecordPackage pkg = SstcJson.standard().read(Files.readAllBytes(VALID_11.resolve("package.json")), RecordPackage.class);
    assertThat(pkg.solutions()).hasSize(2);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    IATI.write(pkg, out);
    List<IatiNote> notes = IATI.notWritten(pkg);
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0).path()).isEqualTo("/solutions/0");
    assertThat(notes.get(0).message()).contains(pkg.solutions().get(0).id()).contains("is not written")
        .contains("IATI has no place for a solution").contains("SSTC JSON");
    assertThat(IATI.notWritten(pkg)).isEqualTo(notes);
    byte[] xml = out.toByteArray();
    assertThat(IATI.checkSchema(xml)).isEmpty();
    IatiImport back = IATI.read(new ByteArrayInputStream(xml));
    assertThat(Completed.pkg(back).initiatives()).isEqualTo(pkg.initiatives());
    assertThat(Completed.pkg(back).organisations()).isEqualTo(pkg.organisations());
    assertThat(Completed.pkg(back).solutions()).isEmpty();
    assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain(pkg.solutions().get(0).id());
    // a package without solutions: nothing to say
    assertThat(IATI.notWritten(pkg.toBuilder().solutions(List.of()).build())).isEmpty();
  }

  @Test
  void generatedStandard11InitiativesSurviveSstcToIatiToSstc() {
    qt().withExamples(150).forAll(Generators.initiativesWithStandard11Members()).checkAssert(initiative -> {
      RecordPackage pkg = RecordPackage.builder().publisher(initiative.reportingOrg())
          .publishedAt(OffsetDateTime.parse("2025-01-02T03:04:05Z")).addInitiative(initiative).build();
      byte[] xml = IATI.write(pkg);
      assertThat(IATI.checkSchema(xml)).as("XSD violations in\n%s", new String(xml, StandardCharsets.UTF_8)).isEmpty();
      IatiImport back = IATI.read(new ByteArrayInputStream(xml));
      assertThat(Completed.pkg(back).initiatives()).containsExactly(initiative);
      assertThat(back.unmapped()).isEmpty();
    });
  }

  @Test
  void malformedLocationsAndHumanitarianGiveNotesWithPositionsNotExceptions() {
    String xml = "<iati-activities version=\"2.03\">\n"
        + "<iati-activity xml:lang=\"en\" humanitarian=\"yes\">\n"
        + "<iati-identifier>XM-1</iati-identifier>\n"
        + "<location ref=\"a\"><name><narrative>A</narrative></name><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>abc</pos></point></location>\n"
        + "<location ref=\"b\"><name><narrative>B</narrative></name><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>1 2 3</pos></point></location>\n"
        + "<location ref=\"c\"><name><narrative>C</narrative></name><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>95.5 10</pos></point></location>\n"
        + "<location ref=\"d\"><name><narrative>D</narrative></name><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>10 200</pos></point></location>\n"
        + "<location ref=\"e\"><name><narrative>E</narrative></name><point srsName=\"urn:ogc:def:crs:EPSG::3857\"><pos>10 20</pos></point></location>\n"
        + "<location ref=\"f\"><name><narrative>F</narrative></name><administrative vocabulary=\"A4\" level=\"-1\" code=\"MZ\"/><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"/></location>\n"
        + "<location ref=\"g\"><name><narrative>G</narrative></name><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>1E5 2</pos></point></location>\n"
        + "</iati-activity>\n</iati-activities>";
    IatiImport imported = IATI.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Initiative initiative = Completed.pkg(imported).initiatives().get(0);
    assertThat(initiative.humanitarian()).isNull();
    assertThat(initiative.locations()).extracting(Location::id).containsExactly("a", "b", "c", "d", "e", "f", "g");
    assertThat(initiative.locations()).allSatisfy(location -> assertThat(location.point()).isNull());
    assertThat(initiative.locations().get(5).administrative()).singleElement().satisfies(area -> {
      assertThat(area.level()).isNull();
      assertThat(area.code()).isEqualTo("MZ");
    });
    List<String> notes = imported.unmapped().stream().map(n -> n.line() + " " + n.path() + " " + n.message()).toList();
    String a = "/iati-activities/iati-activity[1]";
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("2 " + a + "/@humanitarian").contains("\"yes\" is not a boolean"));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("4 " + a + "/location[1]/point[1]/pos[1]").contains("\"abc\" is not two decimal numbers"));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("5 " + a + "/location[2]/point[1]/pos[1]").contains("\"1 2 3\""));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("6 " + a + "/location[3]/point[1]/pos[1]").contains("latitude 95.5").contains("-90 and 90"));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("7 " + a + "/location[4]/point[1]/pos[1]").contains("longitude 200").contains("-180 and 180"));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("8 " + a + "/location[5]/point[1]/@srsName").contains("not WGS84"));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("9 " + a + "/location[6]/administrative[1]/@level").contains("\"-1\""));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("9 " + a + "/location[6]/point[1]").contains("without <pos>"));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("10 " + a + "/location[7]/point[1]/pos[1]").contains("\"1E5 2\""));
    assertThat(imported.unmapped()).allSatisfy(n -> assertThat(n.column()).isPositive());
  }

  /**
   * Per activity, the 1.1 elements as comparable lines, in file order: humanitarian, each location
   * with all it holds, each policy marker, each transaction's value with its sign.
   */
  static List<List<String>> standard11Elements(byte[] xml) throws Exception {
    Element root = IatiExportTest.root(xml);
    List<List<String>> activities = new ArrayList<>();
    for (Element activity : children(root, "iati-activity")) {
      String lang = activity.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
      List<String> lines = new ArrayList<>();
      String humanitarian = activity.getAttribute("humanitarian");
      if (!humanitarian.isEmpty()) {
        lines.add("humanitarian " + (humanitarian.equals("1") || humanitarian.equals("true")));
      }
      for (Element location : children(activity, "location")) {
        StringBuilder line = new StringBuilder("location ref=" + location.getAttribute("ref"));
        line.append(" reach=").append(attr(location, "location-reach", "code"));
        line.append(" name=").append(narratives(children(location, "name"), lang));
        line.append(" description=").append(narratives(children(location, "description"), lang));
        for (Element area : children(location, "administrative")) {
          line.append(" admin=").append(area.getAttribute("vocabulary")).append('/').append(area.getAttribute("level"))
              .append('/').append(area.getAttribute("code"));
        }
        for (Element point : children(location, "point")) {
          line.append(" point=").append(point.getAttribute("srsName")).append(' ')
              .append(String.join(" ", children(point, "pos").get(0).getTextContent().strip().split("\\s+")));
        }
        line.append(" exactness=").append(attr(location, "exactness", "code"));
        lines.add(line.toString());
      }
      for (Element marker : children(activity, "policy-marker")) {
        if (List.of("", "1").contains(marker.getAttribute("vocabulary")) && marker.getAttribute("significance").isBlank()) {
          continue; // an OECD DAC marker without significance says nothing: left out, with a note
        }
        lines.add("policy-marker " + marker.getAttribute("vocabulary") + "|" + marker.getAttribute("vocabulary-uri") + "|"
            + marker.getAttribute("code") + "|" + marker.getAttribute("significance") + "|" + narratives(List.of(marker), lang));
      }
      for (Element transaction : children(activity, "transaction")) {
        lines.add("transaction-value " + new java.math.BigDecimal(children(transaction, "value").get(0).getTextContent().strip())
            .stripTrailingZeros().toPlainString());
      }
      activities.add(lines);
    }
    return activities;
  }

  private static String narratives(List<Element> parents, String defaultLanguage) {
    StringBuilder out = new StringBuilder();
    for (Element parent : parents) {
      for (Element narrative : children(parent, "narrative")) {
        String lang = narrative.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        // without any xml:lang the importer keeps the text under "und" (IATI.md)
        out.append(!lang.isEmpty() ? lang : defaultLanguage.isEmpty() ? "und" : defaultLanguage).append('=').append(narrative.getTextContent().strip()).append(';');
      }
    }
    return out.toString();
  }
}
