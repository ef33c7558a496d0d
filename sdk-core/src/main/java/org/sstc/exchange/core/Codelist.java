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

  /** The list's name, e.g. {@code "Country"}, {@code "UNSDG-Targets"}. */
  public String name() {
    return name;
  }

  /** A title for people. */
  public String title() {
    return title;
  }

  /** Where the codes come from, e.g. "IATI Standard 2.03 codelist ActivityStatus". */
  public String source() {
    return source;
  }

  /** The source's version, if it has one. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** True if codes outside the list are accepted (with a warning). */
  public boolean isOpen() {
    return open;
  }

  /** The name of the list that parents point into, e.g. {@code "UNSDG-Goals"} for targets. */
  public Optional<String> parentList() {
    return Optional.ofNullable(parentList);
  }

  /** Every item, in the source's order. */
  public List<CodelistItem> items() {
    return List.copyOf(items.values());
  }

  /** The item with this code, if the list has it. */
  public Optional<CodelistItem> find(String code) {
    return Optional.ofNullable(items.get(code));
  }

  /** True if the list has this code (withdrawn or not). */
  public boolean contains(String code) {
    return items.containsKey(code);
  }

  @Override
  public String toString() {
    return "Codelist{" + name + ", " + items.size() + " items, " + (open ? "open" : "closed") + "}";
  }
}
