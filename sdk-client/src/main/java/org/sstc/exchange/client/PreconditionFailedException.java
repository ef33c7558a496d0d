package org.sstc.exchange.client;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * 412: the record changed since the version you passed (someone else wrote it). Read it again,
 * apply your change to the current version and replace again — {@link Records#update} does this.
 *
 * @since 1.0
 */
public final class PreconditionFailedException extends SstcException {
  private static final long serialVersionUID = 1L;

  /** The version the hub holds now. */
  private final long currentVersion;

  PreconditionFailedException(
      String message, @Nullable String requestId, @Nullable Problem problem, long currentVersion) {
    super(message, 412, requestId, problem, null);
    this.currentVersion = currentVersion;
  }

  /**
   * The version the hub holds now, from the problem's {@code currentVersion}, when it said.
   *
   * @return the current version, or empty when the hub did not say
   */
  public OptionalLong currentVersion() {
    return currentVersion > 0 ? OptionalLong.of(currentVersion) : OptionalLong.empty();
  }
}
