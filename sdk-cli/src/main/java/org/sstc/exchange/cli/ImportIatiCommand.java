package org.sstc.exchange.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.iati.Completion;
import org.sstc.exchange.iati.CompletionProfile;
import org.sstc.exchange.iati.IatiImport;
import org.sstc.exchange.iati.IatiNote;
import org.sstc.exchange.iati.ImportedRecord;
import org.sstc.exchange.iati.IatiReadException;
import org.sstc.exchange.iati.IatiXml;
import org.sstc.exchange.iati.ProfileValue;
import org.sstc.exchange.report.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sstc import-iati FILE.xml --out package.json}: converts IATI activity XML (2.01 to 2.03)
 * into an SSTC package, one activity at a time (constant memory), and reports what did not map
 * and what the standard still needs.
 */
@Command(
    name = "import-iati",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Converts IATI activity XML (2.01 to 2.03) into an SSTC package (JSON), streaming: a file "
          + "of any size is converted in constant memory. An IATI organisation file gives a "
          + "package of organisations.",
      "Prints, one a line, what the file holds that the standard has no place for "
          + "('FILE:LINE:COLUMN: unmapped PATH: why') and what each initiative still lacks "
          + "('OUT:/initiatives/N/POINTER: severity code: message'), then a summary.",
      "Nothing is invented: IATI has no instrument, SSTC role or SDG contribution level, so "
          + "imported initiatives usually need completing. --profile supplies them in bulk: each "
          + "value it adds is printed ('OUT:/initiatives/N/POINTER: from profile NAME: VALUE (RULE)') "
          + "and listed in the record under extensions.\"sstc:completedByProfile\"."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:written, and every record is valid (what did not map is printed, and is no failure)",
      "1:written, and some records need completing (their issues are printed)",
      "2:nothing written: usage error, the XML or the profile cannot be read (with --out -, "
          + "what was streamed before is an unfinished package), or the output cannot be written",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc import-iati activities.xml --out package.json",
      "  sstc import-iati --summary activities.xml --out package.json",
      "  sstc import-iati activities.xml --profile default --out package.json",
      "  sstc import-iati activities.xml --profile my-profile.json --out package.json",
      "  gunzip -c activities.xml.gz | sstc import-iati - --out - > package.json"
    })
