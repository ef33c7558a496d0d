package org.sstc.exchange.client;

import org.jspecify.annotations.Nullable;

/**
 * 403: the token's organisation may not write this record (an initiative's {@code reportingOrg.id} must be the token's organisation).
 *
 * @since 1.0
 */
public final class ForbiddenException extends SstcException {
  private static final long serialVersionUID = 1L;

  ForbiddenException(String message, int status, @Nullable String requestId, @Nullable Problem problem) {
    super(message, status, requestId, problem, null);
  }
}
