package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid fixture of standard 1.1 is refused with the issue its README table names: the
 * failing JSON Schema keyword as {@code schema.<keyword>} at the table's pointer.
 */
class InvalidFixtures11Test {
  private static final Path DIR = Path.of("../schema/test-fixtures/1.1");
  private static final Pattern ROW =
      Pattern.compile("^\\| `([^`]+\\.json)` \\| `([A-Za-z]+)` \\| `([^`]*)`[^|]*\\| (.*) \\|$");
  private static final Pattern MISSING = Pattern.compile("without (\\w+)");

  record Row(String file, String keyword, String pointer, String broken) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("README.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        String pointer = row.group(3).equals("\"\"") ? "" : row.group(3);
        rows.add(new Row(row.group(1), row.group(2), pointer, row.group(4)));
      }
    }
    return rows.stream();
  }

  @Test
  void theTableNamesEveryInvalidFixture() throws IOException {
    List<String> files;
    try (Stream<Path> listed = Files.list(DIR.resolve("invalid"))) {
      files = listed.map(file -> file.getFileName().toString()).sorted().toList();
    }
    assertThat(rows().map(Row::file).sorted().toList()).isEqualTo(files);
  }

  @ParameterizedTest
  @MethodSource("rows")
  void eachInvalidFixtureIsRefusedWithTheIssueTheReadmeNames(Row row) throws IOException {
    ValidationReport report = Validator.standard().validate(Files.readAllBytes(DIR.resolve("invalid").resolve(row.file())));

    assertThat(report.valid()).isFalse();
    assertThat(report.errors())
        .as(report.errors().toString())
        .anySatisfy(issue -> {
          assertThat(issue.code()).isEqualTo(expectedCode(row));
          assertThat(issue.pointer()).isEqualTo(expectedPointer(row));
        });
  }

  /**
   * The SDK's issue code for a README row: {@code schema.<keyword>}, except where the SDK has a
   * code of its own for the fault: an unknown major version is {@code schema.unsupported-version}
   * (RULES.md), and a record whose version differs from its package's is {@code
   * rule.package-version}.
   */
  private static String expectedCode(Row row) {
    if (row.file().equals("record-unknown-schema-version.json")) {
      return "schema.unsupported-version";
    }
    if (row.file().equals("package-solution-declares-1.0.json")) {
      return "rule.package-version";
    }
    return "schema." + row.keyword();
  }

  /**
   * The SDK's pointer: the table's, except for {@code required}, where the table names the object
   * that lacks the member and the SDK points at the member itself (the one named after
   * "without" in the table's last column).
   */
  private static String expectedPointer(Row row) {
    if (!row.keyword().equals("required")) {
      return row.pointer();
    }
    Matcher member = MISSING.matcher(row.broken());
    assertThat(member.find()).as("the table names the missing member of " + row.file()).isTrue();
    return row.pointer() + "/" + member.group(1);
  }
}