final class ImportIatiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.xml", description = "The IATI activities file; - reads it from "
      + "standard input, as a stream.")
  Path input;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "PACKAGE.json",
      description = "Where to write the package; written only when the whole file was read. - streams it to "
          + "standard output (what is said goes to standard error; XML that breaks off leaves the package "
          + "unfinished there, and the status is 2).")
  Path output;

  @Option(names = "--summary",
      description = "Print unmapped content grouped by element path, with counts and the first position, "
          + "instead of one line each.")
  boolean summary;

  @Option(names = "--profile", paramLabel = "PROFILE",
      description = "Complete each initiative with a completion profile: 'default' (the SDK's, described in "
          + "sdk-iati/IATI.md) or a profile file (JSON). Only what a record lacks is added.")
  @Nullable String profile;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean toStdout = PathArgument.isDash(output);
    // With --out -, standard output carries the package alone: what is said goes to standard error.
    PrintWriter out = toStdout ? err : spec.commandLine().getOut();
    Path absolute = output.toAbsolutePath();
    // Hidden, next to the output (so the final rename is atomic), created with the usual permissions.
    Path partial = partialFile(absolute);
    @Nullable CompletionProfile completion;
    try {
      completion = profile == null ? null
          : profile.equals(CompletionProfile.DEFAULT_NAME) ? CompletionProfile.defaultProfile()
          : CompletionProfile.load(Path.of(profile));
    } catch (IOException e) {
      err.println("sstc: cannot read the profile " + profile + " (--profile): " + Inputs.reason(e)
          + "; give a profile file, or 'default'");
      return Sstc.USAGE_OR_IO;
    } catch (IllegalArgumentException e) {
      err.println("sstc: --profile " + profile + ": " + e.getMessage());
      return Sstc.USAGE_OR_IO;
    }
    Conversion conversion = new Conversion(out, input.toString(), toStdout ? "-" : output.toString(), summary, completion);
    try {
      try (InputStream in = new BufferedInputStream(PathArgument.open(input), 1 << 16);
          OutputStream json = new BufferedOutputStream(toStdout ? PathArgument.textTo(spec.commandLine().getOut())
              : Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        conversion.json = json;
        IatiImport file = IatiXml.standard().stream(in, conversion);
        conversion.finish(file);
      }
      if (!toStdout) {
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IatiReadException e) {
      delete(partial);
      out.println(input + ":" + e.line() + ":" + e.column() + ": error iati.xml: " + e.getMessage());
      out.println(toStdout ? "the package on standard output is unfinished: the XML could not be read to its end"
          : "no package written: the XML could not be read to its end");
      out.flush();
      return Sstc.USAGE_OR_IO;
    } catch (IOException | UncheckedIOException e) {
      delete(partial);
      IOException cause = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
      err.println("sstc: cannot convert " + input + ": " + Inputs.reason(cause));
      return Sstc.USAGE_OR_IO;
    } catch (RuntimeException e) {
      delete(partial); // a bug: leave nothing half-written behind
      throw e;
    }
    conversion.printSummary();
    out.flush();
    return conversion.clean() ? Sstc.OK : Sstc.INVALID;
  }

  /** A hidden file next to {@code target}, for writing before an atomic rename into place. */
  static Path partialFile(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".partial");
  }

  /** Deletes a partial file, if it is there; a failure leaves it behind, hidden and named as such. */
  static void delete(Path partial) {
    try {
      Files.deleteIfExists(partial);
    } catch (IOException ignored) {
      // the partial file is hidden and named as such; nothing more to do
    }
  }

  /** Writes the package as the activities arrive, and reports as it goes. */
  private static final class Conversion implements IatiXml.ActivityHandler {
    /** An index in a note's path ({@code [3]}): --summary groups the paths without them. */
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private final PrintWriter out;
    private final String inputName;
    private final String outputName;
    private final boolean summary;
    private final Map<String, long[]> grouped = new TreeMap<>();
    private final Map<String, String> firstSeen = new TreeMap<>();
    @Nullable OutputStream json;
    private long initiatives;
    private long invalid;
    private long unmapped;
    private long organisations;
    private boolean headerWritten;
    private boolean publishedAtSet;
    private final @Nullable CompletionProfile profile;
    private long completed;
    private long filled;

    Conversion(PrintWriter out, String inputName, String outputName, boolean summary,
        @Nullable CompletionProfile profile) {
      this.out = out;
      this.profile = profile;
      this.inputName = inputName;
      this.outputName = outputName;
      this.summary = summary;
    }

    @Override
    public void initiative(ImportedRecord<RecordPackage> header, ImportedRecord<Initiative> initiative, List<IatiNote> notes) {
      writeHeader(header);
      write(initiatives == 0 ? "" : ",");
      String pointer = "/initiatives/" + initiatives;
      byte[] json = initiative.json();
      if (profile != null) {
        Completion completion = profile.complete(initiative);
        json = completion.record().json();
        for (ProfileValue value : completion.filled()) {
          out.println(outputName + ":" + pointer + value.pointer() + ": from profile " + profile.name() + ": "
              + value.value() + " (" + value.rule() + ")");
        }
        filled += completion.filled().size();
        completed += completion.filled().isEmpty() ? 0 : 1;
      }
      record(json, notes, pointer);
      initiatives++;
    }

    @Override
    public void organisation(ImportedRecord<RecordPackage> header, ImportedRecord<Organisation> organisation,
        List<IatiNote> notes) {
      writeHeader(header);
      write(organisations == 0 ? "],\"organisations\":[" : ",");
      record(organisation.json(), notes, "/organisations/" + organisations);
      organisations++;
    }

    /** Writes one record's JSON, reports its notes, then its issues under {@code pointer}. */
    private void record(byte[] json, List<IatiNote> notes, String pointer) {
      write(json);
      notes.forEach(this::note);
      // The JSON just written is what is checked: the same verdict as the object, one path for data.
      ValidationReport report = Validator.standard().validate(json);
      for (Issue issue : report.issues()) {
        out.println(outputName + ":" + issue.under(pointer));
      }
      if (!report.valid()) {
        invalid++;
      }
    }

    void finish(IatiImport file) {
      writeHeader(file.header());
      file.unmapped().forEach(this::note);
      write("]}"); // closes initiatives (or organisations) and the package
      write("\n");
    }

    private void writeHeader(ImportedRecord<RecordPackage> header) {
      if (headerWritten) {
        return;
      }
      headerWritten = true;
      ObjectNode read = (ObjectNode) SstcJson.standard().readTree(header.json());
      ObjectNode envelope = read;
      if (!read.has("publishedAt")) {
        // The package is published now, by this conversion, when the file does not say when;
        // a publisher the file does not name stays absent, and the validator reports it.
        ObjectNode dated = read.objectNode();
        read.properties().forEach(member -> {
          dated.set(member.getKey(), member.getValue());
          // publishedAt follows the publisher (or, without one, the version), as in every package
          if (member.getKey().equals(read.has("publisher") ? "publisher" : "schemaVersion")) {
            dated.put("publishedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
          }
        });
        envelope = dated;
        publishedAtSet = true;
      }
      String text = JsonStreams.mapper().writeValueAsString(envelope);
      write(text.substring(0, text.length() - 1) + ",\"initiatives\":[");
    }

    private void note(IatiNote note) {
      unmapped++;
      if (summary) {
        String key = INDEX.matcher(note.path()).replaceAll("");
        grouped.computeIfAbsent(key, k -> new long[1])[0]++;
        firstSeen.putIfAbsent(key, note.line() + ":" + note.column() + ": " + note.message());
      } else {
        out.println(inputName + ":" + note.line() + ":" + note.column() + ": unmapped " + note.path() + ": " + note.message());
      }
    }

    private void write(String text) {
      write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
      try {
        Objects.requireNonNull(json, "the output is set before the conversion starts").write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Every record valid: what did not map is reported, and is no reason to fail. */
    boolean clean() {
      return invalid == 0;
    }

    void printSummary() {
      for (Map.Entry<String, long[]> group : grouped.entrySet()) {
        out.println(inputName + ": unmapped " + group.getValue()[0] + "x " + group.getKey() + " (first at "
            + firstSeen.get(group.getKey()) + ")");
      }
      if (publishedAtSet) {
        out.println(outputName + ": publishedAt is the time of this import: the IATI file gives no generated-datetime with a time zone");
      }
      String records = initiatives + (initiatives == 1 ? " activity" : " activities")
          + (organisations > 0 ? " and " + organisations + (organisations == 1 ? " organisation" : " organisations") : "");
      out.println(records + " imported to " + outputName + ": " + (initiatives + organisations - invalid) + " valid, "
          + invalid + " to complete; " + unmapped + " unmapped " + (unmapped == 1 ? "item" : "items"));
      if (profile != null) {
        out.println("profile " + profile.name() + " added " + filled + (filled == 1 ? " value" : " values") + " to "
            + completed + " of " + initiatives + (initiatives == 1 ? " initiative" : " initiatives")
            + " (each listed above, and in the record under extensions.\"" + CompletionProfile.EXTENSION_KEY + "\")");
      }
    }
  }
}
