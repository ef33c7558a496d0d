package org.sstc.exchange.iati;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.iati.internal.IatiReading;
import org.sstc.exchange.iati.internal.IatiSchema;

/**
 * Converts between IATI activity XML (versions 2.01 to 2.03 read, 2.03 written) and the SSTC
 * standard; IATI organisation files are read too (into organisations). The mapping table is in
 * {@code sdk-iati/IATI.md}.
 *
 * <p>Reading maps what IATI and the standard share (identifier, reporting and participating
 * organisations with their IATI roles, title, description, status, dates, recipient countries
 * and regions, locations, sectors, SDG tags, sectors and indicator references as SDG links, policy
 * markers, humanitarian, collaboration type 1 or 8 as bilateral or triangular modality, budgets,
 * transactions (a negative value as a reversal), documents, related activities, results) and lists everything else as an {@link IatiNote} with its line, column
 * and path: nothing is dropped silently and nothing required is invented, so an imported
 * initiative may still need completing: it is then JSON only, never a model object with gaps
 * (see {@link ImportedRecord}; check it with {@link Validator}).
 *
 * <p>Writing produces XML that validates against the official IATI 2.03 XSD ({@link
 * #checkSchema}); what IATI has no element for (modality, instrument, support types, SSTC roles,
 * contributions, extensions …) goes into elements of the namespace {@value #EXTENSION_NAMESPACE},
 * which the XSD allows, so SSTC → IATI → SSTC gives back the same initiatives. IATI has no place
 * for a solution record: {@link #write(RecordPackage, OutputStream)} leaves solutions out and
 * names each in a note ({@link #notWritten}).
 *
 * <p>Files are read as a stream, one {@code <iati-activity>} at a time with a StAX parser that
 * refuses DTDs (no entity is ever expanded or fetched), so a file of any size imports in constant
 * memory through {@link #stream}.
 *
 * <pre>{@code
 * IatiImport imported = IatiXml.standard().read(Path.of("activities.xml"));
 * imported.unmapped().forEach(System.out::println);
 * Files.write(Path.of("package.json"), imported.packageJson()); // complete it, then read it
 * RecordPackage pkg = SstcJson.standard().read(Files.readAllBytes(Path.of("package.json")), RecordPackage.class);
 *
 * try (OutputStream out = Files.newOutputStream(Path.of("out.xml"))) {
 *   IatiXml.standard().write(pkg, out);
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class IatiXml {
  /** The namespace of the SSTC extension elements and attributes in IATI XML. */
  public static final String EXTENSION_NAMESPACE = "https://sstc-exchange.org/iati-extension/1.0";

  private static final IatiXml STANDARD = new IatiXml();

  private IatiXml() {}

  /**
   * The converter; stateless and thread-safe.
   *
   * @return the shared converter
   */
  public static IatiXml standard() {
    return STANDARD;
  }

  /**
   * Receives each imported initiative as soon as its activity is read, for files too large to
   * hold (see {@link IatiXml#stream}).
   */
  public interface ActivityHandler {
    /**
     * One activity, mapped.
     *
     * @param header the package header the file gives (publisher, publishedAt, licence), the same
     *     object for every call; a package without records
     * @param initiative the initiative: its JSON, and its model object when it is complete (see
     *     {@link ImportedRecord})
     * @param unmapped what this activity held that was not mapped, in file order
     */
    void initiative(ImportedRecord<RecordPackage> header, ImportedRecord<Initiative> initiative, List<IatiNote> unmapped);

    /**
     * One organisation: an {@code <iati-organisation>} of an IATI organisation file, mapped (see
     * {@code IATI.md}), or an SSTC organisation record carried in the extension of a file written
     * by this SDK. Ignored unless overridden.
     *
     * @param header as for {@link #initiative}
     * @param organisation the organisation: its JSON, and its model object when it is complete
     * @param unmapped what it held that was not mapped
     */
    default void organisation(ImportedRecord<RecordPackage> header, ImportedRecord<Organisation> organisation,
        List<IatiNote> unmapped) {}
  }

  /**
   * Reads a whole file into a package (use {@link #stream} for files that do not fit in memory).
   *
   * @param file an IATI activities or organisation file, version 2.01 to 2.03
   * @return every initiative (and organisation) read, as JSON and, when complete, as a model
   *     object, and what was not mapped, each note with its line and column
   * @throws IatiReadException if the file is not well-formed XML, is truncated, has a DOCTYPE, or
   *     is not an IATI activities file
   * @throws UncheckedIOException if the file cannot be read
   */
  public IatiImport read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a whole stream (which the caller closes) into a package; see {@link #read(Path)}.
   *
   * @param in an IATI activities or organisation file, read to its end; not null
   * @return every initiative (and organisation) read, and what was not mapped
   * @throws IatiReadException if it is not well-formed XML, is truncated, has a DOCTYPE, or is
   *     not an IATI file
   * @throws NullPointerException if {@code in} is null
   */
  public IatiImport read(InputStream in) {
    return IatiReading.read(Objects.requireNonNull(in, "in"));
  }

  /**
   * Reads a stream one activity at a time, handing each initiative to the handler before reading
   * the next: memory stays constant whatever the file's size.
   *
   * <pre>{@code
   * IatiImport file = IatiXml.standard().stream(in, (header, initiative, unmapped) -> out.write(initiative.json()));
   * }</pre>
   *
   * @param in an IATI activities or organisation file, read to its end; the caller closes it
   * @param handler gets each initiative (and organisation) in file order, on the calling thread,
   *     before the next is read
   * @return the file's header (no records) and the notes outside any activity
   * @throws IatiReadException as {@link #read(Path)}; the handler may have had some activities
   *     already, so a caller that writes as it goes should discard its output
   */
  public IatiImport stream(InputStream in, ActivityHandler handler) {
    return IatiReading.stream(Objects.requireNonNull(in, "in"), Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Writes a package as one IATI 2.03 {@code <iati-activities>} document (UTF-8).
   *
   * @param pkg the package: its initiatives become activities, its organisations go into the
   *     extension namespace after them; its header goes on {@code <iati-activities>}. Its
   *     solutions are not written (see {@link #notWritten})
   * @param out where the XML goes; flushed, not closed. After a refused initiative it holds an
   *     unfinished document, to be discarded
   * @throws IllegalArgumentException if an initiative lacks what the IATI schema requires, or
   *     the package has no initiative
   * @throws java.io.UncheckedIOException if writing to {@code out} fails
   */
  public void write(RecordPackage pkg, OutputStream out) {
    Objects.requireNonNull(pkg, "pkg");
    if (pkg.initiatives().isEmpty()) {
      throw new IllegalArgumentException("an IATI file holds one activity or more: the package has no initiative");
    }
    IatiWriter writer = writer(out, pkg);
    pkg.initiatives().forEach(writer::write);
    pkg.organisations().forEach(writer::write);
    writer.close(); // not in a finally: after a refused initiative, the document is not ended
  }

  /**
   * What an IATI export of the package leaves out because IATI has no place for it: one note per
   * solution record (standard 1.1). An IATI activity file holds activities (initiatives) and
   * this SDK's extension holds organisations, but a solution (a practice offered for others to
   * take up) is neither an activity nor part of one, so it is not written; the SSTC JSON package
   * holds it. The note's path is the solution's place in the package ({@code /solutions/0}), its
   * line and column -1.
   *
   * @param pkg the package to be exported
   * @return one note per solution, in package order; empty when the package has none
   * @throws NullPointerException if {@code pkg} is null
   */
  public List<IatiNote> notWritten(RecordPackage pkg) {
    Objects.requireNonNull(pkg, "pkg");
    List<IatiNote> notes = new java.util.ArrayList<>();
    for (int i = 0; i < pkg.solutions().size(); i++) {
      notes.add(new IatiNote(null, "/solutions/" + i, -1, -1, "the solution \"" + pkg.solutions().get(i).id()
          + "\" is not written: IATI has no place for a solution record (an IATI file holds activities, and a solution is"
          + " not one); publish the SSTC JSON package, which holds solutions, alongside the IATI file"));
    }
    return List.copyOf(notes);
  }

  /**
   * The package as IATI 2.03 XML, in memory.
   *
   * @param pkg the package, as for {@link #write(RecordPackage, OutputStream)}
   * @return the UTF-8 XML document
   * @throws IllegalArgumentException if an initiative lacks what the IATI schema requires, or the
   *     package has no initiative
   */
  public byte[] write(RecordPackage pkg) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(pkg, out);
    return out.toByteArray();
  }

  /**
   * A writer that streams initiatives one at a time; the header's publisher, publishedAt,
   * licence and schema version go on {@code <iati-activities>} (its initiatives are ignored).
   *
   * @param out where the XML goes; the writer flushes it on {@link IatiWriter#close()} but does
   *     not close it
   * @param header the package whose header fields to write; its initiatives and organisations are
   *     not written
   * @return a new writer that has started the document: the XML declaration and the opening
   *     {@code <iati-activities>} with the header's attributes
   * @throws NullPointerException if {@code out} or {@code header} is null
   * @throws java.io.UncheckedIOException if writing the start of the document fails
   */
  public IatiWriter writer(OutputStream out, RecordPackage header) {
    return new IatiWriter(out, header);
  }

  /**
   * Checks a document against the official IATI 2.03 activities XSD, bundled in this SDK
   * (nothing is fetched): every violation with its line and column; empty when it validates.
   *
   * @param xml the document, read to its end; the caller closes it
   * @return one note per XSD violation, in document order; empty when the document validates.
   *     A document that is not well-formed gives a note too, rather than an exception
   * @throws java.io.UncheckedIOException if reading {@code xml} fails
   */
  public List<IatiNote> checkSchema(InputStream xml) {
    return IatiSchema.check(Objects.requireNonNull(xml, "xml"));
  }

  /**
   * Checks a document in memory against the IATI 2.03 XSD; see {@link #checkSchema(InputStream)}.
   *
   * @param xml the document's bytes
   * @return one note per XSD violation, in document order; empty when the document validates
   */
  public List<IatiNote> checkSchema(byte[] xml) {
    return checkSchema(new ByteArrayInputStream(xml));
  }
}
