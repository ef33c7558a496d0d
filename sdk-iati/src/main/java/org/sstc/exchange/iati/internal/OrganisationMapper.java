package org.sstc.exchange.iati.internal;

import org.sstc.exchange.core.IncompleteRecords;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.iati.IatiNote;

/**
 * Maps one {@code <iati-organisation>} (IATI organisation file) to an SSTC organisation: its
 * identifier, name, type (from its own reporting-org) and last update. Budgets, expenditure and
 * documents have no place in the SSTC organisation record and are reported.
 */
final class OrganisationMapper {
  private OrganisationMapper() {}

  /** An organisation, the reporting org the element names, and the notes on what was not mapped. */
  record Mapped(Organisation organisation, @Nullable OrgRef reporter, List<IatiNote> notes) {}

  static Mapped map(XmlElement element) {
    // Nothing required is invented: what IATI lacks stays absent, and the validator reports it.
    return IncompleteRecords.allow(() -> mapPartial(element));
  }

  private static Mapped mapPartial(XmlElement element) {
    List<IatiNote> notes = new ArrayList<>();
    element.use();
    element.consume("xml:lang"); // narratives inherit it (XmlElement.inheritedLanguage)
    Organisation.Builder builder = Organisation.builder();
    XmlElement identifier = element.child("organisation-identifier");
    String id = identifier == null ? null : identifier.use().trimmedText();
    builder.id(id);
    XmlElement name = element.child("name");
    java.util.Collection<String> names = List.of();
    if (name != null) {
      name.use();
      Map<String, String> texts = new LinkedHashMap<>();
      for (XmlElement narrative : name.children("narrative")) {
        narrative.consume("xml:lang");
        String inherited = narrative.inheritedLanguage();
        String lang = inherited == null ? "und" : inherited.replace('_', '-');
        String text = narrative.text().strip(); // the whitespace around a narrative is layout
        if (text.isEmpty() || texts.containsKey(lang)) {
          narrative.unmapped(text.isEmpty() ? "an empty narrative" : "a second name in \"" + lang + "\": the first is kept");
          continue;
        }
        narrative.use();
        texts.put(lang, text);
        if (inherited == null) {
          notes.add(new IatiNote(id, narrative.path(), narrative.line, narrative.column,
              "neither the narrative nor the organisation has xml:lang: the name is kept under \"und\" (undetermined); set its language"));
        } else if (!lang.equals(inherited)) {
          notes.add(new IatiNote(id, narrative.path(), narrative.line, narrative.column,
              "the language \"" + inherited + "\" is written with an underscore: it is kept as \"" + lang + "\""));
        }
      }
      builder.name(texts.isEmpty() ? null : LanguageMap.of(texts));
      names = texts.values();
    }
    OrgRef reporter = null;
    XmlElement reporting = element.child("reporting-org");
    if (reporting != null) {
      String ref = reporting.peek("ref");
      List<XmlElement> narratives = reporting.children("narrative");
      String reporterName = narratives.isEmpty() ? null : narratives.get(0).text().strip();
      reporter = OrgRef.builder().id(ref).name(reporterName).build();
      if (ref != null && ref.equals(id)) {
        // The organisation reports itself: its type is the organisation's type; its name restates the name.
        reporting.use().consume("ref");
        builder.orgType(reporting.attr("type"));
        for (XmlElement narrative : narratives) {
          if (names.contains(narrative.text().strip()) || narrative.text().isBlank()) {
            narrative.use();
          } else {
            narrative.unmapped("the reporting-org names the organisation otherwise than its <name>: the <name> is kept");
          }
        }
      } else {
        reporting.unmapped("reporting-org " + ref + " is another organisation: the SSTC organisation record has no reporter");
      }
    }
    String lastUpdated = element.attr("last-updated-datetime");
    if (lastUpdated != null) {
      try {
        builder.lastUpdated(OffsetDateTime.parse(lastUpdated));
      } catch (DateTimeParseException e) {
        notes.add(new IatiNote(id, element.path() + "/@last-updated-datetime", element.line, element.column,
            "last-updated-datetime \"" + lastUpdated + "\" has no time zone: lastUpdated needs an instant with a zone; set it"));
      }
    }
    element.reportUnused(id, notes);
    notes.sort(Comparator.comparingLong(IatiNote::line).thenComparingLong(IatiNote::column));
    return new Mapped(builder.build(), reporter, List.copyOf(notes));
  }
}
