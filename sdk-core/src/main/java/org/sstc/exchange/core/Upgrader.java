package org.sstc.exchange.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sstc.exchange.core.internal.json.JsonLimits;
import org.sstc.exchange.core.internal.json.JsonSupport;
import org.sstc.exchange.core.internal.validation.Engine;
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

  /** An upgrade holds the file and its upgrade in memory: larger files are refused, not read. */
  static final long MAX_FILE_BYTES = 256L << 20;

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
    int minor = SchemaCheck.minorOf(version);
    if (minor < 0 || minor > SchemaCheck.minorOf(SchemaCheck.newestBundledVersion())) {
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
    List<String> changes = new ArrayList<>();
    String from = upgradeTree(tree, "", changes);
    byte[] upgraded =
        json.strictMapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
    return new Upgraded(upgraded, from, target, changes, checked(validator.validate(upgraded)));
  }

  /**
   * Upgrades a file: NDJSON (one record a line, written back one a line) if its name ends in
   * {@code .ndjson} or {@code .jsonl}, else one JSON document, as {@link #upgrade(byte[])}.
   *
   * @param file the file, UTF-8; not changed
   * @return the upgraded content and what changed; for NDJSON each change's pointer starts with
   *     the record's zero-based line index, {@code /3/schemaVersion}
   * @throws ValidationException if any record has an error, with the file's report
   * @throws IllegalArgumentException if a record follows a later version than the target, or the
   *     file is larger than 256 MiB (an upgrade is held in memory: split such a file first)
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public Upgraded upgrade(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] content;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(
            file + " is " + size + " bytes; an upgrade holds a file in memory, up to "
                + (MAX_FILE_BYTES >> 20) + " MiB: split it (NDJSON splits at any line) and upgrade the parts");
      }
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    if (Validator.Format.of(file) == Validator.Format.JSON) {
      return upgrade(content);
    }
    // The bytes already read are validated: the file is read once.
    ValidationReport before = ndjsonReport(content);
    if (!before.valid()) {
      throw new ValidationException(file.toString(), before);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + content.length / 16);
    List<String> changes = new ArrayList<>();
    String from = target;
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
    for (int index = 0; index < lines.length; index++) {
      String line = lines[index];
      if (line.isBlank()) {
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      } else {
        ObjectNode tree = (ObjectNode) json.strictMapper().readTree(line);
        String version = upgradeTree(tree, "/" + index, changes);
        from = SchemaCheck.minorOf(version) < SchemaCheck.minorOf(from) ? version : from;
        out.writeBytes(json.strictMapper().writeValueAsBytes(tree));
        if (line.endsWith("\r")) {
          out.write('\r');
        }
      }
      if (index < lines.length - 1) {
        out.write('\n');
      }
    }
    byte[] upgraded = out.toByteArray();
    return new Upgraded(upgraded, from, target, changes, checked(ndjsonReport(upgraded)));
  }

  /** The report of NDJSON held in memory, pointers and lines as {@link Validator#validate(Path)} gives them. */
  private ValidationReport ndjsonReport(byte[] ndjson) {
    List<Issue> issues = new ArrayList<>();
    validator.validateStream(new ByteArrayInputStream(ndjson), Validator.Format.NDJSON, issues::add);
    return ValidationReport.of(issues);
  }

  /** Sets the version of a record, or of a package and its records; returns the version it had. */
  private String upgradeTree(ObjectNode tree, String at, List<String> changes) {
    String from = tree.path("schemaVersion").asString("");
    if (SchemaCheck.minorOf(from) > SchemaCheck.minorOf(target)) {
      throw new IllegalArgumentException(
          "the document follows version " + from + ", later than " + target
              + ": an upgrade never goes back to an earlier version");
    }
    setVersion(tree, at, changes);
    if ("package".equals(tree.path("recordType").asString(""))) {
      for (String array : Engine.PACKAGE_ARRAYS.keySet()) {
        JsonNode records = tree.get(array);
        if (records != null && records.isArray()) {
          for (int i = 0; i < records.size(); i++) {
            setVersion((ObjectNode) records.get(i), at + "/" + array + "/" + i, changes);
          }
        }
      }
    }
    return from;
  }

  private ValidationReport checked(ValidationReport after) {
    if (!after.valid()) {
      // An upgrade only changes versions, and a later minor only adds: this is a bug of the SDK.
      throw new IllegalStateException(
          "the upgraded document is not valid as " + target + ", please report this: " + after.errors());
    }
    return after;
  }

  private void setVersion(ObjectNode record, String at, List<String> changes) {
    String from = record.path("schemaVersion").asString("");
    if (!from.equals(target)) {
      record.put("schemaVersion", target);
      changes.add(at + "/schemaVersion: \"" + from + "\" -> \"" + target + "\"");
    }
  }

  @Override
  public String toString() {
    return "Upgrader{to " + target + "}";
  }
}
