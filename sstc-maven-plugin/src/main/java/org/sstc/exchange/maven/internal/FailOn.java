package org.sstc.exchange.maven.internal;

import java.util.Locale;

/** What fails the build: the {@code failOn} parameter. */
public enum FailOn {
  /** Any error: an invalid file (the default). */
  ERROR,
  /** Any issue, warnings included. */
  WARNING,
  /** Nothing: the goal only reports. */
  NEVER;

  /** The value of {@code failOn}, case-insensitive; a clear error for anything else. */
  public static FailOn parse(String value) {
    if (value == null || value.isBlank()) {
      return ERROR;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "failOn is '" + value + "'; use one of error (the default), warning, never");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
