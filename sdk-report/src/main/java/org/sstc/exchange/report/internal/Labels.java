package org.sstc.exchange.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML report's own words (headings, hints, table headers) in one of the six UN languages,
 * read from {@code labels/LANG.json} in this jar. A label is a string, or for a count an object of
 * CLDR plural forms ({@code one}, {@code few}, {@code other}, …) chosen by {@link #plural}. A
 * language outside the six gets its base language's labels if that is one of them, else English.
 */
public final class Labels {
  /** The languages the page's labels exist in, as {@code labels/LANG.json}. */
  public static final List<String> LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");

  private static final Map<String, Labels> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  private final String language;
  private final JsonNode words;

  private Labels(String language, JsonNode words) {
    this.language = language;
    this.words = words;
  }

  /** The labels for a BCP 47 tag: its language if one of the six, else English. */
  public static Labels forTag(String tag) {
    String base = Locale.forLanguageTag(tag).getLanguage();
    String language = LANGUAGES.contains(base) ? base : "en";
    return LOADED.computeIfAbsent(language, l -> new Labels(l, read(l)));
  }

  /** The labels of one file, {@code labels/LANG.json}, as the jar holds it (for tests). */
  static JsonNode read(String language) {
    try (InputStream in = Labels.class.getResourceAsStream("labels/" + language + ".json")) {
      if (in == null) {
        throw new IllegalStateException("labels/" + language + ".json is missing from the jar");
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read labels/" + language + ".json", e);
    }
  }

  /** The language of these labels, one of {@link #LANGUAGES}. */
  public String language() {
    return language;
  }

  /** True for a language written right to left (Arabic). */
  public boolean rightToLeft() {
    return language.equals("ar");
  }

  /** The label {@code key}, with {@code {0}}, {@code {1}}… replaced by {@code args} (plain text). */
  public String get(String key, Object... args) {
    JsonNode word = words.get(key);
    if (word == null || !word.isString()) {
      throw new IllegalStateException("label " + key + " is missing from labels/" + language + ".json");
    }
    return fill(word.asString(), args);
  }

  /**
   * The counted label {@code key} for {@code n}: the plural form the language's rule picks for
   * {@code n}, with {@code {0}} replaced by {@code n} and {@code {1}}… by {@code args}.
   */
  public String plural(String key, long n, Object... args) {
    JsonNode forms = words.get(key);
    if (forms == null || !forms.isObject()) {
      throw new IllegalStateException("counted label " + key + " is missing from labels/" + language + ".json");
    }
    JsonNode form = forms.get(pluralCategory(language, n));
    if (form == null) {
      form = Objects.requireNonNull(forms.get("other"), () -> "label " + key + " has no form other in labels/" + language + ".json");
    }
    Object[] all = new Object[args.length + 1];
    all[0] = n;
    System.arraycopy(args, 0, all, 1, args.length);
    return fill(form.asString(), all);
  }

  /** The label {@code key} if it exists (optional labels such as SDG short names), else null. */
  public @Nullable String find(String key) {
    JsonNode word = words.get(key);
    return word != null && word.isString() ? word.asString() : null;
  }

  private static String fill(String template, Object[] args) {
    String text = template;
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /**
   * The CLDR cardinal plural category of a whole number in one of the six languages (CLDR 44
   * plural rules, integers only: the page counts records).
   */
  static String pluralCategory(String language, long number) {
    long n = Math.abs(number);
    long mod10 = n % 10;
    long mod100 = n % 100;
    return switch (language) {
      case "zh" -> "other";
      case "fr" -> n == 0 || n == 1 ? "one" : n != 0 && n % 1_000_000 == 0 ? "many" : "other";
      case "es" -> n == 1 ? "one" : n != 0 && n % 1_000_000 == 0 ? "many" : "other";
      case "ru" -> mod10 == 1 && mod100 != 11 ? "one"
          : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
      case "ar" -> n == 0 ? "zero" : n == 1 ? "one" : n == 2 ? "two"
          : mod100 >= 3 && mod100 <= 10 ? "few" : mod100 >= 11 ? "many" : "other";
      default -> n == 1 ? "one" : "other";
    };
  }

  /** The plural categories a language's counted labels must give (what {@link #pluralCategory} can return). */
  static List<String> pluralCategories(String language) {
    return switch (language) {
      case "zh" -> List.of("other");
      case "fr", "es" -> List.of("one", "many", "other");
      case "ru" -> List.of("one", "few", "many");
      case "ar" -> List.of("zero", "one", "two", "few", "many", "other");
      default -> List.of("one", "other");
    };
  }

  /** Every key of a labels file, for tests. */
  static Map<String, JsonNode> all(String language) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    read(language).properties().forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }
}
