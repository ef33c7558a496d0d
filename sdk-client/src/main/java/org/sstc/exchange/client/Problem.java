package org.sstc.exchange.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem detail sent by the hub with an error status.
 *
 * @param type a URI naming the kind of problem, e.g. {@code
 *     https://sstc-exchange.org/problems/precondition-failed}; {@code about:blank} when absent
 * @param title a short summary of the kind of problem
 * @param status the HTTP status the hub gave
 * @param detail what happened this time
 * @param instance the request path
 * @param extensions every other member, name to its value as JSON text: {@code requestId},
 *     {@code currentVersion}, {@code report}, {@code invalidParams}, {@code limit}, ...
 *
 * @since 1.0
 */
public record Problem(
    String type,
    String title,
    int status,
    Optional<String> detail,
    Optional<String> instance,
    Map<String, String> extensions) {
  /**
   * Makes a problem; the extensions are copied.
   *
   * @param type a URI naming the kind of problem, e.g. {@code
   *     https://sstc-exchange.org/problems/precondition-failed}; {@code about:blank} when absent
   * @param title a short summary of the kind of problem
   * @param status the HTTP status the hub gave
   * @param detail what happened this time
   * @param instance the request path
   * @param extensions every other member, name to its value as JSON text: {@code requestId},
   *     {@code currentVersion}, {@code report}, {@code invalidParams}, {@code limit}, ...
   */
  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(instance, "instance");
    extensions = Map.copyOf(extensions);
  }

  /**
   * The last segment of the type, e.g. {@code "precondition-failed"}: stable, good to switch on.
   *
   * @return the type's last path segment
   */
  public String slug() {
    int slash = type.lastIndexOf('/');
    return slash < 0 ? type : type.substring(slash + 1);
  }

  /**
   * One extension member.
   *
   * @param name the member's name, e.g. {@code "currentVersion"}
   * @return its value as JSON text (e.g. {@code 3}, {@code "abc"} with its quotes, or an object),
   *     or empty when the problem has no such member
   */
  public Optional<String> extension(String name) {
    return Optional.ofNullable(extensions.get(name));
  }
}
