package org.sstc.exchange.report.internal;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;

/**
 * Writes JUnit XML (the Apache Ant / Jenkins format that CI servers show as test reports): one
 * {@code <testsuite>} a file, inside one {@code <testsuites>}; one {@code <testcase>} a record
 * (named by its pointer and id, e.g. {@code /initiatives/2 XM-DAC-41301-SSTC-2024-0011}), plus
 * one for a package's header ({@code package}) and one for issues outside any record.
 *
 * <p>A record with errors fails: its testcase has one {@code <failure>} (the format allows one),
 * whose {@code type} is the first error's code and whose text lists every issue of the record, one
 * a line. Warnings do not fail a record: they are listed in the suite's {@code <system-out>} (and
 * in the failure text of a record that fails). A file that cannot be read, or on which the
 * validator failed, is an {@code <error>}. Each suite is written when its file ends.
 */
public final class JUnitReporter implements Reporter {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final PrintWriter out;
  private final XMLStreamWriter xml;
  private final Path base;
  private @Nullable FileIssues file;
  private long started;
  private @Nullable LocalDateTime startedAt;
  private int suites;
  private long omittedErrors;
  private long omittedWarnings;
  /** False once issues were left out: the suite then lists only the records with a listed issue. */
  private boolean everyRecord;

  /**
   * The command line's writer: files are named relative to the working directory.
   *
   * @param out where the XML goes, a suite at a time
   */
  public JUnitReporter(PrintWriter out) {
    this(out, Path.of(""));
  }

