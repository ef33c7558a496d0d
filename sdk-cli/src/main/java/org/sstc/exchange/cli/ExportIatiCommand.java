package org.sstc.exchange.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.cli.internal.Plural;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.iati.IatiNote;
import org.sstc.exchange.iati.IatiWriter;
import org.sstc.exchange.iati.IatiXml;
import org.sstc.exchange.report.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sstc export-iati PACKAGE.json --out FILE.xml}: writes a valid SSTC package as IATI 2.03
 * activity XML, checked against the bundled official XSD before it is put in place.
 */
@Command(
    name = "export-iati",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Writes an SSTC package as IATI 2.03 activity XML that validates against the official "
          + "IATI XSD (bundled; nothing is fetched).",
      "What IATI has no element for (modality, instrument, support types, SSTC roles, "
          + "contributions, extensions, organisations) goes into the "
          + IatiXml.EXTENSION_NAMESPACE + " namespace, so import-iati gives the package back.",
      "A package that is not valid yet is written as far as its records are complete: its "
          + "issues are printed, each record that lacks a required member (import-iati's output "
          + "lacks what IATI has no place for, such as the instrument) is named with the "
          + "members' JSON Pointers and left out, and the status is 1. --strict writes nothing "
          + "unless the package is valid."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:written, and it validates against the IATI XSD",
      "1:the package is not valid (each issue printed as by validate): its complete records "
          + "are written when IATI can hold them (not with --strict); an incomplete record, or an "
          + "initiative IATI cannot hold, is named and left out; nothing written when no "
          + "initiative is left or the package lacks its publisher or publishedAt",
      "2:usage error, or a file cannot be read or written",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sstc export-iati package.json --out activities.xml", "  sstc unflatten sheets/ --out - | sstc export-iati - --out - > activities.xml"})
final class ExportIatiCommand implements Callable<Integer> {
  /** The arrays of records in a package. */
  private static final List<String> RECORD_ARRAYS = List.of("initiatives", "organisations", "solutions");

  /** A package is read whole (it is bound to the model before it is written). */
  private static final int MAX_PACKAGE_BYTES = 256 << 20;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PACKAGE.json", description = "An SSTC package; - reads it from standard input.")
  Path input;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.xml", description = "Where to write the IATI XML; - writes it to standard "
      + "output once it validates against the XSD (what is said goes to standard error).")
  Path output;

  @Option(names = "--strict", description = "Write nothing unless the package is valid under the SSTC standard.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean toStdout = PathArgument.isDash(output);
    // With --out -, standard output carries the XML alone: what is said goes to standard error.
    PrintWriter out = toStdout ? err : spec.commandLine().getOut();
    RecordPackage pkg;
    int sstcErrors = 0;
    Complete complete;
    try {
      byte[] document = PathArgument.readAll(input, MAX_PACKAGE_BYTES, "split the package");
      try {
        pkg = SstcJson.standard().read(document, RecordPackage.class);
        complete = Complete.whole(pkg);
      } catch (ValidationException e) {
        for (Issue issue : e.report().issues()) {
          out.println(input + ":" + issue);
        }
        sstcErrors = e.report().errors().size();
        // An imported package is incomplete by nature (IATI has no instrument, no SSTC role …).
        // Without --strict, the records that are complete are written when IATI can hold them;
        // each record that lacks a required member is named and left out: no model object, and
        // no IATI activity, is ever made of a record with a gap.
        Complete found = strict ? null : completeRecords(document, e.report(), out);
        if (found == null || found.pkg.initiatives().isEmpty()) {
          out.println("no IATI XML written: the package is not valid (" + Plural.count(sstcErrors, "error") + ")"
              + (found == null ? "" : " and none of its initiatives is complete: set what each lacks (named above)"));
          out.flush();
          return Sstc.INVALID;
        }
        complete = found;
        pkg = found.pkg;
      }
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
      err.println("sstc: cannot read " + input + ": " + Inputs.reason(cause));
      return Sstc.USAGE_OR_IO;
    }
    if (pkg.initiatives().isEmpty()) {
      out.println(input + ":/initiatives: error iati.empty: an IATI file holds one activity or more, and the package has no initiative");
      out.flush();
      return Sstc.INVALID;
    }
    Path absolute = output.toAbsolutePath();
    Path partial;
    try {
      // The XML is checked before anyone sees it: for standard output it waits in a temporary file.
      partial = toStdout ? Files.createTempFile("sstc-export-iati-", ".xml.partial") : ImportIatiCommand.partialFile(absolute);
      if (toStdout) {
        Files.delete(partial); // created below with CREATE_NEW, as a file beside --out is
      }
    } catch (IOException e) {
      err.println("sstc: cannot make a temporary file for the XML: " + Inputs.reason(e));
      return Sstc.USAGE_OR_IO;
    }
    int skipped = 0;
    try {
      try (OutputStream xml = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        IatiWriter writer = IatiXml.standard().writer(xml, pkg);
        for (int i = 0; i < pkg.initiatives().size(); i++) {
          try {
            writer.write(pkg.initiatives().get(i));
          } catch (IllegalArgumentException e) {
            // IATI requires what this initiative lacks (an activity-status, a date …): the message
            // names it; the writer refuses it before any of it is written, so the others go on.
            out.println(input + ":/initiatives/" + complete.initiativeIndexes.get(i) + ": not written: " + e.getMessage());
            skipped++;
          }
        }
        if (writer.written() == 0) {
          out.println("no IATI XML written: IATI can hold none of the package's initiatives");
          out.flush();
          xml.close();
          ImportIatiCommand.delete(partial);
          return Sstc.INVALID;
        }
        pkg.organisations().forEach(writer::write);
        writer.close();
      }
      // IATI has no place for a solution record: each is named, the rest of the package is written.
      for (IatiNote note : IatiXml.standard().notWritten(pkg)) {
        out.println(input + ":" + note.path() + ": " + note.message());
      }
      List<IatiNote> violations;
      try (InputStream written = new BufferedInputStream(Files.newInputStream(partial), 1 << 16)) {
        violations = IatiXml.standard().checkSchema(written);
      }
      if (!violations.isEmpty()) {
        // A valid package always gives valid IATI XML; if not, it is a bug: say so, keep nothing.
        violations.forEach(v -> err.println("sstc: internal error: the IATI XML does not validate: " + v));
        Files.deleteIfExists(partial);
        return Sstc.INTERNAL;
      }
      if (toStdout) {
        try (OutputStream stdout = PathArgument.textTo(spec.commandLine().getOut())) {
          Files.copy(partial, stdout);
        }
        Files.delete(partial);
      } else {
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
      err.println("sstc: cannot write " + (toStdout ? "the XML" : output) + ": " + Inputs.reason(cause));
      ImportIatiCommand.delete(partial);
      return Sstc.USAGE_OR_IO;
    }
    int written = pkg.initiatives().size() - skipped;
    skipped += complete.incompleteInitiatives;
    out.println(written + (written == 1 ? " initiative" : " initiatives")
        + " written to " + (toStdout ? "standard output" : output) + " as IATI 2.03 XML (validates against the IATI XSD)"
        + (pkg.organisations().isEmpty() ? "" : "; " + Plural.count(pkg.organisations().size(), "organisation") + " in the sstc extension")
        + (complete.incompleteOthers == 0 ? "" : "; " + complete.incompleteOthers + " incomplete organisation or solution "
            + (complete.incompleteOthers == 1 ? "record" : "records") + " not written (named above)")
        + (skipped == 0 ? "" : "; " + skipped + " not written (named above)")
        + (pkg.solutions().isEmpty() ? "" : "; " + pkg.solutions().size()
            + (pkg.solutions().size() == 1 ? " solution" : " solutions") + " not written (IATI has no place for them: named above)")
        + (sstcErrors == 0 ? "" : "; the package is not valid under the SSTC standard yet (" + Plural.count(sstcErrors, "error")
            + " above): complete it before publishing"));
    out.flush();
    return sstcErrors == 0 && skipped == 0 ? Sstc.OK : Sstc.INVALID;
  }

  /**
   * The records of a package that bind to the model, with the place each initiative had: a package
   * that is valid binds whole, one that is not keeps only its complete records.
   */
  private record Complete(RecordPackage pkg, List<Integer> initiativeIndexes, int incompleteInitiatives, int incompleteOthers) {
    static Complete whole(RecordPackage pkg) {
      return new Complete(pkg, java.util.stream.IntStream.range(0, pkg.initiatives().size()).boxed().toList(), 0, 0);
    }
  }

  /**
   * The package's complete records, each record that lacks a required member named on {@code out}
   * with those members' pointers; null when the document is not a package or its own header
   * (publisher, publishedAt) is incomplete, which is named too.
   */
  private @Nullable Complete completeRecords(byte[] document, ValidationReport report, PrintWriter out) {
    JsonNode tree;
    try {
      tree = SstcJson.standard().readTree(document);
    } catch (ValidationException e) {
      return null; // not JSON: the report printed says why
    }
    if (!(tree instanceof ObjectNode whole)) {
      return null;
    }
    ObjectNode header = whole.deepCopy();
    RECORD_ARRAYS.forEach(header::remove);
    RecordPackage.Builder pkg;
    try {
      pkg = SstcJson.standard().bind(header, RecordPackage.class).toBuilder();
    } catch (ValidationException e) {
      out.println(input + ":/: not written: the package " + lacks(report, "", e) + "; no record is written without"
          + " the package's publisher and publishedAt (IATI's reporting-org and generated-datetime)");
      return null;
    }
    List<Integer> indexes = new ArrayList<>();
    int incompleteInitiatives = 0;
    int incompleteOthers = 0;
    for (String array : RECORD_ARRAYS) {
      JsonNode records = whole.path(array);
      List<SstcRecord> bound = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        JsonNode record = records.get(i);
        try {
          bound.add(SstcJson.standard().bind(record, SstcRecord.class));
          if (array.equals("initiatives")) {
            indexes.add(i);
          }
        } catch (ValidationException e) {
          String id = record.path("id").isString() ? " \"" + record.path("id").asString() + "\"" : " without an id";
          out.println(input + ":/" + array + "/" + i + ": not written: the " + record.path("recordType").asString("record")
              + id + " " + lacks(report, "/" + array + "/" + i, e) + " (import-iati leaves out what IATI does not say,"
              + " such as the instrument; sstc validate names every issue)");
          if (array.equals("initiatives")) {
            incompleteInitiatives++;
          } else {
            incompleteOthers++;
          }
        }
      }
      switch (array) {
        case "initiatives" -> pkg.initiatives(bound.stream().map(Initiative.class::cast).toList());
        case "organisations" -> pkg.organisations(bound.stream().map(Organisation.class::cast).toList());
        default -> pkg.solutions(bound.stream().map(Solution.class::cast).toList());
      }
    }
    return new Complete(pkg.build(), List.copyOf(indexes), incompleteInitiatives, incompleteOthers);
  }

  /**
   * "lacks /initiatives/0/instrument, /initiatives/0/title: set them": the required members the
   * validator found missing in the record at {@code at} (not in its records, for the package),
   * or what binding it said when the report names none.
   */
  private static String lacks(ValidationReport report, String at, ValidationException refusal) {
    List<String> missing = new ArrayList<>();
    for (Issue issue : report.errors()) {
      String pointer = issue.pointer();
      boolean inside = at.isEmpty()
          ? RECORD_ARRAYS.stream().noneMatch(array -> pointer.startsWith("/" + array + "/"))
          : pointer.startsWith(at + "/");
      if (issue.code().equals("schema.required") && inside) {
        missing.add(pointer);
      }
    }
    if (missing.isEmpty()) {
      return "does not fit the model: " + refusal.report().issues().stream().map(Issue::message).toList();
    }
    return "lacks " + String.join(", ", missing) + ": set " + (missing.size() == 1 ? "it" : "them");
  }
}
