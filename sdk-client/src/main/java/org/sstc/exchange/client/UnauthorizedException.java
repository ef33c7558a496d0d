package org.sstc.exchange.client;

import org.jspecify.annotations.Nullable;

/**
 * 401: a write without a token, or with one the hub does not know. Check {@link SstcClient.Builder#token}.
 *
 * @since 1.0
 */
public final class UnauthorizedException extends SstcException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(String message, int status, @Nullable String requestId, @Nullable Problem problem) {
    super(message, status, requestId, problem, null);
  }
}
