package org.sstc.exchange.client;

import org.jspecify.annotations.Nullable;

/**
 * 400: the hub could not use the request (a bad query parameter, an id in the body other than the one in the path); {@code invalidParams} in the {@link #problem()} names them.
 *
 * @since 1.0
 */
public final class BadRequestException extends SstcException {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message, int status, @Nullable String requestId, @Nullable Problem problem) {
    super(message, status, requestId, problem, null);
  }
}
