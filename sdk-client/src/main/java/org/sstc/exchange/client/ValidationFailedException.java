package org.sstc.exchange.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.ValidationReport;

/**
 * A record breaks the standard: either the client found it before sending (then {@link
 * #status()} is 0 and nothing was sent) or the hub refused it with 422 and its report.
 * {@link #report()} lists every issue with its JSON Pointer.
 *
 * @since 1.0
 */
public final class ValidationFailedException extends SstcException {
  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  ValidationFailedException(
      String message, int status, @Nullable String requestId, @Nullable Problem problem,
      ValidationReport report) {
    super(message, status, requestId, problem, null);
    this.report = Objects.requireNonNull(report, "report");
  }

  /**
   * The validation report: the hub's (from the problem's {@code report}) or the client's.
   *
   * @return the report, with at least one error
   */
  public ValidationReport report() {
    return report;
  }
}
