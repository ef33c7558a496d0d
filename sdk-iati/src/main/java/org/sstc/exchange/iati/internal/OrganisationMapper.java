package org.sstc.exchange.iati.internal;

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

  /**
   * An organisation's JSON (possibly incomplete), its identifier, the reporting org the element
   * names, and the notes on what was not mapped.
   */
  record Mapped(Draft organisation, @Nullable String id, @Nullable Draft reporter, List<IatiNote> notes) {}

  static Mapped map(XmlElement element) {
    // Nothing required is invented: what IATI lacks stays absent from the JSON, and the validator
    // reports it; the organisation is a model object only when it is complete (IatiReading).
    List<IatiNote> notes = new ArrayList<>();
    element.use();
    element.consume("xml:lang"); // narratives inherit it (XmlElement.inheritedLanguage)
    Draft builder = Draft.record(Organisation.class, Organisation.RECORD_TYPE, Organisation.CURRENT_VERSION);
    XmlElement identifier = element.child("organisation-identifier");
    String id = identifier == null ? null : identifier.use().trimmedText();
    builder.set("id", id);
    XmlElement name = element.child("name");
    java.util.Collection<String> names = List.of();
    if (name != null) {
      name.use();
      Map<String, String> texts = new LinkedHashMap<>();
      for (XmlElement narrative : name.children("narrative")) {
        narrative.consume("xml:lang");
        String inherited = narrative.inheritedLanguage();
        String canonical = inherited == null ? null : Normalised.languageTag(inherited);
        String lang = inherited == null ? "und" : canonical != null ? canonical : inherited.replace('_', '-');
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
              Normalised.languageNote(inherited, lang)));
        }
      }
      builder.set("name", texts.isEmpty() ? null : LanguageMap.of(texts));
      names = texts.values();
    }
    Draft reporter = null;
    XmlElement reporting = element.child("reporting-org");
    if (reporting != null) {
      String ref = reporting.peek("ref");
      List<XmlElement> narratives = reporting.children("narrative");
      String reporterName = narratives.isEmpty() ? null : narratives.get(0).text().strip();
      reporter = Draft.of(OrgRef.class).set("id", ref).set("name", reporterName);
      if (ref != null && ref.equals(id)) {
        // The organisation reports itself: its type is the organisation's type; its name restates the name.
        reporting.use().consume("ref");
        builder.set("orgType", reporting.attr("type"));
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
        builder.set("lastUpdated", OffsetDateTime.parse(lastUpdated));
      } catch (DateTimeParseException e) {
        notes.add(new IatiNote(id, element.path() + "/@last-updated-datetime", element.line, element.column,
            "last-updated-datetime \"" + lastUpdated + "\" has no time zone: lastUpdated needs an instant with a zone; set it"));
      }
    }
    element.reportUnused(id, notes);
    notes.sort(Comparator.comparingLong(IatiNote::line).thenComparingLong(IatiNote::column));
    return new Mapped(builder, id, reporter, List.copyOf(notes));
  }
}
