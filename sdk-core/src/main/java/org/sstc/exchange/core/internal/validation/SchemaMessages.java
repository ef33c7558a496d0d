package org.sstc.exchange.core.internal.validation;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import tools.jackson.databind.JsonNode;

/**
 * Words for schema failures: networknt says what failed in schema terms; a programme officer
 * needs to know which value, what the standard expects there, and what to write instead.
 */
final class SchemaMessages {
  /** What the standard expects, by property name, for the values whose form is fixed. */
  private static final Map<String, String> FORMS =
      Map.ofEntries(
          Map.entry("id", "an identifier without spaces or any of / ? # & |"),
          Map.entry("orgId", "an org-id such as 'XM-DAC-41114' (registration agency prefix, then the identifier)"),
          Map.entry("parentId", "an org-id such as 'XM-DAC-41114'"),
          Map.entry("providerId", "the id of one of the initiative's participants"),
          Map.entry("receiverId", "the id of one of the initiative's participants"),
          Map.entry("amount", "a decimal number written as a string, such as \"1250000.00\" (no sign, no thousands separators)"),
          Map.entry("currency", "an ISO 4217 code in capitals, such as 'USD'"),
          Map.entry("country", "an ISO 3166-1 alpha-2 code in capitals, such as 'MZ'"),
          Map.entry("code", "a code from the list the field names"),
          Map.entry("goal", "an SDG goal number from \"1\" to \"17\""),
          Map.entry("target", "an SDG target such as \"2.3\" or \"2.a\""),
          Map.entry("indicator", "an SDG indicator such as \"2.3.1\""),
          Map.entry("sdgIndicator", "an SDG indicator such as \"2.3.1\""),
          Map.entry("schemaVersion", "a 1.x version such as \"1.0\""),
          Map.entry("value", "a decimal number written as a string, such as \"42.5\""),
          Map.entry("format", "a media type such as 'application/pdf'"));

  private SchemaMessages() {}

  static @Nullable Issue toIssue(SchemaFailure error) {
    String keyword = error.keyword();
    String at = error.instanceLocation();
    JsonNode value = error.instanceNode();
    String property = error.property();
    String field = lastSegment(at);
    switch (keyword) {
      case "required":
        {
          String pointer = at + "/" + Pointer.escape(String.valueOf(property));
          return SchemaCheck.issue(
              "schema.required",
              pointer,
              "'" + property + "' is missing" + inside(at) + ": the standard requires it; add it",
              null);
        }
      case "additionalProperties":
      case "unevaluatedProperties":
        {
          String pointer = at + "/" + Pointer.escape(String.valueOf(property));
          return SchemaCheck.issue(
              "schema." + keyword,
              pointer,
              "'"
                  + property
                  + "' is not a property the standard defines"
                  + inside(at)
                  + ": check its spelling, remove it, or move it under 'extensions' with a"
                  + " namespaced key such as 'myorg:"
                  + property
                  + "'",
              null);
        }
      case "propertyNames":
        return SchemaCheck.issue(
            "schema.propertyNames",
            property != null ? at + "/" + Pointer.escape(property) : at,
            (property != null ? "the key '" + property + "'" : "a key")
                + inside(at)
                + " is not allowed here: "
                + (at.endsWith("/extensions") || at.equals("/extensions")
                    ? "extension keys are namespaced, such as 'wfp:matchingScore'"
                    : "language keys are BCP 47 tags such as 'en', 'fr' or 'pt-BR'"),
            null);
      case "type":
        return SchemaCheck.issue(
            "schema.type",
            at,
            describe(value) + " is " + jsonType(value) + ", but " + where(at) + " must be "
                + expectedType(error) + typeHint(field, value),
            value);
      case "enum":
        return SchemaCheck.issue(
            "schema.enum",
            at,
            describe(value) + " is not allowed for " + where(at) + "; use one of " + list(error.schemaNode()),
            value);
      case "const":
        return SchemaCheck.issue(
            "schema.const",
            at,
            describe(value) + " is not allowed for " + where(at) + "; it must be " + error.schemaNode(),
            value);
      case "pattern":
        if (value != null && error.schemaLocation().contains("/$defs/orgId/")) {
          // An org id wherever it sits (/reportingOrg/id too, whose field name says only 'id').
          return OrgIdChecks.patternFailure(at, value);
        }
        return SchemaCheck.issue(
            "schema.pattern",
            at,
            describe(value) + " does not have the form the standard expects for " + where(at)
                + ": " + FORMS.getOrDefault(field, "it must match " + error.schemaNode()),
            value);
      case "format":
        return SchemaCheck.issue(
            "schema.format",
            at,
            describe(value) + " is not a valid " + formatName(error) + " for " + where(at),
            value);
      case "minItems":
        return SchemaCheck.issue(
            "schema.minItems",
            at,
            where(at) + " needs at least " + error.schemaNode() + " item(s)",
            null);
      case "maxItems":
        return SchemaCheck.issue(
            "schema.maxItems", at, where(at) + " has more than " + error.schemaNode() + " items", null);
      case "minLength":
        return SchemaCheck.issue(
            "schema.minLength", at, where(at) + " must not be empty", value);
      case "maxLength":
        return SchemaCheck.issue(
            "schema.maxLength", at, where(at) + " is longer than " + error.schemaNode() + " characters", null);
      case "minProperties":
        return SchemaCheck.issue(
            "schema.minProperties",
            at,
            where(at) + " must have at least one entry, e.g. {\"en\": \"…\"}",
            null);
      case "minimum":
      case "exclusiveMinimum":
        return SchemaCheck.issue(
            "schema." + keyword, at, describe(value) + " is too small for " + where(at) + " (minimum " + error.schemaNode() + ")", value);
      case "maximum":
      case "exclusiveMaximum":
        return SchemaCheck.issue(
            "schema." + keyword, at, describe(value) + " is too large for " + where(at) + " (maximum " + error.schemaNode() + ")", value);
      case "uniqueItems":
        return SchemaCheck.issue(
            "schema.uniqueItems", at, where(at) + " lists the same value twice; keep each once", null);
      case "anyOf":
        if (at.endsWith("/dates") || at.equals("/dates")) {
          return SchemaCheck.issue(
              "schema.anyOf",
              at,
              "the dates need at least one start: give 'plannedStart' or 'actualStart' (YYYY-MM-DD)",
              null);
        }
        return SchemaCheck.issue(
            "schema.anyOf", at, where(at) + " matches none of the forms the standard allows", null);
      case "oneOf":
      case "allOf":
      case "not":
      case "if":
      case "then":
      case "else":
      case "dependentRequired":
      default:
        return SchemaCheck.issue("schema." + keyword, at, where(at) + ": " + error.message(), value);
    }
  }