  /**
   * A writer whose relative file names are read from {@code base} (sstc-maven-plugin: the
   * project's directory), to find each record and its issues in the file.
   *
   * @param out where the XML goes, a suite at a time
   * @param base the directory relative file names start from
   */
  public JUnitReporter(PrintWriter out, Path base) {
    this.out = out;
    this.base = base.toAbsolutePath().normalize();
    try {
      // The JDK's own writer, not whichever StAX provider the class path offers (Maven's has
      // others): the same bytes from the command line and from the Maven plugin.
      this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file between startFile and endFile: a Reporter's calls come in that order. */
  private FileIssues current() {
    return Objects.requireNonNull(file, "startFile comes before addIssue and endFile");
  }

  @Override
  public void startFile(String name) {
    file = new FileIssues(name, base);
    // Only the records with an issue are kept in memory; the others are streamed from the file
    // when the suite is written (endFile), so that a valid file of millions of records costs none.
    file.allRecords = false;
    everyRecord = true;
    omittedErrors = 0;
    omittedWarnings = 0;
    started = System.nanoTime();
    startedAt = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public void issue(Issue issue) {
    current().issues.add(issue);
  }

  /**
   * Issues were left out past the run's limit: the suite then lists only the records that hold a
   * listed issue, and one testcase that counts the rest (failing when errors were left out), so
   * that neither memory nor the XML grows with the file.
   */
  @Override
  public void omitted(long errors, long warnings) {
    omittedErrors = errors;
    omittedWarnings = warnings;
    everyRecord = false;
  }

  /** One testcase: its name and its issues. */
  private record Case(String name, List<Issue> issues) {
    boolean failed() {
      return issues.stream().anyMatch(Issue::isError);
    }
  }

  @Override
  public void endFile() {
    String time = seconds(System.nanoTime() - started);
    FileIssues current = current();
    boolean broken = current.broken();
    Suite suite = suite();
    long failures = 0;
    long errors = 0;
    for (Case c : suite.cases().values()) {
      if (broken && c.failed()) {
        errors++;
      } else if (c.failed()) {
        failures++;
      }
    }
    for (Case c : suite.after()) {
      if (c.failed()) {
        failures++;
      }
    }
    long tests = suite.cases().size() + suite.after().size()
        + (suite.streamed() ? suite.unlisted() : 0) + (suite.header() != null ? 1 : 0);
    String suiteName = clean(current.name.isBlank() ? "(no name)" : current.name);
    try {
      xml.writeCharacters("  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", suiteName);
      xml.writeAttribute("package", "sstc.validate");
      xml.writeAttribute("id", Integer.toString(suites++));
      xml.writeAttribute("timestamp", TIMESTAMP.format(Objects.requireNonNull(startedAt, "startFile first")));
      xml.writeAttribute("hostname", "localhost");
      xml.writeAttribute("tests", Long.toString(tests));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", Long.toString(errors));
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", time);
      xml.writeCharacters("\n    ");
      xml.writeStartElement("properties");
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "schemaVersion");
      xml.writeAttribute("value", org.sstc.exchange.core.Initiative.CURRENT_VERSION);
      xml.writeEndElement();
      StringBuilder warnings = new StringBuilder();
      Case header = suite.header();
      if (header != null) {
        testcase(header, suiteName, broken, warnings);
      }
      if (suite.streamed()) {
        // The records in file order, read again from the file one at a time: those with an issue
        // from the map, the others as passing testcases.
        SourceMap.forEachRecord(Objects.requireNonNull(current.path), current.ndjson(), suite.isPackage(), record -> {
          Case c = suite.cases().get(record.pointer());
          try {
            testcase(c != null ? c : new Case(caseName(record), List.of()), suiteName, broken, warnings);
          } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
          }
        });
      } else {
        for (Case c : suite.cases().values()) {
          testcase(c, suiteName, broken, warnings);
        }
      }
      for (Case c : suite.after()) {
        testcase(c, suiteName, broken, warnings);
      }
      xml.writeCharacters("\n    ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(clean(warnings.toString()));
      xml.writeEndElement();
      xml.writeCharacters("\n    ");
      xml.writeStartElement("system-err");
      xml.writeEndElement();
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    file = null;
  }

  /** One {@code <testcase>}; the warnings of its record are added to {@code warnings} (the suite's system-out). */
  private void testcase(Case c, String suiteName, boolean broken, StringBuilder warnings) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", clean(c.name()));
    xml.writeAttribute("classname", suiteName);
    xml.writeAttribute("time", "0");
    if (c.failed()) {
      Issue first = c.issues().stream().filter(Issue::isError).findFirst().orElseThrow();
      long count = c.issues().stream().filter(Issue::isError).count();
      xml.writeStartElement(broken ? "error" : "failure");
      xml.writeAttribute("type", first.code());
      xml.writeAttribute("message", clean((count == 1 ? "1 error: " : count + " errors, the first: ")
          + first.code() + " at " + pointer(first) + ": " + first.message()));
      StringBuilder text = new StringBuilder();
      for (Issue issue : c.issues()) {
        text.append(line(issue)).append('\n');
      }
      xml.writeCharacters(clean(text.toString()));
      xml.writeEndElement();
    }
    xml.writeEndElement();
    for (Issue issue : c.issues()) {
      if (!issue.isError()) {
        warnings.append(c.name()).append(": ").append(line(issue)).append('\n');
      }
    }
  }

  /**
   * A file's testcases, as far as they are kept in memory: the package's header; the records with
   * an issue, by pointer (or every case of a broken file); the cases after the records ({@code
   * (file)}, {@code (more issues)}). When {@code streamed}, the suite lists every record, {@code
   * unlisted} of which hold no issue and are read from the file as the suite is written.
   */
  private record Suite(@Nullable Case header, Map<String, Case> cases, List<Case> after, boolean streamed,
      long unlisted, boolean isPackage) {}

  private static String caseName(SourceMap.Record record) {
    return record.pointer().isEmpty() ? (record.id().isEmpty() ? "(record)" : record.id())
        : record.pointer() + (record.id().isEmpty() ? "" : " " + record.id());
  }

  /** The file's testcases: its records, then the package header or the rest of the file. */
  private Suite suite() {
    Map<String, Case> cases = new LinkedHashMap<>();
    List<Case> after = new ArrayList<>();
    if (current().broken()) {
      cases.put("(file)", new Case("(file)", new ArrayList<>(current().issues)));
      return new Suite(null, cases, after, false, 0, false);
    }
    SourceMap map = current().map();
    Case header = map.isPackage() ? new Case("package", new ArrayList<>()) : null;
    for (SourceMap.Record record : map.records()) {
      cases.put(record.pointer(), new Case(caseName(record), new ArrayList<>()));
    }
    Case rest = null;
    for (Issue issue : current().issues) {
      SourceMap.Record record = map.recordOf(issue.pointer());
      if (record != null) {
        Objects.requireNonNull(cases.get(record.pointer()), "every kept record has a case").issues().add(issue);
      } else if (header != null) {
        header.issues().add(issue);
      } else {
        if (rest == null) {
          rest = new Case("(file)", new ArrayList<>());
          after.add(rest);
        }
        rest.issues().add(issue);
      }
    }
    if (omittedErrors + omittedWarnings > 0) {
      String text = (omittedErrors + omittedWarnings) + " more issues are not listed (" + omittedErrors
          + (omittedErrors == 1 ? " error, " : " errors, ") + omittedWarnings
          + (omittedWarnings == 1 ? " warning" : " warnings") + "), nor the records without a listed issue: "
          + "raise the limit on issues a file reports to see them";
      after.add(new Case("(more issues)", new ArrayList<>(List.of(omittedErrors > 0
          ? Issue.error("report.omitted", "", text) : Issue.warning("report.omitted", "", text)))));
    }
    long unlisted = map.recordCount() - cases.size();
    boolean streamed = everyRecord && unlisted > 0 && current().path != null;
    if (header == null && cases.isEmpty() && after.isEmpty() && !streamed) {
      after.add(new Case("(file)", new ArrayList<>()));
    }
    return new Suite(header, cases, after, streamed, unlisted, map.isPackage());
  }

  private static String pointer(Issue issue) {
    return issue.pointer().isEmpty() ? "/" : issue.pointer();
  }

  private static String line(Issue issue) {
    return issue.severity().code() + " " + issue.code() + " " + pointer(issue)
        + (issue.line() != null ? " (line " + issue.line() + ")" : "") + ": " + issue.message();
  }

  private static String seconds(long nanos) {
    return BigDecimal.valueOf(nanos / 1_000_000).movePointLeft(3).toPlainString();
  }

  /** XML 1.0 cannot hold most control characters, even escaped: they become U+FFFD. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      out.appendCodePoint(allowed ? c : 0xFFFD);
      i += Character.charCount(c);
    }
    return out.toString();
  }

  @Override
  public void finish(Tally tally) {
    try {
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    out.println();
    out.flush();
  }
}
