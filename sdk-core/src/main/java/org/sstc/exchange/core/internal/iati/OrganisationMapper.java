package org.sstc.exchange.core.internal.iati;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.IatiNote;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Organisation;

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
    List<IatiNote> notes = new ArrayList<>();
    element.use();
    String language = element.attr("xml:lang");
    Organisation.Builder builder = Organisation.builder();
    XmlElement identifier = element.child("organisation-identifier");
    String id = identifier == null ? null : identifier.use().trimmedText();
    builder.id(id);
    XmlElement name = element.child("name");
    if (name != null) {
      name.use();
      Map<String, String> texts = new LinkedHashMap<>();
      for (XmlElement narrative : name.children("narrative")) {
        String lang = Objects.requireNonNullElse(narrative.attr("xml:lang"), Objects.requireNonNullElse(language, "und"));
        String text = narrative.text();
        if (text.isBlank() || texts.containsKey(lang)) {
          narrative.unmapped(text.isBlank() ? "an empty narrative" : "a second name in \"" + lang + "\": the first is kept");
        } else {
          narrative.use();
          texts.put(lang, text);
        }
      }
      builder.name(texts.isEmpty() ? null : LanguageMap.of(texts));
    }
    OrgRef reporter = null;
    XmlElement reporting = element.child("reporting-org");
    if (reporting != null) {
      String ref = reporting.peek("ref");
      List<XmlElement> narratives = reporting.children("narrative");
      String reporterName = narratives.isEmpty() ? null : narratives.get(0).text().strip();
      reporter = new OrgRef(ref, reporterName);
      if (ref != null && ref.equals(id)) {
        // The organisation reports itself: its type is the organisation's type; its name restates the name.
        reporting.use().consume("ref");
        builder.orgType(reporting.attr("type"));
        narratives.forEach(XmlElement::use);
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
    element.reportUnused(left -> notes.add(new IatiNote(id, left.path(), left.line(), left.column(), left.message())));
    notes.sort(Comparator.comparingLong(IatiNote::line).thenComparingLong(IatiNote::column));
    return new Mapped(builder.build(), reporter, List.copyOf(notes));
  }
}
