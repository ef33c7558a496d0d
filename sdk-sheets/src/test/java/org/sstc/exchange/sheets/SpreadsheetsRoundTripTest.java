package org.sstc.exchange.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;

/** Packages survive flatten → unflatten: equal objects, byte-identical JSON. */
class SpreadsheetsRoundTripTest {
  static final SstcJson JSON = SstcJson.standard();
  static final OrgRef PUBLISHER = OrgRef.of("XM-DAC-41114", "UNOSSC");

  @TempDir Path dir;

  static byte[] resource(String name) {
    try (InputStream in = SpreadsheetsRoundTripTest.class.getResourceAsStream("spreadsheets/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A package of the given records, as the fixtures hold single records. */
  static RecordPackage packageOf(SstcRecord record) {
    if (record instanceof RecordPackage pkg) {
      return pkg;
    }
    RecordPackage.Builder builder = RecordPackage.builder()
        .schemaVersion(record.schemaVersion()) // the fixtures are 1.0; a package follows its records
        .publisher(PUBLISHER)
        .publishedAt(OffsetDateTime.parse("2024-06-28T09:00:00Z"));
    if (record instanceof Initiative initiative) {
      builder.addInitiative(initiative);
    } else {
      builder.addOrganisation((Organisation) record);
    }
    return builder.build();
  }

  static void assertRoundTrip(RecordPackage original, Path dir, Spreadsheets sheets) {
    sheets.flatten(original, dir);
    Unflattened back = sheets.unflatten(dir);
    assertThat(back.issues()).as("issues").isEmpty();
    RecordPackage again = back.pkg().orElseThrow();
    assertThat(again).isEqualTo(original);
    assertThat(JSON.writeString(again)).isEqualTo(JSON.writeString(original));
  }

  @Test
  void theSamplePackageComesBackEqualAndByteIdentical() {
    RecordPackage sample = JSON.read(resource("sample-package.json"), RecordPackage.class);
    assertThat(sample.initiatives()).hasSizeGreaterThan(2);

    assertRoundTrip(sample, dir, Spreadsheets.standard());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fixture-package.json", "fixture-initiative-full.json", "fixture-initiative-minimal.json", "fixture-organisation.json"})
  void theValidFixturesComeBack(String fixture) {
    assertRoundTrip(packageOf(JSON.read(resource(fixture))), dir, Spreadsheets.standard());
  }

  @Test
  void jsonPathHeadersComeBackToo() {
    RecordPackage sample = JSON.read(resource("sample-package.json"), RecordPackage.class);
    Spreadsheets paths = Spreadsheets.builder().headers(Spreadsheets.Headers.PATHS).build();

    assertRoundTrip(sample, dir, paths);
    assertThat(firstLine(dir.resolve("budgets.csv")))
        .isEqualTo("id,budgets/0/id,budgets/0/type,budgets/0/status,budgets/0/periodStart,budgets/0/periodEnd,"
            + "budgets/0/value/amount,budgets/0/value/currency,budgets/0/value/valueDate");
  }

  @Test
  void oneSheetPerRepeatedPartWithReadableTitlesKeyedByInitiativeId() throws IOException {
    RecordPackage sample = JSON.read(resource("sample-package.json"), RecordPackage.class);

    List<Path> written = Spreadsheets.standard().flatten(sample, dir);

    assertThat(written).extracting(path -> path.getFileName().toString()).containsExactly(
        "package.csv", "initiatives.csv", "participants.csv", "recipient-countries.csv", "recipient-regions.csv",
        "sdgs.csv", "sectors.csv", "budgets.csv", "transactions.csv", "contributions.csv", "results.csv",
        "result-indicators.csv", "related-initiatives.csv", "documents.csv", "initiative-other-identifiers.csv",
        "organisations.csv", "organisation-other-identifiers.csv");
    assertThat(firstLine(dir.resolve("sdgs.csv")))
        .isEqualTo("Initiative ID,Position,SDG goal,SDG target,SDG indicator,Contribution");
    assertThat(firstLine(dir.resolve("initiatives.csv")))
        .startsWith("Initiative ID,Schema version,Reporting org ID,Reporting org name,Title (en),Title (zh),Title (fr)");
    List<String> participants = Files.readAllLines(dir.resolve("participants.csv"));
    assertThat(participants).hasSize(1 + sample.initiatives().stream().mapToInt(i -> i.participants().size()).sum());
    assertThat(participants.get(1)).startsWith(sample.initiatives().get(0).id() + ",p-cn-mara,");
  }

  @Test
  void filesAreUtf8WithABomAndCrlfAndTheSameBytesEveryTime() throws IOException {
    RecordPackage sample = JSON.read(resource("sample-package.json"), RecordPackage.class);
    Path again = dir.resolve("again");

    Spreadsheets.standard().flatten(sample, dir);
    Spreadsheets.standard().flatten(JSON.read(JSON.write(sample), RecordPackage.class), again);

    byte[] initiatives = Files.readAllBytes(dir.resolve("initiatives.csv"));
    assertThat(initiatives).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(initiatives, StandardCharsets.UTF_8);
    assertThat(text).contains("\r\n").contains("中国");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n\n");
    for (Path file : Files.newDirectoryStream(dir, "*.csv")) {
      assertThat(Files.readAllBytes(again.resolve(file.getFileName()))).as(file.toString()).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void textThatASpreadsheetWouldRunIsWrittenWithAnApostropheAndReadBackUnchanged() throws IOException {
    Initiative base = JSON.read(resource("fixture-initiative-full.json"), Initiative.class);
    Initiative hostile = base.toBuilder()
        .title(LanguageMap.of("en", "=HYPERLINK(\"http://evil.example\",\"click\")").with("fr", "'=already quoted"))
        .description(LanguageMap.of("en", "-5 is a number, +1 too, @SUM(A1) is not"))
        .build();
    RecordPackage pkg = packageOf(hostile);

    Spreadsheets.standard().flatten(pkg, dir);

    String initiatives = Files.readString(dir.resolve("initiatives.csv"));
    assertThat(initiatives)
        .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")
        .contains("''=already quoted")
        .contains("'-5 is a number")
        .doesNotContain(",=")
        .doesNotContain(",\"=");
    Unflattened back = Spreadsheets.standard().unflatten(dir);
    assertThat(back.issues()).isEmpty();
    assertThat(back.pkg()).contains(pkg);
  }

  @Test
  void conflictingLanguageOrdersGetAnOrderColumnAndStayInOrder() throws IOException {
    Initiative base = JSON.read(resource("fixture-initiative-minimal.json"), Initiative.class);
    Initiative enFr = base.toBuilder().id(base.reportingOrg().id() + "-A").title(LanguageMap.of("en", "One").with("fr", "Un")).build();
    Initiative frEn = base.toBuilder().id(base.reportingOrg().id() + "-B").title(LanguageMap.of("fr", "Deux").with("en", "Two")).build();
    RecordPackage pkg = RecordPackage.builder()
        .schemaVersion(base.schemaVersion())
        .publisher(PUBLISHER)
        .publishedAt(OffsetDateTime.parse("2024-01-01T00:00:00Z"))
        .initiatives(List.of(enFr, frEn)).build();

    assertRoundTrip(pkg, dir, Spreadsheets.standard());
    assertThat(firstLine(dir.resolve("initiatives.csv"))).contains("Title (en),Title (fr),Title: language order");
  }

  static String firstLine(Path file) {
    try {
      String text = Files.readString(file);
      return text.substring(1, text.indexOf("\r\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
