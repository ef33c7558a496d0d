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
 *
 * @since 1.0
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

  /**
   * Makes an issue; only {@code value} and {@code line} may be null.
   *
   * @param severity {@link Severity#ERROR} makes the document invalid, {@link Severity#WARNING}
   *     does
   *     not
   * @param code a stable, dotted identifier such as {@code "rule.date-order"}, for programs to
   *     match on
   * @param pointer an RFC 6901 JSON Pointer to the value; {@code ""} for the whole document
   * @param message for a person: what is wrong and how to fix it
   * @param value the offending value, or null when there is none worth showing
   * @param line the 1-based line in the file, or null when not known
   * @throws NullPointerException if {@code severity}, {@code code}, {@code pointer} or
   *     {@code message}
   *     is null
   */
  public Issue {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /**
   * An error without a value or line.
   *
   * @param code a stable identifier, e.g. {@code "rule.date-order"}; not null
   * @param pointer an RFC 6901 JSON Pointer to the value, {@code ""} for the whole document; not
   *     null
   * @param message what is wrong and how to fix it, for a person; not null
   * @return an issue of severity {@link Severity#ERROR}, which makes a report invalid
   * @throws NullPointerException if an argument is null
   */
  public static Issue error(String code, String pointer, String message) {
    return new Issue(Severity.ERROR, code, pointer, message, null, null);
  }

  /**
   * A warning without a value or line.
   *
   * @param code a stable identifier, e.g. {@code "codelist.withdrawn-code"}; not null
   * @param pointer an RFC 6901 JSON Pointer to the value, {@code ""} for the whole document; not
   *     null
   * @param message what is doubtful and what to do about it, for a person; not null
   * @return an issue of severity {@link Severity#WARNING}, which leaves a report valid
   * @throws NullPointerException if an argument is null
   */
  public static Issue warning(String code, String pointer, String message) {
    return new Issue(Severity.WARNING, code, pointer, message, null, null);
  }

  /**
   * Whether this issue makes the document invalid.
   *
   * @return true for {@link Severity#ERROR}, false for a warning
   */
  @JsonIgnore
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * A copy whose pointer has {@code prefix} in front, for a record inside a package or stream.
   *
   * @param prefix the pointer of the record in its container, e.g. {@code "/initiatives/2"} or
   *     {@code "/17"} for line 18 of an NDJSON stream; no trailing slash
   * @return a new issue, the same but for its pointer; this one is unchanged
   */
  public Issue under(String prefix) {
    return new Issue(severity, code, prefix + pointer, message, value, line);
  }

  /**
   * A copy that records the line it was found on.
   *
   * @param lineNumber the 1-based line number in the file
   * @return a new issue, the same but for its line; this one is unchanged
   */
  public Issue atLine(long lineNumber) {
    return new Issue(severity, code, pointer, message, value, lineNumber);
  }

  /**
   * The issue on one line, as the command line prints it.
   *
   * @return {@code pointer: severity code: message}, the pointer {@code "/"} for the whole document
   */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + severity + " " + code + ": " + message;
  }
}
