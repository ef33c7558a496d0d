package org.sstc.exchange.iati;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.iati.internal.IatiReading;
import org.sstc.exchange.iati.internal.ProfileRules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A completion profile: what a data team assumes about a publisher's IATI activities to supply
 * what IATI has no place for (an instrument, each partner's SSTC role, an SDG link's contribution
 * level, the language of untagged text, a modality from the countries and roles), as defaults
 * and rules with conditions, in a JSON file.
 *
 * <p>A profile only adds a value where the record has none, except a participant's role that the
 * importer derived from IATI's role 1 or 4 ({@code funder}, {@code implementer}), which the
 * profile's role table replaces. Every value it adds is returned as a {@link ProfileValue} and kept
 * in the record under the extension {@value #EXTENSION_KEY} ({@code {"profile": name, "values":
 * [{"pointer", "value", "rule"}]}}), so nothing is silently invented and a reader can find, and
 * undo, what the profile assumed. A record that has an {@code instrument} already (IATI has none:
 * it came with this SDK's {@code sstc:initiative} extension, or was completed before) is left as
 * it is.
 *
 * <pre>{@code
 * CompletionProfile profile = CompletionProfile.defaultProfile(); // or load(Path.of("my-profile.json"))
 * for (ImportedRecord<Initiative> imported : IatiXml.standard().read(file).initiatives()) {
 *   Completion completion = profile.complete(imported);
 *   completion.filled().forEach(System.out::println);  // /instrument = "project" (defaults.instrument)
 *   Optional<Initiative> initiative = completion.record().record(); // present once complete
 * }
 * }</pre>
 *
 * <p>The file format is described by the JSON Schema {@value #SCHEMA_RESOURCE} in this jar; the
 * default profile, {@value #DEFAULT_RESOURCE}, and each of its choices are explained in {@code
 * sdk-iati/IATI.md}. Immutable and thread-safe.
 *
 * @since 1.1
 */
public final class CompletionProfile {
  /** The extension key under which a completed record lists what the profile added. */
  public static final String EXTENSION_KEY = "sstc:completedByProfile";

  /** The JSON Schema of profile files, a resource of this jar. */
  public static final String SCHEMA_RESOURCE = "/org/sstc/exchange/iati/profile/completion-profile.schema.json";

  /** The default profile, a resource of this jar. */
  public static final String DEFAULT_RESOURCE = "/org/sstc/exchange/iati/profile/default.json";

  /** The name {@code sstc import-iati --profile} takes for the default profile. */
  public static final String DEFAULT_NAME = "default";

  private static final String SCHEMA_ID =
      "https://sstc-exchange.org/schema/iati/completion-profile/1.0/completion-profile.schema.json";

  /** The profile schema, compiled once; resolved from the jar only, never fetched. */
  private static final class ProfileSchema {
    static final Schema SCHEMA = load();

    private static Schema load() {
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          builder -> builder
              .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
              .schemaLoader(loader -> loader.fetchRemoteResources(false))
              .schemas(iri -> iri.equals(SCHEMA_ID) ? resource(SCHEMA_RESOURCE) : null));
      Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_ID));
      schema.initializeValidators();
      return schema;
    }
  }

  private static final class Default {
    static final CompletionProfile PROFILE = parse(resource(DEFAULT_RESOURCE).getBytes(StandardCharsets.UTF_8),
        DEFAULT_NAME);
  }

  private final ProfileRules rules;

  private CompletionProfile(ProfileRules rules) {
    this.rules = rules;
  }

  /**
   * The profile that ships with the SDK ({@code sstc import-iati --profile default}): instrument
   * {@code project}, SDG contribution {@code significant}, untagged text in English, IATI roles 1–3
   * as provider and 4 as recipient, rules for triangular roles, regional and bilateral modality,
   * the remainder to 100 for the one share without a percentage, the previous reporting-org
   * ids of publishers that changed theirs (DFID's {@code GB-1}, the Netherlands' {@code NL-1}), and
   * negative budgets set aside
   * (kept in the extension {@code sstc:setAsideByProfile}, and written back on export). {@code
   * sdk-iati/IATI.md} explains each choice.
   *
   * @return the default profile
   */
  public static CompletionProfile defaultProfile() {
    return Default.PROFILE;
  }

  /**
   * Reads a profile file.
   *
   * @param file a JSON file of the profile format ({@value #SCHEMA_RESOURCE}); not null
   * @return the profile
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not JSON, or not a profile: the message names the
   *     file and the JSON Pointer of each problem
   * @throws NullPointerException if {@code file} is null
   */
  public static CompletionProfile load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return parse(Files.readAllBytes(file), file.toString());
  }

  /**
   * Reads a profile from its JSON.
   *
   * @param json the profile, UTF-8 JSON; not null
   * @param source what to call it in messages, such as its file name; not null
   * @return the profile
   * @throws IllegalArgumentException if it is not JSON, or not a profile: the message names
   *     {@code source} and the JSON Pointer of each problem
   */
  public static CompletionProfile parse(byte[] json, String source) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    JsonNode tree;
    try {
      tree = JsonStreams.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"), e);
    }
    List<String> problems = new ArrayList<>();
    for (Error error : ProfileSchema.SCHEMA.validate(tree)) {
      String at = String.valueOf(error.getInstanceLocation());
      problems.add(source + ":" + (at.equals("/") ? "" : at) + ": " + error.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("not a completion profile (the format: " + SCHEMA_RESOURCE
          + " in sdk-iati, explained in sdk-iati/IATI.md): " + String.join("; ", problems));
    }
    return new CompletionProfile(ProfileRules.of(tree));
  }

  /**
   * The profile's name, as its file gives it; written into each record it completes.
   *
   * @return e.g. {@code default}
   */
  public String name() {
    return rules.name();
  }

  /**
   * Completes one imported initiative.
   *
   * @param initiative an initiative as the importer gave it; not null
   * @return the completed record and what the profile added; the record given, and no values,
   *     when it has an instrument already or the profile had nothing to add
   * @throws NullPointerException if {@code initiative} is null
   */
  public Completion complete(ImportedRecord<Initiative> initiative) {
    Objects.requireNonNull(initiative, "initiative");
    if (!(JsonStreams.mapper().readTree(initiative.json()) instanceof ObjectNode tree) || tree.has("instrument")) {
      return new Completion(initiative, List.of());
    }
    List<ProfileRules.Filled> filled = rules.apply(tree, Instant.now());
    if (filled.isEmpty()) {
      return new Completion(initiative, List.of());
    }
    List<ProfileValue> values = new ArrayList<>();
    ArrayNode listed = tree.arrayNode();
    for (ProfileRules.Filled value : filled) {
      values.add(new ProfileValue(value.pointer(), JsonStreams.mapper().writeValueAsString(value.value()), value.rule()));
      listed.addObject().put("pointer", value.pointer()).put("rule", value.rule()).set("value", value.value());
    }
    ObjectNode extensions = tree.get("extensions") instanceof ObjectNode given ? given : tree.putObject("extensions");
    ObjectNode note = extensions.putObject(EXTENSION_KEY);
    note.put("profile", name());
    note.set("values", listed);
    return new Completion(IatiReading.imported(tree, Initiative.class, initiative.line()), values);
  }

  /** The name, for logs. */
  @Override
  public String toString() {
    return "CompletionProfile{" + name() + "}";
  }

  private static String resource(String name) {
    try (InputStream in = CompletionProfile.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the sdk-iati jar lacks " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
