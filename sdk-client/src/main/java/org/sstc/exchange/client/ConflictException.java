package org.sstc.exchange.client;

import org.jspecify.annotations.Nullable;

/**
 * 409: a create of an id that is taken (deleted ids stay taken), or the same idempotency key while its first request still runs.
 *
 * @since 1.0
 */
public final class ConflictException extends SstcException {
  private static final long serialVersionUID = 1L;

  ConflictException(String message, int status, @Nullable String requestId, @Nullable Problem problem) {
    super(message, status, requestId, problem, null);
  }
}
