package org.sstc.exchange.sheets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationReport;

/**
 * What {@link Spreadsheets#unflatten(java.nio.file.Path)} made of a folder of CSV files: the
 * package, when the sheets hold a valid one, and every issue, each with its file, row and column.
 *
 * <pre>{@code
 * Unflattened result = Spreadsheets.standard().unflatten(Path.of("sheets"));
 * result.issues().forEach(System.out::println);
 * RecordPackage pkg = result.pkg().orElseThrow(() -> new IllegalStateException("fix the sheets first"));
 * }</pre>
 *
 * @since 1.0
 */
public final class Unflattened {
  private final @Nullable RecordPackage pkg;
  private final List<SheetIssue> issues;
  private final ValidationReport report;
  private final byte @Nullable [] json;

  private Unflattened(@Nullable RecordPackage pkg, List<SheetIssue> issues, byte @Nullable [] json) {
    this.json = json;
    this.issues = List.copyOf(issues);
    this.report = ValidationReport.of(this.issues.stream().map(SheetIssue::issue).toList());
    if (pkg != null && !report.valid()) {
      throw new IllegalArgumentException("a package is given only when there is no error");
    }
    this.pkg = pkg;
  }

  static Unflattened of(@Nullable RecordPackage pkg, List<SheetIssue> issues, byte @Nullable [] json) {
    Objects.requireNonNull(issues, "issues");
    return new Unflattened(pkg, issues, json);
  }

  /**
   * The package as the sheets hold it, as JSON, valid or not: what an incomplete package flattened
   * with {@link Spreadsheets#flatten(byte[], java.nio.file.Path)} comes back as. Cells the sheets'
   * structure made unreadable ({@code csv.*} errors) are left out of it.
   *
   * @return a new UTF-8 JSON document, a package; empty only when {@code package.csv} could not be
   *     read
   * @since 1.1
   */
  public Optional<byte[]> packageJson() {
    return json == null ? Optional.empty() : Optional.of(json.clone());
  }

  /**
   * Whether the sheets' structure could be read throughout: no {@code csv.*} error, so {@link
   * #packageJson()} holds every cell (the package may still break the standard).
   *
   * @return true when no cell was left out
   * @since 1.1
   */
  public boolean readable() {
    return json != null && issues.stream().noneMatch(issue -> issue.issue().isError() && issue.issue().code().startsWith("csv."));
  }

  /**
   * The package, present when there is no error (warnings allowed).
   *
   * @return the package the sheets hold, valid against the standard; empty when there is an error,
   *     in the sheets' structure or in the package
   */
  public Optional<RecordPackage> pkg() {
    return Optional.ofNullable(pkg);
  }

  /**
   * Whether the sheets hold a valid package.
   *
   * @return true when there is no error, and then {@link #pkg()} is present
   */
  public boolean valid() {
    return report.valid();
  }

  /**
   * Every issue with its cell: spreadsheet-structure problems first ({@code csv.*}), then what
   * the standard's validator found in the unflattened package, in its order.
   *
   * @return the issues, errors and warnings; empty when the sheets are clean. Immutable
   */
  public List<SheetIssue> issues() {
    return issues;
  }

  /**
   * The same issues as a {@link ValidationReport}: the validator's issues keep their JSON Pointers
   * into the unflattened package; {@code csv.*} issues have the pointer {@code ""} (their place is
   * the file, row and column of {@link #issues()}).
   *
   * @return the report, to write with {@link SstcJson#writeReport(ValidationReport)} or to hand to
   *     code that takes one; valid exactly when {@link #valid()} is
   */
  public ValidationReport report() {
    return report;
  }

  @Override
  public String toString() {
    return (valid() ? "valid" : "invalid") + " (" + report.errors().size() + " error(s), "
        + report.warnings().size() + " warning(s))";
  }
}
