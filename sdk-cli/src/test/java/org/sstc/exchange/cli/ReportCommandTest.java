package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.fixture;
import static org.sstc.exchange.cli.CliRun.sstc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.report.HtmlReport;
import tools.jackson.databind.node.ObjectNode;

class ReportCommandTest {
  @TempDir Path dir;

  /** The sample package as the build copied it into sdk-cli (one source: sdk-examples). */
  static Path sample(Path target) throws IOException {
    try (InputStream in = ReportCommandTest.class.getResourceAsStream("/org/sstc/exchange/cli/demo/sample-package.json")) {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(in, target);
    }
    return target;
  }

  /** The text of the table cell with this data attribute, e.g. {@code data-modality="triangular"}. */
  static String cell(String html, String attribute) {
    Matcher m = Pattern.compile("<td class=\"num\" " + Pattern.quote(attribute) + "[^>]*>([^<]*)<").matcher(html);
    assertTrue(m.find(), "no cell " + attribute);
    return m.group(1);
  }

  @Test
  void theSamplePackagesFiguresAreOnThePage() throws IOException {
    Path pkg = sample(dir.resolve("sample.json"));
    Path out = dir.resolve("out/report.html");

    CliRun run = sstc("report", pkg.toString(), "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals("wrote " + out + ": 18 initiatives, 29 records, 0 errors, 0 warnings", run.out.strip());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    // 3 bilateral, 8 triangular, 7 regional (counted from the sample by hand).
    assertEquals("3", cell(html, "data-modality=\"bilateral\""));
    assertEquals("8", cell(html, "data-modality=\"triangular\""));
    assertEquals("7", cell(html, "data-modality=\"regional\""));
    // SDG 2 is named by 11 initiatives; 10, 14, 15 and 16 by none.
    assertEquals("11", cell(html, "data-goal=\"2\""));
    assertEquals("0", cell(html, "data-goal=\"14\""));
    // USD budgets: 18 budgets adding up to 17,540,000.00; JPY keeps no decimals.
    assertTrue(cell(html, "data-currency=\"USD\" data-kind=\"budgets\"").startsWith("17,540,000.00 "), html);
    assertTrue(cell(html, "data-currency=\"JPY\" data-kind=\"budgets\"").startsWith("715,000,000 "), html);
    // Brazil provides to Haiti in two initiatives (IBSA Haiti and the Brasilia knowledge centre).
    assertTrue(html.contains("title=\"Brazil → Haiti: 2 initiatives\">2</td>"), html);
    // Nothing to fetch: one inline script (the filters), no external reference.
    assertFalse(html.contains("<script src"));
    assertEquals(1, html.split("<script>", -1).length - 1);
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find());
    assertFalse(html.contains("url("));
  }

