package org.sstc.exchange.client;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer: the connection failed or timed out, the deadline passed, or the response body
 * was malformed, truncated or larger than the client's limit. {@link #status()} is the status the
 * hub gave if a response arrived, else 0. Whether the hub acted on the request is unknown: a
 * create with its idempotency key, or any call with {@code If-Match}, can safely be repeated.
 *
 * @since 1.0
 */
public final class TransportException extends SstcException {
  private static final long serialVersionUID = 1L;

  TransportException(String message, int status, @Nullable String requestId, Throwable cause) {
    super(message, status, requestId, null, cause);
  }
}
