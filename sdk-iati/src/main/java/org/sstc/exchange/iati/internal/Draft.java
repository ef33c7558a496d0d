package org.sstc.exchange.iati.internal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.LanguageMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record, or a part of one, as the importer reads it: the standard's JSON under construction,
 * which may lack required members, as IATI data does. A model object may not lack them (its
 * {@code build()} refuses), so the importer maps into drafts and binds a draft to the model only
 * when it is complete.
 *
 * <p>Members are named as in the standard's JSON (which are the names of the model's builder
 * methods); setting one to null, or to an empty list or map, leaves it out, as the SDK's writer
 * does. {@link #tree()} gives the members in the model's order ({@link JsonPropertyOrder}), so
 * that an incomplete record's JSON reads like a complete one's.
 */
final class Draft {
  private static final JsonMapper MAPPER = JsonStreams.mapper();

  private final Class<?> model;
  private final Map<String, JsonNode> members = new LinkedHashMap<>();

  private Draft(Class<?> model) {
    this.model = model;
  }

  /** An empty draft of a part (money, a participation …) of the given model type. */
  static Draft of(Class<?> model) {
    return new Draft(model);
  }

  /** A draft of a part that was read whole, as a model object (from the SSTC extension). */
  static Draft of(Class<?> model, Object part) {
    Draft draft = new Draft(model);
    MAPPER.valueToTree(part).properties().forEach(member -> draft.members.put(member.getKey(), member.getValue()));
    return draft;
  }

  /** An empty draft of a record: its {@code recordType}, and the SDK's version unless it is set. */
  static Draft record(Class<?> model, String recordType, String currentVersion) {
    return new Draft(model).set("recordType", recordType).set("schemaVersion", currentVersion);
  }

  /**
   * Sets a member: a string, number, boolean, date, enum, language map or other model value as the
   * SDK writes it; a draft, a list of them, or a JSON value as it is. Null or empty leaves it out.
   */
  Draft set(String name, @Nullable Object value) {
    JsonNode node = value == null ? null : json(value);
    if (node == null || node.isNull() || node.isContainer() && node.isEmpty() && !(value instanceof Draft)) {
      members.remove(name);
    } else {
      members.put(name, node);
    }
    return this;
  }

  /** Sets a decimal the standard writes as text, such as an amount ({@code "1250000.00"}). */
  Draft setDecimalText(String name, @Nullable BigDecimal value) {
    return set(name, value == null ? null : JsonStreams.decimalText(value));
  }

  /** Appends to a list member. */
  Draft add(String name, Object value) {
    JsonNode node = json(value);
    JsonNode list = members.get(name);
    ArrayNode array = list instanceof ArrayNode existing ? existing : MAPPER.createArrayNode();
    array.add(node);
    members.put(name, array);
    return this;
  }

  /** A string member, or null when it is absent or not a string. */
  @Nullable String text(String name) {
    JsonNode node = members.get(name);
    return node != null && node.isString() ? node.asString() : null;
  }

  /** A decimal member (written as text or as a number), or null. */
  @Nullable BigDecimal decimal(String name) {
    JsonNode node = members.get(name);
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.isString() ? ActivityMapper.parseDecimal(node.asString()) : null;
  }

  /** This draft's members as JSON, in the model's order; members the model does not name last. */
  ObjectNode tree() {
    ObjectNode tree = MAPPER.createObjectNode();
    JsonPropertyOrder order = model.getAnnotation(JsonPropertyOrder.class);
    if (order != null) {
      for (String name : order.value()) {
        JsonNode value = members.get(name);
        if (value != null) {
          tree.set(name, value.deepCopy());
        }
      }
    }
    members.forEach((name, value) -> {
      if (!tree.has(name)) {
        tree.set(name, value.deepCopy());
      }
    });
    return tree;
  }

  private static JsonNode json(Object value) {
    if (value instanceof Draft draft) {
      return draft.tree();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof Collection<?> items) {
      List<JsonNode> nodes = new ArrayList<>();
      for (Object item : items) {
        nodes.add(json(item));
      }
      ArrayNode array = MAPPER.createArrayNode();
      array.addAll(nodes);
      return array;
    }
    // The common values directly, as the SDK's writer gives them: valueToTree costs a serialization.
    if (value instanceof String text) {
      return MAPPER.getNodeFactory().stringNode(text);
    }
    if (value instanceof Boolean flag) {
      return MAPPER.getNodeFactory().booleanNode(flag);
    }
    if (value instanceof Integer number) {
      return MAPPER.getNodeFactory().numberNode(number);
    }
    if (value instanceof BigDecimal decimal) {
      return MAPPER.getNodeFactory().numberNode(decimal);
    }
    if (value instanceof java.time.LocalDate date) {
      return MAPPER.getNodeFactory().stringNode(date.toString()); // ISO 8601, yyyy-MM-dd
    }
    if (value instanceof Enum<?> constant) {
      return MAPPER.getNodeFactory().stringNode(constant.toString()); // the model's enums: toString() is the code
    }
    if (value instanceof LanguageMap texts) {
      ObjectNode object = MAPPER.createObjectNode();
      texts.asMap().forEach(object::put);
      return object;
    }
    if (value instanceof Map<?, ?> map && !map.isEmpty() && map.values().stream().allMatch(JsonNode.class::isInstance)) {
      ObjectNode object = MAPPER.createObjectNode();
      map.forEach((key, item) -> object.set(String.valueOf(key), (JsonNode) item));
      return object;
    }
    return MAPPER.valueToTree(value);
  }
}
