package org.sstc.exchange.client;

import org.jspecify.annotations.Nullable;

/**
 * 5xx: the hub failed. Safe requests were already retried with backoff before this was thrown.
 *
 * @since 1.0
 */
public final class ServerException extends SstcException {
  private static final long serialVersionUID = 1L;

  ServerException(String message, int status, @Nullable String requestId, @Nullable Problem problem) {
    super(message, status, requestId, problem, null);
  }
}
