package org.sstc.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sstc.exchange.report.ReportFixtures.card;
import static org.sstc.exchange.report.ReportFixtures.cell;
import static org.sstc.exchange.report.ReportFixtures.initiative;
import static org.sstc.exchange.report.ReportFixtures.sample;
import static org.sstc.exchange.report.ReportFixtures.section;
import static org.sstc.exchange.report.ReportFixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A record given twice counts once; values outside the codelists are invalid, not categories; money by year. */
class HtmlReportFiguresTest {
  @TempDir Path dir;

  /** The package's initiatives, one record a file, as a mirror folder ({@code sstc pull}) holds them. */
  private Path mirror(ObjectNode pkg) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("mirror"));
    for (var initiative : pkg.path("initiatives")) {
      write(folder.resolve(initiative.path("id").asString() + ".json"), initiative);
    }
    return folder;
  }

  @Test
  void aPackageAndAMirrorOfItCountEachInitiativeOnce() throws IOException {
    ObjectNode pkg = sample();
    Path file = write(dir.resolve("sample.json"), pkg);
    Path folder = mirror(pkg);

    HtmlReport report = HtmlReport.builder().add(file).add(folder).build();

    assertThat(report.initiativeCount()).isEqualTo(18);
    assertThat(report.duplicateCount()).isEqualTo(18);
    assertThat(report.html()).contains("18 records were given twice and are counted once")
        .contains("id=\"kpi-initiatives\"><span class=\"value\">18</span>");
    assertThat(cell(report.html(), "data-modality=\"triangular\"")).isEqualTo("8");
  }

  @Test
  void theNewestVersionOfARecordGivenTwiceIsTheOneShown() throws IOException {
    ObjectNode pkg = sample();
    Path file = write(dir.resolve("sample.json"), pkg);
    ObjectNode newer = initiative(pkg, 0).deepCopy();
    newer.put("lastUpdated", "2025-01-01T00:00:00Z");
    newer.putObject("title").put("en", "Kenya pilot, renamed");
    Path later = write(dir.resolve("newer.json"), newer);

    HtmlReport report = HtmlReport.builder().add(later).add(file).build();

    assertThat(report.duplicateCount()).isEqualTo(1);
    assertThat(report.initiativeCount()).isEqualTo(18);
    assertThat(card(report.html(), "XM-DAC-41140-SSC-KE-2018-01")).contains("Kenya pilot, renamed");
    assertThat(report.html()).contains("1 record was given twice and is counted once");
  }

  @Test
  void aModalityOutsideTheCodelistIsInvalidWithItsIssueNotABar() throws IOException {
    ObjectNode pkg = sample();
    initiative(pkg, 0).put("modality", "south-south");
    Path file = write(dir.resolve("bad.json"), pkg);

    String html = HtmlReport.builder().add(file).build().html();

    assertThat(html).doesNotContain("data-modality=\"south-south\"").doesNotContain(">south-south</text>");
    assertThat(cell(html, "data-modality=\"invalid\"")).isEqualTo("1");
    assertThat(cell(html, "data-modality=\"triangular\"")).isEqualTo("7");
    String invalid = section(html, "invalid");
    assertThat(invalid).contains("<code>south-south</code>").contains("/initiatives/0/modality").contains("<code>schema.");
  }

  @Test
  void aCurrencyOutsideTheCodelistIsNoRowOfTheMoneyTable() throws IOException {
    ObjectNode pkg = sample();
    ObjectNode budget = (ObjectNode) initiative(pkg, 0).path("budgets").get(0);
    ((ObjectNode) budget.path("value")).put("currency", "usd");
    Path file = write(dir.resolve("bad.json"), pkg);

    String html = HtmlReport.builder().add(file).build().html();

    assertThat(section(html, "money")).doesNotContain("data-currency=\"usd\"").doesNotContain(">usd<");
    assertThat(cell(html, "data-currency=\"USD\" data-kind=\"budgets\"")).startsWith("16,890,000.00 "); // 17,540,000.00 less 650,000.00
    assertThat(section(html, "invalid")).contains("<code>usd</code>").contains("/initiatives/0/budgets/0/value/currency");
  }

  @Test
  void moneyOverTimeIsOneTableACurrencyByYear() throws IOException {
    ObjectNode pkg = sample();
    ArrayNode transactions = (ArrayNode) initiative(pkg, 0).path("transactions");
    Path file = write(dir.resolve("sample.json"), pkg);

    String html = HtmlReport.builder().add(file).build().html();

    // the Kenya pilot's transaction t-1: CNY 4,200,000.00 incoming funds (type 1) dated 2018-07-16
    assertThat(transactions.get(0).path("value").path("currency").asString()).isEqualTo("CNY");
    String money = section(html, "money");
    assertThat(money).contains("<h3 id=\"money-years\">Money by year</h3>");
    assertThat(cell(money, "data-currency=\"CNY\" data-year=\"2018\" data-kind=\"1\"")).isEqualTo("4,200,000.00");
    // no table adds currencies together: each holds the cells of its caption's currency only
    String[] tables = money.split("<table class=\"money years\">");
    assertThat(tables.length).isGreaterThan(3);
    for (int i = 1; i < tables.length; i++) {
      java.util.regex.Matcher caption = java.util.regex.Pattern.compile("<caption><span class=\"ccy\">([A-Z]{3})<").matcher(tables[i]);
      assertThat(caption.find()).isTrue();
      java.util.regex.Matcher cells = java.util.regex.Pattern.compile("data-currency=\"([^\"]*)\"").matcher(tables[i]);
      while (cells.find()) {
        assertThat(cells.group(1)).isEqualTo(caption.group(1));
      }
    }
  }
}
