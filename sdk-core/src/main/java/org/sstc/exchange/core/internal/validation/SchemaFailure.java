package org.sstc.exchange.core.internal.validation;

import com.networknt.schema.Error;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One schema failure as networknt 3.0.9 reports it, reduced to what {@link SchemaMessages} words
 * an issue from: networknt's own {@link Error}s become these, and so do the failures {@link
 * FastSchema#explain} finds without networknt, so that both give the same issues.
 *
 * @param keyword the keyword that failed ({@code required}, {@code pattern} …)
 * @param instanceLocation where, as a JSON Pointer ({@code ""} for the document)
 * @param property the member a {@code required} or {@code additionalProperties} failure names
 * @param instanceNode the value that failed
 * @param schemaNode the keyword's value in the schema (the pattern, the bound, the allowed values)
 * @param schemaLocation the keyword's place in the schemas, e.g. {@code …common.schema.json#/$defs/orgId/pattern}
 * @param evaluationPath the path of keywords that led there (networknt's; when explained, only
 *     whether an anyOf did: {@code "/anyOf/"})
 * @param message networknt's own message, for the keywords {@link SchemaMessages} has no words of its own for
 */
record SchemaFailure(
    String keyword,
    String instanceLocation,
    @Nullable String property,
    @Nullable JsonNode instanceNode,
    @Nullable JsonNode schemaNode,
    String schemaLocation,
    String evaluationPath,
    String message) {

  static SchemaFailure of(Error error) {
    String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    return new SchemaFailure(
        error.getKeyword() == null ? "invalid" : error.getKeyword(),
        location.equals("/") ? "" : location,
        error.getProperty(),
        error.getInstanceNode(),
        error.getSchemaNode(),
        String.valueOf(error.getSchemaLocation()),
        String.valueOf(error.getEvaluationPath()),
        String.valueOf(error.getMessage()));
  }

  /** The same failure inside a branch of an anyOf that no branch satisfies (SchemaCheck words those as one). */
  SchemaFailure underAnyOf() {
    return new SchemaFailure(keyword, instanceLocation, property, instanceNode, schemaNode, schemaLocation,
        "/anyOf/" + evaluationPath, message);
  }

  /** A failure found by the fast check, which explains only keywords that need no networknt message. */
  static SchemaFailure explained(String keyword, String instanceLocation, @Nullable String property,
      @Nullable JsonNode instanceNode, @Nullable JsonNode schemaNode, String schemaLocation) {
    return new SchemaFailure(keyword, instanceLocation, property, instanceNode, schemaNode, schemaLocation, "", "");
  }
}
