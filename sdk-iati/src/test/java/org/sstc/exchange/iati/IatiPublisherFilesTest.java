package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstc.exchange.core.SstcJson;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Other publishers' IATI files (see {@code src/test/resources/iati/README.md}): each is imported
 * and exported; the export validates against the official XSD, and every element, attribute and
 * text of the input is either read by the mapping (and its value is in the export) or named in
 * the import's notes. The check walks the input independently of the importer's own bookkeeping.
 */
class IatiPublisherFilesTest {
  private static final String SSTC_NS = IatiXml.EXTENSION_NAMESPACE;

  /**
   * What the mapping reads (IATI.md), as element paths below {@code iati-activity} without
   * indices: an element listed is mapped; {@code /@name} an attribute; {@code /text()} its text.
   */
  private static final Set<String> MAPPED = Set.of(
      "iati-identifier", "iati-identifier/text()",
      "@last-updated-datetime", "@xml:lang", "@default-currency",
      "reporting-org", "reporting-org/@ref", "reporting-org/@type", "reporting-org/narrative", "reporting-org/narrative/text()",
      "title", "title/narrative", "title/narrative/text()",
      "description", "description/@type", "description/narrative", "description/narrative/text()",
      "participating-org", "participating-org/@ref", "participating-org/@type", "participating-org/@role",
      "participating-org/narrative", "participating-org/narrative/text()",
      "other-identifier", "other-identifier/@ref", "other-identifier/@type",
      "activity-status", "activity-status/@code",
      "activity-date", "activity-date/@type", "activity-date/@iso-date",
      "recipient-country", "recipient-country/@code", "recipient-country/@percentage",
      "recipient-region", "recipient-region/@code", "recipient-region/@vocabulary", "recipient-region/@percentage",
      "sector", "sector/@vocabulary", "sector/@code", "sector/@percentage",
      "tag", "tag/@vocabulary", "tag/@code",
      "collaboration-type", "collaboration-type/@code",
      "budget", "budget/@type", "budget/@status", "budget/period-start", "budget/period-start/@iso-date",
      "budget/period-end", "budget/period-end/@iso-date",
      "budget/value", "budget/value/text()", "budget/value/@currency", "budget/value/@value-date",
      "transaction", "transaction/@ref", "transaction/transaction-type", "transaction/transaction-type/@code",
      "transaction/transaction-date", "transaction/transaction-date/@iso-date",
      "transaction/value", "transaction/value/text()", "transaction/value/@currency", "transaction/value/@value-date",
      "transaction/description", "transaction/description/narrative", "transaction/description/narrative/text()",
      "transaction/provider-org", "transaction/provider-org/@ref", "transaction/provider-org/narrative",
      "transaction/provider-org/narrative/text()",
      "transaction/receiver-org", "transaction/receiver-org/@ref", "transaction/receiver-org/narrative",
      "transaction/receiver-org/narrative/text()",
      // the participant's type, when it is that participant's (else noted)
      "transaction/provider-org/@type", "transaction/receiver-org/@type",
      // aggregated to the initiative (IATI.md: given on transactions instead of the activity)
      "transaction/sector", "transaction/sector/@code", "transaction/sector/@vocabulary",
      "transaction/recipient-country", "transaction/recipient-country/@code",
      "transaction/recipient-region", "transaction/recipient-region/@code", "transaction/recipient-region/@vocabulary",
      "document-link", "document-link/@url", "document-link/@format", "document-link/title",
      "document-link/title/narrative", "document-link/title/narrative/text()",
      "document-link/category", "document-link/category/@code", "document-link/language", "document-link/language/@code",
      "related-activity", "related-activity/@ref", "related-activity/@type",
      "result", "result/@type", "result/title", "result/title/narrative", "result/title/narrative/text()",
      "result/indicator", "result/indicator/@measure", "result/indicator/title", "result/indicator/title/narrative",
      "result/indicator/title/narrative/text()", "result/indicator/reference", "result/indicator/reference/@vocabulary",
      "result/indicator/reference/@code",
      "result/indicator/baseline", "result/indicator/baseline/@value", "result/indicator/baseline/@iso-date",
      "result/indicator/baseline/@year",
      "result/indicator/period", "result/indicator/period/period-end", "result/indicator/period/period-end/@iso-date",
      "result/indicator/period/target", "result/indicator/period/target/@value",
      "result/indicator/period/actual", "result/indicator/period/actual/@value",
      // standard 1.1
      "@humanitarian",
      "location", "location/@ref", "location/location-reach", "location/location-reach/@code",
      "location/name", "location/name/narrative", "location/name/narrative/text()",
      "location/description", "location/description/narrative", "location/description/narrative/text()",
      "location/administrative", "location/administrative/@vocabulary", "location/administrative/@level",
      "location/administrative/@code", "location/point", "location/point/@srsName", "location/point/pos",
      "location/point/pos/text()", "location/exactness", "location/exactness/@code",
      "policy-marker", "policy-marker/@vocabulary", "policy-marker/@vocabulary-uri", "policy-marker/@code",
      "policy-marker/@significance", "policy-marker/narrative", "policy-marker/narrative/text()");

