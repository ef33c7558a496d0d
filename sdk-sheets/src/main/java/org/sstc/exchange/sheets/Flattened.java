package org.sstc.exchange.sheets;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.ValidationReport;

/**
 * What {@link Spreadsheets#flatten(byte[], Path)} wrote: the sheets, and the package's issues,
 * each placed at the file, row and column to fix, as {@code issues.csv} lists them.
 *
 * <pre>{@code
 * Flattened sheets = Spreadsheets.standard().flatten(Files.readAllBytes(Path.of("imported.json")), dir);
 * if (!sheets.valid()) {
 *   sheets.issues().forEach(System.out::println); // participants.csv row 3 column G (Role): error ...
 * }
 * }</pre>
 *
 * @since 1.1
 */
public final class Flattened {
  private final List<Path> files;
  private final @Nullable Path issuesFile;
  private final List<SheetIssue> issues;
  private final ValidationReport report;

  private Flattened(List<Path> files, @Nullable Path issuesFile, List<SheetIssue> issues) {
    this.files = List.copyOf(files);
    this.issuesFile = issuesFile;
    this.issues = List.copyOf(issues);
    this.report = ValidationReport.of(this.issues.stream().map(SheetIssue::issue).toList());
  }

  static Flattened of(List<Path> files, @Nullable Path issuesFile, List<SheetIssue> issues) {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(issues, "issues");
    return new Flattened(files, issuesFile, issues);
  }

  /**
   * The sheets of the layout that were written, in layout order ({@code issues.csv} not included).
   *
   * @return the files; immutable
   */
  public List<Path> files() {
    return files;
  }

  /**
   * The {@code issues.csv} written beside the sheets.
   *
   * @return its path; empty when the package has no issue (and no {@code issues.csv} is left)
   */
  public Optional<Path> issuesFile() {
    return Optional.ofNullable(issuesFile);
  }

  /**
   * The package's issues, placed at their cells, as {@code issues.csv} lists them.
   *
   * @return errors and warnings; empty for a valid package without warnings; immutable
   */
  public List<SheetIssue> issues() {
    return issues;
  }

  /**
   * Whether the package written is valid.
   *
   * @return true when no issue is an error
   */
  public boolean valid() {
    return report.valid();
  }

  /**
   * The counts, for logs.
   *
   * @return the number of sheets and of errors and warnings
   */
  @Override
  public String toString() {
    return "Flattened{" + files.size() + " sheets, " + report.errors().size() + " error(s), "
        + report.warnings().size() + " warning(s)}";
  }
}
