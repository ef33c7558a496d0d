package org.sstc.exchange.cli;

import org.sstc.exchange.core.IncompleteRecords;
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
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationException;
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
      "A package that is not valid yet (import-iati's output usually lacks what IATI has no "
          + "place for, such as the instrument) is still written when IATI can hold it: its "
          + "issues are printed and the status is 1. --strict refuses it instead."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:written, and it validates against the IATI XSD",
      "1:the package is not valid (each issue printed as by validate): written all the same "
          + "when IATI can hold it (not with --strict); an initiative IATI cannot hold is named "
          + "and left out; nothing written when none is left",
      "2:usage error, or a file cannot be read or written",
      "3:internal error"
    },
    footerHeading = "%nExample:%n",
    footer = {"  sstc export-iati package.json --out activities.xml"})
final class ExportIatiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PACKAGE.json", description = "An SSTC package.")
  Path input;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.xml", description = "Where to write the IATI XML.")
  Path output;

  @Option(names = "--strict", description = "Write nothing unless the package is valid under the SSTC standard.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RecordPackage pkg;
    int sstcErrors = 0;
    try {
      byte[] document = Files.readAllBytes(input);
      try {
        pkg = SstcJson.standard().read(document, RecordPackage.class);
      } catch (ValidationException e) {
        for (Issue issue : e.report().issues()) {
          out.println(input + ":" + issue);
        }
        sstcErrors = e.report().errors().size();
        // An imported package is incomplete by nature (IATI has no instrument, no SSTC role …):
        // what binds to the model is still written when IATI can hold it, so IATI → SSTC → IATI
        // works from the command line too. Whatever does not bind is refused.
        RecordPackage lenient = strict ? null : bindLeniently(document);
        if (lenient == null) {
          out.println("no IATI XML written: the package is not valid (" + sstcErrors + " errors)");
          out.flush();
          return Sstc.INVALID;
        }
        pkg = lenient;
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
    Path partial = ImportIatiCommand.partialFile(absolute);
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
            out.println(input + ":/initiatives/" + i + ": not written: " + e.getMessage());
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
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
      err.println("sstc: cannot write " + output + ": " + Inputs.reason(cause));
      ImportIatiCommand.delete(partial);
      return Sstc.USAGE_OR_IO;
    }
    int written = pkg.initiatives().size() - skipped;
    out.println(written + (written == 1 ? " initiative" : " initiatives")
        + " written to " + output + " as IATI 2.03 XML (validates against the IATI XSD)"
        + (pkg.organisations().isEmpty() ? "" : "; " + pkg.organisations().size() + " organisations in the sstc extension")
        + (skipped == 0 ? "" : "; " + skipped + " not written (named above)")
        + (pkg.solutions().isEmpty() ? "" : "; " + pkg.solutions().size()
            + (pkg.solutions().size() == 1 ? " solution" : " solutions") + " not written (IATI has no place for them: named above)")
        + (sstcErrors == 0 ? "" : "; the package is not valid under the SSTC standard yet (" + sstcErrors
            + " errors above): complete it before publishing"));
    out.flush();
    return sstcErrors == 0 && skipped == 0 ? Sstc.OK : Sstc.INVALID;
  }

  /** The package bound to the model without the standard's checks, or null when it does not bind. */
  private static @Nullable RecordPackage bindLeniently(byte[] document) {
    try {
      JsonNode tree = SstcJson.standard().readTree(document);
      // What the package lacks stays absent: the SSTC issues were printed, IATI's are named on write.
      return IncompleteRecords.allow(() -> SstcJson.standard().bind(tree, RecordPackage.class));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
