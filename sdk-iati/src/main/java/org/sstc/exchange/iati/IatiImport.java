package org.sstc.exchange.iati;

import java.util.List;
import java.util.Objects;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Validator;

/**
 * What an IATI XML file became: a {@link RecordPackage} of initiatives (and of organisations, if the
 * file was written by this SDK) and the list of everything that could not be mapped.
 *
 * <p>The initiatives are what the file says, nothing invented: an IATI activity lacks fields the
 * SSTC standard requires (an {@code instrument}, each partner's SSTC {@code role}, an SDG link's
 * {@code contribution}), so an imported initiative is often not valid yet. Check it with {@link
 * Validator} and complete it; {@link #unmapped()} lists what the file held that the standard
 * cannot.
 *
 * <pre>{@code
 * IatiImport imported = IatiXml.standard().read(Path.of("activities.xml"));
 * for (Initiative initiative : imported.pkg().initiatives()) {
 *   ValidationReport report = Validator.standard().validate(initiative);
 * }
 * imported.unmapped().forEach(System.out::println);
 * }</pre>
 *
 * <p>When it comes from {@link IatiXml#stream}, {@code pkg} holds only the file's header
 * (publisher, date, licence) and {@code unmapped} only the notes outside any activity.
 *
 * @param pkg the package: publisher from the SSTC extension or the first activity's
 *     reporting-org, {@code publishedAt} from {@code generated-datetime} when it has a time zone
 * @param unmapped everything not mapped, in file order
 *
 * @since 1.0
 */
public record IatiImport(RecordPackage pkg, List<IatiNote> unmapped) {
  /**
   * Makes the result of an import; the notes are copied.
   *
   * @param pkg the package read (or, from {@link IatiXml#stream}, the file's header only); not null
   * @param unmapped everything not mapped, in file order; empty when everything was; copied, not
   *     null
   * @throws NullPointerException if {@code pkg} or {@code unmapped} is null, or a note is
   */
  public IatiImport {
    Objects.requireNonNull(pkg, "pkg");
    unmapped = List.copyOf(unmapped);
  }
}
