package org.sstc.exchange.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's solutions (standard 1.1): figures, cards, links, issues, and reversals in the sums. */
class HtmlPageSolutionsTest {
  private static final Path FIXTURE = Path.of("../schema/test-fixtures/1.1/valid/package.json");

  @TempDir Path dir;

  private String page(String... files) throws IOException {
    ReportData data = new ReportData();
    for (String name : files) {
      data.add(name, dir.resolve(name), null);
    }
    return HtmlPage.render(data, "Solutions", "test");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String fixture() throws IOException {
    return Files.readString(FIXTURE, StandardCharsets.UTF_8);
  }

  /** The text of the element with this id, tags left in. */
  private static String byId(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">(.*?)</").matcher(html);
    assertThat(m.find()).as(id).isTrue();
    return m.group(1);
  }

  @Test
  void theSolutionsSectionCountsThemByMaturityGoalAndCountry() throws IOException {
    write("package.json", fixture());

    String html = page("package.json");

    assertThat(html).contains("2 initiatives, 1 organisation and 2 solutions from 1 file");
    assertThat(html).contains("<a href=\"#solutions\">Solutions</a>");
    assertThat(byId(html, "solutions-count")).isEqualTo("2");
    assertThat(html).contains("data-maturity=\"scaled-up\">1<").contains("data-maturity=\"(not said)\">1<")
        .contains("data-maturity=\"piloted\">0<");
    assertThat(byId(html, "solutions-goals")).isEqualTo("SDG 2 · Zero hunger (1), SDG 4 · Quality education (1)");
    assertThat(byId(html, "solutions-providers")).isEqualTo("Brazil");
    assertThat(byId(html, "solutions-applied")).isEqualTo("Brazil, Mozambique, Senegal");
  }

  @Test
  void aSolutionCardShowsItsProblemProvidersAndLinksTheInitiativesThatAreInTheInput() throws IOException {
    write("package.json", fixture());

    String html = page("package.json");

    // Records are numbered in file order: initiatives 1-2, the organisation 3, solutions 4-5.
    int card = html.indexOf("id=\"r5\"");
    assertThat(card).isPositive();
    String solution = html.substring(card, html.indexOf("</article>", card));
    assertThat(solution).contains(">solution<").contains(">scaled-up<")
        .contains("School meals bought from local smallholders")
        .contains("Children come to school hungry")
        .contains("Fundo Nacional de Desenvolvimento da Educação (Brazil); WFP Centre of Excellence against Hunger (Brazil)")
        .contains("<a href=\"#r2\">Drought-tolerant cassava seed for Nampula")
        .contains("<code>XM-DAC-41301-SSTC-2021-0042</code> <span class=\"code\">(not in these files)</span>");
  }

  @Test
  void anIssueOfASolutionLinksToItsCardAndTextIsEscaped() throws IOException {
    write("bad.json", fixture()
        .replace("\"maturity\": \"scaled-up\"", "\"maturity\": \"ripe\"")
        .replace("School meals bought from local smallholders", "<script>alert('x')</script> meals"));

    String html = page("bad.json");

    assertThat(html).doesNotContain("<script>alert");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; meals");
    assertThat(html).contains("<a href=\"#r5\">XM-DAC-41301-SOL-0013</a>");
    String solution = html.substring(html.indexOf("id=\"r5\""));
    assertThat(solution.substring(0, solution.indexOf("</article>")))
        .contains("badge bad\">invalid")
        .contains("/solutions/1/maturity");
    // a value outside SolutionMaturity is "invalid" with its issue, not a category of its own
    assertThat(html).contains("data-maturity=\"invalid\">1<").doesNotContain("data-maturity=\"ripe\"");
    String invalid = html.substring(html.indexOf("id=\"invalid\""), html.indexOf("</section>", html.indexOf("id=\"invalid\"")));
    assertThat(invalid).contains("<code>ripe</code>").contains("/solutions/1/maturity");
  }

  @Test
  void aReversalCountsNegativelyInTheMoneyTable() throws IOException {
    write("package.json", fixture());

    String html = page("package.json");

    // t-1 is USD 42,000.00, t-2 (reversal: true) USD 2,000.00 of the same type: 40,000.00 net.
    String money = html.substring(html.indexOf("id=\"money\""), html.indexOf("</section>", html.indexOf("id=\"money\"")));
    assertThat(money).contains("40,000.00").doesNotContain("44,000.00");
  }

  @Test
  void aPackageWithoutSolutionsHasNoSolutionsSection() throws IOException {
    write("one.json", fixture().replaceAll("(?s),\\s*\"solutions\": \\[.*\\]\\s*}\\s*$", "\n}\n"));

    String html = page("one.json");

    assertThat(html).contains("2 initiatives and 1 organisation from 1 file");
    assertThat(html).doesNotContain("id=\"solutions\"").doesNotContain("#solutions");
  }
}
