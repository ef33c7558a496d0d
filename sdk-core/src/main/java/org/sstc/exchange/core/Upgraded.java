package org.sstc.exchange.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A document that {@link Upgrader} rewrote as a later version of the standard, with what it
 * changed.
 *
 * @since 1.1
 */
public final class Upgraded {
  private final byte[] json;
  private final String fromVersion;
  private final String toVersion;
  private final List<String> changes;
  private final ValidationReport report;

  Upgraded(byte[] json, String fromVersion, String toVersion, List<String> changes, ValidationReport report) {
    this.json = json;
    this.fromVersion = fromVersion;
    this.toVersion = toVersion;
    this.changes = List.copyOf(changes);
    this.report = report;
  }

  /**
   * The upgraded document.
   *
   * @return UTF-8 JSON, indented, members in their original order; a new array on each call
   */
  public byte[] json() {
    return json.clone();
  }

  /**
   * The upgraded document as text.
   *
   * @return the same JSON as {@link #json()}
   */
  public String jsonText() {
    return new String(json, StandardCharsets.UTF_8);
  }

  /**
   * The version the document followed.
   *
   * @return e.g. {@code "1.0"}
   */
  public String fromVersion() {
    return fromVersion;
  }

  /**
   * The version the document follows now.
   *
   * @return e.g. {@code "1.1"}
   */
  public String toVersion() {
    return toVersion;
  }

  /**
   * What the upgrade changed, one line a change: {@code /initiatives/0/schemaVersion: "1.0" ->
   * "1.1"}.
   *
   * @return the changes in document order; empty when the document already followed the target
   */
  public List<String> changes() {
    return changes;
  }

  /**
   * The upgraded document's validation report: valid, with the warnings it had before.
   *
   * @return the report of the upgraded document
   */
  public ValidationReport report() {
    return report;
  }

  @Override
  public String toString() {
    return "Upgraded{" + fromVersion + " -> " + toVersion + ", " + changes.size() + " change(s)}";
  }
}
