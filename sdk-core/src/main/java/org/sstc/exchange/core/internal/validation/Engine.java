package org.sstc.exchange.core.internal.validation;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.Severity;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.internal.json.JsonSupport;
import org.sstc.exchange.core.internal.json.NdjsonLines;
import org.sstc.exchange.core.internal.json.ReadFailures;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one validation path: bytes → strict parser → tree → schema → binding of a complete record →
 * rules.
 *
 * <p>Packages are read as a stream: each element of {@code initiatives} and {@code organisations}
 * is parsed, checked and dropped before the next, so memory stays flat whatever the file's size.
 * NDJSON is read one line at a time. Issues go to a sink as they are found.
 */
public final class Engine {
  /** The arrays of a package, in the order they are checked, and the record type of their elements. */
  public static final Map<String, String> PACKAGE_ARRAYS = orderedArrays();

  private static Map<String, String> orderedArrays() {
    Map<String, String> arrays = new java.util.LinkedHashMap<>();
    arrays.put("initiatives", "initiative");
    arrays.put("organisations", "organisation");
    arrays.put("solutions", "solution");
    return java.util.Collections.unmodifiableMap(arrays);
  }
  private static final Map<String, Class<? extends SstcRecord>> MODEL =
      Map.of(
          "initiative", Initiative.class,
          "organisation", Organisation.class,
          "package", RecordPackage.class,
          "solution", Solution.class);

  private final JsonSupport json;
  private final SchemaCheck schemas;
  private final int quickDocumentBytes;

  public Engine(JsonSupport json, SchemaCheck schemas) {
    this(json, schemas, QUICK_DOCUMENT_BYTES);
  }

  /** With another size up to which documents are read whole: 0 streams every one (the tests' reference). */
  Engine(JsonSupport json, SchemaCheck schemas, int quickDocumentBytes) {
    this.json = json;
    this.schemas = schemas;
    this.quickDocumentBytes = quickDocumentBytes;
  }

  /** Counts what a streaming validation saw. */
  public static final class Counts {
    public long records;
    public long errors;
    public long warnings;

    void add(Issue issue) {
      if (issue.severity() == Severity.ERROR) {
        errors++;
      } else {
        warnings++;
      }
    }
  }

