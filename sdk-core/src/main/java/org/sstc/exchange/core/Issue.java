package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One thing a validator found wrong or doubtful in a document.
 *
 * @param severity error (the document is invalid) or warning
 * @param code a stable identifier such as {@code "rule.sdg-target-goal"} or {@code
 *     "schema.required"}; the README lists them all
 * @param pointer an RFC 6901 JSON Pointer to the offending value, e.g. {@code "/sdgs/0/target"};
 *     {@code ""} is the whole document; in an NDJSON stream the first segment is the record's
 *     zero-based line index
 * @param message what is wrong and how to fix it, for a person
 * @param value the offending value, where there is one
 * @param line the 1-based line in the file, where known (syntax errors, NDJSON records)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"severity", "code", "pointer", "message", "value", "line"})
public record Issue(
    Severity severity,
    String code,
    String pointer,
    String message,
    @Nullable JsonNode value,
    @Nullable Long line) {

  /** Makes an issue; only {@code value} and {@code line} may be null. */
  public Issue {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** An error without a value or line. */
  public static Issue error(String code, String pointer, String message) {
    return new Issue(Severity.ERROR, code, pointer, message, null, null);
  }

  /** A warning without a value or line. */
  public static Issue warning(String code, String pointer, String message) {
    return new Issue(Severity.WARNING, code, pointer, message, null, null);
  }

  /** True for an error. */
  @JsonIgnore
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** A copy whose pointer has {@code prefix} in front, for a record inside a package or stream. */
  public Issue under(String prefix) {
    return new Issue(severity, code, prefix + pointer, message, value, line);
  }

  /** A copy that records the line it was found on. */
  public Issue atLine(long lineNumber) {
    return new Issue(severity, code, pointer, message, value, lineNumber);
  }

  /** {@code pointer: severity code: message}, as the command line prints it. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + severity + " " + code + ": " + message;
  }
}
