package org.sstc.exchange.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The page's own words exist in all six UN languages, with every plural form each language needs. */
class LabelsTest {
  /** Optional labels: SDG short names, for the languages the goals codelist has none in. */
  private static boolean optional(String key) {
    return key.startsWith("sdg.");
  }

  @Test
  void everyLabelExistsInAllSixLanguagesAndNoneIsExtra() {
    Set<String> english = keys("en");
    assertThat(english).hasSizeGreaterThan(100);
    for (String language : Labels.LANGUAGES) {
      assertThat(keys(language)).as("labels/%s.json", language).isEqualTo(english);
    }
  }

  @Test
  void aLabelIsTextOrACountWithEveryPluralFormOfItsLanguage() {
    Map<String, JsonNode> english = Labels.all("en");
    for (String language : Labels.LANGUAGES) {
      Labels.all(language).forEach((key, value) -> {
        if (optional(key)) {
          assertThat(value.isString()).as("%s.json: %s", language, key).isTrue();
          return;
        }
        assertThat(value.isObject()).as("%s in %s is a count in English too", key, language).isEqualTo(english.get(key).isObject());
        if (value.isObject()) {
          for (String category : Labels.pluralCategories(language)) {
            assertThat(value.path(category).isString()).as("%s.json: %s has the form %s", language, key, category).isTrue();
          }
        } else {
          assertThat(value.asString()).as("%s.json: %s", language, key).isNotBlank();
        }
      });
    }
  }

  @Test
  void everySdgGoalHasAShortNameInEachLanguage() {
    for (String language : Labels.LANGUAGES) {
      Labels labels = Labels.forTag(language);
      Map<String, String[]> english = HtmlPage.sdgGoals();
      for (String goal : english.keySet()) {
        boolean inCodelist = codelistShortName(goal, language);
        assertThat(inCodelist || labels.find("sdg." + goal) != null).as("goal %s in %s", goal, language).isTrue();
      }
    }
  }

  @Test
  void pluralFormsFollowTheLanguagesRules() {
    Labels ru = Labels.forTag("ru");
    assertThat(ru.plural("count.files", 1)).isEqualTo("1 файл");
    assertThat(ru.plural("count.files", 3)).isEqualTo("3 файла");
    assertThat(ru.plural("count.files", 11)).isEqualTo("11 файлов");
    assertThat(ru.plural("count.files", 21)).isEqualTo("21 файл");
    assertThat(ru.plural("count.files", 112)).isEqualTo("112 файлов");
    Labels ar = Labels.forTag("ar");
    assertThat(ar.plural("count.files", 2)).isEqualTo("ملفان");
    assertThat(ar.plural("count.files", 5)).isEqualTo("5 ملفات");
    assertThat(ar.plural("count.files", 11)).isEqualTo("11 ملفاً");
    assertThat(ar.plural("count.files", 100)).isEqualTo("100 ملف");
    assertThat(Labels.forTag("fr").plural("count.files", 0)).isEqualTo("0 fichier");
    assertThat(Labels.forTag("en").plural("count.files", 0)).isEqualTo("0 files");
    assertThat(Labels.forTag("zh").plural("count.files", 1)).isEqualTo("1 个文件");
  }

  @Test
  void aLanguageOutsideTheSixTakesItsBaseLanguageElseEnglish() {
    assertThat(Labels.forTag("fr-CA").language()).isEqualTo("fr");
    assertThat(Labels.forTag("zh-Hant-TW").language()).isEqualTo("zh");
    assertThat(Labels.forTag("pt-BR").language()).isEqualTo("en");
    assertThat(Labels.forTag("ar").rightToLeft()).isTrue();
    assertThat(Labels.forTag("ru").rightToLeft()).isFalse();
  }

  private static Set<String> keys(String language) {
    Set<String> keys = new TreeSet<>();
    Labels.all(language).keySet().stream().filter(k -> !optional(k)).forEach(keys::add);
    return keys;
  }

  private static boolean codelistShortName(String goal, String language) {
    return readShortNames(goal).contains(language);
  }

  private static Set<String> readShortNames(String goal) {
    try (var in = org.sstc.exchange.schema.StandardFiles.open("codelists/UNSDG-Goals.json")) {
      JsonNode list = tools.jackson.databind.json.JsonMapper.builder().build().readTree(in);
      for (JsonNode item : list.path("items")) {
        if (item.path("code").asString().equals(goal)) {
          Set<String> languages = new TreeSet<>();
          item.path("shortNames").properties().forEach(e -> languages.add(e.getKey()));
          return languages;
        }
      }
      return Set.of();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
