package org.sstc.exchange.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The filters' script is allowed by its hash and nothing else, and the cards carry what it filters on. */
class HtmlPageFiltersTest {
  private static final Path SAMPLE = Path.of("../sdk-examples/src/main/resources/org/sstc/exchange/examples/sample-package.json");

  private static String page() {
    ReportData data = new ReportData();
    data.add("sample.json", SAMPLE, null);
    return HtmlPage.render(data, "Filters", "test", "en", 0);
  }

  @Test
  void theContentSecurityPolicyAllowsExactlyThePagesScriptByItsSha256() throws Exception {
    String html = page();

    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(script.find()).isTrue();
    String hash = "'sha256-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8))) + "'";
    assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src " + hash + "\"");
    assertThat(script.find()).as("one script only").isFalse();
    assertThat(html).doesNotContain("<script src").doesNotContain("'unsafe-eval'").doesNotContain("script-src 'unsafe-inline'");
  }

  @Test
  void theScriptCannotEndItsElementEarlyAndFetchesNothing() {
    assertThat(HtmlPage.SCRIPT).doesNotContain("</").doesNotContain("fetch(").doesNotContain("XMLHttpRequest").doesNotContain("http");
  }

  @Test
  void theFormIsHiddenUntilTheScriptShowsItAndOffersTheValuesInTheData() {
    String html = page();

    String form = html.substring(html.indexOf("<form id=\"filters\""), html.indexOf("</form>"));
    assertThat(form).startsWith("<form id=\"filters\" class=\"filters\" hidden")
        .contains("<label for=\"filter-modality\">Modality<select id=\"filter-modality\" name=\"modality\">")
        .contains("<option value=\"triangular\">triangular</option>")
        .contains("<option value=\"2\">2 · Zero hunger</option>")
        .contains("<option value=\"KE\">Kenya</option>")
        .contains("<option value=\"XM-DAC-41140\">World Food Programme (XM-DAC-41140)</option>")
        .contains("<option value=\"2016\">2016</option>");
  }

  @Test
  void eachCardCarriesItsModalityGoalsCountriesOrganisationAndYear() {
    String html = page();

    assertThat(html).contains("<article class=\"card\" id=\"r1\" data-modality=\"triangular\" data-year=\"2018\" data-sdg=\"2 12 17\" "
        + "data-country=\"CN KE\" data-org=\"XM-DAC-41140\"");
  }
}
