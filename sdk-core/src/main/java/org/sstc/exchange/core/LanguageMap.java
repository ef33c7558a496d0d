package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Text in one or more languages, keyed by BCP 47 tag: {@code {"en": "Rural solutions portal",
 * "es": "Portal de soluciones rurales"}}.
 *
 * <p>Entries keep the order in which they were given, so that a record written, read and written
 * again is byte-identical.
 *
 * <pre>{@code
 * LanguageMap title = LanguageMap.of("en", "School feeding").with("fr", "Alimentation scolaire");
 * }</pre>
 *
 * @since 1.0
 */
public final class LanguageMap {
  private final Map<String, String> texts;

  private LanguageMap(Map<String, String> texts) {
    this.texts = Collections.unmodifiableMap(texts);
  }

  /**
   * A map with one entry.
   *
   * @param language a BCP 47 tag such as {@code "en"} or {@code "pt-BR"}
   * @param text the text in that language; may be empty, though the standard wants some text
   * @return an immutable map holding that one entry
   * @throws NullPointerException if {@code language} or {@code text} is null
   */
  public static LanguageMap of(String language, String text) {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(text, "text");
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(language, text);
    return new LanguageMap(texts);
  }

  /**
   * A map with the given entries, in the map's iteration order.
   *
   * @param texts language tag to text; neither may be null. Copied. An empty map gives an empty
   *     {@code LanguageMap}, which the validator refuses
   * @return an immutable map with the same entries in the same order
   * @throws NullPointerException if {@code texts}, a tag or a text is null (the message names the
   *     language)
   */
  @JsonCreator
  public static LanguageMap of(Map<String, String> texts) {
    Objects.requireNonNull(texts, "texts");
    Map<String, String> copy = new LinkedHashMap<>();
    texts.forEach(
        (language, text) ->
            copy.put(
                Objects.requireNonNull(language, "language tag"),
                Objects.requireNonNull(text, () -> "text for language " + language)));
    return new LanguageMap(copy);
  }

  /**
   * A copy with one more entry, or with the entry for {@code language} replaced.
   *
   * @param language a BCP 47 tag such as {@code "fr"}; a new tag goes last, a known one keeps its
   *     place
   * @param text the text in that language
   * @return a new map; this one is unchanged
   * @throws NullPointerException if {@code language} or {@code text} is null
   */
  public LanguageMap with(String language, String text) {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(text, "text");
    Map<String, String> copy = new LinkedHashMap<>(texts);
    copy.put(language, text);
    return new LanguageMap(copy);
  }

  /**
   * The text in one language, if given.
   *
   * @param language the tag exactly as given, e.g. {@code "pt-BR"}: no fallback from
   *     {@code "pt-BR"}
   *     to {@code "pt"}, and case matters
   * @return the text; empty when there is no entry for that tag
   */
  public Optional<String> get(String language) {
    return Optional.ofNullable(texts.get(language));
  }

  /**
   * The text to show when no particular language is asked for: English if given, else the first
   * entry, else the empty string.
   *
   * @return the text to show; {@code ""} only for an empty map
   */
  public String text() {
    String english = texts.get("en");
    if (english != null) {
      return english;
    }
    return texts.values().stream().findFirst().orElse("");
  }

  /**
   * The entries, unmodifiable, in the order given.
   *
   * @return language tag to text, as written to JSON
   */
  @JsonValue
  public Map<String, String> asMap() {
    return texts;
  }

  /**
   * Whether there is no entry (which the standard does not allow).
   *
   * @return true for an empty map
   */
  public boolean isEmpty() {
    return texts.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LanguageMap that && texts.equals(that.texts);
  }

  @Override
  public int hashCode() {
    return texts.hashCode();
  }

  @Override
  public String toString() {
    return texts.toString();
  }
}
