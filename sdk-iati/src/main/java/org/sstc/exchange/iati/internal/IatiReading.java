package org.sstc.exchange.iati.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.iati.IatiImport;
import org.sstc.exchange.iati.IatiNote;
import org.sstc.exchange.iati.ImportedRecord;
import org.sstc.exchange.iati.IatiXml;
import tools.jackson.databind.node.ObjectNode;

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
      ImportedRecord<RecordPackage> header = null;
      XmlElement child;
      while ((child = stream.next()) != null) {
        if (child.is("iati-activity")) {
          long line = child.line;
          ActivityMapper.Mapped mapped = ActivityMapper.map(child);
          if (header == null) {
            header = header(root, mapped.reportingOrg(), fileNotes);
          }
          handler.initiative(header, imported(mapped.initiative(), Initiative.class, line), mapped.notes());
          continue;
        }
        if (child.is("iati-organisation")) {
          long line = child.line;
          OrganisationMapper.Mapped mapped = OrganisationMapper.map(child);
          if (header == null) {
            header = header(root, mapped.reporter(), fileNotes);
          }
          handler.organisation(header, imported(mapped.organisation(), Organisation.class, line), mapped.notes());
          continue;
        }
        if (child.isSstc() && child.name.equals("organisation")) {
          try {
            byte[] json = child.text().getBytes(StandardCharsets.UTF_8);
            Organisation organisation = SstcJson.standard().read(json, Organisation.class);
            child.use();
            if (header == null) {
              header = header(root, null, fileNotes);
            }
            handler.organisation(header, ImportedRecord.of(Organisation.RECORD_TYPE, organisation.id(), child.line,
                SstcJson.standard().write(organisation), organisation), List.of());
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
      return IatiImport.of(header, List.of(), List.of(), fileNotes);
    }
  }

  /**
   * A mapped record: a model object and the JSON it writes when it is complete, else the JSON as
   * mapped (it lacks what the file does not say), with no model object.
   */
  static <T extends SstcRecord> ImportedRecord<T> imported(Draft draft, Class<T> type, long line) {
    return imported(draft.tree(), type, line);
  }

  /** A record's tree as an {@link ImportedRecord}: with its model object when it is complete. */
  public static <T extends SstcRecord> ImportedRecord<T> imported(ObjectNode tree, Class<T> type, long line) {
    String recordType = tree.path("recordType").asString("");
    String id = tree.path("id").isString() ? tree.path("id").asString() : null;
    T record;
    try {
      record = SstcJson.standard().bind(tree, type);
    } catch (ValidationException | IllegalArgumentException | IllegalStateException e) {
      return ImportedRecord.of(recordType, id, line, JsonStreams.mapper().writeValueAsBytes(tree), null);
    }
    return ImportedRecord.of(recordType, id, line, SstcJson.standard().write(record), record);
  }

  private static ImportedRecord<RecordPackage> header(XmlElement root, @Nullable Draft firstReporter, List<IatiNote> notes) {
    String publisherId = root.attr("sstc:publisher-id");
    String publisherName = root.attr("sstc:publisher-name");
    Draft publisher = publisherId != null || publisherName != null
        ? Draft.of(OrgRef.class).set("id", publisherId).set("name", publisherName)
        : firstReporter;
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
    Draft header = Draft.record(RecordPackage.class, RecordPackage.RECORD_TYPE, RecordPackage.CURRENT_VERSION)
        .set("publisher", publisher)
        .set("publishedAt", publishedAt)
        .set("license", root.attr("sstc:license"));
    String version = root.attr("sstc:schema-version");
    if (version != null) {
      header.set("schemaVersion", version);
    }
    return imported(header, RecordPackage.class, root.line); // a missing publisher or publishedAt is reported
  }

  /** Reads the whole file (for files that fit in memory). */
  public static IatiImport read(InputStream in) {
    List<ImportedRecord<Initiative>> initiatives = new ArrayList<>();
    List<ImportedRecord<Organisation>> organisations = new ArrayList<>();
    List<IatiNote> notes = new ArrayList<>();
    IatiImport file = stream(in, new IatiXml.ActivityHandler() {
      @Override
      public void initiative(ImportedRecord<RecordPackage> header, ImportedRecord<Initiative> initiative, List<IatiNote> unmapped) {
        initiatives.add(initiative);
        notes.addAll(unmapped);
      }

      @Override
      public void organisation(ImportedRecord<RecordPackage> header, ImportedRecord<Organisation> organisation,
          List<IatiNote> unmapped) {
        organisations.add(organisation);
        notes.addAll(unmapped);
      }
    });
    notes.addAll(file.unmapped());
    notes.sort(java.util.Comparator.comparingLong(IatiNote::line).thenComparingLong(IatiNote::column));
    return IatiImport.of(file.header(), initiatives, organisations, notes);
  }
}
