package org.sstc.exchange.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sstc.exchange.report.Inputs.Input;
import java.util.IllformedLocaleException;
import java.util.Locale;
import org.sstc.exchange.report.internal.HtmlPage;
import org.sstc.exchange.report.internal.Labels;
import org.sstc.exchange.report.internal.ReportData;

/**
 * A one-page HTML overview of SSTC Exchange files for people who read figures rather than JSON:
 * initiatives by modality and by start year, the SDG goals covered (in the UN's colours), who
 * cooperates with whom, money per currency (a reversal counts negatively), the solutions (since
 * 1.1: by maturity, the goals they cover, their providers' and application countries, a card
 * each linked to the initiatives it came from), and every validation issue linked to its record.
 *
 * <p>The page is self-contained (inline CSS and SVG, nothing fetched; one inline script for the
 * filters by modality, SDG goal, country, reporting organisation and start year, allowed by its
 * hash in the page's Content-Security-Policy, without which the whole page is shown), escapes
 * every string from the data, and is the same byte for byte for the same input. Since 1.1 it is in
 * the reader's language ({@link Builder#language(String)}), counts a record given twice once
 * ({@link #duplicateCount()}), lists values outside the codelists as invalid instead of as
 * categories, and shows money per currency by year. Invalid records are
 * counted and shown with their issues: the report is where a data team sees them. Files are read
 * whole (at most 256 MiB each), since every record is kept for the page.
 *
 * <pre>{@code
 * HtmlReport report = HtmlReport.builder()
 *     .title("FAO South-South cooperation 2024")
 *     .add(Path.of("data/"))              // a file, or every *.json / *.ndjson below a folder
 *     .build();
 * report.writeTo(Path.of("report.html"));
 * }</pre>
 *
 * @since 1.0
 */
public final class HtmlReport {
  /** The title when none is given (in English; a page in another language has it in its own). */
  public static final String DEFAULT_TITLE = "SSTC Exchange report";

  private final String html;
  private final int initiatives;
  private final int solutions;
  private final int records;
  private final long errors;
  private final long warnings;
  private final int unreadableFiles;
  private final int files;
  private final int duplicates;
  private final String labelLanguage;

  private HtmlReport(Builder builder) {
    ReportData data = new ReportData();
    for (Input input : Inputs.expand(builder.paths)) {
      data.add(input.name(), input.path(), input.problem());
    }
    this.duplicates = data.dropDuplicates();
    this.labelLanguage = Labels.forTag(builder.language).language();
    String title = builder.titled ? builder.title : Labels.forTag(builder.language).get("page.title");
    this.html = HtmlPage.render(data, title, "sstc " + ToolVersion.read(HtmlReport.class.getResourceAsStream("version.properties")),
        builder.language, duplicates);
    this.records = data.entries().size();
    this.initiatives = (int) data.entries().stream().filter(e -> e.type().equals("initiative")).count();
    this.solutions = (int) data.entries().stream().filter(e -> e.type().equals("solution")).count();
    this.errors = data.findings().stream().filter(f -> f.issue().isError()).count();
    this.warnings = data.findings().size() - errors;
    this.unreadableFiles = data.unreadableFiles();
    this.files = data.files().size();
  }

  /**
   * A builder with the default title and no input.
   *
   * @return a new builder; its title is {@link #DEFAULT_TITLE} until {@link Builder#title(String)}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The whole page, HTML text starting with {@code <!DOCTYPE html>}.
   *
   * @return the page, self-contained (nothing to fetch; its one script is the filters'); the same
   *     text for the same inputs, title and language
   */
  public String html() {
    return html;
  }

