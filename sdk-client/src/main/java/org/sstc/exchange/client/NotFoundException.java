package org.sstc.exchange.client;

import org.jspecify.annotations.Nullable;

/**
 * 404: no such record (or path). {@link Records#find} returns empty instead.
 *
 * @since 1.0
 */
public final class NotFoundException extends SstcException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String message, int status, @Nullable String requestId, @Nullable Problem problem) {
    super(message, status, requestId, problem, null);
  }
}
