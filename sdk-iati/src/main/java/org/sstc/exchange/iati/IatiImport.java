package org.sstc.exchange.iati;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Validator;

/**
 * What an IATI XML file became: its header, its initiatives (and organisations), each as an
 * {@link ImportedRecord}, and the list of everything that could not be mapped.
 *
 * <p>The records are what the file says, nothing invented: an IATI activity lacks members the
 * SSTC standard requires (an {@code instrument}, each partner's SSTC {@code role}, an SDG link's
 * {@code contribution}), so an imported initiative is often incomplete, and then it is JSON only,
 * never a model object with gaps. {@link #packageJson()} is the whole package as the standard's
 * JSON, incomplete records included: write it out, check it with {@link Validator} (which names
 * each missing member, such as {@code schema.required} at {@code /initiatives/0/title}) and
 * complete it. {@link #pkg()} is the package as a model object when every record is complete.
 * {@link #unmapped()} lists what the file held that the standard cannot.
 *
 * <pre>{@code
 * IatiImport imported = IatiXml.standard().read(Path.of("activities.xml"));
 * Files.write(Path.of("package.json"), imported.packageJson());
 * ValidationReport report = Validator.standard().validate(imported.packageJson());
 * imported.unmapped().forEach(System.out::println);
 * }</pre>
 *
 * <p>When it comes from {@link IatiXml#stream}, it holds only the file's header (publisher,
 * date, licence), no records, and {@code unmapped} only the notes outside any activity.
 *
 * @since 1.0
 */
public final class IatiImport {
  private final ImportedRecord<RecordPackage> header;
  private final List<ImportedRecord<Initiative>> initiatives;
  private final List<ImportedRecord<Organisation>> organisations;
  private final List<IatiNote> unmapped;
  private final @Nullable RecordPackage pkg;

  private IatiImport(ImportedRecord<RecordPackage> header, List<ImportedRecord<Initiative>> initiatives,
      List<ImportedRecord<Organisation>> organisations, List<IatiNote> unmapped) {
    this.header = header;
    this.initiatives = initiatives;
    this.organisations = organisations;
    this.unmapped = unmapped;
    this.pkg = whole(header, initiatives, organisations);
  }

  /**
   * The result of an import; the lists are copied.
   *
   * @param header the file's header as a package without records: publisher from the SSTC
   *     extension or the first activity's reporting-org, {@code publishedAt} from {@code
   *     generated-datetime} when it has a time zone; not null
   * @param initiatives the initiatives read, in file order; empty from {@link IatiXml#stream}
   * @param organisations the organisations read, in file order
   * @param unmapped everything not mapped, in file order; empty when everything was
   * @return the import
   * @throws NullPointerException if an argument, or an element of a list, is null
   * @throws IllegalArgumentException if {@code header} is not a package's
   */
  public static IatiImport of(ImportedRecord<RecordPackage> header, List<ImportedRecord<Initiative>> initiatives,
      List<ImportedRecord<Organisation>> organisations, List<IatiNote> unmapped) {
    Objects.requireNonNull(header, "header");
    if (!header.recordType().equals(RecordPackage.RECORD_TYPE)) {
      throw new IllegalArgumentException("the header is a " + header.recordType() + ", not a package");
    }
    return new IatiImport(header, List.copyOf(initiatives), List.copyOf(organisations), List.copyOf(unmapped));
  }

  private static @Nullable RecordPackage whole(ImportedRecord<RecordPackage> header,
      List<ImportedRecord<Initiative>> initiatives, List<ImportedRecord<Organisation>> organisations) {
    if (header.record().isEmpty()
        || !initiatives.stream().allMatch(ImportedRecord::complete)
        || !organisations.stream().allMatch(ImportedRecord::complete)) {
      return null;
    }
    return header.record().get().toBuilder()
        .initiatives(initiatives.stream().map(record -> record.record().orElseThrow()).toList())
        .organisations(organisations.stream().map(record -> record.record().orElseThrow()).toList())
        .build();
  }

  /**
   * The file's header: publisher, publishedAt, licence and version, as a package without records.
   *
   * @return the header; its {@link ImportedRecord#record()} is empty when the file does not say
   *     who published it or when (a {@code generated-datetime} without a time zone)
   */
  public ImportedRecord<RecordPackage> header() {
    return header;
  }

  /**
   * The initiatives read, one per {@code <iati-activity>}.
   *
   * @return in file order; empty from {@link IatiXml#stream}, or for an organisation file
   */
  public List<ImportedRecord<Initiative>> initiatives() {
    return initiatives;
  }

  /**
   * The organisations read: those of an IATI organisation file, or the SSTC organisations a file
   * written by this SDK carries.
   *
   * @return in file order; empty when there are none
   */
  public List<ImportedRecord<Organisation>> organisations() {
    return organisations;
  }

  /**
   * Everything the file holds that was not mapped, each with its line, column and path.
   *
   * @return in file order; empty when everything was mapped
   */
  public List<IatiNote> unmapped() {
    return unmapped;
  }

  /**
   * The package as a model object, when the header and every record are complete.
   *
   * @return the package of every record read; empty when one of them lacks a required member
   *     ({@link #packageJson()} holds them all, and {@link Validator} names what is missing)
   */
  public Optional<RecordPackage> pkg() {
    return Optional.ofNullable(pkg);
  }

  /**
   * The package as the standard's JSON: the header and every record, complete or not, each as
   * its {@link ImportedRecord#json()}. What {@code sstc import-iati} writes.
   *
   * @return a new UTF-8 JSON document, a package; {@code initiatives} and {@code organisations}
   *     left out when empty, as the SDK writes packages
   */
  public byte[] packageJson() {
    byte[] envelope = header.json();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // The header's members all come before the arrays in a package (RecordPackage's order).
    out.write(envelope, 0, envelope.length - 1);
    array(out, "initiatives", new ArrayList<>(initiatives));
    array(out, "organisations", new ArrayList<>(organisations));
    out.write('}');
    return out.toByteArray();
  }

  private static void array(ByteArrayOutputStream out, String name, List<ImportedRecord<?>> records) {
    if (records.isEmpty()) {
      return;
    }
    out.writeBytes((",\"" + name + "\":[").getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(records.get(i).json());
    }
    out.write(']');
  }

  /**
   * A short description for logs.
   *
   * @return the counts of records, complete records and notes
   */
  @Override
  public String toString() {
    long complete = initiatives.stream().filter(ImportedRecord::complete).count()
        + organisations.stream().filter(ImportedRecord::complete).count();
    return "IatiImport{" + initiatives.size() + " initiatives, " + organisations.size() + " organisations, "
        + complete + " complete, " + unmapped.size() + " unmapped}";
  }
}
