package org.sstc.exchange.core.internal.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Severity;
import org.sstc.exchange.schema.StandardFiles;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema check: the standard's bundled schemas, compiled once with networknt and shared
 * by every thread. Schemas are resolved from the jar by their {@code $id}; nothing is ever fetched
 * from the network.
 */
public final class SchemaCheck {
  /** The base of every schema's {@code $id}. */
  public static final String ID_BASE = "https://sstc-exchange.org/schema/";

  private final Map<String, Schema> byRecordType;
  private final Schema reportSchema;

  public SchemaCheck(String version) {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemaRegistryConfig(config)
                    .schemaLoader(loader -> loader.fetchRemoteResources(false))
                    .schemas(SchemaCheck::bundled));
    this.byRecordType =
        Map.of(
            "initiative", load(registry, version, "initiative"),
            "organisation", load(registry, version, "organisation"),
            "package", load(registry, version, "package"));
    this.reportSchema = load(registry, version, "validation-report");
  }

  private static Schema load(SchemaRegistry registry, String version, String name) {
    Schema schema =
        registry.getSchema(SchemaLocation.of(ID_BASE + version + "/" + name + ".schema.json"));
    schema.initializeValidators(); // compile now, not on the first document
    return schema;
  }

  /** Maps a schema {@code $id} to the bundled file; anything else is unknown (null). */
  private static @Nullable String bundled(String iri) {
    if (!iri.startsWith(ID_BASE)) {
      return null;
    }
    String path = iri.substring(ID_BASE.length());
    if (!StandardFiles.exists(path)) {
      return null;
    }
    try (InputStream in = StandardFiles.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates a record or package envelope; the type must be a known record type. */
  public List<Issue> check(String recordType, JsonNode document) {
    Schema schema = byRecordType.get(recordType);
    if (schema == null) {
      throw new IllegalArgumentException("unknown record type " + recordType);
    }
    return toIssues(schema.validate(document));
  }

  /** Validates a validation report written as JSON. */
  public List<Issue> checkReport(JsonNode report) {
    return toIssues(reportSchema.validate(report));
  }

  private static List<Issue> toIssues(List<Error> errors) {
    List<Issue> issues = new ArrayList<>(errors.size());
    java.util.Set<String> anyOfReported = new java.util.HashSet<>();
    for (Error error : errors) {
      String evaluationPath = String.valueOf(error.getEvaluationPath());
      if (evaluationPath.contains("/anyOf/")) {
        // networknt reports each failed branch of an anyOf; the standard's code names the
        // keyword that failed, anyOf, once, at the object that matched no branch.
        String at = String.valueOf(error.getInstanceLocation());
        if (anyOfReported.add(at)) {
          issues.add(anyOf(at.equals("/") ? "" : at));
        }
        continue;
      }
      Issue issue = SchemaMessages.toIssue(error);
      if (issue != null && !issues.contains(issue)) {
        issues.add(issue);
      }
    }
    return issues;
  }

  private static Issue anyOf(String at) {
    if (at.endsWith("/dates")) {
      return issue(
          "schema.anyOf",
          at,
          "the dates need at least one start: give 'plannedStart' or 'actualStart' (YYYY-MM-DD)",
          null);
    }
    return issue("schema.anyOf", at, "this value matches none of the forms the standard allows here", null);
  }

  static Issue issue(String code, String pointer, String message, @Nullable JsonNode value) {
    return new Issue(Severity.ERROR, code, pointer, message, value, null);
  }
}
