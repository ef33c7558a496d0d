package org.sstc.exchange.core.internal.validation;

/** Builds RFC 6901 JSON Pointers: {@code Pointer.of("sdgs", 1, "target")} is {@code /sdgs/1/target}. */
public final class Pointer {
  private Pointer() {}

  /** A pointer from its segments: strings are property names, integers array indices. */
  public static String of(Object... segments) {
    StringBuilder pointer = new StringBuilder();
    // Rules build a pointer for every code they check, before knowing whether it is wrong:
    // indices are appended as numbers, and a name is escaped only when it needs it.
    for (Object segment : segments) {
      pointer.append('/');
      if (segment instanceof Integer index) {
        pointer.append(index.intValue());
      } else {
        String name = String.valueOf(segment);
        pointer.append(name.indexOf('~') < 0 && name.indexOf('/') < 0 ? name : escape(name));
      }
    }
    return pointer.toString();
  }

  /** A pointer below another: {@code child("/sdgs/1", "target")}. */
  public static String child(String parent, Object... segments) {
    return parent + of(segments);
  }

  /** Escapes one segment: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