  private static String lastSegment(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash < 0 ? pointer : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
  }

  /** The field a pointer names, for messages: {@code /sdgs/0/target} is 'target'. */
  private static String where(String pointer) {
    String field = fieldName(pointer);
    return field.isEmpty() ? "the document" : "'" + field + "'";
  }

  private static String inside(String pointer) {
    String field = fieldName(pointer);
    return field.isEmpty() ? "" : " in '" + field + "'";
  }

  private static String fieldName(String pointer) {
    String[] segments = pointer.split("/");
    for (int i = segments.length - 1; i > 0; i--) {
      if (!segments[i].chars().allMatch(Character::isDigit)) {
        return segments[i].replace("~1", "/").replace("~0", "~");
      }
    }
    return "";
  }

  static String describe(@Nullable JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "the value";
    }
    String text = value.toString();
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private static String jsonType(@Nullable JsonNode value) {
    if (value == null) {
      return "missing";
    }
    if (value.isString()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isObject()) {
      return "an object";
    }
    return "null";
  }

  private static String expectedType(SchemaFailure error) {
    JsonNode schema = error.schemaNode();
    String type = schema == null ? "" : schema.isString() ? schema.asString() : schema.toString();
    switch (type) {
      case "object":
        return "an object";
      case "array":
        return "an array";
      case "string":
        return "a string";
      case "number":
        return "a number";
      case "integer":
        return "a whole number";
      case "boolean":
        return "true or false";
      default:
        return type;
    }
  }

  private static String typeHint(String field, @Nullable JsonNode value) {
    if (value != null && value.isNumber() && (field.equals("amount") || field.equals("value"))) {
      return ": write it in quotes, e.g. \"" + value.asString() + "\", so that no tool rounds it";
    }
    return "";
  }

  private static String formatName(SchemaFailure error) {
    JsonNode schema = error.schemaNode();
    String format = schema == null ? "" : schema.asString();
    switch (format) {
      case "date":
        return "date (write YYYY-MM-DD, e.g. 2019-06-30)";
      case "date-time":
        return "date and time (write RFC 3339 with a zone, e.g. 2019-06-30T12:00:00Z)";
      case "uri":
        return "absolute URL (e.g. https://example.org/report.pdf)";
      default:
        return format;
    }
  }

  private static String list(@Nullable JsonNode values) {
    if (values == null || !values.isArray()) {
      return String.valueOf(values);
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode value : values) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(value.isString() ? value.asString() : value.toString());
    }
    return text.toString();
  }
}
