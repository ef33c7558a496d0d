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
import java.util.List;
import java.util.concurrent.Callable;
import org.sstc.exchange.cli.internal.Inputs;
import org.sstc.exchange.core.IatiNote;
import org.sstc.exchange.core.IatiXml;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Package;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
          + IatiXml.EXTENSION_NAMESPACE + " namespace, so import-iati gives the package back."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:written, and it validates against the IATI XSD",
      "1:the package is not valid (each issue printed as by validate); nothing written",
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Package pkg;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(input))) {
      pkg = SstcJson.standard().read(in, Package.class);
    } catch (ValidationException e) {
      for (Issue issue : e.report().issues()) {
        out.println(input + ":" + issue);
      }
      out.println("no IATI XML written: the package is not valid (" + e.report().errors().size() + " errors)");
      out.flush();
      return Sstc.INVALID;
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
    Path partial = null;
    try {
      partial = ImportIatiCommand.partialFile(absolute);
      try (OutputStream xml = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        IatiXml.standard().write(pkg, xml);
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
      deleteQuietly(partial);
      return Sstc.USAGE_OR_IO;
    }
    out.println(pkg.initiatives().size() + (pkg.initiatives().size() == 1 ? " initiative" : " initiatives")
        + " written to " + output + " as IATI 2.03 XML (validates against the IATI XSD)"
        + (pkg.organisations().isEmpty() ? "" : "; " + pkg.organisations().size() + " organisations in the sstc extension"));
    out.flush();
    return Sstc.OK;
  }

  private static void deleteQuietly(Path partial) {
    if (partial != null) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // best effort: the file is hidden and named .partial
      }
    }
  }
}
