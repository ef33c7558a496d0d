package org.sstc.exchange.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The documented fallback: the tag, its language, English, the record's first text. */
class LanguagePickTest {
  private static JsonNode map(String json) {
    return JsonMapper.builder().build().readTree(json);
  }

  private static String pick(String json, String wanted) {
    LanguagePick.Picked picked = LanguagePick.pick(map(json), wanted);
    return picked == null ? "(none)" : picked.language() + ":" + picked.text();
  }

  @Test
  void theTagAskedForWinsLetterCaseAside() {
    assertThat(pick("{\"en\":\"Seeds\",\"zh\":\"种子\"}", "zh")).isEqualTo("zh:种子");
    assertThat(pick("{\"en\":\"Seeds\",\"zh-hans\":\"种子\",\"zh\":\"種子\"}", "zh-Hans")).isEqualTo("zh-hans:种子");
  }

  @Test
  void thenTheSameLanguageWithAnotherRegionOrScript() {
    assertThat(pick("{\"en\":\"Seeds\",\"zh-Hans\":\"种子\"}", "zh")).isEqualTo("zh-Hans:种子");
    assertThat(pick("{\"en\":\"Seeds\",\"fr\":\"Semences\"}", "fr-CA")).isEqualTo("fr:Semences");
  }

  @Test
  void thenEnglishThenTheFirstTextSoAChineseOnlyTitleIsNeverLost() {
    assertThat(pick("{\"pt\":\"Sementes\",\"en-GB\":\"Seeds\",\"en\":\"Seed\"}", "ar")).isEqualTo("en:Seed");
    assertThat(pick("{\"pt\":\"Sementes\",\"en-GB\":\"Seeds\"}", "ar")).isEqualTo("en-GB:Seeds");
    assertThat(pick("{\"zh\":\"种子\"}", "en")).isEqualTo("zh:种子");
    assertThat(pick("{\"zh\":\"  \",\"es\":\"Semillas\"}", "zh")).isEqualTo("es:Semillas");
  }

  @Test
  void aPlainStringIsShownAsItIsAndNothingIsNone() {
    assertThat(pick("\"Seeds\"", "fr")).isEqualTo(":Seeds");
    assertThat(pick("{}", "fr")).isEqualTo("(none)");
    assertThat(pick("42", "fr")).isEqualTo("(none)");
  }
}
