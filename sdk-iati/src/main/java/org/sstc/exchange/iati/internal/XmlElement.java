package org.sstc.exchange.iati.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.iati.IatiNote;

/**
 * One element of one IATI activity, held in memory only while that activity is mapped.
 *
 * <p>Every read of an attribute, of the text or of the element itself marks it as used; after
 * mapping, {@link #reportUnused} walks the tree and lists whatever nobody read. That is how the
 * importer guarantees that nothing is dropped silently: a field the mapping forgets shows up in
 * the report instead of vanishing.
 */
final class XmlElement {
  /** The namespace of the SSTC extension elements and attributes. */
  static final String SSTC_NS = org.sstc.exchange.iati.IatiXml.EXTENSION_NAMESPACE;

  /**
   * The lexical form of {@code xml:lang} (xsd:language) in the XSD (RFC 3066), which every BCP 47
   * tag has: what the importer keeps as a language and what the exporter writes.
   */
  static final java.util.regex.Pattern XML_LANG = java.util.regex.Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");

  final String namespace;
  final String name;
  final long line;
  final long column;
  final List<XmlElement> children = new ArrayList<>(4);
  // The path is made only when something is reported: building it for every element costs more
  // than the rest of the mapping. A root child knows its index; others count their siblings.
  private final @Nullable XmlElement parent;
  private final int index;
  private @Nullable String path;
  private Map<String, String> attributes = Map.of();
  private @Nullable Map<String, Boolean> usedAttributes;
  private @Nullable StringBuilder text;
  private boolean used;
  private @Nullable String reason;
  private boolean textUsed;
  private final Map<String, Integer> childCounts = new LinkedHashMap<>();

  /** The root element, whose path is {@code /name}. */
  XmlElement(String name, long line, long column) {
    this("", name, null, 0, line, column);
  }

  /**
   * An element under {@code parent}; {@code index} is its 1-based index among same-name siblings
   * when known (children of the root, which are not kept), else 0 (counted when needed).
   */
  XmlElement(String namespace, String name, @Nullable XmlElement parent, int index, long line, long column) {
    this.namespace = namespace;
    this.name = name;
    this.parent = parent;
    this.index = index;
    this.line = line;
    this.column = column;
  }

  /** The 1-based index the next child of the root with this name gets. */
  int nextRootChildIndex(String namespace, String childName) {
    return childCounts.merge("{" + namespace + "}" + childName, 1, Integer::sum);
  }

  /** The element path with 1-based indices, e.g. {@code /iati-activities/iati-activity[3]/sector[2]}. */
  String path() {
    if (path == null) {
      if (parent == null) {
        path = "/" + displayName();
      } else {
        int position = index;
        if (position == 0) {
          for (XmlElement sibling : parent.children) {
            if (sibling.namespace.equals(namespace) && sibling.name.equals(name)) {
              position++;
            }
            if (sibling == this) {
              break;
            }
          }
        }
        path = parent.path() + "/" + displayName() + "[" + position + "]";
      }
    }
    return path;
  }

  void putAttribute(String qualifiedName, String value) {
    if (attributes.isEmpty()) {
      attributes = new LinkedHashMap<>(4);
    }
    attributes.put(qualifiedName, value);
  }

  void appendText(String chars) {
    if (text == null) {
      text = new StringBuilder(chars.length());
    }
    text.append(chars);
  }

  boolean isSstc() {
    return SSTC_NS.equals(namespace);
  }

  boolean is(String elementName) {
    return namespace.isEmpty() && name.equals(elementName);
  }

  /** Marks this element as mapped (its attributes and text still count separately). */
  XmlElement use() {
    used = true;
    return this;
  }

  /** Marks this element as not mapped, for the given reason (reported with its position). */
  void unmapped(String why) {
    used = false;
    reason = why;
  }

  boolean used() {
    return used;
  }

