package org.sstc.exchange.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;

/**
 * Broken spreadsheets: each problem comes back as an issue with its file, row and column and a
 * message that says what to do; never an exception, a hang or a silently dropped value.
 */
@Timeout(20)
class SpreadsheetsErrorsTest {
  private static final String KENYA = "XM-DAC-41140-SSC-KE-2018-01";

  @TempDir Path dir;
  private RecordPackage sample;

  @BeforeEach
  void flattenTheSample() {
    sample = SstcJson.standard().read(SpreadsheetsRoundTripTest.resource("sample-package.json"), RecordPackage.class);
    Spreadsheets.standard().flatten(sample, dir);
  }

  private void edit(String file, UnaryOperator<String> change) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    String changed = change.apply(text);
    assertThat(changed).as("the edit changes " + file).isNotEqualTo(text);
    Files.writeString(path, changed, StandardCharsets.UTF_8);
  }

  private Unflattened unflatten() {
    return Spreadsheets.standard().unflatten(dir);
  }

  private static SheetIssue only(Unflattened result, String code) {
    assertThat(result.valid()).as(result.issues().toString()).isFalse();
    assertThat(result.pkg()).isEmpty();
    List<SheetIssue> found = result.issues().stream().filter(issue -> issue.issue().code().equals(code)).toList();
    assertThat(found).as(result.issues().toString()).hasSize(1);
    return found.get(0);
  }

  /** The 1.1 package fixture (solutions, locations, policy markers), flattened over the sample. */
  private void flattenThe11Fixture() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    RecordPackage pkg = SstcJson.standard().read(SpreadsheetsRoundTripTest.resource("fixture-1.1-package.json"), RecordPackage.class);
    Spreadsheets.standard().flatten(pkg, dir);
  }

  @Test
  void aWrongValueInASolutionCellIsReportedAtItsCell() throws IOException {
    flattenThe11Fixture();
    edit("solutions.csv", text -> text.replace(",scaled-up,", ",ripe,"));

    Unflattened result = unflatten();

    assertThat(result.pkg()).isEmpty();
    List<SheetIssue> found = result.issues().stream().filter(issue -> issue.file().equals("solutions.csv")).toList();
    assertThat(found).as(result.issues().toString()).hasSize(1);
    SheetIssue issue = found.get(0);
    assertThat(issue.issue().isError()).isTrue();
    assertThat(issue.issue().pointer()).isEqualTo("/solutions/1/maturity");
    assertThat(issue.row()).isEqualTo(3);
    assertThat(issue.column()).isEqualTo("K");
    assertThat(issue.header()).isEqualTo("Maturity");
  }

  @Test
  void aYearThatIsNotANumberInSolutionCountriesIsReportedAtItsCell() throws IOException {
    flattenThe11Fixture();
    edit("solution-countries.csv", text -> text.replace(",2016,", ",soon,"));

    SheetIssue issue = only(unflatten(), "csv.not-a-number");

    assertThat(issue.toString()).startsWith("solution-countries.csv row 3 column D (Year): error csv.not-a-number: ");
    assertThat(issue.issue().message()).contains("'soon' is not a number");
  }

  @Test
  void aReversalThatIsNotTrueOrFalseIsReportedAtItsCell() throws IOException {
    flattenThe11Fixture();
    edit("transactions.csv", text -> text.replace(",true,", ",yes,"));

    SheetIssue issue = only(unflatten(), "csv.not-a-boolean");

    assertThat(issue.file()).isEqualTo("transactions.csv");
    assertThat(issue.row()).isEqualTo(3);
    assertThat(issue.header()).isEqualTo("Reversal");
    assertThat(issue.issue().message()).contains("'yes' is not true or false");
  }

  @Test
  void anAdministrativeAreaOfALocationThatIsNotThereNamesItsPosition() throws IOException {
    flattenThe11Fixture();
    edit("location-administrative-areas.csv", text -> text.replace("-0019,3,1,", "-0019,4,1,"));

    SheetIssue issue = only(unflatten(), "csv.unknown-parent");

    assertThat(issue.file()).isEqualTo("location-administrative-areas.csv");
    assertThat(issue.header()).isEqualTo("Location position");
    assertThat(issue.issue().message()).contains("'XM-DAC-41301-SSTC-2024-0019' / '4'").contains("locations.csv");
  }

  @Test
  void anUnknownColumnIsReportedAtItsHeaderWithTheColumnsThatExist() throws IOException {
    edit("participants.csv", text -> text.replace(",Role,", ",Rol,"));

    SheetIssue issue = only(unflatten(), "csv.unknown-column");

    assertThat(issue.file()).isEqualTo("participants.csv");
    assertThat(issue.row()).isEqualTo(1);
    assertThat(issue.column()).isEqualTo("G");
    assertThat(issue.header()).isEqualTo("Rol");
    assertThat(issue.issue().message()).contains("'Rol' is not a column of participants.csv").contains("Role");
    assertThat(issue.toString()).startsWith("participants.csv row 1 column G (Rol): error csv.unknown-column: ");
  }

  @Test
  void aRowWhoseInitiativeIdMatchesNoInitiativeNamesTheId() throws IOException {
    edit("participants.csv", text -> text.replaceFirst(KENYA + ",p-cn-mara", "XM-DAC-41140-SSC-KE-2081-01,p-cn-mara"));

    SheetIssue issue = only(unflatten(), "csv.unknown-parent");

    assertThat(issue.file()).isEqualTo("participants.csv");
    assertThat(issue.row()).isEqualTo(2);
    assertThat(issue.column()).isEqualTo("A");
    assertThat(issue.header()).isEqualTo("Initiative ID");
    assertThat(issue.issue().message()).contains("'XM-DAC-41140-SSC-KE-2081-01'").contains("initiatives.csv");
  }

  @Test
  void aNumberThatIsNotANumberIsReportedAtItsCellAndNotAgainByTheValidator() throws IOException {
    edit("sectors.csv", text -> text.replace(KENYA + ",1,1,31192,70", KENYA + ",1,1,31192,\"70,0\""));

    Unflattened result = unflatten();
    SheetIssue issue = only(result, "csv.not-a-number");

    assertThat(issue.file()).isEqualTo("sectors.csv");
    assertThat(issue.row()).isEqualTo(2);
    assertThat(issue.column()).isEqualTo("E");
    assertThat(issue.header()).isEqualTo("Percentage");
    assertThat(issue.issue().message()).contains("'70,0' is not a number").contains("point");
    assertThat(result.issues()).noneMatch(other -> other.issue().pointer().endsWith("/sectors/0/percentage"));
  }

  @Test
  void aMissingInitiativeIdIsAMissingKey() throws IOException {
    edit("budgets.csv", text -> text.replace("\r\n" + KENYA + ",b-2018-2020", "\r\n,b-2018-2020"));

    SheetIssue issue = only(unflatten(), "csv.missing-key");

    assertThat(issue.file()).isEqualTo("budgets.csv");
    assertThat(issue.row()).isEqualTo(2);
    assertThat(issue.column()).isEqualTo("A");
    assertThat(issue.issue().message()).contains("Initiative ID is empty");
  }

  @Test
  void aMissingKeyColumnStopsOnlyThatSheet() throws IOException {
    edit("sdgs.csv", text -> text.replace("Initiative ID,Position,", "Initiative ID,"));

    Unflattened result = unflatten();
    SheetIssue issue = result.issues().stream().filter(i -> i.issue().code().equals("csv.missing-column")).findFirst().orElseThrow();

    assertThat(issue.file()).isEqualTo("sdgs.csv");
    assertThat(issue.row()).isEqualTo(1);
    assertThat(issue.issue().message()).contains("'Position'");
    assertThat(result.pkg()).isEmpty();
  }

  @Test
  void theStandardsOwnIssuesArePlacedAtTheirCell() throws IOException {
    edit("sdgs.csv", text -> text.replace(KENYA + ",2,2,2.3,2.3.2,", KENYA + ",2,2,3.4,,"));

    Unflattened result = unflatten();
    SheetIssue issue = only(result, "rule.sdg-target-goal");

    assertThat(issue.file()).isEqualTo("sdgs.csv");
    assertThat(issue.row()).isEqualTo(3);
    assertThat(issue.column()).isEqualTo("D");
    assertThat(issue.header()).isEqualTo("SDG target");
    assertThat(issue.issue().pointer()).isEqualTo("/initiatives/0/sdgs/1/target");
    assertThat(result.report().has("rule.sdg-target-goal")).isTrue();
  }

  @Test
  void aCodeOutsideItsListIsPlacedAtItsCell() throws IOException {
    edit("participants.csv", text -> text.replaceFirst(",CN,first-provider,", ",CN,first-providr,"));

    SheetIssue issue = only(unflatten(), "schema.enum");

    assertThat(issue.file()).isEqualTo("participants.csv");
    assertThat(issue.row()).isEqualTo(2);
    assertThat(issue.column()).isEqualTo("G");
    assertThat(issue.issue().pointer()).isEqualTo("/initiatives/0/participants/0/role");
  }

  @Test
  void aRaggedRowIsRefusedWithBothCounts() throws IOException {
    edit("budgets.csv", text -> text.replace(",650000.00,USD,", ",650,000.00,USD,"));

    SheetIssue issue = only(unflatten(), "csv.ragged-row");

    assertThat(issue.file()).isEqualTo("budgets.csv");
    assertThat(issue.row()).isEqualTo(2);
    assertThat(issue.issue().message()).contains("10 cells but the header has 9").contains("quoted");
  }

  @Test
  void anUnterminatedQuoteIsASyntaxErrorWithItsRow() throws IOException {
    edit("results.csv", text -> text + KENYA + ",r-9,1,\"never closed,,,,\r\n");

    SheetIssue issue = only(unflatten(), "csv.syntax");

    assertThat(issue.file()).isEqualTo("results.csv");
    assertThat(issue.row()).isEqualTo(Files.readAllLines(dir.resolve("results.csv")).size());
    assertThat(issue.issue().message()).contains("never closed").contains("\"\"");
  }

  @Test
  void aParentSheetThatCannotBeReadIsReportedOnceNotForEveryChildRow() throws IOException {
    edit("initiatives.csv", text -> text + "\"never closed");

    Unflattened result = unflatten();

    assertThat(result.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.file()).isEqualTo("initiatives.csv");
      assertThat(issue.issue().code()).isEqualTo("csv.syntax");
    });
  }

  @Test
  void badUtf8IsAnEncodingErrorWithItsLineAndOffset() throws IOException {
    Path file = dir.resolve("participants.csv");
    byte[] bytes = Files.readAllBytes(file);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Ministry");
    bytes[at] = (byte) 0xC3;
    bytes[at + 1] = (byte) 0x28;
    Files.write(file, bytes);

    SheetIssue issue = only(unflatten(), "csv.encoding");

    assertThat(issue.file()).isEqualTo("participants.csv");
    assertThat(issue.issue().message()).contains("not UTF-8").contains("line 2").contains("CSV UTF-8");
  }

  @Test
  void utf16IsRefusedWithHowToSaveAsUtf8() throws IOException {
    Path file = dir.resolve("sdgs.csv");
    String text = Files.readString(file, StandardCharsets.UTF_8).substring(1);
    Files.write(file, text.getBytes(StandardCharsets.UTF_16)); // big-endian, with its byte-order mark

    assertThat(only(unflatten(), "csv.encoding").issue().message()).contains("UTF-16");
  }

  @Test
  void aHugeCellIsALimitNotAnOutOfMemory() throws IOException {
    String huge = "x".repeat((1 << 20) + 10);
    edit("results.csv", text -> text.replace("Post-harvest losses of participating households fall", huge));

    SheetIssue issue = only(unflatten(), "csv.limit");

    assertThat(issue.file()).isEqualTo("results.csv");
    assertThat(issue.row()).isEqualTo(2);
    assertThat(issue.issue().message()).contains("1048576 characters");
  }

  @Test
  void anUnterminatedQuoteOverALongTailStopsAtTheCellLimit() throws IOException {
    Spreadsheets small = Spreadsheets.builder().maxCellLength(1000).build();
    edit("results.csv", text -> text + KENYA + ",r-9,1,\"" + "never closed\r\n".repeat(500));

    Unflattened result = small.unflatten(dir);

    assertThat(result.issues()).anySatisfy(issue -> {
      assertThat(issue.issue().code()).isEqualTo("csv.limit");
      assertThat(issue.file()).isEqualTo("results.csv");
    });
  }

  @Test
  void aRowOfAMillionCellsStopsAtTheColumnLimit() throws IOException {
    edit("sdgs.csv", text -> text + ",".repeat(1_000_000) + "\r\n");

    SheetIssue issue = only(unflatten(), "csv.limit");

    assertThat(issue.file()).isEqualTo("sdgs.csv");
    assertThat(issue.row()).isEqualTo(Files.readAllLines(dir.resolve("sdgs.csv")).size());
    assertThat(issue.issue().message()).contains("more than 1024 cells");
  }

  @Test
  void moreRowsThanASpreadsheetHoldsStopAtTheRowLimit() throws IOException {
    edit("sdgs.csv", text -> text + "\r\n".repeat(1 << 20));

    SheetIssue issue = only(unflatten(), "csv.limit");

    assertThat(issue.row()).isEqualTo((1 << 20) + 1);
    assertThat(issue.issue().message()).contains("more than 1048576 rows");
  }

  @Test
  void aFileBrokenOnEveryRowGivesAHundredIssuesAndACount() throws IOException {
    edit("participants.csv", text -> text + "x,y\r\n".repeat(250));

    Unflattened result = unflatten();

    List<SheetIssue> ragged = result.issues().stream().filter(i -> i.issue().code().equals("csv.ragged-row")).toList();
    assertThat(ragged).hasSize(101);
    assertThat(ragged.get(100).row()).isZero();
    assertThat(ragged.get(100).issue().message()).startsWith("150 more csv.ragged-row issues in this file");
  }

  @Test
  void aFileOverTheSizeLimitIsNotRead() {
    Unflattened result = Spreadsheets.builder().maxFileBytes(1000).build().unflatten(dir);

    assertThat(result.issues()).anySatisfy(issue -> {
      assertThat(issue.issue().code()).isEqualTo("csv.limit");
      assertThat(issue.file()).isEqualTo("initiatives.csv");
      assertThat(issue.row()).isZero();
      assertThat(issue.issue().message()).contains("more than the limit of 1000 bytes");
    });
  }

  @Test
  void aCsvFileOutsideTheLayoutIsReportedRatherThanIgnored() throws IOException {
    Files.copy(dir.resolve("participants.csv"), dir.resolve("participants (copy).csv"));

    SheetIssue issue = only(unflatten(), "csv.unknown-file");

    assertThat(issue.file()).isEqualTo("participants (copy).csv");
    assertThat(issue.issue().message()).contains("participants.csv");
  }

  @Test
  void withoutPackageCsvThereIsNoPackage() throws IOException {
    Files.delete(dir.resolve("package.csv"));

    assertThat(only(unflatten(), "csv.missing-file").file()).isEqualTo("package.csv");
  }

  @Test
  void twoRowsAtOnePositionAreADuplicateKey() throws IOException {
    edit("sdgs.csv", text -> text.replace(KENYA + ",2,2,", KENYA + ",1,2,"));

    SheetIssue issue = only(unflatten(), "csv.duplicate-key");

    assertThat(issue.row()).isEqualTo(3);
    assertThat(issue.column()).isEqualTo("B");
  }

  @Test
  void anExtensionCellThatIsNotJsonIsReported() throws IOException {
    // An extension cell holds JSON: the quotes of a JSON string were lost here.
    edit("initiatives.csv", text -> text.replace(
        "\"\"\"WFP Centre of Excellence for Rural Transformation, Beijing\"\"\"",
        "\"WFP Centre of Excellence for Rural Transformation, Beijing\""));

    SheetIssue issue = only(unflatten(), "csv.json");

    assertThat(issue.file()).isEqualTo("initiatives.csv");
    assertThat(issue.row()).isGreaterThan(1);
    assertThat(issue.header()).isEqualTo("Extension (wfp:centreOfExcellence)");
    assertThat(issue.column()).isEqualTo("AG"); // the 33rd column
    assertThat(issue.issue().message()).contains("\"quoted text\"");
  }

  @Test
  void whatPeopleDoToCsvFilesIsFine() throws IOException {
    // No byte-order mark, LF line ends, headers in another case or as JSON paths, and empty rows
    // at the end, as other tools save CSV.
    for (String name : List.of("participants.csv", "sdgs.csv")) {
      Path file = dir.resolve(name);
      String text = Files.readString(file, StandardCharsets.UTF_8).substring(1).replace("\r\n", "\n");
      text = text.replaceFirst("Role", "ROLE").replaceFirst("SDG goal", "SDGS/0/Goal") + ",,,,,,\n\n";
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    Unflattened result = unflatten();

    assertThat(result.issues()).isEmpty();
    assertThat(result.pkg()).contains(sample);
  }

  @Test
  void aSheetSavedWithSemicolonsAsInFrenchOrSpanishSpreadsheetsIsRead() throws IOException {
    Path file = dir.resolve("participants.csv");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    StringBuilder semicolons = new StringBuilder();
    for (String line : lines) {
      // No cell of this sheet holds a quote or a line break; one holds a comma, and IATI roles a ';'.
      StringBuilder row = new StringBuilder();
      for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
        String plain = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
        row.append(row.length() == 0 ? "" : ";").append(plain.contains(";") ? "\"" + plain + "\"" : plain);
      }
      semicolons.append(row).append("\r\n");
    }
    Files.writeString(file, semicolons.toString(), StandardCharsets.UTF_8);
    assertThat(Files.readString(file)).contains("Initiative ID;Participant ID;").contains(";\"1;2;3\"");

    Unflattened result = unflatten();

    assertThat(result.issues()).isEmpty();
    assertThat(result.pkg()).contains(sample);
  }

  @Test
  void rowsOfAPositionedSheetMayBeInAnyOrder() throws IOException {
    Path file = dir.resolve("sdgs.csv");
    List<String> lines = Files.readAllLines(file);
    List<String> shuffled = new java.util.ArrayList<>(lines.subList(1, lines.size()));
    java.util.Collections.reverse(shuffled);
    shuffled.add(0, lines.get(0).substring(1));
    Files.write(file, shuffled, StandardCharsets.UTF_8);

    assertThat(unflatten().pkg()).contains(sample);
  }
}
