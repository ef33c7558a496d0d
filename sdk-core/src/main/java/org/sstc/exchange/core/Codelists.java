package org.sstc.exchange.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.schema.StandardFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codelists bundled with the standard: IATI's, ISO countries and currencies, the UN SDG goals,
 * targets and indicators, and the standard's own.
 *
 * <pre>{@code
 * Codelist targets = Codelists.standard().get("UNSDG-Targets");
 * String goal = targets.find("2.3").flatMap(CodelistItem::parentCode).orElseThrow(); // "2"
 * }</pre>
 *
 * <p>Lists are read from the bundled JSON on first use and kept; the object is thread-safe.
 *
 * @since 1.0
 */
public final class Codelists {
  /** Country codes, ISO 3166-1 alpha-2 (closed). */
  public static final String COUNTRY = "Country";
  /** Currency codes, ISO 4217 (closed), with minor units. */
  public static final String CURRENCY = "Currency";
  /** The 17 SDG goals (closed). */
  public static final String SDG_GOALS = "UNSDG-Goals";
  /** The 169 SDG targets, parent = goal (closed). */
  public static final String SDG_TARGETS = "UNSDG-Targets";
  /** The SDG indicators, parent = target (closed). */
  public static final String SDG_INDICATORS = "UNSDG-Indicators";
  /** IATI's register of organisation identifier prefixes. */
  public static final String ORGANISATION_REGISTRATION_AGENCY = "OrganisationRegistrationAgency";

  private static final Codelists STANDARD = new Codelists();

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final Map<String, String> fileByName;
  private final Map<String, Codelist> loaded = new ConcurrentHashMap<>();

  private Codelists() {
    Map<String, String> files = new LinkedHashMap<>();
    for (JsonNode entry : readBundled("codelists/index.json")) {
      files.put(entry.get("name").asString(), entry.get("file").asString());
    }
    this.fileByName = java.util.Collections.unmodifiableMap(files);
  }

  /**
   * The codelists of the standard version this SDK implements.
   *
   * @return the shared instance; each list is read from the jar on first use
   */
  public static Codelists standard() {
    return STANDARD;
  }

  /**
   * The names of every bundled list.
   *
   * @return the names that {@link #get(String)} accepts, e.g. {@code "Country"}, in the bundle's
   *     order; immutable
   */
  public Set<String> names() {
    return fileByName.keySet();
  }

  /**
   * The list with this name, if bundled.
   *
   * @param name the list's exact name, e.g. {@link #COUNTRY} or IATI's {@code "ActivityStatus"};
   *     case matters
   * @return the list, read on first use and kept; empty if no list of that name is bundled
   * @throws java.io.UncheckedIOException if the bundled file cannot be read (a broken jar)
   */
  public Optional<Codelist> find(String name) {
    String file = fileByName.get(name);
    if (file == null) {
      return Optional.empty();
    }
    // A plain read first: computeIfAbsent locks the key's bin when the list is not the bin's
    // first entry, and the rules look lists up for every code of every record.
    Codelist list = loaded.get(name);
    return Optional.of(list != null ? list : loaded.computeIfAbsent(name, unused -> load(file)));
  }

  /**
   * The list with this name.
   *
   * @param name the list's exact name, e.g. {@link #SDG_TARGETS}; case matters
   * @return the list, read on first use and kept
   * @throws IllegalArgumentException if no such list is bundled (the message lists those that are)
   */
  public Codelist get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No codelist named '" + name + "'; the bundled lists are " + names()));
  }

  private Codelist load(String file) {
    JsonNode root = readBundled("codelists/" + file);
    List<CodelistItem> items = new ArrayList<>();
    for (JsonNode item : root.get("items")) {
      Map<String, String> names = new LinkedHashMap<>();
      item.path("names").properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
      items.add(
          new CodelistItem(
              item.get("code").asString(),
              names,
              text(item, "parent"),
              item.path("withdrawn").asBoolean(false),
              item.hasNonNull("minorUnits") ? item.get("minorUnits").asInt() : null));
    }
    return new Codelist(
        root.get("name").asString(),
        root.path("title").asString(root.get("name").asString()),
        root.path("source").asString(""),
        text(root, "version"),
        root.path("open").asBoolean(false),
        text(root, "parentList"),
        items);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private JsonNode readBundled(String path) {
    try (InputStream in = StandardFiles.open(path)) {
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled codelist file " + path, e);
    }
  }
}