  /**
   * Validates one JSON document (a record or a package) read from a stream, in constant memory
   * for packages whose {@code recordType} comes before their arrays (as the SDK writes them).
   */
  public Counts validateDocument(InputStream in, Consumer<Issue> sink) {
    Counts counts = new Counts();
    Consumer<Issue> counted = issue -> {
      counts.add(issue);
      sink.accept(issue);
    };
    JsonParser parser = null;
    try {
      // A document that fits in quickDocumentBytes (a record file, a small package) is read
      // whole by the quick reader; one it refuses, or a larger one, is read strictly as a
      // stream, which says exactly what is wrong and where. No buffer of our own for a small
      // one: it is read straight into the array (a 64 KB buffer a file was more to clear than
      // most records are to read).
      byte[] start = in.readNBytes(Math.max(quickDocumentBytes + 1, 4));
      Issue encoding = ReadFailures.notUtf8(start, Math.min(4, start.length));
      if (encoding != null) {
        counted.accept(encoding);
        return counts;
      }
      InputStream document;
      if (start.length <= quickDocumentBytes) {
        JsonNode whole = json.quickDocument(start);
        if (whole instanceof ObjectNode record) {
          validateWhole(record, counted, counts);
          return counts;
        }
        document = new ByteArrayInputStream(start);
      } else {
        document = new SequenceInputStream(new ByteArrayInputStream(start), new BufferedInputStream(in, 1 << 16));
      }
      parser = json.documentParser(document);
      JsonToken first = parser.nextToken();
      if (first == null) {
        counted.accept(Issue.error("json.syntax", "", "the document is empty: a document of the standard is one JSON object with a 'recordType'"));
        return counts;
      }
      if (first != JsonToken.START_OBJECT) {
        counted.accept(notAnObject(first));
        return counts;
      }
      ObjectNode envelope = JsonNodeFactory.instance.objectNode();
      PackageState pkg = new PackageState();
      String recordType = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken valueToken = parser.nextToken();
        if (streamsArray(recordType, name, valueToken == JsonToken.START_ARRAY)) {
          envelope.putArray(name);
          int index = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            validatePackageElement(parser.readValueAsTree(), name, index++, pkg, counted, counts);
          }
          pkg.streamed.add(name);
        } else {
          JsonNode value = parser.readValueAsTree();
          envelope.set(name, value);
          if (name.equals("recordType") && value.isString()) {
            recordType = value.asString();
          }
        }
      }
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        counted.accept(
            new Issue(Severity.ERROR, "json.syntax", "",
                "there is more after the end of the JSON document (line "
                    + parser.currentTokenLocation().getLineNr()
                    + "): a file holds one document; for many records use NDJSON, one a line",
                null, (long) parser.currentTokenLocation().getLineNr()));
        return counts;
      }
      validateEnvelope(envelope, recordType, pkg, counted, counts);
    } catch (tools.jackson.core.exc.JacksonIOException failure) {
      // The disk or network failed, not the document: that is the caller's to handle.
      throw new java.io.UncheckedIOException(failure.getCause());
    } catch (JacksonException failure) {
      counted.accept(ReadFailures.toIssue(failure, parser, json.limits()));
    } catch (NumberFormatException failure) {
      counted.accept(ReadFailures.numberOutOfRange(failure, parser));
    } catch (IOException failure) {
      throw new java.io.UncheckedIOException(failure);
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (JacksonException ignored) {
          // closing after a failure: the failure was reported
        }
      }
    }
    return counts;
  }

  /** Documents up to this size are read whole by the quick reader (a stream's first bytes). */
  private static final int QUICK_DOCUMENT_BYTES = 1 << 20;

  /**
   * What {@link #validateDocument} does with a document read whole: the same walk over its
   * members, in the document's order, as the streaming read makes over the parser's.
   */
  private void validateWhole(ObjectNode document, Consumer<Issue> counted, Counts counts) {
    JsonNode declared = document.get("recordType");
    String type = declared != null && declared.isString() ? declared.asString() : null;
    if (!"package".equals(type)) {
      // Only a package's arrays are streamed: a record's envelope is the document itself.
      validateEnvelope(document, type, new PackageState(), counted, counts);
      return;
    }
    PackageState pkg = new PackageState();
    String recordType = null; // as the streaming read has seen it so far
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> member : document.properties()) {
      String name = member.getKey();
      JsonNode value = member.getValue();
      if (streamsArray(recordType, name, value.isArray())) {
        envelope.putArray(name);
        int index = 0;
        for (JsonNode element : value) {
          validatePackageElement(element, name, index++, pkg, counted, counts);
        }
        pkg.streamed.add(name);
      } else {
        envelope.set(name, value);
        if (name.equals("recordType") && value.isString()) {
          recordType = value.asString();
        }
      }
    }
    validateEnvelope(envelope, recordType, pkg, counted, counts);
  }

  /** Whether a member is one of a package's arrays, validated element by element as it comes. */
  private static boolean streamsArray(@Nullable String recordTypeSoFar, String name, boolean isArray) {
    return "package".equals(recordTypeSoFar) && isArray && PACKAGE_ARRAYS.containsKey(name);
  }

  private void validatePackageElement(
      JsonNode element, String array, int index, PackageState pkg, Consumer<Issue> counted, Counts counts) {
    String type = Objects.requireNonNull(PACKAGE_ARRAYS.get(array), array); // streamsArray said so
    validateElement(element, type, "/" + array + "/" + index, pkg, counted);
    counts.records++;
  }

  private void validateEnvelope(
      ObjectNode envelope, @Nullable String recordType, PackageState pkg, Consumer<Issue> counted, Counts counts) {
    if ("package".equals(recordType)) {
      validatePackageEnvelope(envelope, pkg, counted, counts);
    } else {
      counts.records++;
      validateTopLevel(envelope, counted);
    }
  }

  /**
   * Validates an NDJSON stream: one record a line, blank lines allowed. Pointers start with the
   * record's zero-based line index ({@code /2/title}); each issue carries its 1-based line.
   *
   * <p>Lines are checked on every core (a few per core in flight, so memory stays bounded); their
   * issues reach {@code sink} in line order on the calling thread, exactly as a line-by-line pass
   * gives them. The one check across lines, {@code rule.duplicate-id}, is made in that order too.
   */
  public Counts validateNdjson(InputStream in, Consumer<Issue> sink) {
    Counts counts = new Counts();
    IdSet seenIds = new IdSet();
    Consumer<CheckedLine> inOrder = line -> emit(line, counts, seenIds, sink);
    try (OrderedPool<CheckedLine> pool = new OrderedPool<>(inOrder)) {
      // NdjsonLines reads 64 KB chunks itself: no BufferedInputStream in front of it.
      NdjsonLines lines = new NdjsonLines(in, json.limits().maxRecordBytes());
      boolean parallel = OrderedPool.worthIt();
      long lineNumber = 0;
      byte[] line;
      while ((line = lines.next()) != null) {
        lineNumber++;
        CheckedLine checked = new CheckedLine(lineNumber);
        if (lines.overLimit()) {
          checked.issues.add(Issue.error("json.limit", "",
              "this line is longer than " + json.limits().maxRecordBytes()
                  + " bytes, the limit for one record; split the record or shorten its texts"));
        } else if (!isBlank(line)) {
          checked.record = true;
          byte[] record = line;
          if (parallel) {
            pool.submit(() -> check(record, checked));
            continue;
          }
          check(record, checked);
        }
        if (parallel) {
          pool.submit(() -> checked); // keeps its place in the order
        } else {
          inOrder.accept(checked);
        }
      }
      pool.drain();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return counts;
  }

  /** One line of NDJSON and what checking it alone found; the issues not yet placed at the line. */
  private static final class CheckedLine {
    final long number;
    final List<Issue> issues = new ArrayList<>(0);
    boolean record;
    @Nullable String type;
    @Nullable String id;

    CheckedLine(long number) {
      this.number = number;
    }
  }

  /** Parses and checks one line on its own (any thread): everything but the checks across lines. */
  private CheckedLine check(byte[] line, CheckedLine checked) {
    JsonNode tree = parseRecord(line, checked.issues::add);
    if (tree != null) {
      checked.issues.addAll(validateTree(tree));
      checked.type = tree.path("recordType").asString("");
      checked.id = tree.path("id").asString(null);
    }
    return checked;
  }

  /** Hands on one line's issues in order, then checks its id against the earlier lines'. */
  private static void emit(CheckedLine line, Counts counts, IdSet seenIds, Consumer<Issue> sink) {
    String prefix = "/" + (line.number - 1);
    Consumer<Issue> lineSink = issue -> {
      Issue placed = issue.under(prefix).atLine(line.number);
      counts.add(placed);
      sink.accept(placed);
    };
    if (line.record) {
      counts.records++;
    }
    line.issues.forEach(lineSink);
    String type = line.type;
    String id = line.id;
    if (type != null && id != null && MODEL.containsKey(type) && !type.equals("package")) {
      if (!seenIds.add(type, id)) {
        lineSink.accept(new Issue(Severity.ERROR, "rule.duplicate-id", "/id",
            "the " + type + " '" + id + "' appears on an earlier line too: keep one record per id",
            JsonNodeFactory.instance.stringNode(id), null));
      }
    }
  }

  private @Nullable JsonNode parseRecord(byte[] line, Consumer<Issue> sink) {
    Issue encoding = ReadFailures.notUtf8(line, Math.min(4, line.length));
    if (encoding != null) {
      sink.accept(encoding);
      return null;
    }
    JsonNode quick = json.quickRecord(line);
    if (quick != null) {
      return quick;
    }
    JsonParser parser = null;
    try {
      parser = json.recordParser(line);
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        sink.accept(notAnObject(first));
        return null;
      }
      JsonNode tree = parser.readValueAsTree();
      if (parser.nextToken() != null) {
        sink.accept(Issue.error("json.syntax", "",
            "there is more after the record on this line: NDJSON has exactly one record a line"));
        return null;
      }
      return tree;
    } catch (JacksonException failure) {
      sink.accept(ReadFailures.toIssue(failure, parser, json.limits()));
      return null;
    } catch (NumberFormatException failure) {
      sink.accept(ReadFailures.numberOutOfRange(failure, parser));
      return null;
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (JacksonException ignored) {
          // already reported
        }
      }
    }
  }

  /** Validates a parsed document: a record or a whole package, pointers from its root. */
  public List<Issue> validateTree(JsonNode document) {
    return validateTree(document, null, null);
  }

  /**
   * Validates a parsed document and, when it has no error, hands {@code whenValid} the model
   * object it stands for: the one the rules were checked on, so that a caller who needs both the
   * verdict and the object binds once, not twice.
   *
   * @param given the model object the document was written from, if any: the rules check it
   *     rather than a second binding of the document
   */
  public List<Issue> validateTree(JsonNode document, @Nullable SstcRecord given,
      @Nullable Consumer<SstcRecord> whenValid) {
    List<Issue> issues = new ArrayList<>();
    if (!document.isObject()) {
      issues.add(notAnObject(document.isArray() ? JsonToken.START_ARRAY : JsonToken.VALUE_STRING));
      return issues;
    }
    String recordType = document.path("recordType").asString(null);
    if ("package".equals(recordType)) {
      ObjectNode envelope = ((ObjectNode) document).deepCopy();
      validatePackageEnvelope(envelope, new PackageState(), issues::add, new Counts());
      if (whenValid != null && issues.stream().noneMatch(Issue::isError)) {
        // A package's records were checked one at a time: the whole binds once, here.
        SstcRecord whole = given != null ? given : bind("package", document);
        if (whole != null) {
          whenValid.accept(whole);
        }
      }
    } else {
      SstcRecord[] bound = new SstcRecord[1];
      // Without a caller for the model object, none is kept: the rules may then skip binding.
      validateTopLevel(document, given, whenValid == null ? null : record -> bound[0] = record,
          issues::add);
      if (whenValid != null && bound[0] != null && issues.stream().noneMatch(Issue::isError)) {
        whenValid.accept(bound[0]);
      }
    }
    return issues;
  }

  /** A record at the top level of a document: recordType says which schema applies. */
  private void validateTopLevel(JsonNode document, Consumer<Issue> sink) {
    validateTopLevel(document, null, null, sink);
  }

  private void validateTopLevel(JsonNode document, @Nullable SstcRecord given,
      @Nullable Consumer<SstcRecord> bound, Consumer<Issue> sink) {
    JsonNode recordType = document.get("recordType");
    if (recordType == null) {
      sink.accept(new Issue(Severity.ERROR, "schema.required", "/recordType",
          "'recordType' is missing: every document says what it is, \"initiative\","
              + " \"organisation\" or \"package\"; add it",
          null, null));
      return;
    }
    if (!recordType.isString() || !schemas.recordTypes().contains(recordType.asString())) {
      sink.accept(new Issue(Severity.ERROR, "schema.enum", "/recordType",
          recordType + " is not a record type of the standard; use one of "
              + String.join(", ", schemas.recordTypes().stream().sorted().map(t -> "\"" + t + "\"").toList()),
          recordType, null));
      return;
    }
    validateRecord(recordType.asString(), document, given, bound).forEach(sink);
  }

  /** Schema, binding and rules for one initiative or organisation (or a package envelope). */
  List<Issue> validateRecord(String recordType, JsonNode document) {
    return validateRecord(recordType, document, null, null);
  }

  private List<Issue> validateRecord(String recordType, JsonNode document, @Nullable SstcRecord given,
      @Nullable Consumer<SstcRecord> bound) {
    List<Issue> issues = new ArrayList<>(schemas.check(recordType, document));
    Class<? extends SstcRecord> model = MODEL.get(recordType);
    if (model == null || SchemaCheck.unsupported(issues)) {
      // No model for this type yet, or a major version whose members may mean something else:
      // the rules cannot be applied.
      return issues;
    }
    if (issues.isEmpty() && given == null && bound == null
        && schemas.declaresBundledVersion(document)
        && FastRules.certainlyClean(recordType, document)) {
      // Valid, and the rules would find nothing: no caller needs the model, so it is not bound.
      return issues;
    }
    SstcRecord record = model.isInstance(given) ? given : bind(recordType, document);
    if (record != null && bound != null) {
      bound.accept(record);
    }
    Findings findings = new Findings();
    if (record != null) {
      RuleChecks.check(record, document, findings);
    } else {
      // A record that lacks a required member (reported by the schema) has no model object: the
      // rules need one. The codes of closed lists, which bind as nothing when they are not in
      // their list, are still checked, from the document.
      RuleChecks.checkUnbound(recordType, document, findings);
    }
    issues.addAll(findings.issues());
    if (record == null && issues.stream().noneMatch(Issue::isError)) {
      // Never "valid" for a record the model cannot hold: say so rather than stay silent.
      issues.add(new Issue(Severity.ERROR, "schema.type", "",
          "the " + recordType + " does not fit the model of the standard although its schema check"
              + " passed: report this as a bug of the SDK, with the document",
          null, null));
    }
    return issues;
  }

  /** The record as a model object, or null when it lacks a required member or does not fit the model. */
  private @Nullable SstcRecord bind(String recordType, JsonNode document) {
    try {
      // Only a complete record binds: build() refuses one that lacks a required member, and no
      // model object ever holds null behind a non-null accessor.
      return json.lenientBinder().treeToValue(document, MODEL.get(recordType));
    } catch (JacksonException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
      // The schema check has reported why it does not fit the model; rules need a model.
      return null;
    }
  }

  private static final class PackageState {
    final Set<String> streamed = new java.util.HashSet<>();
    final IdSet idsSeen = new IdSet();
    /** Each record's declared version, by the pointer of its schemaVersion. */
    final Map<String, JsonNode> versions = new java.util.LinkedHashMap<>();
  }

  private void validateElement(
      JsonNode element, String type, String pointer, PackageState pkg, Consumer<Issue> sink) {
    for (Issue issue : validateRecord(type, element)) {
      sink.accept(issue.under(pointer));
    }
    JsonNode version = element.get("schemaVersion");
    if (version != null && version.isString()) {
      pkg.versions.put(pointer + "/schemaVersion", version);
    }
    JsonNode id = element.get("id");
    if (id != null && id.isString()) {
      if (!pkg.idsSeen.add(type, id.asString())) {
        sink.accept(new Issue(Severity.ERROR, "rule.duplicate-id", pointer + "/id",
            "the " + type + " id '" + id.asString() + "' is already used by an earlier "
                + type + " of this package: every " + type + " in a package has its own id",
            id, null));
      }
    }
  }

  private void validatePackageEnvelope(
      ObjectNode envelope, PackageState pkg, Consumer<Issue> sink, Counts counts) {
    for (Map.Entry<String, String> arrayOf : PACKAGE_ARRAYS.entrySet()) {
      String name = arrayOf.getKey();
      JsonNode array = envelope.get(name);
      if (array != null && array.isArray() && !pkg.streamed.contains(name)) {
        String type = arrayOf.getValue();
        for (int i = 0; i < array.size(); i++) {
          validateElement(array.get(i), type, "/" + name + "/" + i, pkg, sink);
          counts.records++;
        }
        envelope.putArray(name);
      }
    }
    validateRecord("package", envelope).forEach(sink);
    JsonNode declared = envelope.get("schemaVersion");
    if (declared != null && declared.isString()) {
      pkg.versions.forEach((pointer, version) -> {
        if (!version.asString().equals(declared.asString())) {
          sink.accept(new Issue(Severity.ERROR, "rule.package-version", pointer,
              "this record declares schemaVersion " + version.asString() + ", but its package declares "
                  + declared.asString() + ": the records of a package follow the package's version;"
                  + " give them all the same one (sstc upgrade --to " + schemas.newestVersion()
                  + " rewrites a package and its records)",
              version, null));
        }
      });
    }
  }

  private static Issue notAnObject(@Nullable JsonToken token) {
    String found;
    if (token == JsonToken.START_ARRAY) {
      found = "an array";
    } else if (token == JsonToken.VALUE_STRING) {
      found = "a string";
    } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      found = "a number";
    } else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      found = "a boolean";
    } else if (token == JsonToken.VALUE_NULL) {
      found = "null";
    } else {
      found = "nothing";
    }
    String hint =
        token == JsonToken.START_ARRAY
            ? ": to exchange many records, wrap them in a package ({\"recordType\": \"package\","
                + " \"initiatives\": [...]}) or write NDJSON, one record a line"
            : "";
    return Issue.error("json.syntax", "",
        "a document of the standard is one JSON object with a 'recordType', but this is "
            + found + hint);
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
