package org.sstc.exchange.core;

import java.util.stream.Collectors;

/**
 * Thrown where the caller asked for a valid document and did not get one, e.g. by {@link
 * SstcJson#read(byte[], Class)}. The {@link #report()} says everything that is wrong.
 *
 * @since 1.0
 */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int ISSUES_IN_MESSAGE = 5;

  private final transient ValidationReport report;

  /**
   * An exception for a document that was not valid.
   *
   * @param what what was being read, for the message (e.g. {@code "an Initiative"})
   * @param report the validation's findings; the message quotes its first issues
   */
  public ValidationException(String what, ValidationReport report) {
    super(message(what, report));
    this.report = report;
  }

  /**
   * The full report: every error and warning with its pointer.
   *
   * @return the report the exception was made with; never valid. The message shows only its first
   *     five errors
   */
  public ValidationReport report() {
    return report;
  }

  private static String message(String what, ValidationReport report) {
    var errors = report.errors();
    String shown =
        errors.stream()
            .limit(ISSUES_IN_MESSAGE)
            .map(Issue::toString)
            .collect(Collectors.joining("\n  ", "\n  ", ""));
    String more =
        errors.size() > ISSUES_IN_MESSAGE
            ? "\n  … and " + (errors.size() - ISSUES_IN_MESSAGE) + " more (see report())"
            : "";
    return what + " is not valid (" + errors.size() + " error(s)):" + shown + more;
  }
}