  /**
   * Writes the page to {@code file} (UTF-8), atomically: a reader never sees half a page.
   *
   * @param file the HTML file to write; its folders are created if absent, and an existing file
   *     is replaced. The page is first written to {@code file.partial} beside it
   * @throws IOException if the folder or file cannot be written, or the file system cannot move
   *     a file atomically within a folder; {@code file} is then unchanged
   */
  public void writeTo(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    Files.writeString(partial, html, StandardCharsets.UTF_8);
    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * How many initiatives the page shows.
   *
   * @return the initiatives read from every file, valid or not, those inside packages included
   */
  public int initiativeCount() {
    return initiatives;
  }

  /**
   * How many solutions (standard 1.1) the page shows.
   *
   * @return the solutions read from every file, valid or not, those inside packages included
   */
  public int solutionCount() {
    return solutions;
  }

  /**
   * How many records (initiatives, organisations, solutions) the page shows.
   *
   * @return the records read from every file, valid or not (a package counts for its initiatives,
   *     organisations and solutions, not itself); a file or line that is not JSON at all adds none
   */
  public int recordCount() {
    return records;
  }

  /**
   * How many validation errors the page lists (an unreadable file is one).
   *
   * @return the errors across every file; 0 when every record is valid and every file was read
   */
  public long errorCount() {
    return errors;
  }

  /**
   * How many validation warnings the page lists.
   *
   * @return the warnings across every file; warnings do not make a record invalid
   */
  public long warningCount() {
    return warnings;
  }

  /**
   * How many files the page is about (a folder counts as the files found below it).
   *
   * @return the files read or tried, unreadable ones included; 0 for an empty folder
   */
  public int fileCount() {
    return files;
  }

  /**
   * How many of the given files could not be read (each is listed on the page as an issue).
   *
   * @return the files that were missing, unreadable or too large; 0 when every file was read
   */
  public int unreadableFileCount() {
    return unreadableFiles;
  }

  /**
   * How many records were left out because the same record (same type and id) was given again,
   * e.g. a package and a mirror of it: each record is counted once, in its newest version (by
   * {@code lastUpdated}). The page says how many.
   *
   * @return the copies dropped; 0 when every record was given once
   * @since 1.1
   */
  public int duplicateCount() {
    return duplicates;
  }

  /**
   * The language of the page's own words (headings, labels, hints): one of {@link
   * #LABEL_LANGUAGES}, the one asked for with {@link Builder#language(String)}, else its base
   * language's, else English.
   *
   * @return a language code such as {@code "ar"}
   * @since 1.1
   */
  public String labelLanguage() {
    return labelLanguage;
  }

  /**
   * The languages the page's own words are in: the six official languages of the United Nations.
   *
   * @since 1.1
   */
  public static final List<String> LABEL_LANGUAGES = Labels.LANGUAGES;

  /** Collects the title, the reader's language and the input files. */
  public static final class Builder {
    private String title = DEFAULT_TITLE;
    private String language = "en";
    /** False until {@link #title(String)}: the page then has the default title in its language. */
    private boolean titled;
    private final List<String> paths = new ArrayList<>();

    private Builder() {}

    /**
     * The page's title and heading.
     *
     * @param title plain text (it is escaped), e.g. {@code "FAO South-South cooperation 2024"};
     *     leading and trailing spaces are taken off
     * @return this builder
     * @throws NullPointerException if {@code title} is null
     * @throws IllegalArgumentException if {@code title} is empty or only spaces
     */
    public Builder title(String title) {
      Objects.requireNonNull(title, "title");
      if (title.isBlank()) {
        throw new IllegalArgumentException("the title is blank");
      }
      this.title = title.strip();
      this.titled = true;
      return this;
    }

    /**
     * The reader's language: the records' titles and descriptions are shown in it where they
     * have it, and the page's own words if it is one of {@link #LABEL_LANGUAGES} (Arabic is laid
     * out right to left). A text is never lost for want of a translation; for each language map
     * the page shows, in order: the tag asked for ({@code zh-Hans}, letter case aside); the same
     * language with another or no region or script ({@code zh} for {@code zh-Hans}, {@code fr} for
     * {@code fr-CA}); English; the record's first text. A text not in the page's language is
     * marked with its own {@code lang}.
     *
     * @param tag a BCP 47 language tag, e.g. {@code "zh"}, {@code "ar"}, {@code "pt-BR"}; the
     *     default is {@code "en"}
     * @return this builder
     * @throws NullPointerException if {@code tag} is null
     * @throws IllegalArgumentException if {@code tag} is not a well-formed BCP 47 tag
     * @since 1.1
     */
    public Builder language(String tag) {
      Objects.requireNonNull(tag, "tag");
      try {
        Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
        if (locale.getLanguage().isEmpty()) {
          throw new IllformedLocaleException("no language subtag");
        }
      } catch (IllformedLocaleException e) {
        throw new IllegalArgumentException("'" + tag + "' is not a BCP 47 language tag such as en, zh, ar or pt-BR", e);
      }
      this.language = tag.strip();
      return this;
    }

    /**
     * A package, a single record, an NDJSON file ({@code *.ndjson}, {@code *.jsonl}), or a folder:
     * every {@code *.json}, {@code *.ndjson} and {@code *.jsonl} file below it, in sorted order.
     *
     * @param path the file or folder; it is read by {@link #build()}, not now, and one that cannot
     *     be read then is an issue on the page rather than an exception
     * @return this builder
     * @throws NullPointerException if {@code path} is null
     */
    public Builder add(Path path) {
      paths.add(Objects.requireNonNull(path, "path").toString());
      return this;
    }

    /**
     * Paths as given on a command line; see {@link #add(Path)}.
     *
     * @param arguments file or folder names, relative to the working directory or absolute; a name
     *     that is not a valid path is an issue on the page, not an exception; since 1.1, {@code -}
     *     is standard input, read once by {@link #build()} as one JSON document
     * @return this builder
     * @throws NullPointerException if {@code arguments} is or holds null
     */
    public Builder addAll(List<String> arguments) {
      for (String argument : arguments) {
        paths.add(Objects.requireNonNull(argument, "path"));
      }
      return this;
    }

    /**
     * Reads and validates every file, and renders the page.
     *
     * @return the report, holding the page and its counts; files that cannot be read or are not
     *     valid are shown on the page, never thrown
     */
    public HtmlReport build() {
      return new HtmlReport(this);
    }
  }
}