  /**
   * Values the mapping reads but writes back in another form, by design (IATI.md): codes that
   * become others (an SDG sector of vocabulary 7 or 8 comes back as a tag), defaults spread over
   * every narrative or value, types that only choose the SSTC field, dates cut to the day.
   */
  private static final Set<String> TRANSFORMED = Set.of(
      "@xml:lang", "@default-currency", "@last-updated-datetime", "sector/@vocabulary", "transaction/sector/@vocabulary", "description/@type",
      "activity-date/@iso-date", "budget/period-start/@iso-date", "budget/period-end/@iso-date",
      "transaction/transaction-date/@iso-date", "result/indicator/reference/@vocabulary",
      "result/indicator/reference/@code", "result/indicator/baseline/@iso-date",
      "result/indicator/period/period-end/@iso-date", "transaction/provider-org/narrative/text()",
      "transaction/receiver-org/narrative/text()", "transaction/provider-org/@ref", "transaction/receiver-org/@ref",
      "budget/value/@value-date", "transaction/value/@value-date",
      "@humanitarian"); // "true" is written back as "1", "false" as "0"

  @ParameterizedTest
  @ValueSource(strings = {
      "MAEC_IATI_INDONESIA.xml",
      "activity-standard-example-annotated.xml",
      "publishers/dfid-2016-excerpt-2.01.xml",
      "publishers/dfid-wfp-core-support-2.03.xml",
      "publishers/iati-cloud-standard-example-2.02.xml",
      "publishers/crafted-latin1-2.03.xml",
      "publishers/crafted-bom-2.03.xml",
      "publishers/crafted-odd-but-valid-2.02.xml",
      "publishers/crafted-1.1-members-2.03.xml",
      "crafted/crafted-language-and-media-case-2.03.xml",
      "crafted/crafted-sdg-sector-and-tag-2.03.xml",
      "crafted/crafted-two-descriptions-2.03.xml",
      "crafted/crafted-transaction-countries-sectors-2.03.xml",
      "crafted/crafted-organisation-name-case-2.03.xml",
      "crafted/crafted-carriage-return-2.03.xml",
      "crafted/crafted-legacy-publisher-ids-2.03.xml"})
  void importsExportsValidatesAndAccountsForEveryInputNode(String name) throws Exception {
    byte[] input = fixture(name);
    IatiImport imported = IatiXml.standard().read(new ByteArrayInputStream(input));
    assertThat(Completed.pkg(imported).initiatives()).as("activities read").isNotEmpty();

    byte[] exported = IatiXml.standard().write(Completed.pkg(imported));
    assertThat(IatiXml.standard().checkSchema(exported)).as("XSD violations of the export").isEmpty();

    Document output = parse(exported);
    Set<String> outputValues = new HashSet<>();
    collectValues(output.getDocumentElement(), outputValues);
    Set<String> notePaths = new HashSet<>();
    imported.unmapped().forEach(note -> notePaths.add(note.path()));

    List<String> silent = new ArrayList<>();
    Element root = parse(input).getDocumentElement();
    Map<String, Integer> counts = new HashMap<>();
    for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        String step = step(element, counts);
        if (element.getLocalName().equals("iati-activity") && element.getNamespaceURI() == null) {
          walk(element, "/iati-activities/" + step, "", notePaths, outputValues, silent);
        }
      }
    }
    assertThat(silent).as("input nodes neither mapped (with their value in the export) nor noted").isEmpty();

    // Exported, imported again: the same initiatives.
    IatiImport back = IatiXml.standard().read(new ByteArrayInputStream(exported));
    assertThat(Completed.pkg(back).initiatives()).isEqualTo(Completed.pkg(imported).initiatives());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "publishers/iati-schemas-13-document-link.xml",
      "publishers/iati-schemas-48-decimal-percentage-boundaries.xml",
      "publishers/world-bank-sample-pre-1.0.xml"})
  void anActivityLackingWhatIatiRequiresIsImportedWithNotesAndRefusedOnExportWithItsGap(String name) throws Exception {
    IatiImport imported = IatiXml.standard().read(new ByteArrayInputStream(fixture(name)));
    assertThat(imported.unmapped()).isNotEmpty();
    assertThat(Completed.pkg(imported).initiatives()).isNotEmpty();
    assertThatThrownBy(() -> IatiXml.standard().write(Completed.pkg(imported)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be written as IATI XML: it lacks");
  }

  private static void walk(Element element, String path, String pattern, Set<String> notes, Set<String> output, List<String> silent) {
    if (covered(path, notes)) {
      return; // the element, and all it holds, is named in a note
    }
    boolean top = pattern.isEmpty();
    if (!top && !MAPPED.contains(pattern)) {
      silent.add(path);
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        continue;
      }
      String name = XMLConstants.XML_NS_URI.equals(attribute.getNamespaceURI()) ? "xml:" + attribute.getLocalName()
          : attribute.getNamespaceURI() != null ? "{" + attribute.getNamespaceURI() + "}" + attribute.getLocalName()
          : attribute.getLocalName();
      String attributePattern = (top ? "" : pattern + "/") + "@" + name;
      if (notes.contains(path + "/@" + name) || attribute.getValue().isBlank()
          || name.equals("xml:lang") && !top) {
        continue; // noted; empty; a narrative's language is the key of the text it labels
      }
      if (!MAPPED.contains(attributePattern)) {
        silent.add(path + "/@" + name + " (" + attributePattern + ")");
      } else if (!TRANSFORMED.contains(attributePattern) && !present(attribute.getValue(), output)) {
        silent.add(path + "/@" + name + "=\"" + attribute.getValue() + "\" is mapped but not in the export");
      }
    }
    String text = ownText(element);
    if (!text.isBlank() && !notes.contains(path + "/text()")) {
      String textPattern = pattern + "/text()";
      if (!MAPPED.contains(textPattern)) {
        silent.add(path + "/text()");
      } else if (!TRANSFORMED.contains(textPattern) && !present(text, output)) {
        silent.add(path + "/text() \"" + text.strip() + "\" is mapped but not in the export");
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        String step = step(childElement, counts);
        String childPattern = (top ? "" : pattern + "/") + displayName(childElement);
        walk(childElement, path + "/" + step, childPattern, notes, output, silent);
      }
    }
  }

  /** A note on this element or on one of its ancestors covers it. */
  private static boolean covered(String path, Set<String> notes) {
    for (String candidate = path; candidate.lastIndexOf('/') > 0; candidate = candidate.substring(0, candidate.lastIndexOf('/'))) {
      if (notes.contains(candidate)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

  private static boolean present(String value, Set<String> output) {
    String trimmed = value.strip();
    if (output.contains(trimmed)) {
      return true;
    }
    if (NUMBER.matcher(trimmed).matches()) {
      String number = new BigDecimal(trimmed).stripTrailingZeros().toPlainString();
      return output.contains("#" + number);
    }
    return false;
  }

  private static void collectValues(Element element, Set<String> values) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      add(attributes.item(i).getNodeValue(), values);
    }
    add(ownText(element), values);
    if (SSTC_NS.equals(element.getNamespaceURI()) && element.getLocalName().equals("record")) {
      // An item IATI cannot hold, as its JSON: its values count as exported too.
      collectJson(SstcJson.standard().readTree(ownText(element).getBytes(java.nio.charset.StandardCharsets.UTF_8)), values);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collectValues(childElement, values);
      }
    }
  }

  private static void collectJson(tools.jackson.databind.JsonNode node, Set<String> values) {
    if (node.isValueNode()) {
      add(node.asString(), values);
    }
    node.forEach(child -> collectJson(child, values));
  }

  private static void add(String value, Set<String> values) {
    String trimmed = value.strip();
    values.add(trimmed);
    if (NUMBER.matcher(trimmed).matches()) {
      values.add("#" + new BigDecimal(trimmed).stripTrailingZeros().toPlainString());
    }
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** The path step as the importer writes it: local name (sstc: for the extension), 1-based index among same-name siblings. */
  private static String step(Element element, Map<String, Integer> counts) {
    String key = element.getNamespaceURI() + " " + element.getLocalName();
    int index = counts.merge(key, 1, Integer::sum);
    return displayName(element) + "[" + index + "]";
  }

  private static String displayName(Element element) {
    String namespace = element.getNamespaceURI();
    return SSTC_NS.equals(namespace) ? "sstc:" + element.getLocalName()
        : namespace == null ? element.getLocalName() : "{" + namespace + "}" + element.getLocalName();
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static byte[] fixture(String name) throws Exception {
    try (InputStream in = IatiPublisherFilesTest.class.getResourceAsStream("/iati/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
