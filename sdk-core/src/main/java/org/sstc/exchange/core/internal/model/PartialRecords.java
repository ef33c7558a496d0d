package org.sstc.exchange.core.internal.model;

import java.util.function.Supplier;

/**
 * Lets the importers (IATI, spreadsheets) and the validator's binding make model objects that lack
 * required members, as the data they read lacks them: the validator then reports what is missing
 * rather than the importer inventing it. Outside {@link #allow(Supplier)}, {@code build()} refuses
 * such objects. Not API: this package is not exported.
 */
public final class PartialRecords {
  private static final ThreadLocal<Boolean> ALLOWED = ThreadLocal.withInitial(() -> false);

  private PartialRecords() {}

  /** Runs {@code work} with {@code build()} leaving missing required members absent. */
  public static <T> T allow(Supplier<T> work) {
    boolean before = ALLOWED.get();
    ALLOWED.set(true);
    try {
      return work.get();
    } finally {
      ALLOWED.set(before);
    }
  }

  /** Whether {@code build()} may leave required members absent on this thread now. */
  public static boolean allowed() {
    return ALLOWED.get();
  }
}
