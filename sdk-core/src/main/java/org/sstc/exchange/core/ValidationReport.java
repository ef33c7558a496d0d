package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * What a validator found in one document: whether it is valid and every issue, each with a
 * severity, a stable code, a JSON Pointer and a message a person can act on.
 *
 * <p>Written as JSON it follows {@code schema/1.0/validation-report.schema.json}.
 *
 * @param valid true when there is no error (warnings are allowed)
 * @param schemaVersion the version of the standard the document was checked against
 * @param issues errors and warnings, in document order where that is known
 */
@JsonPropertyOrder({"valid", "schemaVersion", "issues"})
public record ValidationReport(boolean valid, String schemaVersion, List<Issue> issues) {

  /**
   * Makes a report; the issues are copied. A report that says it is valid while holding an error
   * is refused with an {@link IllegalArgumentException}.
   */
  public ValidationReport {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    issues = List.copyOf(issues);
    if (valid && issues.stream().anyMatch(Issue::isError)) {
      throw new IllegalArgumentException("a report with errors cannot be valid");
    }
  }

  /** A report on these issues: valid when none is an error. */
  public static ValidationReport of(List<Issue> issues) {
    return new ValidationReport(
        issues.stream().noneMatch(Issue::isError), Initiative.CURRENT_VERSION, issues);
  }

  /** The errors only. */
  public List<Issue> errors() {
    return issues.stream().filter(Issue::isError).toList();
  }

  /** The warnings only. */
  public List<Issue> warnings() {
    return issues.stream().filter(issue -> !issue.isError()).toList();
  }

  /** True if some issue has this code, e.g. {@code "rule.date-order"}. */
  public boolean has(String code) {
    return issues.stream().anyMatch(issue -> issue.code().equals(code));
  }
}
