package org.sstc.exchange.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Lets an importer make model objects that lack required members, as the data it reads lacks
 * them, so that the validator reports what is missing instead of the importer inventing it: an
 * IATI activity without a title becomes an initiative without a title, and its report says
 * {@code schema.required} at {@code /title}. Outside {@link #allow(Supplier)}, every {@code
 * build()} refuses such objects.
 *
 * <p>An object built this way is never valid, and the accessors of the members it lacks return
 * null although their types say otherwise: hand it to {@link Validator} or {@link SstcJson} and
 * nowhere else. This is for converters (sdk-iati uses it); an application that builds records
 * itself should let {@code build()} tell it what is missing.
 *
 * <pre>{@code
 * Initiative draft = IncompleteRecords.allow(() -> Initiative.builder().id(id).build());
 * ValidationReport report = Validator.standard().validate(draft);   // names each missing member
 * }</pre>
 *
 * @since 1.0
 */
public final class IncompleteRecords {
  private static final ThreadLocal<Boolean> ALLOWED = ThreadLocal.withInitial(() -> false);

  private IncompleteRecords() {}

  /**
   * Runs {@code work} on this thread with {@code build()} leaving missing required members absent.
   *
   * @param work what builds the objects; it runs at once, on the calling thread
   * @param <T> what {@code work} returns
   * @return what {@code work} returned
   * @throws NullPointerException if {@code work} is null
   */
  public static <T> T allow(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    boolean before = ALLOWED.get();
    ALLOWED.set(true);
    try {
      return work.get();
    } finally {
      ALLOWED.set(before);
    }
  }

  /** Whether {@code build()} may leave required members absent on this thread now. */
  static boolean allowed() {
    return ALLOWED.get();
  }
}
