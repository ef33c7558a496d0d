package org.sstc.exchange.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The sample package (sdk-examples', the one source) as a tree to change, and the page's parts. */
final class ReportFixtures {
  static final Path SAMPLE = Path.of("../sdk-examples/src/main/resources/org/sstc/exchange/examples/sample-package.json");
  static final JsonMapper JSON = JsonMapper.builder().build();

  private ReportFixtures() {}

  static ObjectNode sample() throws IOException {
    return (ObjectNode) JSON.readTree(Files.readString(SAMPLE, StandardCharsets.UTF_8));
  }

  static ObjectNode initiative(ObjectNode pkg, int index) {
    return (ObjectNode) pkg.path("initiatives").get(index);
  }

  static Path write(Path file, Object tree) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree), StandardCharsets.UTF_8);
    return file;
  }

  /** The card of the record with this id: from its {@code <article} to its {@code </article>}. */
  static String card(String html, String id) {
    int code = html.indexOf("<p class=\"rid\"><code>" + id + "</code>");
    if (code < 0) {
      throw new AssertionError("no card for " + id);
    }
    int start = html.lastIndexOf("<article", code);
    return html.substring(start, html.indexOf("</article>", code) + "</article>".length());
  }

  /** The section with this id. */
  static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\"");
    if (start < 0) {
      throw new AssertionError("no section " + id);
    }
    return html.substring(start, html.indexOf("</section>", start));
  }

  /** The text of the table cell with these data attributes, e.g. {@code data-modality="triangular"}. */
  static String cell(String html, String attributes) {
    Matcher m = Pattern.compile("<td class=\"num\" " + Pattern.quote(attributes) + "[^>]*>([^<]*)<").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no cell " + attributes);
    }
    return m.group(1);
  }
}
