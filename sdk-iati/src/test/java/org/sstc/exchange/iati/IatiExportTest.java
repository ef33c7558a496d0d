package org.sstc.exchange.iati;

import org.sstc.exchange.core.ActivityStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Dates;
import org.sstc.exchange.testing.Generators;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Exporting to IATI 2.03: every export validates against the official XSD, and round trips keep what maps. */
class IatiExportTest {
  private static final IatiXml IATI = IatiXml.standard();

  /** Writes, checks the XSD (every export in these tests is checked), reads back. */
  static IatiImport roundTrip(RecordPackage pkg) {
    byte[] xml = IATI.write(pkg);
    assertThat(IATI.checkSchema(xml)).as("XSD violations in\n%s", new String(xml, StandardCharsets.UTF_8)).isEmpty();
    return IATI.read(new ByteArrayInputStream(xml));
  }

  static RecordPackage samplePackage() throws java.io.IOException {
    try (InputStream in = IatiExportTest.class.getResourceAsStream("/iati/sample-package.json")) {
      return SstcJson.standard().read(in, RecordPackage.class);
    }
  }

  @Test
  void theSamplePackageExportsToValidIatiAndComesBackUnchanged() throws Exception {
    RecordPackage pkg = samplePackage();
    IatiImport back = roundTrip(pkg);
    assertThat(Completed.pkg(back)).isEqualTo(pkg);
    assertThat(back.unmapped()).isEmpty();
    assertThat(SstcJson.standard().writeString(Completed.pkg(back))).isEqualTo(SstcJson.standard().writeString(pkg));
  }

  @Test
  void generatedInitiativesSurviveSstcToIatiToSstc() {
    OffsetDateTime published = OffsetDateTime.parse("2025-01-02T03:04:05+01:00");
    qt().withExamples(150).forAll(Generators.initiatives()).checkAssert(initiative -> {
      RecordPackage pkg = RecordPackage.builder()
          .publisher(initiative.reportingOrg())
          .publishedAt(published)
          .addInitiative(initiative)
          .build();
      IatiImport back = roundTrip(pkg);
      assertThat(Completed.pkg(back).initiatives()).containsExactly(initiative);
      assertThat(back.unmapped()).isEmpty();
    });
  }

  @Test
  void aReversalIsANegativeIatiValueAndComesBackAsAReversal() throws Exception {
    byte[] upgraded = org.sstc.exchange.core.Upgrader.to("1.1").upgrade(SstcJson.standard().write(samplePackage())).json();
    RecordPackage sample = SstcJson.standard().read(upgraded, RecordPackage.class);
    Initiative withMoney = sample.initiatives().stream().filter(i -> !i.transactions().isEmpty()).findFirst().orElseThrow();
    List<org.sstc.exchange.core.Transaction> transactions = new ArrayList<>(withMoney.transactions());
    org.sstc.exchange.core.Transaction first = transactions.get(0);
    transactions.set(0, first.toBuilder().reversal(true).build());
    Initiative corrected = withMoney.toBuilder().transactions(transactions).build();
    RecordPackage pkg = sample.toBuilder().initiatives(List.of(corrected)).organisations(List.of()).build();

    String xml = new String(IATI.write(pkg), StandardCharsets.UTF_8);
    IatiImport back = roundTrip(pkg);

    assertThat(xml).contains(">-" + first.value().amount().toPlainString() + "</value>");
    assertThat(Completed.pkg(back).initiatives()).containsExactly(corrected);
    assertThat(Completed.pkg(back).initiatives().get(0).transactions().get(0).value()).isEqualTo(first.value());
  }

  @Test
  void triangularModalityIsCollaborationTypeEightAndSstcFieldsGoToTheExtension() throws Exception {
    Initiative triangular = samplePackage().initiatives().stream().filter(i -> i.modality() == Modality.TRIANGULAR).findFirst().orElseThrow();
    String xml = new String(IATI.write(RecordPackage.builder().publisher(triangular.reportingOrg())
        .publishedAt(OffsetDateTime.parse("2025-01-01T00:00:00Z")).addInitiative(triangular).build()), StandardCharsets.UTF_8);
    assertThat(xml).contains("<collaboration-type code=\"8\"/>")
        .contains("xmlns:sstc=\"" + IatiXml.EXTENSION_NAMESPACE + "\"")
        .contains("<sstc:initiative schema-version=\"1.0\" modality=\"triangular\" instrument=\"" + triangular.instrument().code() + "\"")
        .contains("role=\"first-provider\"");
  }

  @Test
  void theOfficialExampleKeepsEveryMappedElementThroughIatiToSstcToIati() throws Exception {
    assertMappedElementsSurvive("activity-standard-example-annotated.xml");
  }

