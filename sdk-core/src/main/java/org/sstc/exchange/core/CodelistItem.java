package org.sstc.exchange.core;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One code of a {@link Codelist}.
 *
 * @param code the code, e.g. {@code "2.3"}, {@code "31120"}, {@code "USD"}
 * @param names its name by language tag; English always, other UN languages where the source
 *     has them
 * @param parent the code of its parent in the list's parent list (indicator → target → goal,
 *     sector → sector category), if any
 * @param withdrawn true if the code is no longer in use (a warning where it appears)
 * @param minorUnits for currencies, the digits after the decimal point (JPY 0, USD 2, KWD 3)
 *
 * @since 1.0
 */
public record CodelistItem(
    String code,
    Map<String, String> names,
    @Nullable String parent,
    boolean withdrawn,
    @Nullable Integer minorUnits) {

  /**
   * Makes the item; the map of names is copied, so the item stays immutable.
   *
   * @param code the code, e.g. {@code "2.3"}
   * @param names its name by language tag, e.g. {@code "en"}; null or empty means none, and
   *     {@link #name(String)} then gives the code
   * @param parent the code of its parent in the list's parent list, or null for none
   * @param withdrawn true if the code is no longer in use
   * @param minorUnits for currencies, the digits after the decimal point; null for other lists and
   *     for currencies without minor units (XAU)
   */
  public CodelistItem {
    names = Copies.orderedMap(names);
  }

  /**
   * The name in a language, falling back to English.
   *
   * @param language a language tag as the names are keyed, e.g. {@code "fr"}
   * @return the name in that language, else the English name, else the code itself
   */
  public String name(String language) {
    String name = names.get(language);
    return name != null ? name : names.getOrDefault("en", code);
  }

  /**
   * The parent code, if the item has one.
   *
   * @return the parent's code in {@link Codelist#parentList()}, e.g. {@code "2"} for target
   *     {@code "2.3"}; empty for an item without a parent
   */
  public Optional<String> parentCode() {
    return Optional.ofNullable(parent);
  }
}
