package org.sstc.exchange.iati;

import java.util.List;
import java.util.Objects;
import org.sstc.exchange.core.Initiative;

/**
 * What {@link CompletionProfile#complete(ImportedRecord)} made of one imported initiative: the
 * record with the profile's values added, and the list of those values.
 *
 * @param record the completed record: its {@link ImportedRecord#json()} holds the added values and
 *     the extension {@value CompletionProfile#EXTENSION_KEY} that lists them; its {@link
 *     ImportedRecord#record()} is present when the record now has every required member
 * @param filled every value the profile added, in the order it added them; empty when the record
 *     needed nothing from the profile (then {@code record} is the record given)
 * @since 1.1
 */
public record Completion(ImportedRecord<Initiative> record, List<ProfileValue> filled) {
  /**
   * A completion; the list is copied.
   *
   * @param record the completed record
   * @param filled what the profile added
   * @throws NullPointerException if an argument, or an element of {@code filled}, is null
   */
  public Completion {
    Objects.requireNonNull(record, "record");
    filled = List.copyOf(filled);
  }
}
