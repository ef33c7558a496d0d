package org.sstc.exchange.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.sheets.Spreadsheets;
import org.sstc.exchange.sheets.Unflattened;

/**
 * The cost of a spreadsheet round trip against the JSON one, on a large package:
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar \
 *     org.sstc.exchange.benchmarks.SpreadsheetRoundTrip sdk-examples/src/main/resources/org/sstc/exchange/examples/sample-package.json 200 /tmp/sheets
 * </pre>
 *
 * It makes a package of the given package's initiatives copied N times (distinct ids), then times,
 * in one JVM, the JSON round trip (write, validate, read: the baseline) and the spreadsheet one
 * ({@code Spreadsheets.flatten} then {@code unflatten}, which validates too), checks both give
 * the package back, and prints seconds, their ratio, the CSV size and the peak heap of each pass.
 * One pass is the measurement (a harness, as {@link StreamingValidation}), after one warm-up pass
 * of each.
 */
public final class SpreadsheetRoundTrip {
  private SpreadsheetRoundTrip() {}

  public static void main(String[] args) throws IOException {
    SstcJson json = SstcJson.standard();
    RecordPackage sample = json.read(Files.readAllBytes(Path.of(args[0])), RecordPackage.class);
    int copies = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path dir = Path.of(args.length > 2 ? args[2] : "sheets");
    List<Initiative> initiatives = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      for (Initiative initiative : sample.initiatives()) {
        initiatives.add(initiative.toBuilder().id(initiative.id() + "-C" + copy).build());
      }
    }
    RecordPackage pkg = sample.toBuilder().initiatives(initiatives).build();
    System.out.printf("package: %d initiatives, %d organisations, max heap %d MB%n",
        pkg.initiatives().size(), pkg.organisations().size(), Runtime.getRuntime().maxMemory() >> 20);

    jsonRoundTrip(json, pkg); // warm-up
    HeapPeak.reset();
    long start = System.nanoTime();
    int jsonBytes = jsonRoundTrip(json, pkg);
    double jsonSeconds = (System.nanoTime() - start) / 1e9;
    long jsonPeak = HeapPeak.bytes();

    sheetRoundTrip(pkg, dir); // warm-up
    HeapPeak.reset();
    start = System.nanoTime();
    sheetRoundTrip(pkg, dir);
    double sheetSeconds = (System.nanoTime() - start) / 1e9;
    long sheetPeak = HeapPeak.bytes();

    long csvBytes;
    try (Stream<Path> files = Files.list(dir)) {
      csvBytes = files.mapToLong(file -> file.toFile().length()).sum();
    }
    System.out.printf("JSON round trip: %.2f s (%.1f MB), peak heap %d MB%n", jsonSeconds, jsonBytes / 1e6, jsonPeak >> 20);
    System.out.printf("spreadsheet round trip: %.2f s (%.1f MB of CSV), peak heap %d MB%n", sheetSeconds, csvBytes / 1e6, sheetPeak >> 20);
    System.out.printf("ratio spreadsheet / JSON: %.2f%n", sheetSeconds / jsonSeconds);
  }

  private static int jsonRoundTrip(SstcJson json, RecordPackage pkg) {
    byte[] bytes = json.write(pkg);
    ValidationReport report = Validator.standard().validate(bytes);
    if (!report.valid() || !json.read(bytes, RecordPackage.class).equals(pkg)) {
      throw new IllegalStateException("the JSON round trip lost the package: " + report.errors());
    }
    return bytes.length;
  }

  private static void sheetRoundTrip(RecordPackage pkg, Path dir) {
    Spreadsheets.standard().flatten(pkg, dir);
    Unflattened back = Spreadsheets.standard().unflatten(dir);
    if (!back.pkg().map(pkg::equals).orElse(false)) {
      throw new IllegalStateException("the spreadsheet round trip lost the package: " + back.issues().stream().limit(5).toList());
    }
  }
}
