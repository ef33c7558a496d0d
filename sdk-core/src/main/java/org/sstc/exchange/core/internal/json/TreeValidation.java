package org.sstc.exchange.core.internal.json;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import tools.jackson.databind.JsonNode;

/**
 * Validation of an already parsed tree, for the SDK's own code that holds one (the hub's bulk
 * upload parses a package's elements one at a time; the sheets build a package's tree): the same
 * schema, codelists and rules as {@link Validator#validate(byte[])}, without writing the tree back
 * to bytes. Not public API: {@link Validator} takes bytes, files, streams and model objects.
 *
 * <p>{@link Validator} installs the one implementation when its class is initialised, which it is
 * before any caller can hold a validator.
 */
public final class TreeValidation {
  /** What {@link Validator} provides: its engine on a tree. */
  public interface Access {
    /**
     * Validates a tree with the given validator's engine.
     *
     * @param whenValid gets the bound record when the tree has no error, or null
     */
    List<Issue> validate(Validator validator, JsonNode document, @Nullable Consumer<SstcRecord> whenValid);
  }

  private static volatile @Nullable Access access;

  private TreeValidation() {}

  /** Called once, by {@link Validator}'s static initialiser. */
  public static void install(Access implementation) {
    if (access != null) {
      throw new IllegalStateException("the tree validation is installed already");
    }
    access = Objects.requireNonNull(implementation, "implementation");
  }

  /** Validates a parsed document: a record or a package, pointers from its root. */
  public static ValidationReport validate(Validator validator, JsonNode document) {
    return ValidationReport.of(access(validator).validate(validator, document, null));
  }

  /**
   * Validates a parsed document and, when it has no error, hands {@code whenValid} the record it
   * stands for: the one the rules were checked on, so the document is bound once.
   */
  public static ValidationReport validate(
      Validator validator, JsonNode document, Consumer<SstcRecord> whenValid) {
    Objects.requireNonNull(whenValid, "whenValid");
    return ValidationReport.of(access(validator).validate(validator, document, whenValid));
  }

  private static Access access(Validator validator) {
    Objects.requireNonNull(validator, "validator");
    Access installed = access;
    if (installed == null) {
      throw new IllegalStateException("Validator did not install the tree validation");
    }
    return installed;
  }
}
