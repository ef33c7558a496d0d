package org.sstc.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sstc.exchange.report.ReportFixtures.card;
import static org.sstc.exchange.report.ReportFixtures.initiative;
import static org.sstc.exchange.report.ReportFixtures.sample;
import static org.sstc.exchange.report.ReportFixtures.write;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The report in the reader's language: the records' texts, and the page's own words in the six UN languages. */
class HtmlReportLanguageTest {
  @TempDir Path dir;

  private String page(Path file, String language) {
    return HtmlReport.builder().language(language).add(file).build().html();
  }

  @Test
  void titlesAndDescriptionsAreInTheLanguageAskedFor() throws IOException {
    Path pkg = write(dir.resolve("sample.json"), sample());

    String html = page(pkg, "zh");

    assertThat(html).contains("<title>SSTC Exchange 报告</title>"); // the default title, in the page's language
    assertThat(HtmlReport.builder().language("zh").title("南南合作 2024").add(pkg).build().html()).contains("<title>南南合作 2024</title>");
    String wfpKenya = card(html, "XM-DAC-41140-SSC-KE-2018-01");
    assertThat(wfpKenya).contains(">中国—世界粮食计划署南南合作试点项目：减少肯尼亚小农玉米产后损失</h3>")
        .contains("<p class=\"desc\">由世界粮食计划署中国农村发展卓越中心牵线")
        .doesNotContain("China–WFP South-South cooperation pilot");
    // a record without Chinese keeps its English title, marked as English for screen readers
    assertThat(card(html, "XM-DAC-41114-IBSA-HT-2019-01")).contains("-h\" lang=\"en\" dir=\"auto\">");
  }

  @Test
  void aTitleOnlyInChineseIsShownOnAnEnglishPageMarkedAsChinese() throws IOException {
    ObjectNode pkg = sample();
    initiative(pkg, 1).putObject("title").put("zh", "斯里兰卡粮食安全南南合作");
    Path file = write(dir.resolve("zh-only.json"), pkg);

    String html = page(file, "en");

    assertThat(card(html, "XM-DAC-41140-SSC-LK-2019-01")).contains("lang=\"zh\" dir=\"auto\">斯里兰卡粮食安全南南合作</h3>");
  }

  @Test
  void theSameLanguageInAnotherRegionIsFoundAndTheLabelsFollow() throws IOException {
    Path pkg = write(dir.resolve("sample.json"), sample());

    HtmlReport report = HtmlReport.builder().language("fr-CA").add(pkg).build();

    assertThat(report.labelLanguage()).isEqualTo("fr");
    assertThat(report.html()).startsWith("<!DOCTYPE html>\n<html lang=\"fr\">")
        .contains("<h2 id=\"modality-h\">Initiatives par modalité</h2>")
        .contains("Projet pilote de coopération Sud-Sud Chine–PAM");
  }

  @Test
  void anArabicPageIsRightToLeftWithArabicLabelsAndCountryNames() throws IOException {
    Path pkg = write(dir.resolve("sample.json"), sample());

    String html = page(pkg, "ar");

    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">")
        .contains("<h2 id=\"modality-h\">المبادرات حسب طريقة التعاون</h2>")
        .contains("<span class=\"name\">القضاء التام على الجوع</span>") // SDG 2's short name
        .contains("كينيا"); // Kenya, from the Country codelist
    // the Comoros initiative has an Arabic title
    assertThat(card(html, "XM-DAC-41114-IUNDPF-KM-2021-01")).doesNotContain("lang=\"en\" dir=\"auto\">");
  }

  @Test
  void eachOfTheSixLanguagesHasItsOwnHeadings() throws IOException {
    Path pkg = write(dir.resolve("sample.json"), sample());
    java.util.Set<String> headings = new java.util.HashSet<>();
    for (String language : HtmlReport.LABEL_LANGUAGES) {
      String html = page(pkg, language);
      assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"" + language + "\"");
      headings.add(html.substring(html.indexOf("<h2 id=\"sdgs-h\">"), html.indexOf("</h2>", html.indexOf("<h2 id=\"sdgs-h\">"))));
    }
    assertThat(headings).hasSize(6);
  }

  @Test
  void aLanguageWithoutLabelsGetsEnglishLabelsAndItsOwnTexts() throws IOException {
    Path pkg = write(dir.resolve("sample.json"), sample());

    HtmlReport report = HtmlReport.builder().language("pt").add(pkg).build();

    assertThat(report.labelLanguage()).isEqualTo("en");
    assertThat(card(report.html(), "XM-DAC-41114-IBSA-GW-2018-01")).contains("lang=\"pt\" dir=\"auto\">");
  }

  @Test
  void aTagThatIsNotBcp47IsRefusedWithAnExample() {
    assertThatThrownBy(() -> HtmlReport.builder().language("chinese!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'chinese!' is not a BCP 47 language tag such as en, zh");
    assertThatThrownBy(() -> HtmlReport.builder().language("")).isInstanceOf(IllegalArgumentException.class);
  }
}
