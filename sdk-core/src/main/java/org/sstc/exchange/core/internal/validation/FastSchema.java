package org.sstc.exchange.core.internal.validation;

import com.networknt.schema.regex.RegularExpressions;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A bundled schema compiled once into a tree of small checkers that answer, for a record, {@link
 * Verdict#VALID} (networknt certainly reports no error), {@link Verdict#INVALID} (it certainly
 * reports one) or {@link Verdict#UNKNOWN}. {@link SchemaCheck} skips networknt on VALID, and on
 * INVALID when {@link #explain} can list every failure networknt would report, in its order
 * (keywords that fail as a whole, required, properties, additionalProperties, items, allOf, anyOf,
 * the branch an if chose); otherwise networknt explains the record, so issue codes, pointers and
 * messages do not change.
 *
 * <p>Soundness is the point, speed comes second: each keyword claims certainty only where its
 * meaning is the same as networknt 3.0.9's (patterns with networknt's own rewriting of {@code $},
 * lengths in code points, numbers compared exactly, strings compared strictly, formats on strict
 * subsets of what networknt accepts). A keyword the compiler does not know makes its whole
 * subschema UNKNOWN, never VALID; {@link #unsupported()} names where, so that a test sees the fast
 * path stop working.
 */
final class FastSchema {
  /** What the fast check can say of a value against a (sub)schema. */
  enum Verdict {
    VALID,
    INVALID,
    UNKNOWN
  }

  /** One compiled (sub)schema or keyword. */
  @FunctionalInterface
  interface Checker {
    Verdict check(JsonNode value);
  }

  private static final Checker ALWAYS_VALID = value -> Verdict.VALID;
  private static final Checker ALWAYS_INVALID = value -> Verdict.INVALID;
  private static final Checker ALWAYS_UNKNOWN = value -> Verdict.UNKNOWN;

  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** Keywords that never change the outcome of a validation. */
  private static final Set<String> ANNOTATIONS =
      Set.of("title", "description", "default", "examples", "$comment", "$defs");

  /**
   * How a compiled (sub)schema lists, for a value at the JSON Pointer {@code at}, exactly the
   * failures networknt reports, in networknt's order; false where the fast check is not certain
   * of them (then {@code out} is to be thrown away). A tree beside the checkers, so that checking
   * a valid record costs what it did before explanations existed.
   */
  @FunctionalInterface
  interface Explanation {
    boolean explain(JsonNode value, String at, List<SchemaFailure> out);
  }

  /** A (sub)schema or keyword compiled: its check and its explanation. */
  private record Compiled(Checker check, Explanation explanation) {}

  /** Nothing to report, whatever the value (annotations, a true schema). */
  private static final Explanation NOTHING = (value, at, out) -> true;

  /** Not certain of networknt's failures, whatever the value. */
  private static final Explanation UNCERTAIN = (value, at, out) -> false;

  private static final Compiled VALID_ALWAYS = new Compiled(ALWAYS_VALID, NOTHING);
  private static final Compiled UNKNOWN_ALWAYS = new Compiled(ALWAYS_UNKNOWN, UNCERTAIN);
  /** A false schema: explained only where networknt names the keyword (additionalProperties). */
  private static final Compiled INVALID_ALWAYS = new Compiled(ALWAYS_INVALID, UNCERTAIN);

  private final Compiled root;
  private final List<String> unsupported;

  private FastSchema(Compiled root, List<String> unsupported) {
    this.root = root;
    this.unsupported = List.copyOf(unsupported);
  }

  /**
   * Compiles the schema with this {@code $id}, following its {@code $ref}s into the other
   * documents {@code documents} gives by {@code $id} (null: not available, so UNKNOWN).
   */
  static FastSchema compile(String id, Function<String, @Nullable JsonNode> documents) {
    Compiler compiler = new Compiler(documents);
    Compiled root = compiler.ref(URI.create(id), "");
    return new FastSchema(root, new ArrayList<>(compiler.unsupported));
  }

  Verdict check(JsonNode record) {
    return root.check().check(record);
  }

  /**
   * The failures networknt would report for a record, found without it, or null where the fast
   * check cannot be certain of every one (a format or a number it leaves to networknt …). Never
   * an empty list: a record without failures is VALID, and {@link #check} says so.
   */
  @Nullable List<SchemaFailure> explain(JsonNode record) {
    List<SchemaFailure> failures = new ArrayList<>();
    return root.explanation().explain(record, "", failures) && !failures.isEmpty() ? failures : null;
  }

  /** Where the compiler met something it cannot decide (keyword, format, reference): empty when the fast path can fire everywhere. */
  List<String> unsupported() {
    return unsupported;
  }

  /** Compiles one schema and everything it references; each referenced subschema once. */
  private static final class Compiler {
    private final Function<String, @Nullable JsonNode> documents;
    private final Map<String, JsonNode> loaded = new HashMap<>();
    private final Map<String, Compiled> byLocation = new HashMap<>();
    private final Set<String> unsupported = new LinkedHashSet<>();

    Compiler(Function<String, @Nullable JsonNode> documents) {
      this.documents = documents;
    }

    /** The subschema {@code fragment} of document {@code document}, compiled once (a cycle goes through a forward). */
    Compiled ref(URI document, String fragment) {
      String location = document + "#" + fragment;
      Compiled known = byLocation.get(location);
      if (known != null) {
        return known;
      }
      Forward forward = new Forward();
      byLocation.put(location, new Compiled(forward, forward));
      JsonNode doc = load(document.toString());
      Compiled target;
      if (doc == null) {
        target = unknownSchema(location, "document not bundled");
      } else if (!fragment.isEmpty() && (!fragment.startsWith("/") || fragment.indexOf('%') >= 0)) {
        target = unknownSchema(location, "anchor or escaped fragment");
      } else {
        JsonNode schema = fragment.isEmpty() ? doc : doc.at(fragment);
        target =
            schema.isMissingNode()
                ? unknownSchema(location, "no such subschema")
                : compile(schema, document, location, fragment.isEmpty());
      }
      forward.target = target;
      byLocation.put(location, target);
      return target;
    }

    private @Nullable JsonNode load(String document) {
      JsonNode doc = loaded.get(document);
      if (doc == null) {
        doc = documents.apply(document);
        if (doc != null) {
          loaded.put(document, doc);
        }
      }
      return doc;
    }

    private Checker unknown(String location, String why) {
      unsupported.add(location + ": " + why);
      return ALWAYS_UNKNOWN;
    }

    /**
     * A subschema compiled once although two keywords need it (additionalProperties: the check of
     * properties, and its own explanation), kept by location as a referenced one is.
     */
    private Compiled once(JsonNode schema, URI base, String location) {
      Compiled known = byLocation.get(location);
      if (known == null) {
        known = compile(schema, base, location, false);
        byLocation.put(location, known);
      }
      return known;
    }

    private Compiled unknownSchema(String location, String why) {
      unknown(location, why);
      return UNKNOWN_ALWAYS;
    }

    private Compiled compile(JsonNode schema, URI base, String location, boolean documentRoot) {
      if (schema.isBoolean()) {
        return schema.booleanValue() ? VALID_ALWAYS : INVALID_ALWAYS;
      }
      if (!schema.isObject()) {
        return unknownSchema(location, "not a schema");
      }
      // A keyword we do not know may allow what the others forbid (patternProperties and
      // additionalProperties): the whole subschema is UNKNOWN, not merely that keyword.
      for (String keyword : schema.propertyNames()) {
        if (!ANNOTATIONS.contains(keyword) && !Keywords.KNOWN.contains(keyword)) {
          return unknownSchema(location + "/" + keyword, "keyword not compiled");
        }
      }
      if (schema.has("$schema") && !(documentRoot && DIALECT.equals(schema.get("$schema").asString()))) {
        return unknownSchema(location + "/$schema", "another dialect");
      }
      if (schema.has("$id") && !(documentRoot && base.toString().equals(schema.get("$id").asString()))) {
        return unknownSchema(location + "/$id", "embedded resource");
      }
      List<Checker> checks = new ArrayList<>();
      // networknt sorts a schema's keywords so: type, properties, then the rest as written.
      List<Explanation> typeFirst = new ArrayList<>();
      List<Explanation> propertiesNext = new ArrayList<>();
      List<Explanation> others = new ArrayList<>();
      for (var keyword : schema.properties()) {
        Compiled compiled = keyword(keyword.getKey(), keyword.getValue(), schema, base, location + "/" + keyword.getKey());
        if (compiled.check() == ALWAYS_UNKNOWN) {
          return UNKNOWN_ALWAYS; // the keyword said where and why
        }
        if (compiled.check() != ALWAYS_VALID) {
          checks.add(compiled.check());
        }
        if (compiled.explanation() != NOTHING) {
          switch (keyword.getKey()) {
            case "type" -> typeFirst.add(compiled.explanation());
            case "properties" -> propertiesNext.add(compiled.explanation());
            default -> others.add(compiled.explanation());
          }
        }
      }
      List<Explanation> inNetworkntOrder = new ArrayList<>(typeFirst);
      inNetworkntOrder.addAll(propertiesNext);
      inNetworkntOrder.addAll(others);
      return new Compiled(all(checks), Explain.inTurn(inNetworkntOrder));
    }

    private Compiled keyword(String keyword, JsonNode value, JsonNode schema, URI base, String at) {
      return switch (keyword) {
        case "$ref" -> {
          if (!value.isString()) {
            yield unknownSchema(at, "not a reference");
          }
          URI target = base.resolve(value.asString());
          String fragment = target.getRawFragment() == null ? "" : target.getRawFragment();
          URI document = URI.create(target.toString().split("#", 2)[0]);
          yield ref(document, fragment);
        }
        case "type" -> leaf(Keywords.type(value, at, this), keyword, value, at);
        case "properties" -> {
          Map<String, Checker> members = new HashMap<>();
          Map<String, Explanation> explained = new LinkedHashMap<>();
          for (var property : value.properties()) {
            Compiled member = compile(property.getValue(), base, at + "/" + escape(property.getKey()), false);
            members.put(property.getKey(), member.check());
            explained.put(property.getKey(), member.explanation());
          }
          JsonNode others = schema.get("additionalProperties");
          String othersAt = at.substring(0, at.length() - "properties".length()) + "additionalProperties";
          Checker check = Keywords.members(members, others == null ? null : once(others, base, othersAt).check());
          yield new Compiled(check, Explain.declared(explained));
        }
        // With "properties", both are checked in one pass over the members (above); networknt
        // reports additionalProperties in its own place among the keywords.
        case "additionalProperties" -> {
          Compiled others = once(value, base, at);
          Set<String> declared = new HashSet<>();
          schema.path("properties").propertyNames().forEach(declared::add);
          Explanation explanation = Explain.others(declared, others, value, at);
          yield new Compiled(
              schema.has("properties") ? ALWAYS_VALID : Keywords.members(Map.of(), others.check()), explanation);
        }
        case "required" -> {
          Checker check = Keywords.required(value, at, this);
          yield check == ALWAYS_UNKNOWN ? UNKNOWN_ALWAYS : new Compiled(check, Explain.required(value, at));
        }
        case "enum" -> value.isArray() ? leaf(Keywords.oneOfValues(value), keyword, value, at) : unknownSchema(at, "not an array");
        case "const" -> leaf(Keywords.oneOfValues(JsonNodeFactory.instance.arrayNode().add(value)), keyword, value, at);
        case "pattern" -> leaf(Keywords.pattern(value, at, this), keyword, value, at);
        case "minLength" -> leaf(Keywords.minLength(value, at, this), keyword, value, at);
        case "minimum", "maximum" -> leaf(Keywords.bound(keyword.equals("minimum"), value, schema, at, this), keyword, value, at);
        case "minItems" -> leaf(Keywords.minSize(value, at, this, JsonNode::isArray), keyword, value, at);
        case "minProperties" -> leaf(Keywords.minSize(value, at, this, JsonNode::isObject), keyword, value, at);
        case "items" -> {
          Compiled each = compile(value, base, at, false);
          yield new Compiled(Keywords.items(each.check()), Explain.items(each.explanation()));
        }
        case "contains" -> verdictOnly(Keywords.contains(compile(value, base, at, false).check()));
        case "uniqueItems" -> value.isBoolean()
            ? (value.booleanValue() ? leaf(Keywords.UNIQUE_ITEMS, keyword, value, at) : VALID_ALWAYS)
            : unknownSchema(at, "not a boolean");
        case "propertyNames" -> verdictOnly(Keywords.propertyNames(compile(value, base, at, false).check()));
        case "allOf", "anyOf" -> {
          if (!value.isArray() || value.isEmpty()) {
            yield unknownSchema(at, "not a non-empty array");
          }
          List<Checker> branches = new ArrayList<>();
          List<Explanation> explained = new ArrayList<>();
          for (int i = 0; i < value.size(); i++) {
            Compiled branch = compile(value.get(i), base, at + "/" + i, false);
            branches.add(branch.check());
            explained.add(branch.explanation());
          }
          if (keyword.equals("allOf")) {
            yield new Compiled(all(branches), Explain.inTurn(explained));
          }
          Checker check = any(branches);
          yield new Compiled(check, Explain.anyOf(check, explained));
        }
        case "if" -> {
          Compiled condition = compile(value, base, at, false);
          Compiled then = schema.has("then") ? compile(schema.get("then"), base, at.replaceAll("/if$", "/then"), false) : VALID_ALWAYS;
          Compiled otherwise = schema.has("else") ? compile(schema.get("else"), base, at.replaceAll("/if$", "/else"), false) : VALID_ALWAYS;
          yield new Compiled(Keywords.ifThenElse(condition.check(), then.check(), otherwise.check()),
              Explain.ifThenElse(condition.check(), then.explanation(), otherwise.explanation()));
        }
        case "then", "else" -> VALID_ALWAYS; // compiled with their "if"; without one they do nothing
        case "format" -> verdictOnly(Keywords.format(value, at, this));
        case "$schema", "$id" -> VALID_ALWAYS; // checked above
        default -> ANNOTATIONS.contains(keyword) ? VALID_ALWAYS : unknownSchema(at, "keyword not compiled");
      };
    }

    /** A keyword that fails as a whole, explained as one failure at the value. */
    private static Compiled leaf(Checker check, String keyword, JsonNode schemaNode, String schemaAt) {
      if (check == ALWAYS_UNKNOWN) {
        return UNKNOWN_ALWAYS;
      }
      return new Compiled(check, Explain.leaf(check, keyword, schemaNode, schemaAt));
    }

    /** A keyword explained only when it holds (then networknt reports nothing of it). */
    private static Compiled verdictOnly(Checker check) {
      return check == ALWAYS_UNKNOWN ? UNKNOWN_ALWAYS : new Compiled(check, (value, at, out) -> check.check(value) == Verdict.VALID);
    }

    /** Reports why a keyword is UNKNOWN (for {@link Keywords}). */
    Checker cannot(String at, String why) {
      return unknown(at, why);
    }
  }

  /** Stands for a subschema still being compiled, so that a recursive {@code $ref} terminates. */
  private static final class Forward implements Checker, Explanation {
    private @Nullable Compiled target;

    @Override
    public Verdict check(JsonNode value) {
      Compiled resolved = target;
      return resolved == null ? Verdict.UNKNOWN : resolved.check().check(value);
    }

    @Override
    public boolean explain(JsonNode value, String at, List<SchemaFailure> out) {
      Compiled resolved = target;
      return resolved != null && resolved.explanation().explain(value, at, out);
    }
  }

  /** The explanations of the keywords that networknt reports in its own words (see {@link SchemaMessages}). */
  private static final class Explain {
    private Explain() {}

    /** Each in turn (a schema's keywords, an allOf's branches): all their failures, in order. */
    static Explanation inTurn(List<Explanation> each) {
      if (each.isEmpty()) {
        return NOTHING;
      }
      if (each.size() == 1) {
        return each.get(0);
      }
      Explanation[] all = each.toArray(Explanation[]::new);
      return (value, at, out) -> {
        for (Explanation one : all) {
          if (!one.explain(value, at, out)) {
            return false;
          }
        }
        return true;
      };
    }

    /** One failure of the keyword at the value, with the schema's {@code schemaNode}, which the messages quote. */
    static Explanation leaf(Checker check, String keyword, JsonNode schemaNode, String schemaAt) {
      return (value, at, out) -> switch (check.check(value)) {
        case VALID -> true;
        case INVALID -> out.add(SchemaFailure.explained(keyword, at, null, value, schemaNode, schemaAt));
        case UNKNOWN -> false;
      };
    }

    /** properties: the declared members present, in the schema's order. */
    static Explanation declared(Map<String, Explanation> members) {
      List<Map.Entry<String, Explanation>> inSchemaOrder = List.copyOf(members.entrySet());
      return (value, at, out) -> {
        if (!value.isObject()) {
          return true;
        }
        for (var declared : inSchemaOrder) {
          JsonNode member = value.get(declared.getKey());
          if (member != null && !declared.getValue().explain(member, at + "/" + escape(declared.getKey()), out)) {
            return false;
          }
        }
        return true;
      };
    }

    /**
     * additionalProperties: every member not declared, in the object's order; a {@code false}
     * schema fails once per such member, naming it.
     */
    static Explanation others(Set<String> declared, Compiled others, JsonNode schemaNode, String schemaAt) {
      boolean none = others.check() == ALWAYS_INVALID;
      return (value, at, out) -> {
        if (!value.isObject()) {
          return true;
        }
        for (var member : value.properties()) {
          if (declared.contains(member.getKey())) {
            continue;
          }
          if (none) {
            out.add(SchemaFailure.explained("additionalProperties", at, member.getKey(), value, schemaNode, schemaAt));
          } else if (!others.explanation().explain(member.getValue(), at + "/" + escape(member.getKey()), out)) {
            return false;
          }
        }
        return true;
      };
    }

    /** One failure per missing name, in the schema's order (names: a checked array of strings). */
    static Explanation required(JsonNode names, String schemaAt) {
      List<String> each = new ArrayList<>();
      names.forEach(name -> each.add(name.asString()));
      return (record, at, out) -> {
        if (record.isObject()) {
          for (String name : each) {
            if (!record.has(name)) {
              out.add(SchemaFailure.explained("required", at, name, record, names, schemaAt));
            }
          }
        }
        return true;
      };
    }

    /** Each item's failures, item by item. */
    static Explanation items(Explanation each) {
      return (array, at, out) -> {
        if (array.isArray()) {
          for (int i = 0; i < array.size(); i++) {
            if (!each.explain(array.get(i), at + "/" + i, out)) {
              return false;
            }
          }
        }
        return true;
      };
    }

    /**
     * anyOf: nothing when a branch holds; when none does, networknt reports every branch's
     * failures, which SchemaCheck words as one anyOf issue per place (their evaluation path
     * names the anyOf).
     */
    static Explanation anyOf(Checker check, List<Explanation> branches) {
      Explanation all = inTurn(branches);
      return (value, at, out) -> {
        Verdict verdict = check.check(value);
        if (verdict != Verdict.INVALID) {
          return verdict == Verdict.VALID;
        }
        List<SchemaFailure> failures = new ArrayList<>();
        if (!all.explain(value, at, failures)) {
          return false;
        }
        failures.forEach(failure -> out.add(failure.underAnyOf()));
        return true;
      };
    }

    /** networknt reports the failures of the branch the condition chose, never the condition's. */
    static Explanation ifThenElse(Checker condition, Explanation then, Explanation otherwise) {
      return (value, at, out) -> switch (condition.check(value)) {
        case VALID -> then.explain(value, at, out);
        case INVALID -> otherwise.explain(value, at, out);
        case UNKNOWN -> false;
      };
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** All must hold: any INVALID is INVALID; all VALID is VALID; else UNKNOWN. */
  static Checker all(List<Checker> checks) {
    if (checks.isEmpty()) {
      return ALWAYS_VALID;
    }
    if (checks.size() == 1) {
      return checks.get(0);
    }
    return combined(checks, true);
  }

  /** One must hold: any VALID is VALID; all INVALID is INVALID; else UNKNOWN. */
  static Checker any(List<Checker> checks) {
    return combined(checks, false);
  }

  private static Checker combined(List<Checker> checks, boolean all) {
    Checker[] each = checks.toArray(Checker[]::new);
    Verdict start = all ? Verdict.VALID : Verdict.INVALID;
    Verdict decided = all ? Verdict.INVALID : Verdict.VALID;
    return value -> {
      Verdict verdict = start;
      for (int i = 0; i < each.length && verdict != decided; i++) {
        Verdict one = each[i].check(value);
        verdict = all ? and(verdict, one) : or(verdict, one);
      }
      return verdict;
    };
  }

  /** All must hold, with one more answer: INVALID wins, then UNKNOWN. */
  static Verdict and(Verdict sofar, Verdict one) {
    if (sofar == Verdict.INVALID || one == Verdict.INVALID) {
      return Verdict.INVALID;
    }
    return sofar == Verdict.UNKNOWN || one == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.VALID;
  }

  /** One must hold, with one more answer: VALID wins, then UNKNOWN. */
  static Verdict or(Verdict sofar, Verdict one) {
    if (sofar == Verdict.VALID || one == Verdict.VALID) {
      return Verdict.VALID;
    }
    return sofar == Verdict.UNKNOWN || one == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.INVALID;
  }

  /**
   * Each of the values against one checker: all must hold (items, propertyNames) or one must
   * (contains). Stops once the answer is certain.
   */
  static Verdict each(Iterable<JsonNode> values, Checker check, boolean all) {
    Verdict verdict = all ? Verdict.VALID : Verdict.INVALID;
    Verdict decided = all ? Verdict.INVALID : Verdict.VALID;
    for (JsonNode value : values) {
      verdict = all ? and(verdict, check.check(value)) : or(verdict, check.check(value));
      if (verdict == decided) {
        break;
      }
    }
    return verdict;
  }

  /** The keywords, each compiled to a checker with networknt 3.0.9's meaning. */
  static final class Keywords {
    static final Set<String> KNOWN =
        Set.of(
            "$schema", "$id", "$ref", "type", "properties", "additionalProperties", "required", "enum",
            "const", "pattern", "minLength", "minimum", "maximum", "minItems", "items", "contains",
            "uniqueItems", "minProperties", "propertyNames", "allOf", "anyOf", "if", "then", "else",
            "format");

    private Keywords() {}

    /** Whether the node is one of JSON's six kinds, as Jackson reads JSON text (not a POJO or binary node). */
    private static boolean isJson(JsonNode value) {
      return value.isObject() || value.isArray() || value.isString() || value.isNumber()
          || value.isBoolean() || value.isNull();
    }

    static Checker type(JsonNode value, String at, Compiler compiler) {
      if (value.isString()) {
        Checker type = type(value.asString());
        return type == null ? compiler.cannot(at, "type " + value.asString()) : type;
      }
      if (value.isArray() && !value.isEmpty()) {
        List<Checker> types = new ArrayList<>();
        for (JsonNode name : value) {
          Checker type = name.isString() ? type(name.asString()) : null;
          if (type == null) {
            return compiler.cannot(at, "type " + name);
          }
          types.add(type);
        }
        return any(types);
      }
      return compiler.cannot(at, "not a type");
    }

    private static @Nullable Checker type(String name) {
      return switch (name) {
        case "object" -> value -> value.isObject() ? Verdict.VALID : otherKind(value);
        case "array" -> value -> value.isArray() ? Verdict.VALID : otherKind(value);
        case "string" -> value -> value.isString() ? Verdict.VALID : otherKind(value);
        case "boolean" -> value -> value.isBoolean() ? Verdict.VALID : otherKind(value);
        case "null" -> value -> value.isNull() ? Verdict.VALID : otherKind(value);
        case "number" -> value -> value.isNumber() ? (finite(value) ? Verdict.VALID : Verdict.UNKNOWN) : otherKind(value);
        // networknt also takes 2.0 for an integer (draft 6 on): such numbers are left to it.
        case "integer" -> value -> value.isIntegralNumber() ? Verdict.VALID : value.isNumber() ? Verdict.UNKNOWN : otherKind(value);
        default -> null;
      };
    }

    private static Verdict otherKind(JsonNode value) {
      return isJson(value) ? Verdict.INVALID : Verdict.UNKNOWN;
    }

    private static boolean finite(JsonNode value) {
      return !value.isFloatingPointNumber() || value.isBigDecimal() || Double.isFinite(value.doubleValue());
    }

    /**
     * properties and additionalProperties in one pass over the object's members: a declared
     * member is held to its own subschema, any other to {@code others} (none: anything goes).
     */
    static Checker members(Map<String, Checker> declared, @Nullable Checker others) {
      // Interned names: the parsers intern the names they read (JsonSupport), so a look-up
      // finds its key by identity instead of comparing the characters.
      Map<String, Checker> interned = new HashMap<>();
      declared.forEach((name, check) -> interned.put(name.intern(), check));
      Map<String, Checker> byName = Map.copyOf(interned);
      return value -> {
        if (!value.isObject()) {
          return Verdict.VALID;
        }
        Verdict verdict = Verdict.VALID;
        for (var member : value.properties()) {
          @Nullable Checker check = byName.getOrDefault(member.getKey(), others);
          if (check != null) {
            verdict = and(verdict, check.check(member.getValue()));
            if (verdict == Verdict.INVALID) {
              break;
            }
          }
        }
        return verdict;
      };
    }

    static Checker required(JsonNode value, String at, Compiler compiler) {
      if (!value.isArray()) {
        return compiler.cannot(at, "not an array");
      }
      List<String> names = new ArrayList<>();
      for (JsonNode name : value) {
        if (!name.isString()) {
          return compiler.cannot(at, "not a name");
        }
        names.add(name.asString());
      }
      String[] each = names.toArray(String[]::new);
      return record -> {
        if (!record.isObject()) {
          return Verdict.VALID;
        }
        for (String name : each) {
          if (!record.has(name)) {
            return Verdict.INVALID;
          }
        }
        return Verdict.VALID;
      };
    }

    /**
     * enum and const. Certain only for strings: equal text is VALID; a string that differs from
     * every allowed value, when they are all strings, is INVALID. Anything else (numbers, which
     * networknt compares by value, other kinds) is UNKNOWN.
     */
    static Checker oneOfValues(JsonNode allowed) {
      Set<String> texts = new HashSet<>();
      boolean onlyStrings = true;
      for (JsonNode one : allowed) {
        if (one.isString()) {
          texts.add(one.asString());
        } else {
          onlyStrings = false;
        }
      }
      boolean closed = onlyStrings;
      return value -> {
        if (!value.isString()) {
          return Verdict.UNKNOWN;
        }
        if (texts.contains(value.asString())) {
          return Verdict.VALID;
        }
        return closed ? Verdict.INVALID : Verdict.UNKNOWN;
      };
    }

    /** networknt's JDK regular expressions: {@code $} rewritten to {@code \z}, long property names shortened, then find(). */
    static Checker pattern(JsonNode value, String at, Compiler compiler) {
      if (!value.isString()) {
        return compiler.cannot(at, "not a pattern");
      }
      Pattern pattern;
      try {
        pattern =
            Pattern.compile(
                RegularExpressions.replaceLongformCharacterProperties(
                    RegularExpressions.replaceDollarAnchors(value.asString())));
      } catch (PatternSyntaxException e) {
        return compiler.cannot(at, "pattern does not compile");
      }
      // The bundled schemas' patterns all fit TextPattern (the duration's look-ahead aside):
      // a quarter of a valid record's time went to Matcher objects and JDK regex steps.
      TextPattern fast = TextPattern.compile(pattern.pattern(), pattern);
      if (fast != null) {
        return text -> !text.isString() ? Verdict.VALID : fast.find(text.asString()) ? Verdict.VALID : Verdict.INVALID;
      }
      return text -> !text.isString() ? Verdict.VALID : pattern.matcher(text.asString()).find() ? Verdict.VALID : Verdict.INVALID;
    }

    private static int count(JsonNode value) {
      return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0 ? value.intValue() : -1;
    }

    static Checker minLength(JsonNode value, String at, Compiler compiler) {
      int min = count(value);
      if (min < 0) {
        return compiler.cannot(at, "not a count");
      }
      return text -> {
        if (!text.isString()) {
          return Verdict.VALID;
        }
        String s = text.asString();
        return s.codePointCount(0, s.length()) >= min ? Verdict.VALID : Verdict.INVALID;
      };
    }

    /** minItems ({@code applies}: arrays) or minProperties (objects): a size at least the count. */
    static Checker minSize(JsonNode value, String at, Compiler compiler, java.util.function.Predicate<JsonNode> applies) {
      int min = count(value);
      if (min < 0) {
        return compiler.cannot(at, "not a count");
      }
      return node -> !applies.test(node) || node.size() >= min ? Verdict.VALID : Verdict.INVALID;
    }

    /**
     * minimum and maximum, inclusive, compared exactly as networknt does for numbers. Where the
     * schema says integer and the bound is an integer, networknt compares a number's long value
     * (2100.5 passes maximum 2100): only integral numbers are decided there.
     */
    static Checker bound(boolean minimum, JsonNode value, JsonNode schema, String at, Compiler compiler) {
      if (!value.isNumber() || !finite(value) || schema.has("exclusiveMinimum") || schema.has("exclusiveMaximum")) {
        return compiler.cannot(at, "not a plain bound");
      }
      BigDecimal limit = new BigDecimal(value.asString());
      boolean integerSchema = schema.path("type").isString() ? schema.path("type").asString().equals("integer") : schema.has("type");
      boolean longCompare = integerSchema && (value.isInt() || value.isLong());
      return number -> {
        if (!number.isNumber()) {
          return Verdict.VALID;
        }
        if (!finite(number) || (longCompare && !number.isIntegralNumber())) {
          return Verdict.UNKNOWN;
        }
        BigDecimal exact;
        try {
          exact = number.isIntegralNumber() ? new BigDecimal(number.bigIntegerValue()) : new BigDecimal(number.asString());
        } catch (NumberFormatException e) {
          return Verdict.UNKNOWN;
        }
        int compare = exact.compareTo(limit);
        return (minimum ? compare >= 0 : compare <= 0) ? Verdict.VALID : Verdict.INVALID;
      };
    }

    static Checker items(Checker each) {
      return array -> array.isArray() ? each(array, each, true) : Verdict.VALID;
    }

    static Checker contains(Checker some) {
      return array -> array.isArray() ? each(array, some, false) : Verdict.VALID;
    }

    /** Certain for arrays of strings only: networknt compares numbers by value and walks objects. */
    static final Checker UNIQUE_ITEMS =
        array -> {
          if (!array.isArray()) {
            return Verdict.VALID;
          }
          Set<String> seen = new HashSet<>();
          boolean duplicate = false;
          for (JsonNode item : array) {
            if (!item.isString()) {
              return Verdict.UNKNOWN;
            }
            duplicate |= !seen.add(item.asString());
          }
          return duplicate ? Verdict.INVALID : Verdict.VALID;
        };

    static Checker propertyNames(Checker name) {
      return object -> {
        if (!object.isObject()) {
          return Verdict.VALID;
        }
        List<JsonNode> names = new ArrayList<>(object.size());
        object.propertyNames().forEach(key -> names.add(JsonNodeFactory.instance.stringNode(key)));
        return each(names, name, true);
      };
    }

    static Checker ifThenElse(Checker condition, Checker then, Checker otherwise) {
      return value ->
          switch (condition.check(value)) {
            case VALID -> then.check(value);
            case INVALID -> otherwise.check(value);
            case UNKNOWN -> Verdict.UNKNOWN;
          };
    }

    /** Formats networknt asserts (formatAssertionsEnabled): VALID on a strict subset of what it accepts, else UNKNOWN. */
    static Checker format(JsonNode value, String at, Compiler compiler) {
      Pattern subset = value.isString() ? FastFormats.subset(value.asString()) : null;
      if (subset == null) {
        return compiler.cannot(at, "format " + value);
      }
      String name = value.asString();
      return text -> {
        if (!text.isString()) {
          return Verdict.VALID;
        }
        return FastFormats.accepts(name, subset, text.asString()) ? Verdict.VALID : Verdict.UNKNOWN;
      };
    }
  }
}
