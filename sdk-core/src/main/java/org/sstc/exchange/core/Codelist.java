package org.sstc.exchange.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A list of codes the standard uses, as bundled in {@code schema/codelists/NAME.json}.
 *
 * <p>A <em>closed</em> list refuses unknown codes ({@code codelist.unknown-code}, an error); an
 * <em>open</em> list accepts them with a warning ({@code codelist.open-code}). Withdrawn codes are
 * a warning either way ({@code codelist.withdrawn-code}).
 *
 * @since 1.0
 */
public final class Codelist {
  private final String name;
  private final String title;
  private final String source;
  private final @Nullable String version;
  private final boolean open;
  private final @Nullable String parentList;
  private final Map<String, CodelistItem> items;

  Codelist(
      String name,
      String title,
      String source,
      @Nullable String version,
      boolean open,
      @Nullable String parentList,
      List<CodelistItem> items) {
    this.name = Objects.requireNonNull(name, "name");
    this.title = title;
    this.source = source;
    this.version = version;
    this.open = open;
    this.parentList = parentList;
    Map<String, CodelistItem> byCode = new LinkedHashMap<>();
    for (CodelistItem item : items) {
      byCode.putIfAbsent(item.code(), item);
    }
    this.items = java.util.Collections.unmodifiableMap(byCode);
  }

  /**
   * The list's name, as {@link Codelists#get(String)} takes it.
   *
   * @return the name, e.g. {@code "Country"}, {@code "UNSDG-Targets"}
   */
  public String name() {
    return name;
  }

  /**
   * A title for people.
   *
   * @return the title in English, e.g. {@code "Activity Status"}; the name when the source has no
   *     title
   */
  public String title() {
    return title;
  }

  /**
   * Where the codes come from.
   *
   * @return a description of the source, e.g. "IATI Standard 2.03 codelist ActivityStatus"; empty
   *     when the bundle does not say
   */
  public String source() {
    return source;
  }

  /**
   * The source's version, if it has one.
   *
   * @return the version of the source the codes were taken from; empty when it has none
   */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /**
   * Whether codes outside the list are accepted.
   *
   * @return true for an open list (an unknown code is a {@code codelist.open-code} warning), false
   *     for a closed one (a {@code codelist.unknown-code} error)
   */
  public boolean isOpen() {
    return open;
  }

  /**
   * The name of the list that parents point into.
   *
   * @return e.g. {@code "UNSDG-Goals"} for targets; empty for a list whose items have no parent
   */
  public Optional<String> parentList() {
    return Optional.ofNullable(parentList);
  }

  /**
   * Every item, in the source's order.
   *
   * @return the items, withdrawn ones included; a new immutable list each call
   */
  public List<CodelistItem> items() {
    return List.copyOf(items.values());
  }

  /**
   * The item with this code, if the list has it.
   *
   * @param code the code as the standard writes it, e.g. {@code "2.3"}; case matters
   * @return the item, withdrawn or not; empty if the list has no such code
   */
  public Optional<CodelistItem> find(String code) {
    return Optional.ofNullable(items.get(code));
  }

  /**
   * Whether the list has this code.
   *
   * @param code the code as the standard writes it, e.g. {@code "BR"}; case matters
   * @return true if the list has it, withdrawn or not
   */
  public boolean contains(String code) {
    return items.containsKey(code);
  }

  @Override
  public String toString() {
    return "Codelist{" + name + ", " + items.size() + " items, " + (open ? "open" : "closed") + "}";
  }
}
