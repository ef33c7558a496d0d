package org.sstc.exchange.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sstc.exchange.report.HtmlReport;

/**
 * Builds the HTML report a programme officer reads (initiatives by modality and year, SDG goals,
 * who provides to whom, money by currency, validation issues) from the bundled sample package,
 * or from the files and folders given.
 *
 * <pre>
 * java ... org.sstc.exchange.examples.BuildReport report.html                 (the bundled sample)
 * java ... org.sstc.exchange.examples.BuildReport report.html data/ more.ndjson
 * </pre>
 *
 * <p>The page is one self-contained file: no network, nothing to install to open it; its one
 * inline script (the filters) is optional, the whole page shows without it.
 */
public final class BuildReport {
  private BuildReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: BuildReport OUT.html [FILE_OR_FOLDER...]");
      System.exit(2);
    }
    Path[] inputs = new Path[args.length - 1];
    for (int i = 1; i < args.length; i++) {
      inputs[i - 1] = Path.of(args[i]);
    }
    build(Path.of(args[0]), System.out, inputs);
  }

  /** Writes the report of {@code inputs} (the bundled sample when there are none) to {@code out}. */
  public static HtmlReport build(Path out, PrintStream log, Path... inputs) throws IOException {
    HtmlReport.Builder report = HtmlReport.builder().title("South-South and triangular cooperation");
    if (inputs.length == 0) {
      // The report reads files: hand it the bundled sample as one.
      Path sample = Files.createTempFile("sample-package", ".json");
      Files.write(sample, SamplePackage.bytes());
      sample.toFile().deleteOnExit();
      report.add(sample);
    }
    for (Path input : inputs) {
      report.add(input);
    }
    HtmlReport built = report.build();
    built.writeTo(out);
    log.printf("%s: %d initiative(s) from %d file(s), %d error(s), %d warning(s)%n",
        out, built.initiativeCount(), built.fileCount(), built.errorCount(), built.warningCount());
    return built;
  }
}
