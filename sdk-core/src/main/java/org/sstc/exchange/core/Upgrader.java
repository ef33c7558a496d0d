package org.sstc.exchange.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sstc.exchange.core.internal.json.JsonLimits;
import org.sstc.exchange.core.internal.json.JsonSupport;
import org.sstc.exchange.core.internal.validation.SchemaCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites records of an earlier minor version of the standard as a later one: a {@code "1.0"}
 * initiative, organisation or package (with every record in it) becomes {@code "1.1"}.
 *
 * <p>A minor version only adds optional members, so an upgrade loses nothing: every member,
 * extension and member this SDK does not know stays as it was, in its order. The document is
 * validated first and refused, with its report, when it has an error; the upgraded document is
 * validated again against the version it now declares. What changed is listed, a line a change.
 *
 * <pre>{@code
 * Upgraded upgraded = Upgrader.to("1.1").upgrade(Files.readAllBytes(path));
 * upgraded.changes().forEach(System.out::println);   // /schemaVersion: "1.0" -> "1.1"
 * Files.write(out, upgraded.json());
 * }</pre>
 *
 * @since 1.1
 */
public final class Upgrader {
  private static final Pattern VERSION = Pattern.compile("1\\.[0-9]{1,4}");
  private static final List<String> ARRAYS = List.of("initiatives", "organisations", "solutions");

  private final String target;
  private final Validator validator;
  private final JsonSupport json = new JsonSupport(JsonLimits.DEFAULT);

  private Upgrader(String target, Validator validator) {
    this.target = target;
    this.validator = validator;
  }

  /**
   * An upgrader to one version of the standard.
   *
   * @param version the version to write, e.g. {@code "1.1"}: a 1.x version this SDK knows
   * @return an upgrader; thread-safe
   * @throws IllegalArgumentException if this SDK does not know the version, naming those it does
   */
  public static Upgrader to(String version) {
    Objects.requireNonNull(version, "version");
    if (!VERSION.matcher(version).matches() || minor(version) > minor(SchemaCheck.newestBundledVersion())) {
      throw new IllegalArgumentException(
          "cannot upgrade to version '" + version + "': this SDK writes versions 1.0 to "
              + SchemaCheck.newestBundledVersion() + " of the standard");
    }
    return new Upgrader(version, Validator.standard());
  }

  /**
   * The version this upgrader writes.
   *
   * @return e.g. {@code "1.1"}
   */
  public String targetVersion() {
    return target;
  }

  /**
   * Upgrades one JSON document: a record, or a package and every record in it.
   *
   * @param document the document, UTF-8 JSON; not null
   * @return the upgraded document and what changed; when the document already follows the target
   *     version, the same members and no change
   * @throws ValidationException if the document has an error, with its report: nothing is
   *     upgraded
   * @throws IllegalArgumentException if the document follows a later version than the target
   *     (an upgrader never downgrades)
   */
  public Upgraded upgrade(byte[] document) {
    Objects.requireNonNull(document, "document");
    ValidationReport before = validator.validate(document);
    if (!before.valid()) {
      throw new ValidationException("The document", before);
    }
    ObjectNode tree = (ObjectNode) json.strictMapper().readTree(document);
    String from = tree.path("schemaVersion").asString("");
    if (minor(from) > minor(target)) {
      throw new IllegalArgumentException(
          "the document follows version " + from + ", later than " + target
              + ": an upgrade never goes back to an earlier version");
    }
    List<String> changes = new ArrayList<>();
    setVersion(tree, "", changes);
    if ("package".equals(tree.path("recordType").asString(""))) {
      for (String array : ARRAYS) {
        JsonNode records = tree.get(array);
        if (records != null && records.isArray()) {
          for (int i = 0; i < records.size(); i++) {
            setVersion((ObjectNode) records.get(i), "/" + array + "/" + i, changes);
          }
        }
      }
    }
    byte[] upgraded =
        json.strictMapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
    ValidationReport after = validator.validate(upgraded);
    if (!after.valid()) {
      // An upgrade only changes versions, and a later minor only adds: this is a bug of the SDK.
      throw new IllegalStateException(
          "the upgraded document is not valid as " + target + ", please report this: " + after.errors());
    }
    return new Upgraded(upgraded, from, target, changes, after);
  }

  private void setVersion(ObjectNode record, String at, List<String> changes) {
    String from = record.path("schemaVersion").asString("");
    if (!from.equals(target)) {
      record.put("schemaVersion", target);
      changes.add(at + "/schemaVersion: \"" + from + "\" -> \"" + target + "\"");
    }
  }

  private static int minor(String version) {
    int dot = version.indexOf('.');
    try {
      return dot < 0 ? -1 : Integer.parseInt(version.substring(dot + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return "Upgrader{to " + target + "}";
  }
}