  @Test
  void theMaecFileKeepsEveryMappedElementThroughIatiToSstcToIati() throws Exception {
    assertMappedElementsSurvive("MAEC_IATI_INDONESIA.xml");
  }

  private static void assertMappedElementsSurvive(String fixture) throws Exception {
    byte[] original;
    try (InputStream in = IatiExportTest.class.getResourceAsStream("/iati/" + fixture)) {
      original = in.readAllBytes();
    }
    IatiImport imported = IATI.read(new ByteArrayInputStream(original));
    byte[] exported = IATI.write(Completed.pkg(imported).toBuilder().publishedAt(OffsetDateTime.parse("2025-01-01T00:00:00Z")).build());
    assertThat(IATI.checkSchema(exported)).isEmpty();
    List<List<String>> before = mappedElements(original);
    List<List<String>> after = mappedElements(exported);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).as("activity %d", i + 1).containsExactlyInAnyOrderElementsOf(before.get(i));
    }
    assertThat(before.stream().mapToInt(List::size).sum()).isGreaterThan(before.size() * 10);
    // and the initiatives themselves are the same after a second pass
    assertThat(Completed.pkg(IATI.read(new ByteArrayInputStream(exported))).initiatives()).isEqualTo(Completed.pkg(imported).initiatives());
  }

  /**
   * The elements and attributes the mapping table maps, per activity, as comparable lines, with
   * IATI's documented defaults applied (narrative language from the activity, budget status 1,
   * region vocabulary 1, currency from default-currency).
   */
  static List<List<String>> mappedElements(byte[] xml) throws Exception {
    Element root = root(xml);
    List<List<String>> activities = new ArrayList<>();
    for (Element activity : children(root, "iati-activity")) {
      String lang = activity.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
      String currency = activity.getAttribute("default-currency");
      List<String> lines = new ArrayList<>();
      for (Element element : children(activity, null)) {
        String name = element.getLocalName();
        if (element.getNamespaceURI() != null) {
          continue; // extension elements are not IATI's
        }
        switch (name) {
          case "iati-identifier": lines.add("id " + element.getTextContent().strip()); break;
          case "reporting-org": lines.add("reporting-org " + element.getAttribute("ref") + " " + firstNarrative(element)); break;
          case "title": lines.add("title " + narratives(element, lang)); break;
          case "description":
            if (element.getAttribute("type").isEmpty() || element.getAttribute("type").equals("1")) {
              lines.add("description " + narratives(element, lang));
            }
            break;
          case "participating-org":
            // An organisation type the file leaves out is the completion's (Completed): type 10
            lines.add("participating-org " + element.getAttribute("ref") + "|" + or(element.getAttribute("type"), "10") + "|"
                + element.getAttribute("role") + "|" + firstNarrative(element));
            break;
          case "other-identifier": lines.add("other-identifier " + element.getAttribute("ref") + " " + element.getAttribute("type")); break;
          case "activity-status": lines.add("status " + element.getAttribute("code")); break;
          case "activity-date": lines.add("date " + element.getAttribute("type") + " " + element.getAttribute("iso-date")); break;
          case "recipient-country": lines.add("country " + element.getAttribute("code") + " " + element.getAttribute("percentage")); break;
          case "recipient-region":
            lines.add("region " + element.getAttribute("code") + " " + or(element.getAttribute("vocabulary"), "1") + " " + element.getAttribute("percentage"));
            break;
          case "sector":
            lines.add("sector " + or(element.getAttribute("vocabulary"), "1") + " " + element.getAttribute("code") + " " + element.getAttribute("percentage"));
            break;
          case "tag":
            if (List.of("2", "3").contains(element.getAttribute("vocabulary"))) {
              lines.add("tag " + element.getAttribute("vocabulary") + " " + element.getAttribute("code"));
            }
            break;
          case "collaboration-type":
            if (List.of("1", "8").contains(element.getAttribute("code"))) {
              lines.add("collaboration-type " + element.getAttribute("code"));
            }
            break;
          case "budget":
            // A budget type the file leaves out is the completion's (Completed): type 1
            lines.add("budget " + or(element.getAttribute("type"), "1") + "|" + or(element.getAttribute("status"), "1") + "|"
                + attr(element, "period-start", "iso-date") + "|" + attr(element, "period-end", "iso-date") + "|" + value(element, currency));
            break;
          case "transaction":
            lines.add("transaction " + attr(element, "transaction-type", "code") + "|" + attr(element, "transaction-date", "iso-date") + "|"
                + value(element, currency) + "|" + attr(element, "provider-org", "ref") + "|" + attr(element, "receiver-org", "ref")
                + "|" + (children(element, "description").isEmpty() ? "" : narratives(children(element, "description").get(0), lang)));
            break;
          case "document-link":
            lines.add("document " + element.getAttribute("url") + "|" + element.getAttribute("format") + "|"
                + narratives(children(element, "title").get(0), lang) + "|" + attr(element, "category", "code") + "|"
                + children(element, "language").stream().map(l -> l.getAttribute("code")).toList());
            break;
          case "related-activity":
            if (List.of("1", "2", "3", "4", "5").contains(element.getAttribute("type"))) {
              lines.add("related " + element.getAttribute("ref") + " " + element.getAttribute("type"));
            }
            break;
          case "result":
            lines.add("result " + element.getAttribute("type") + " " + narratives(children(element, "title").get(0), lang));
            for (Element indicator : children(element, "indicator")) {
              StringBuilder line = new StringBuilder("indicator " + indicator.getAttribute("measure") + " "
                  + narratives(children(indicator, "title").get(0), lang));
              for (Element reference : children(indicator, "reference")) {
                if (reference.getAttribute("vocabulary").equals("9")) {
                  line.append(" sdg=").append(reference.getAttribute("code"));
                }
              }
              for (Element baseline : children(indicator, "baseline")) {
                line.append(" baseline=").append(baseline.getAttribute("value")).append("@").append(baseline.getAttribute("iso-date"));
              }
              String target = "";
              String actual = "";
              for (Element period : children(indicator, "period")) {
                for (Element value : children(period, "target")) {
                  target = value.getAttribute("value") + "@" + attr(period, "period-end", "iso-date");
                }
                for (Element value : children(period, "actual")) {
                  actual = value.getAttribute("value") + "@" + attr(period, "period-end", "iso-date");
                }
              }
              lines.add(line + " target=" + target + " actual=" + actual);
            }
            break;
          default:
            break; // not mapped: reported on import, not expected back
        }
      }
      activities.add(lines);
    }
    return activities;
  }

  /** The document element, parsed namespace-aware, DOCTYPE refused. */
  static Element root(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
  }

  private static String value(Element parent, String defaultCurrency) {
    Element value = children(parent, "value").get(0);
    return value.getTextContent().strip() + " " + or(value.getAttribute("currency"), defaultCurrency) + " " + value.getAttribute("value-date");
  }

  static String attr(Element parent, String child, String attribute) {
    List<Element> found = children(parent, child);
    return found.isEmpty() ? "" : found.get(0).getAttribute(attribute);
  }

  private static String or(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  private static String firstNarrative(Element parent) {
    List<Element> narratives = children(parent, "narrative");
    return narratives.isEmpty() ? "" : narratives.get(0).getTextContent().strip();
  }

  private static String narratives(Element parent, String defaultLanguage) {
    StringBuilder out = new StringBuilder();
    for (Element narrative : children(parent, "narrative")) {
      String lang = narrative.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
      out.append(or(lang, defaultLanguage)).append('=').append(narrative.getTextContent()).append(';');
    }
    return out.toString();
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && (name == null || (element.getNamespaceURI() == null && name.equals(element.getLocalName())))) {
        found.add(element);
      }
    }
    return found;
  }

  @Test
  void anInitiativeWithoutWhatIatiRequiresIsRefusedByName() {
    // As an IATI import leaves it: what IATI lacks is absent, not invented.
    // Complete for the model, which does not require participants, but IATI requires one.
    RecordPackage incomplete = RecordPackage.builder()
        .publisher(OrgRef.of("XM-DAC-41301", "FAO")).publishedAt(OffsetDateTime.parse("2025-01-01T00:00:00Z"))
        .addInitiative(Initiative.builder()
        .id("XM-DAC-41301-X").reportingOrg(OrgRef.of("XM-DAC-41301", "FAO"))
        .modality(org.sstc.exchange.core.Modality.BILATERAL).instrument(org.sstc.exchange.core.Instrument.PROJECT)
        .lastUpdated(OffsetDateTime.parse("2025-01-01T00:00:00Z"))
        .title(LanguageMap.of("en", "x")).status(ActivityStatus.IMPLEMENTATION).dates(Dates.planned(java.time.LocalDate.of(2020, 1, 1), null)).build()).build();
    assertThatThrownBy(() -> IATI.write(incomplete))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XM-DAC-41301-X").hasMessageContaining("participant");
  }

  @Test
  void theSchemaCheckFindsViolationsWithTheirLines() {
    String broken = "<iati-activities version=\"2.03\">\n<iati-activity>\n<title/>\n</iati-activity>\n</iati-activities>";
    List<IatiNote> problems = IATI.checkSchema(broken.getBytes(StandardCharsets.UTF_8));
    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).line()).isEqualTo(3);
  }
}
