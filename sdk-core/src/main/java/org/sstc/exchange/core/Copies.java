package org.sstc.exchange.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Defensive copies and checks for the model's builders: absent becomes empty, never null. */
final class Copies {
  private Copies() {}

  static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** A copy of {@code list} with {@code item} added at its end. */
  static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(Objects.requireNonNull(item, "item"));
    return List.copyOf(copy);
  }

  /** Keeps insertion order, which {@link Map#copyOf} does not. */
  static <K, V> Map<K, V> orderedMap(@Nullable Map<K, V> map) {
    return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Refuses to build a model object without its required members, naming all of them. */
  static void requireMembers(String type, List<String> missing) {
    if (missing.isEmpty()) {
      return;
    }
    throw new IllegalStateException(type + " is missing required member" + (missing.size() == 1 ? " " : "s ")
        + String.join(", ", missing) + ": set " + (missing.size() == 1 ? "it" : "them")
        + " on the builder before build()");
  }

  /** {@code Type{name=value, ...}} with absent and empty members left out. */
  static String describe(String type, Object[] namesAndValues) {
    StringBuilder text = new StringBuilder(type).append('{');
    boolean first = true;
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      if (value == null
          || value instanceof Collection<?> && ((Collection<?>) value).isEmpty()
          || value instanceof Map<?, ?> && ((Map<?, ?>) value).isEmpty()) {
        continue;
      }
      text.append(first ? "" : ", ").append(namesAndValues[i]).append('=').append(value);
      first = false;
    }
    return text.append('}').toString();
  }
}