  /** The attribute's value, trimmed, or null when absent or blank; marks it used. */
  @Nullable String attr(String qualifiedName) {
    String value = attributes.get(qualifiedName);
    if (value == null) {
      return null;
    }
    markUsed(qualifiedName);
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** The attribute's value, without marking it used. */
  @Nullable String peek(String qualifiedName) {
    String value = attributes.get(qualifiedName);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The language in force here: this element's xml:lang, else the nearest ancestor's, up to
   * {@code <iati-activities>} (XML's own rule: xml:lang applies to everything inside the element
   * that carries it), or null.
   */
  @Nullable String inheritedLanguage() {
    for (XmlElement element = this; element != null; element = element.parent) {
      String language = element.attributes.get("xml:lang");
      if (language != null && !language.isBlank()) {
        return language.strip();
      }
    }
    return null;
  }

  boolean has(String qualifiedName) {
    return attributes.containsKey(qualifiedName);
  }

  /** Marks an attribute used without reading it (it carries nothing SSTC needs to keep). */
  void consume(String qualifiedName) {
    if (attributes.containsKey(qualifiedName)) {
      markUsed(qualifiedName);
    }
  }

  private void markUsed(String qualifiedName) {
    if (usedAttributes == null) {
      usedAttributes = new LinkedHashMap<>(4);
    }
    usedAttributes.put(qualifiedName, true);
  }

  /** The text content, exactly as written; marks it used. */
  String text() {
    textUsed = true;
    return text == null ? "" : text.toString();
  }

  /** The text content, trimmed, or null when blank; marks it used. */
  @Nullable String trimmedText() {
    String value = text().strip();
    return value.isEmpty() ? null : value;
  }

  List<XmlElement> children(String childName) {
    List<XmlElement> found = new ArrayList<>();
    for (XmlElement child : children) {
      if (child.is(childName)) {
        found.add(child);
      }
    }
    return found;
  }

  @Nullable XmlElement child(String childName) {
    for (XmlElement child : children) {
      if (child.is(childName)) {
        return child;
      }
    }
    return null;
  }

  @Nullable XmlElement sstcChild(String childName) {
    for (XmlElement child : children) {
      if (child.isSstc() && child.name.equals(childName)) {
        return child;
      }
    }
    return null;
  }

  List<XmlElement> sstcChildren(String childName) {
    List<XmlElement> found = new ArrayList<>();
    for (XmlElement child : children) {
      if (child.isSstc() && child.name.equals(childName)) {
        found.add(child);
      }
    }
    return found;
  }

  /** Marks this element and everything in it as used: for content kept whole. */
  void useAll() {
    used = true;
    textUsed = true;
    attributes.keySet().forEach(this::markUsed);
    children.forEach(XmlElement::useAll);
  }

  /**
   * Adds to {@code notes}, as notes of the activity {@code activityId} (null outside any), what
   * was not mapped: an unused element once (not its descendants), else each unused attribute and
   * unused non-blank text, then the children.
   */
  void reportUnused(@Nullable String activityId, List<IatiNote> notes) {
    if (!used) {
      notes.add(new IatiNote(activityId, path(), line, column,
          reason != null ? reason : "the element <" + displayName() + "> has no place in the SSTC standard"));
      return;
    }
    for (String attribute : attributes.keySet()) {
      if ((usedAttributes == null || !usedAttributes.containsKey(attribute)) && !attribute.equals("xml:lang")) {
        notes.add(new IatiNote(activityId, path() + "/@" + attribute, line, column,
            "the attribute " + attribute + "=\"" + abbreviate(attributes.get(attribute)) + "\" has no place in the SSTC standard"));
      }
    }
    if (!textUsed && text != null && !text.toString().isBlank()) {
      notes.add(new IatiNote(activityId, path() + "/text()", line, column, "the text \"" + abbreviate(text.toString().strip()) + "\" has no place in the SSTC standard"));
    }
    for (XmlElement child : children) {
      child.reportUnused(activityId, notes);
    }
  }

  /** The name in paths: sstc:name for the extension, {namespace}name for any other foreign element (as for attributes). */
  String displayName() {
    return isSstc() ? "sstc:" + name : namespace.isEmpty() ? name : "{" + namespace + "}" + name;
  }

  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
