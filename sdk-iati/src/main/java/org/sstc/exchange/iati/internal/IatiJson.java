package org.sstc.exchange.iati.internal;

import org.sstc.exchange.core.JsonStreams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON inside the SSTC extension (extension values), read with the SDK's own limits. */
final class IatiJson {
  private static final JsonMapper MAPPER = JsonStreams.mapper();

  private IatiJson() {}

  static JsonNode readValue(String json) {
    return MAPPER.readTree(json);
  }

  static String write(JsonNode value) {
    return MAPPER.writeValueAsString(value);
  }

  /** A part of a record (a budget, a transaction …) as the JSON the standard gives it. */
  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }
}
