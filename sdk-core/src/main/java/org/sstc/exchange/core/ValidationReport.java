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
 *
 * @since 1.0
 */
@JsonPropertyOrder({"valid", "schemaVersion", "issues"})
public record ValidationReport(boolean valid, String schemaVersion, List<Issue> issues) {

  /**
   * Makes a report; the issues are copied. A report that says it is valid while holding an error
   * is refused with an {@link IllegalArgumentException}.
   *
   * @param valid true when there is no error; must be false if {@code issues} holds one
   * @param schemaVersion the version of the standard checked against, e.g. {@code "1.0"}; not null
   * @param issues errors and warnings, empty when nothing was found; copied, not null
   * @throws IllegalArgumentException if {@code valid} is true while {@code issues} holds an error
   * @throws NullPointerException if {@code schemaVersion} or {@code issues} is null, or holds null
   */
  public ValidationReport {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    issues = List.copyOf(issues);
    if (valid && issues.stream().anyMatch(Issue::isError)) {
      throw new IllegalArgumentException("a report with errors cannot be valid");
    }
  }

  /**
   * A report on these issues: valid when none is an error.
   *
   * @param issues errors and warnings; empty for a clean document. Copied
   * @return a report against the standard's current version, {@link Initiative#CURRENT_VERSION}
   * @throws NullPointerException if {@code issues} is or holds null
   */
  public static ValidationReport of(List<Issue> issues) {
    return new ValidationReport(
        issues.stream().noneMatch(Issue::isError), Initiative.CURRENT_VERSION, issues);
  }

  /**
   * The errors only.
   *
   * @return the issues of severity error, in report order; empty when the document is valid
   */
  public List<Issue> errors() {
    return issues.stream().filter(Issue::isError).toList();
  }

  /**
   * The warnings only.
   *
   * @return the issues of severity warning, in report order; empty when there is none
   */
  public List<Issue> warnings() {
    return issues.stream().filter(issue -> !issue.isError()).toList();
  }

  /**
   * Whether some issue has this code.
   *
   * @param code an issue code, e.g. {@code "rule.date-order"}; matched exactly
   * @return true if at least one issue, error or warning, has that code
   */
  public boolean has(String code) {
    return issues.stream().anyMatch(issue -> issue.code().equals(code));
  }
}