  @Test
  void langPicksTheTitlesAndTheLabelsAndSaysWhenTheLabelsAreEnglish() throws IOException {
    Path pkg = sample(dir.resolve("sample.json"));
    Path zh = dir.resolve("zh.html");
    Path de = dir.resolve("de.html");

    CliRun chinese = sstc("report", pkg.toString(), "--lang", "zh", "--out", zh.toString());
    CliRun german = sstc("report", pkg.toString(), "--lang", "de", "--out", de.toString());

    assertEquals(0, chinese.status, chinese::toString);
    assertEquals("", chinese.err, chinese::toString);
    String html = Files.readString(zh, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh\">"), html);
    assertTrue(html.contains("<h2 id=\"modality-h\">按合作方式划分的倡议</h2>"), html);
    assertTrue(html.contains(">中国—世界粮食计划署南南合作试点项目：减少肯尼亚小农玉米产后损失</h3>"), html);
    assertEquals(0, german.status, german::toString);
    assertTrue(german.err.contains("--lang de shows them in en"), german::toString);
  }

  @Test
  void aLangThatIsNotALanguageTagIsAUsageError() {
    CliRun run = sstc("report", "x.json", "--lang", "chinese!", "--out", dir.resolve("r.html").toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("--lang chinese!: not a BCP 47 language tag; use one such as en, zh, ar, fr or pt-BR"), run::toString);
    assertFalse(Files.exists(dir.resolve("r.html")));
  }

  @Test
  void aPackageAndItsCopyCountOnceAndTheRunSaysSo() throws IOException {
    Path pkg = sample(dir.resolve("a/sample.json"));
    sample(dir.resolve("b/sample-copy.json"));
    Path out = dir.resolve("report.html");

    CliRun run = sstc("report", dir.resolve("a").toString(), dir.resolve("b").toString(), "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    assertEquals("wrote " + out + ": 18 initiatives, 29 records, 0 errors, 0 warnings, 29 duplicates counted once", run.out.strip());
    assertTrue(pkg.toFile().exists());
  }

  @Test
  void theSamePageForTheSameInput() throws IOException {
    Path pkg = sample(dir.resolve("sample.json"));

    String first = HtmlReport.builder().add(pkg).build().html();
    String second = HtmlReport.builder().add(pkg).build().html();

    assertEquals(first, second);
  }

  @Test
  void everyStringFromTheDataIsEscaped() throws IOException {
    Path record = fixture("initiative-full.json", dir.resolve("evil.json"));
    ObjectNode tree = (ObjectNode) CliRun.JSON.readTree(record.toFile());
    ((ObjectNode) tree.get("title")).put("en", "<script>alert('x')</script> & \"co\"");
    ((ObjectNode) tree.get("reportingOrg")).put("name", "<img src=x onerror=alert(1)>");
    Files.writeString(record, CliRun.JSON.writeValueAsString(tree));

    String html = HtmlReport.builder().title("<b>Board</b> report").add(record).build().html();

    assertFalse(html.contains("<script>alert"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<b>Board"), html);
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"), html);
    assertTrue(html.contains("<title>&lt;b&gt;Board&lt;/b&gt; report</title>"), html);
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void anAmountWithAnExtremeExponentIsLeftOutOfTheSumsNotExpanded() throws IOException {
    // "1E999999999" is 11 characters whose exact value has a billion digits; summing or printing
    // it exactly ran the report out of memory (or overflowed). The validator reports its form.
    Path record = fixture("initiative-full.json", dir.resolve("huge.json"));
    ObjectNode tree = (ObjectNode) CliRun.JSON.readTree(record.toFile());
    ((ObjectNode) tree.get("budgets").get(0).get("value")).put("amount", "1E999999999");
    Files.writeString(record, CliRun.JSON.writeValueAsString(tree));
    Path out = dir.resolve("report.html");

    CliRun run = sstc("report", record.toString(), "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    String html = readString(out);
    assertTrue(html.contains("schema.pattern"), "the amount's form is reported");
    assertFalse(html.contains("1E999999999,") || html.length() > 5_000_000, "the amount is not expanded");
  }

  @Test
  void issuesLinkToTheirRecordsAndInvalidRecordsStillCount() {
    String valid = fixture("initiative-full.json", dir.resolve("a/initiative.json")).toString();
    String broken = fixture("package-third-broken.json", dir.resolve("a/package.json")).toString();
    Path out = dir.resolve("report.html");

    CliRun run = sstc("report", valid, broken, "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    String html = readString(out);
    // Record 1 is the single initiative; the package's third initiative is record 4.
    assertTrue(html.contains("<a href=\"#r4\">XM-DAC-41301-SSTC-2024-0011</a>"), html);
    Matcher card = Pattern.compile("<article class=\"card invalid\" id=\"r4\".*?</article>").matcher(html);
    assertTrue(card.find(), html);
    assertTrue(card.group().contains("<code>rule.sdg-target-goal</code> <code>/initiatives/2/sdgs/0/target</code>"), card.group());
    // the single initiative is also the package's first (same id and version): counted once
    assertTrue(html.contains("id=\"kpi-initiatives\"><span class=\"value\">3</span>"), html);
    assertTrue(html.contains("1 record was given twice and is counted once"), html);
    assertTrue(html.contains("1 record is not valid"), html);
  }

  @Test
  void anUnreadableFileIsListedAndExitsTwo() {
    String valid = fixture("initiative-full.json", dir.resolve("initiative.json")).toString();
    Path out = dir.resolve("report.html");

    CliRun run = sstc("report", valid, dir.resolve("missing.json").toString(), "--out", out.toString());

    assertEquals(2, run.status, run::toString);
    assertTrue(run.err.contains("1 of the files could not be read"), run::toString);
    String html = readString(out);
    assertTrue(html.contains("<code>io.unreadable</code>"), html);
  }

  @Test
  void aFolderWithoutRecordFilesGivesAnEmptyReportAndSaysSo() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path out = dir.resolve("report.html");

    CliRun run = sstc("report", empty.toString(), "--out", out.toString());

    assertEquals(0, run.status, run::toString);
    assertTrue(run.err.contains("no *.json, *.ndjson or *.jsonl files found in " + empty), run::toString);
    assertTrue(readString(out).contains("<p>No initiative has a start date.</p>"));
  }

  @Test
  void usageErrors() {
    CliRun noOut = sstc("report", "a.json");
    assertEquals(2, noOut.status, noOut::toString);
    assertTrue(noOut.err.contains("Missing required option: '--out=FILE'"), noOut::toString);
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
