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
 */
public record CodelistItem(
    String code,
    Map<String, String> names,
    @Nullable String parent,
    boolean withdrawn,
    @Nullable Integer minorUnits) {

  /** Makes the item; the map of names is copied, so the item stays immutable. */
  public CodelistItem {
    names = Copies.orderedMap(names);
  }

  /** The name in a language, falling back to English. */
  public String name(String language) {
    String name = names.get(language);
    return name != null ? name : names.getOrDefault("en", code);
  }

  /** The parent code, if the item has one. */
  public Optional<String> parentCode() {
    return Optional.ofNullable(parent);
  }
}
