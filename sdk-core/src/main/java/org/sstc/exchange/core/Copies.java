package org.sstc.exchange.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Defensive copies for the model's compact constructors: absent becomes empty, never null. */
final class Copies {
  private Copies() {}

  static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Keeps insertion order, which {@link Map#copyOf} does not. */
  static <K, V> Map<K, V> orderedMap(@Nullable Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
