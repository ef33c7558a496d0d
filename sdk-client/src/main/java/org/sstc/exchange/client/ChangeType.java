package org.sstc.exchange.client;

import java.util.Locale;
import java.util.Optional;

/**
 * What happened to a record: an event of the change feed or of a record's history.
 *
 * @since 1.0
 */
public enum ChangeType {
  /** The record was created (version 1). */
  CREATED,
  /** The record was replaced by a different one. */
  UPDATED,
  /** The record was deleted; its id stays taken. */
  DELETED;

  /**
   * The code on the wire: {@code "created"}, {@code "updated"} or {@code "deleted"}.
   *
   * @return the wire code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant for a wire code, or empty for an unknown one.
   *
   * @param code a wire code, e.g. {@code "updated"}
   * @return the constant, or empty
   */
  public static Optional<ChangeType> fromCode(String code) {
    for (ChangeType type : values()) {
      if (type.code().equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
