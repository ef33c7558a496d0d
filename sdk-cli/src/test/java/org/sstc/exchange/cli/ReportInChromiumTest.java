package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.report.HtmlReport;

/**
 * Renders the report of the sample package in headless Chromium: a screenshot, the DOM as the
 * browser built it, the filters driven by the URL's fragment (which only work if the browser ran
 * the script, so if the Content-Security-Policy's hash is right), and the page with script off.
 * Skipped when Chromium is absent on a developer's machine; fails when it is absent in CI ({@code
 * CI} set), so that a missing install cannot pass silently.
 */
class ReportInChromiumTest {
  @TempDir Path dir;

  private String page(String language) throws Exception {
    Path pkg = dir.resolve("sample.json");
    if (!Files.exists(pkg)) {
      ReportCommandTest.sample(pkg);
    }
    Path page = dir.resolve("report-" + language + ".html");
    HtmlReport.builder().language(language).add(pkg).build().writeTo(page);
    return page.toUri().toString();
  }

  /** The opening tags of the record cards the browser hides. */
  private static List<String> hiddenCards(String dom) {
    List<String> hidden = new ArrayList<>();
    Matcher m = Pattern.compile("<article [^>]*>").matcher(dom);
    while (m.find()) {
      if (m.group().contains(" hidden")) {
        hidden.add(m.group());
      }
    }
    return hidden;
  }

  private static String filterCount(String dom) {
    Matcher m = Pattern.compile("id=\"filter-count\"[^>]*>([^<]*)<").matcher(dom);
    assertTrue(m.find(), dom);
    return m.group(1);
  }

  @Test
  void theSampleReportRendersWithItsFigures() throws Exception {
    Chromium chromium = Chromium.find(dir);
    String url = page("en");

    Path png = dir.resolve("report.png");
    chromium.run("--screenshot=" + png, "--window-size=1280,2000", url);
    byte[] image = Files.readAllBytes(png);
    assertTrue(image.length > 30_000, "a blank page compresses to a few kB: " + image.length + " bytes");
    assertEquals("\u0089PNG", new String(image, 0, 4, StandardCharsets.ISO_8859_1));
    ByteBuffer header = ByteBuffer.wrap(image, 16, 8); // IHDR: width, height
    assertEquals(1280, header.getInt());
    assertEquals(2000, header.getInt());

    String dom = chromium.run("--dump-dom", url);
    assertTrue(dom.contains("<td class=\"num\" data-modality=\"triangular\">8</td>"), dom);
    assertTrue(dom.contains("<td class=\"num\" data-modality=\"bilateral\">3</td>"), dom);
    assertTrue(dom.contains("<td class=\"num\" data-modality=\"regional\">7</td>"), dom);
    assertTrue(dom.contains("<span class=\"name\">Zero hunger</span><span class=\"n\">11 initiatives</span>"), dom);
    assertTrue(dom.contains("id=\"sdg-17\""), dom);
    assertTrue(dom.contains("data-currency=\"USD\" data-kind=\"budgets\">17,540,000.00"), dom);
    // no fragment, no filter: the script ran (the form is shown) and hides nothing
    assertTrue(dom.contains("<form id=\"filters\" class=\"filters\" aria-describedby"), "the script ran: " + dom);
    assertEquals(List.of(), hiddenCards(dom));
    assertEquals("29 of 29 records shown", filterCount(dom));
  }

  @Test
  void aModalityFilterInTheFragmentHidesEveryOtherRecord() throws Exception {
    Chromium chromium = Chromium.find(dir);

    String dom = chromium.run("--dump-dom", page("en") + "#modality=bilateral");

    // 3 bilateral initiatives shown; the 15 others and the 11 organisations (no modality) hidden
    List<String> hidden = hiddenCards(dom);
    assertEquals(26, hidden.size(), dom);
    assertTrue(hidden.stream().noneMatch(tag -> tag.contains("data-modality=\"bilateral\"")), hidden::toString);
    assertEquals(15, hidden.stream().filter(tag -> tag.contains("data-modality=")).count());
    assertEquals("3 of 29 records shown", filterCount(dom));
    assertTrue(dom.contains("<option value=\"bilateral\" selected") || dom.contains("value=\"bilateral\""), dom);
  }

  @Test
  void filtersCombineGoalCountryOrganisationAndYear() throws Exception {
    Chromium chromium = Chromium.find(dir);
    String url = page("en");

    // SDG 2 and Kenya: WFP's Kenya pilot and FAO's Addis Ababa knowledge centre (KE among its recipients)
    String kenya = chromium.run("--dump-dom", url + "#sdg=2&country=KE");
    assertEquals("2 of 29 records shown", filterCount(kenya));
    // FAO (XM-DAC-41301): its organisation record and the 3 initiatives it reports, all started in 2021
    assertEquals("4 of 29 records shown", filterCount(chromium.run("--dump-dom", url + "#org=XM-DAC-41301")));
    assertEquals("3 of 29 records shown", filterCount(chromium.run("--dump-dom", url + "#org=XM-DAC-41301&year=2021")));
  }

  @Test
  void withScriptOffEveryRecordIsShownAndTheFormStaysHidden() throws Exception {
    Chromium chromium = Chromium.find(dir);

    String url = page("en") + "#modality=bilateral";
    String dom = chromium.dom(url, false);

    assertTrue(dom.contains("data-modality=\"triangular\""), dom);
    assertEquals(List.of(), hiddenCards(dom));
    assertTrue(dom.contains("<form id=\"filters\" class=\"filters\" hidden"), dom);
    assertTrue(filterCount(dom).isEmpty(), dom);
    // and with script on, through the same protocol, the filter applies: the two ways differ only by script
    assertEquals(26, hiddenCards(chromium.dom(url, true)).size());
  }

  @Test
  void anArabicPageIsLaidOutRightToLeftAndItsFiltersWork() throws Exception {
    Chromium chromium = Chromium.find(dir);

    String dom = chromium.run("--dump-dom", page("ar") + "#modality=triangular");

    assertTrue(dom.contains("<html lang=\"ar\" dir=\"rtl\">"), dom);
    assertTrue(dom.contains("<title>تقرير SSTC Exchange</title>"), dom);
    // a right-to-left page shows its content (an element pushed far to the left once made it blank)
    Path png = dir.resolve("report-ar.png");
    chromium.run("--screenshot=" + png, "--window-size=1280,1800", page("ar"));
    assertTrue(Files.size(png) > 30_000, "a blank page compresses to a few kB: " + Files.size(png) + " bytes");
    assertEquals("عُرض 8 من 29 سجل", filterCount(dom));
    assertFalse(dom.contains("<h2 id=\"modality-h\">Initiatives by modality</h2>"), dom);
  }
}
