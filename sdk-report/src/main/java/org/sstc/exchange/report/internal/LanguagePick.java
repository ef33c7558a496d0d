package org.sstc.exchange.report.internal;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Which text of a language map ({@code {"en": "…", "zh": "…"}}) the report shows for a reader's
 * language. The fallback, in order, so that a text in any language is never lost:
 *
 * <ol>
 *   <li>the tag asked for, letter case aside ({@code zh-Hans} finds {@code zh-hans});
 *   <li>the same language with another or no region or script ({@code zh} finds {@code zh-Hans},
 *       {@code fr-CA} finds {@code fr}), the first such in the record;
 *   <li>English ({@code en}, else the first {@code en-*});
 *   <li>the record's first text, in the order it was written.
 * </ol>
 */
public final class LanguagePick {
  /**
   * A chosen text and the language tag it is in ({@code ""} when the value was a plain string).
   *
   * @param text the text
   * @param language its tag as written in the record
   */
  public record Picked(String text, String language) {}

  private LanguagePick() {}

  /** The text to show of {@code map} for {@code wanted} (a BCP 47 tag), or null if it holds none. */
  public static @Nullable Picked pick(JsonNode map, String wanted) {
    if (map.isString()) {
      return new Picked(map.asString(), "");
    }
    if (!map.isObject()) {
      return null;
    }
    String base = primary(wanted);
    Picked sameLanguage = null;
    Picked english = null;
    Picked first = null;
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      if (!e.getValue().isString() || e.getValue().asString().isBlank()) {
        continue;
      }
      Picked here = new Picked(e.getValue().asString(), e.getKey());
      if (e.getKey().equalsIgnoreCase(wanted)) {
        return here;
      }
      String language = primary(e.getKey());
      if (sameLanguage == null && language.equals(base)) {
        sameLanguage = here;
      }
      if (language.equals("en") && (english == null || e.getKey().equalsIgnoreCase("en"))) {
        english = english == null || !english.language().equalsIgnoreCase("en") ? here : english;
      }
      if (first == null) {
        first = here;
      }
    }
    return sameLanguage != null ? sameLanguage : english != null ? english : first;
  }

  /** The primary language subtag, lower case: {@code zh} of {@code zh-Hans-CN}. */
  static String primary(String tag) {
    int dash = tag.indexOf('-');
    String language = dash < 0 ? tag : tag.substring(0, dash);
    int underscore = language.indexOf('_');
    return (underscore < 0 ? language : language.substring(0, underscore)).toLowerCase(Locale.ROOT);
  }
}
