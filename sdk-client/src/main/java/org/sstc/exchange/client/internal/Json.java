package org.sstc.exchange.client.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationException;
import tools.jackson.databind.JsonNode;

/**
 * Reading the hub's JSON: parsed strictly by {@link SstcJson#readTree} (the core's limits),
 * fields taken with checks that name what was missing.
 */
public final class Json {
  private Json() {}

  /** Parses a response body. */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw new MalformedResponseException("the response body is empty, JSON was expected");
    }
    try {
      return SstcJson.standard().readTree(body);
    } catch (ValidationException e) {
      throw new MalformedResponseException(
          "the response body is not valid JSON (" + firstIssue(e) + ")", e);
    }
  }

  /**
   * Binds a record the hub sent. It is parsed strictly but not validated again: the hub validated
   * it when it was written, and validation costs many times what the round trip does.
   */
  public static <T extends SstcRecord> T record(byte[] json, Class<T> type) {
    return record(parse(json), type);
  }

  /** Binds a record inside a larger response. */
  public static <T extends SstcRecord> T record(JsonNode node, Class<T> type) {
    if (!node.isObject()) {
      throw new MalformedResponseException("a record in the response is not a JSON object");
    }
    try {
      return SstcJson.standard().bind(node, type);
    } catch (ValidationException e) {
      throw new MalformedResponseException(
          "the hub sent a " + type.getSimpleName() + " that does not read as one ("
              + firstIssue(e) + ")", e);
    }
  }

  public static JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw missing(field, "an object");
    }
    return node;
  }

  public static JsonNode array(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isArray()) {
      throw missing(field, "an array");
    }
    return node;
  }

  public static String string(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isString()) {
      throw missing(field, "a string");
    }
    return node.stringValue();
  }

  public static @Nullable String optionalString(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    return node != null && node.isString() ? node.stringValue() : null;
  }

  public static long integer(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw missing(field, "an integer");
    }
    return node.longValue();
  }

  public static OptionalLong optionalInteger(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    return node != null && node.isIntegralNumber() && node.canConvertToLong()
        ? OptionalLong.of(node.longValue())
        : OptionalLong.empty();
  }

  public static OffsetDateTime dateTime(JsonNode parent, String field) {
    String value = string(parent, field);
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException(
          "\"" + field + "\" in the response is not an RFC 3339 date-time: " + value, e);
    }
  }

  private static MalformedResponseException missing(String field, String what) {
    return new MalformedResponseException("\"" + field + "\" in the response is missing or not " + what);
  }

  private static String firstIssue(ValidationException e) {
    return e.report().errors().stream().findFirst().map(Object::toString).orElse("no detail");
  }
}
