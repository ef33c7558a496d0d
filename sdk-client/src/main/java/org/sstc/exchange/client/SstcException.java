package org.sstc.exchange.client;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The base of every exception the client throws; all are unchecked. Catch a subclass for a case
 * you handle ({@link PreconditionFailedException}, {@link NotFoundException}, ...), or this one
 * for any failure of a call.
 *
 * <p>The message says which request failed ({@code PUT /initiatives/XM-...}; never the query
 * string or the token), what the hub said, and what to do. 4xx statuses without a subclass (405,
 * 413, 415, 428, a 422 that is not a validation failure) are thrown as this class: see {@link
 * #problem()} for the hub's problem type.
 *
 * @since 1.0
 */
public class SstcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, or 0 when there was no response. */
  private final int status;
  /** The hub's request id, when it sent one. */
  private final @Nullable String requestId;
  private final transient @Nullable Problem problem;

  SstcException(
      String message, int status, @Nullable String requestId, @Nullable Problem problem,
      @Nullable Throwable cause) {
    super(message, cause);
    this.status = status;
    this.requestId = requestId;
    this.problem = problem;
  }

  /**
   * The HTTP status, or 0 when there was no response.
   *
   * @return the status, or 0
   */
  public int status() {
    return status;
  }

  /**
   * The {@code X-Request-Id} of the failed request: quote it to the hub's operators.
   *
   * @return the request id, or empty when unknown
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The hub's problem details, when it sent some.
   *
   * @return the problem, or empty when the hub sent none
   */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }
}
