package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.cli.internal.Plural;
import org.sstc.exchange.report.HtmlReport;
import org.sstc.exchange.report.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sstc report PATH... --out report.html}: a self-contained HTML overview of the files. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Writes one self-contained HTML page about the files: initiatives by modality and start year, "
          + "SDG goals covered, who cooperates with whom, money per currency (never converted), and "
          + "every validation issue linked to its record. Nothing on the page loads from the network.",
      "Invalid records are counted and shown with their issues; values outside the codelists are listed as invalid, "
          + "not shown as categories. A record given more than once (same type and id, e.g. a package and a mirror of it) "
          + "is counted once, in its newest version. Filters by modality, SDG goal, country, reporting organisation and "
          + "start year need script (one inline script, allowed by its hash); without it the whole page is shown."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the report was written (it may list issues)",
      "2:usage error, a file cannot be read (the report is still written), or the report cannot be written",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc report package.json --out report.html",
      "  sstc report data/ --title \"Triangular cooperation 2024\" --out public/index.html",
      "  sstc report package.json --lang zh --out report-zh.html",
      "  sstc report - --out - < package.json > report.html"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "The HTML file to write (its folder is created; an existing file is replaced); "
          + "- writes the page to standard output (and the summary to standard error).")
  Path out;

  @Option(names = "--title", paramLabel = "TEXT", description = "The page's title; default \"" + HtmlReport.DEFAULT_TITLE + "\".")
  String title;

  @Option(
      names = "--lang",
      paramLabel = "CODE",
      description = "The reader's language, a BCP 47 tag such as zh, ar, fr or pt-BR; default en. Titles and descriptions "
          + "are shown in it where the records have it (else the same language in another region or script, else English, "
          + "else the record's first language); the page's own words are in it if it is one of ar, en, es, fr, ru, zh "
          + "(Arabic right to left), else in English.")
  String lang;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A package, a record, an NDJSON file, or a folder (every *.json, *.ndjson and *.jsonl below it); "
          + "- reads one JSON document (a package or a record) from standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PathArgument.refuseRepeatedDash(spec, paths);
    HtmlReport.Builder builder = HtmlReport.builder().addAll(paths);
    if (title != null && !title.isBlank()) {
      builder.title(title);
    }
    if (lang != null) {
      try {
        builder.language(lang);
      } catch (IllegalArgumentException e) {
        err.println("sstc: --lang " + lang + ": not a BCP 47 language tag; use one such as en, zh, ar, fr or pt-BR");
        return Sstc.USAGE_OR_IO;
      }
    }
    HtmlReport report = builder.build();
    boolean toStdout = PathArgument.isDash(out);
    if (toStdout) {
      if (!PathArgument.print(stdout, report.html())) {
        err.println("sstc: cannot write the page to standard output");
        return Sstc.USAGE_OR_IO;
      }
    } else {
      try {
        report.writeTo(out);
      } catch (IOException e) {
        err.println("sstc: cannot write " + out + ": " + Inputs.reason(e));
        return Sstc.USAGE_OR_IO;
      }
    }
    if (report.fileCount() == 0) {
      err.println("sstc: no *.json, *.ndjson or *.jsonl files found in " + String.join(", ", paths)
          + "; the report is empty");
    }
    (toStdout ? err : stdout).println("wrote " + (toStdout ? "the page to standard output" : out) + ": "
        + Plural.count(report.initiativeCount(), "initiative") + ", " + Plural.count(report.recordCount(), "record")
        + ", " + Plural.count(report.errorCount(), "error") + ", " + Plural.count(report.warningCount(), "warning")
        + (report.duplicateCount() > 0 ? ", " + Plural.count(report.duplicateCount(), "duplicate") + " counted once" : ""));
    if (lang != null && !report.labelLanguage().equals(java.util.Locale.forLanguageTag(lang).getLanguage())) {
      err.println("sstc: the page's own words exist in " + String.join(", ", HtmlReport.LABEL_LANGUAGES) + "; --lang " + lang
          + " shows them in " + report.labelLanguage() + " (titles and descriptions are in " + lang + " where the records have it)");
    }
    if (report.unreadableFileCount() > 0) {
      err.println("sstc: " + report.unreadableFileCount() + " of the files could not be read; the report lists "
          + (report.unreadableFileCount() == 1 ? "it" : "them"));
      return Sstc.USAGE_OR_IO;
    }
    return Sstc.OK;
  }
}
