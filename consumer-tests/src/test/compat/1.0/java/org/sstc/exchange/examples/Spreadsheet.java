package org.sstc.exchange.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.sheets.SheetIssue;
import org.sstc.exchange.sheets.Spreadsheets;
import org.sstc.exchange.sheets.Unflattened;

/**
 * Flattens the bundled sample package into CSV files for a spreadsheet, reads them back, and
 * checks the package came back unchanged; then shows what a mistake made in a spreadsheet looks
 * like (an SDG target outside its goal), reported at its file, row and column.
 *
 * <pre>
 * java ... org.sstc.exchange.examples.Spreadsheet sheets/     (the folder to write; created)
 * </pre>
 */
public final class Spreadsheet {
  private Spreadsheet() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("sstc-sheets-");
    System.exit(run(dir, System.out));
  }

  /** Flattens the sample into {@code dir}, reads it back, then breaks one cell; 0 if all went as expected. */
  public static int run(Path dir, PrintStream out) throws IOException {
    RecordPackage sample = SamplePackage.read();
    Spreadsheets sheets = Spreadsheets.standard();

    // One CSV file a repeated part: package.csv, initiatives.csv, participants.csv, sdgs.csv, ...
    List<Path> files = sheets.flatten(sample, dir);
    out.println("wrote " + files.size() + " files to " + dir);

    // Read back: the package (when valid) and every issue with its file, row and column.
    Unflattened back = sheets.unflatten(dir);
    boolean same = back.pkg().map(sample::equals).orElse(false);
    out.println("read back: " + (same ? "the same package" : "NOT the same package: " + back.issues()));

    // A person changes the first SDG link's target to one of another goal.
    Path sdgs = dir.resolve("sdgs.csv");
    List<String> lines = Files.readAllLines(sdgs);
    String[] cells = lines.get(1).split(",", -1); // Initiative ID,Position,SDG goal,SDG target,...
    cells[3] = cells[2].equals("3") ? "4.1" : "3.4";
    cells[4] = "";
    lines.set(1, String.join(",", cells));
    Files.write(sdgs, lines);
    Unflattened broken = sheets.unflatten(dir);
    for (SheetIssue issue : broken.issues()) {
      out.println(issue); // sdgs.csv row 2 column D (SDG target): error rule.sdg-target-goal: ...
    }
    return same && !broken.valid() ? 0 : 1;
  }
}
