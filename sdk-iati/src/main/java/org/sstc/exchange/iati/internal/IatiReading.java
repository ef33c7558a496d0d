package org.sstc.exchange.iati.internal;

import org.sstc.exchange.core.IncompleteRecords;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.iati.IatiImport;
import org.sstc.exchange.iati.IatiNote;
import org.sstc.exchange.iati.IatiXml;

/** The import loop behind {@link IatiXml}: one activity read, mapped, handed over and dropped at a time. */
public final class IatiReading {
  private static final String XSI = "{http://www.w3.org/2001/XMLSchema-instance}";

  private IatiReading() {}

  /** Streams the file to the handler; returns the header and the notes outside any activity. */
  public static IatiImport stream(InputStream in, IatiXml.ActivityHandler handler) {
    List<IatiNote> fileNotes = new ArrayList<>();
    try (ActivityStream stream = new ActivityStream(in)) {
      XmlElement root = stream.root();
      root.use();
      String version = root.attr("version");
      if (version == null || !List.of("2.01", "2.02", "2.03").contains(version)) {
        String why;
        if (version == null) {
          why = "the file does not say its IATI version (@version is missing or empty): it is read as 2.03";
        } else if (version.startsWith("1.")) {
          // IATI 1.x keeps texts in the element itself and codes by name: read as 2.03, those are
          // reported one by one below, so nothing is lost silently, but little maps.
          why = "IATI version " + version + " is 1.x, which this reader does not map (texts without <narrative>,"
              + " codes such as role=\"Funding\"): it is read as 2.03 and what does not map is reported;"
              + " convert the file to IATI 2.03 first for a useful import";
        } else {
          why = "IATI version \"" + version + "\" is not 2.01 to 2.03: the file is read as 2.03";
        }
        fileNotes.add(new IatiNote(null, root.path() + "/@version", root.line, root.column, why));
      }
      root.consume(XSI + "noNamespaceSchemaLocation");
      root.consume(XSI + "schemaLocation");
      RecordPackage header = null;
      XmlElement child;
      while ((child = stream.next()) != null) {
        if (child.is("iati-activity")) {
          ActivityMapper.Mapped mapped = ActivityMapper.map(child);
          if (header == null) {
            header = header(root, mapped.initiative().reportingOrg(), fileNotes);
          }
          handler.initiative(header, mapped.initiative(), mapped.notes());
          continue;
        }
        if (child.is("iati-organisation")) {
          OrganisationMapper.Mapped mapped = OrganisationMapper.map(child);
          if (header == null) {
            header = header(root, mapped.reporter(), fileNotes);
          }
          handler.organisation(header, mapped.organisation(), mapped.notes());
          continue;
        }
        if (child.isSstc() && child.name.equals("organisation")) {
          try {
            Organisation organisation = SstcJson.standard().read(child.text().getBytes(StandardCharsets.UTF_8), Organisation.class);
            child.use();
            if (header == null) {
              header = header(root, null, fileNotes);
            }
            handler.organisation(header, organisation, List.of());
          } catch (ValidationException e) {
            child.unmapped("the SSTC organisation is not valid: " + e.getMessage());
          }
        }
        child.reportUnused(null, fileNotes);
      }
      if (header == null) {
        header = header(root, null, fileNotes);
      }
      root.reportUnused(null, fileNotes);
      return new IatiImport(header, fileNotes);
    }
  }

  private static RecordPackage header(XmlElement root, @Nullable OrgRef firstReporter, List<IatiNote> notes) {
    String publisherId = root.attr("sstc:publisher-id");
    String publisherName = root.attr("sstc:publisher-name");
    OrgRef publisher = publisherId != null || publisherName != null ? IncompleteRecords.allow(() -> OrgRef.builder()
        .id(publisherId)
        .name(publisherName)
        .build()) : firstReporter;
    OffsetDateTime publishedAt = null;
    String generated = root.attr("generated-datetime");
    if (generated != null) {
      try {
        publishedAt = OffsetDateTime.parse(generated);
      } catch (DateTimeParseException e) {
        notes.add(new IatiNote(null, root.path() + "/@generated-datetime", root.line, root.column,
            "generated-datetime \"" + generated + "\" has no time zone: the package's publishedAt is left unset"));
      }
    }
    RecordPackage.Builder header = RecordPackage.builder()
        .schemaVersion(root.attr("sstc:schema-version"))
        .publisher(publisher)
        .publishedAt(publishedAt)
        .license(root.attr("sstc:license"));
    return IncompleteRecords.allow(header::build); // a missing publisher or publishedAt is reported
  }

  /** Reads the whole file into one package (for files that fit in memory). */
  public static IatiImport read(InputStream in) {
    List<Initiative> initiatives = new ArrayList<>();
    List<Organisation> organisations = new ArrayList<>();
    List<IatiNote> notes = new ArrayList<>();
    IatiImport file = stream(in, new IatiXml.ActivityHandler() {
      @Override
      public void initiative(RecordPackage header, Initiative initiative, List<IatiNote> unmapped) {
        initiatives.add(initiative);
        notes.addAll(unmapped);
      }

      @Override
      public void organisation(RecordPackage header, Organisation organisation, List<IatiNote> unmapped) {
        organisations.add(organisation);
        notes.addAll(unmapped);
      }
    });
    notes.addAll(file.unmapped());
    notes.sort(java.util.Comparator.comparingLong(IatiNote::line).thenComparingLong(IatiNote::column));
    RecordPackage header = file.pkg();
    RecordPackage.Builder pkg = header.toBuilder().initiatives(initiatives).organisations(organisations);
    return new IatiImport(IncompleteRecords.allow(pkg::build), notes); // a header IATI lacks is reported
  }
}
