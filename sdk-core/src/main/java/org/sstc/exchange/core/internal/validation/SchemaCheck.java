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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Severity;
import org.sstc.exchange.schema.StandardFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON Schema check: the standard's bundled schemas of every version this jar carries
 * ({@code 1.0/}, {@code 1.1/}, …), compiled once with networknt and shared by every thread.
 * Schemas are resolved from the jar by their {@code $id}; nothing is ever fetched from the
 * network.
 *
 * <p>Each record is checked against the schemas of the version its {@code schemaVersion} names.
 * A record of a newer minor version than the newest bundled one is checked against the newest,
 * and each member that version does not define is a warning {@code schema.newer-minor}, not an
 * error: a reader of 1.x reads every 1.y. An unknown major version is one error, {@code
 * schema.unsupported-version}, and nothing else is checked.
 */
public final class SchemaCheck {
  /** The base of every schema's {@code $id}. */
  public static final String ID_BASE = "https://sstc-exchange.org/schema/";

  /** The code of a member that a newer minor version may define: a warning. */
  public static final String NEWER_MINOR = "schema.newer-minor";

  /** The code of a version whose major this SDK does not read: an error. */
  public static final String UNSUPPORTED_VERSION = "schema.unsupported-version";

  private static final String REPORT = "validation-report";
  private static final Pattern VERSION = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})");
  private static final int MAJOR = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** By minor version (0, 1, …): the schema of each record type that version defines. */
  private final List<Map<String, Compiled>> byMinor;
  private final Compiled reportSchema;

  /**
   * One bundled schema, compiled on first use and then shared by every thread: a run that checks
   * one 1.1 initiative compiles that schema alone, not every type of every version (start-up).
   */
  private static final class Compiled {
    private final Networknt networknt;
    private final String version;
    private final String name;
    private volatile @Nullable Schema schema;
    private volatile @Nullable FastSchema fast;

    Compiled(Networknt networknt, String version, String name) {
      this.networknt = networknt;
      this.version = version;
      this.name = name;
    }

    Schema get() {
      Schema compiled = schema;
      if (compiled == null) {
        synchronized (networknt) { // one registry: its schemas are compiled one at a time
          compiled = schema;
          if (compiled == null) {
            compiled = load(networknt.registry(), version, name);
            schema = compiled;
          }
        }
      }
      return compiled;
    }

    /** The fast check of the same schema, compiled on first use; it may skip networknt for a valid record. */
    FastSchema fast() {
      FastSchema compiled = fast;
      if (compiled == null) {
        synchronized (this) {
          compiled = fast;
          if (compiled == null) {
            compiled = FastSchema.compile(ID_BASE + version + "/" + name + ".schema.json", SchemaCheck::bundledTree);
            fast = compiled;
          }
        }
      }
      return compiled;
    }

    /**
     * Validates with networknt unless the fast check is certain: of a valid document (networknt
     * would report nothing), or of every failure of an invalid one, which it then lists as
     * networknt would.
     */
    List<Issue> validate(JsonNode document) {
      FastSchema fast = fast();
      FastSchema.Verdict verdict = fast.check(document);
      if (verdict == FastSchema.Verdict.VALID) {
        return List.of();
      }
      if (verdict == FastSchema.Verdict.INVALID) {
        // Most invalid records fail plain keywords (a missing member, a pattern): the fast check
        // lists networknt's failures itself (10 000 invalid files: 2.7 s -> 1.9 s, stop 23).
        List<SchemaFailure> explained = fast.explain(document);
        if (explained != null) {
          return issuesOf(explained);
        }
      }
      return toIssues(get().validate(document));
    }
  }

  /**
   * networknt's registry of the bundled schemas, made when a record first needs networknt: a run
   * whose records the fast check finds valid never loads networknt's engine (start-up).
   */
  private static final class Networknt {
    private @Nullable SchemaRegistry registry;

    synchronized SchemaRegistry registry() {
      SchemaRegistry made = registry;
      if (made == null) {
        SchemaRegistryConfig config =
            SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        made =
            SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder ->
                    builder
                        .schemaRegistryConfig(config)
                        .schemaLoader(loader -> loader.fetchRemoteResources(false))
                        .schemas(SchemaCheck::bundled));
        registry = made;
      }
      return made;
    }
  }

  /** Loads every bundled version of the standard: {@code 1.0/}, then {@code 1.1/}, … */
  public SchemaCheck() {
    Networknt networknt = new Networknt();
    List<Map<String, Compiled>> versions = new ArrayList<>();
    for (int minor = 0; minor < bundledMinors(); minor++) {
      String version = MAJOR + "." + minor;
      Map<String, Compiled> schemas = new LinkedHashMap<>();
      for (String type : recordTypesOf(version)) {
        schemas.put(type, new Compiled(networknt, version, type));
      }
      versions.add(Map.copyOf(schemas));
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException("the schema jar carries no version of the standard (no 1.0/record.schema.json)");
    }
    this.byMinor = List.copyOf(versions);
    this.reportSchema = new Compiled(networknt, newestVersion(), REPORT);
  }

  /**
   * The record types of one version: the {@code recordType} values its {@code record.schema.json}
   * dispatches on, each with a schema file of its own name.
   */
  private static List<String> recordTypesOf(String version) {
    try (InputStream in = StandardFiles.open(version + "/record.schema.json")) {
      JsonNode types = JSON.readTree(in).path("properties").path("recordType").path("enum");
      List<String> names = new ArrayList<>();
      types.forEach(type -> names.add(type.asString()));
      if (names.isEmpty()) {
        throw new IllegalStateException(version + "/record.schema.json names no recordType values");
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema load(SchemaRegistry registry, String version, String name) {
    Schema schema =
        registry.getSchema(SchemaLocation.of(ID_BASE + version + "/" + name + ".schema.json"));
    schema.initializeValidators(); // compile it all now, not piece by piece inside a validation
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

  /** A bundled schema document as a tree, by its {@code $id}; null if not bundled. */
  private static @Nullable JsonNode bundledTree(String iri) {
    String text = bundled(iri);
    return text == null ? null : JSON.readTree(text);
  }

  /** How many minor versions of 1.x the schema jar carries (1.0, 1.1, …), found without compiling a schema. */
  private static int bundledMinors() {
    int minors = 0;
    while (StandardFiles.exists(MAJOR + "." + minors + "/record.schema.json")) {
      minors++;
    }
    return minors;
  }

  /** The newest version the schema jar carries, found without compiling a schema. */
  public static String newestBundledVersion() {
    return MAJOR + "." + (bundledMinors() - 1);
  }

  /**
   * The minor of a 1.x version: {@code 1} for {@code "1.1"}.
   *
   * @return the minor, or -1 if {@code version} is not MAJOR.MINOR of major 1
   */
  public static int minorOf(String version) {
    Matcher parts = VERSION.matcher(version);
    return parts.matches() && Integer.parseInt(parts.group(1)) == MAJOR ? Integer.parseInt(parts.group(2)) : -1;
  }

  /** The newest version this SDK knows, {@code "1.1"}. */
  public String newestVersion() {
    return MAJOR + "." + (byMinor.size() - 1);
  }

  /** Every record type of the newest version. */
  public Set<String> recordTypes() {
    return byMinor.get(byMinor.size() - 1).keySet();
  }

  /**
   * The first version that defines a record type, or null if none does.
   *
   * @param recordType e.g. {@code "solution"}
   */
  public @Nullable String firstVersionWith(String recordType) {
    for (int minor = 0; minor < byMinor.size(); minor++) {
      if (byMinor.get(minor).containsKey(recordType)) {
        return MAJOR + "." + minor;
      }
    }
    return null;
  }

  /** Whether these issues say the record's version is one this SDK cannot check at all. */
  public static boolean unsupported(List<Issue> issues) {
    for (Issue issue : issues) {
      if (issue.code().equals(UNSUPPORTED_VERSION)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the document declares a version this SDK bundles (1.0 to the newest), so that {@link
   * #check} checks it against its own version rather than as a newer minor or not at all.
   */
  boolean declaresBundledVersion(JsonNode document) {
    JsonNode declared = document.get("schemaVersion");
    if (declared == null || !declared.isString()) {
      return false;
    }
    Matcher version = VERSION.matcher(declared.asString());
    return version.matches()
        && Integer.parseInt(version.group(1)) == MAJOR
        && Integer.parseInt(version.group(2)) < byMinor.size();
  }

  /**
   * Validates a record or package envelope against the schema of the version it declares; the
   * type must be a known record type.
   */
  public List<Issue> check(String recordType, JsonNode document) {
    JsonNode declared = document.get("schemaVersion");
    Matcher version =
        declared != null && declared.isString() ? VERSION.matcher(declared.asString()) : null;
    if (version == null || !version.matches()) {
      // Absent or malformed: the rest is checked against the newest version, and the version
      // gets one issue of its own, in words that fit every version (not "must be 1.1").
      List<Issue> issues = new ArrayList<>();
      issues.add(badVersion(declared));
      for (Issue issue : checkAgainst(byMinor.size() - 1, recordType, document)) {
        if (!issue.pointer().equals("/schemaVersion")) {
          issues.add(issue);
        }
      }
      return issues;
    }
    int major = Integer.parseInt(version.group(1));
    int minor = Integer.parseInt(version.group(2));
    if (major != MAJOR) {
      return List.of(
          new Issue(
              Severity.ERROR,
              UNSUPPORTED_VERSION,
              "/schemaVersion",
              "this record follows version " + declared.asString() + " of the standard, but this SDK"
                  + " reads 1.x only (1.0 to " + newestVersion() + "): a new major version may"
                  + " change what members mean, so nothing else was checked. Use an SDK that reads "
                  + major + ".x, or write the record as " + newestVersion(),
              declared,
              null));
    }
    if (minor < byMinor.size()) {
      if (!byMinor.get(minor).containsKey(recordType)) {
        return List.of(
            new Issue(
                Severity.ERROR,
                "schema.enum",
                "/recordType",
                "'" + recordType + "' records exist from version " + firstVersionWith(recordType)
                    + " of the standard on, but this one declares schemaVersion "
                    + declared.asString() + ": set \"schemaVersion\": \"" + firstVersionWith(recordType)
                    + "\" or later",
                document.get("recordType"),
                null));
      }
      List<Issue> issues = checkAgainst(minor, recordType, document);
      return minor == byMinor.size() - 1 ? issues : namingLaterVersions(minor, recordType, document, issues);
    }
    return asNewerMinor(declared.asString(), recordType, document);
  }

  private Issue badVersion(@Nullable JsonNode declared) {
    String versions = "1.0 to " + newestVersion();
    if (declared == null) {
      return issue("schema.required", "/schemaVersion",
          "'schemaVersion' is missing: every record says which version of the standard it follows"
              + " (this SDK reads " + versions + "); add it, e.g. \"schemaVersion\": \"" + newestVersion() + "\"",
          null);
    }
    if (!declared.isString()) {
      return issue("schema.type", "/schemaVersion",
          declared + " is not a string: 'schemaVersion' is text, MAJOR.MINOR, such as \"" + newestVersion()
              + "\" (this SDK reads " + versions + ")",
          declared);
    }
    return issue("schema.pattern", "/schemaVersion",
        "\"" + declared.asString() + "\" is not a version of the standard: write MAJOR.MINOR, such as \"1.0\" or \""
            + newestVersion() + "\" (this SDK reads " + versions + ")",
        declared);
  }

  /**
   * A record of a newer minor than the newest bundled: checked against the newest; members it
   * does not define become warnings, since the record's own version may define them. The version
   * itself is not held against it.
   */
  private List<Issue> asNewerMinor(String declared, String recordType, JsonNode document) {
    List<Issue> issues = new ArrayList<>();
    for (Issue issue : checkAgainst(byMinor.size() - 1, recordType, document)) {
      if (issue.pointer().equals("/schemaVersion")) {
        continue;
      }
      if (isUnknownMember(issue)) {
        String member = lastSegment(issue.pointer());
        issues.add(
            new Issue(
                Severity.WARNING,
                NEWER_MINOR,
                issue.pointer(),
                "'" + member + "' is not part of version " + newestVersion() + " of the standard,"
                    + " the newest this SDK knows; this record follows " + declared
                    + ", which may define it. It is kept as it is, unchecked; update the SDK to check it",
                null,
                null));
      } else {
        issues.add(issue);
      }
    }
    return issues;
  }

  /**
   * An older version's record that uses a member a later bundled version defines: the error says
   * which version has it, so that the fix (declare that version) is plain.
   */
  private List<Issue> namingLaterVersions(int minor, String recordType, JsonNode document, List<Issue> issues) {
    if (issues.stream().noneMatch(SchemaCheck::isUnknownMember)) {
      return issues;
    }
    // The members each later version still does not know: one validation per later version.
    List<Set<String>> unknownLater = new ArrayList<>();
    for (int later = minor + 1; later < byMinor.size(); later++) {
      Compiled compiled = byMinor.get(later).get(recordType);
      Schema schema = compiled == null ? null : compiled.get();
      Set<String> unknown = new HashSet<>();
      if (schema == null) {
        issues.stream().filter(SchemaCheck::isUnknownMember).forEach(issue -> unknown.add(issue.pointer()));
      } else {
        toIssues(schema.validate(document)).stream()
            .filter(SchemaCheck::isUnknownMember)
            .forEach(issue -> unknown.add(issue.pointer()));
      }
      unknownLater.add(unknown);
    }
    List<Issue> named = new ArrayList<>(issues.size());
    for (Issue issue : issues) {
      String since = isUnknownMember(issue) ? firstVersionKnowing(minor, unknownLater, issue.pointer()) : null;
      if (since == null) {
        named.add(issue);
      } else {
        String member = lastSegment(issue.pointer());
        named.add(
            new Issue(
                Severity.ERROR,
                issue.code(),
                issue.pointer(),
                "'" + member + "' is part of version " + since + " of the standard, but this record"
                    + " declares schemaVersion " + MAJOR + "." + minor + ": set \"schemaVersion\": \""
                    + since + "\" (sstc upgrade --to " + since + " does it) or remove '" + member + "'",
                issue.value(),
                issue.line()));
      }
    }
    return named;
  }

  /** The first version after {@code minor} whose schema knows the member at {@code pointer}, or null. */
  private static @Nullable String firstVersionKnowing(int minor, List<Set<String>> unknownLater, String pointer) {
    for (int i = 0; i < unknownLater.size(); i++) {
      if (!unknownLater.get(i).contains(pointer)) {
        return MAJOR + "." + (minor + 1 + i);
      }
    }
    return null;
  }

  private static boolean isUnknownMember(Issue issue) {
    return issue.code().equals("schema.additionalProperties")
        || issue.code().equals("schema.unevaluatedProperties");
  }

  private static String lastSegment(String pointer) {
    String segment = pointer.substring(pointer.lastIndexOf('/') + 1);
    return segment.replace("~1", "/").replace("~0", "~");
  }

  private List<Issue> checkAgainst(int minor, String recordType, JsonNode document) {
    return compiled(minor, recordType).validate(document);
  }

  private Compiled compiled(int minor, String recordType) {
    Compiled schema = byMinor.get(minor).get(recordType);
    if (schema == null) {
      throw new IllegalArgumentException("unknown record type " + recordType);
    }
    return schema;
  }

  /** The fast check of one bundled schema, for the tests that hold it to networknt. */
  FastSchema fastSchema(int minor, String recordType) {
    return forTests(minor, recordType).fast();
  }

  /** networknt's errors alone, without the fast check, for the tests that compare the two. */
  List<Error> networknt(int minor, String recordType, JsonNode document) {
    return forTests(minor, recordType).get().validate(document);
  }

  /** networknt's failures as issues, the words a record gets without the fast check. */
  List<Issue> networkntIssues(int minor, String recordType, JsonNode document) {
    return toIssues(networknt(minor, recordType, document));
  }

  /** A record type's schema, or {@code validation-report}'s of the newest version. */
  private Compiled forTests(int minor, String recordType) {
    return recordType.equals(REPORT) && minor == byMinor.size() - 1 ? reportSchema : compiled(minor, recordType);
  }

  /** Validates a validation report written as JSON. */
  public List<Issue> checkReport(JsonNode report) {
    return reportSchema.validate(report);
  }

  private static List<Issue> toIssues(List<Error> errors) {
    List<SchemaFailure> failures = new ArrayList<>(errors.size());
    for (Error error : errors) {
      failures.add(SchemaFailure.of(error));
    }
    return issuesOf(failures);
  }

  /** The issues of networknt's failures, or of the same failures as the fast check explains them. */
  static List<Issue> issuesOf(List<SchemaFailure> failures) {
    List<Issue> issues = new ArrayList<>(failures.size());
    Set<String> anyOfReported = new HashSet<>();
    for (SchemaFailure error : failures) {
      if (error.evaluationPath().contains("/anyOf/")) {
        // networknt reports each failed branch of an anyOf; the standard's code names the
        // keyword that failed, anyOf, once, at the object that matched no branch.
        String at = error.instanceLocation();
        if (anyOfReported.add(at)) {
          issues.add(anyOf(at));
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
