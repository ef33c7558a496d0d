package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input: each gets its {@code json.*} code and a pointer, never a crash, a hang,
 * a stack overflow or an out-of-memory. Surefire runs this module with {@code -Xmx256m}.
 */
class HostileInputTest {
  private final Validator validator = Validator.standard();

  @TempDir Path dir;

  private Issue onlyIssue(byte[] document) {
    ValidationReport report = validator.validate(document);
    assertThat(report.valid()).isFalse();
    assertThat(report.issues()).hasSize(1);
    return report.issues().get(0);
  }

  private Issue onlyIssue(Path file) {
    ValidationReport report = validator.validate(file);
    assertThat(report.valid()).isFalse();
    assertThat(report.issues()).hasSize(1);
    return report.issues().get(0);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aNumberWhoseExponentNoDecimalCanHoldIsALimitNotACrash() {
    // Found by fuzzing: Jackson refuses 0E6999999999 with a NumberFormatException of its own kind.
    byte[] document = "{\"recordType\": \"initiative\", \"n\": 0E6999999999}".getBytes(StandardCharsets.UTF_8);

    Issue issue = onlyIssue(document);
    assertThat(issue.code()).isEqualTo("json.limit");
    assertThat(issue.pointer()).isEqualTo("/n");
    assertThat(issue.message()).contains("exponent").contains("line 1");

    ValidationReport ndjson = NdjsonReports.validate(validator, document);
    assertThat(ndjson.issues()).singleElement().satisfies(found -> assertThat(found.code()).isEqualTo("json.limit"));
    assertThatThrownBy(() -> SstcJson.standard().readTree(document)).isInstanceOf(ValidationException.class);
  }

  @Test
  void refusesDuplicateKeysAndPointsAtTheKey() {
    Issue issue = onlyIssue(utf8("{\"recordType\":\"initiative\",\"title\":{\"en\":\"a\",\"en\":\"b\"}}"));
    assertThat(issue.code()).isEqualTo("json.duplicate-key");
    assertThat(issue.severity()).isEqualTo(Severity.ERROR);
    assertThat(issue.pointer()).isEqualTo("/title/en");
    assertThat(issue.message()).contains("'en'").contains("twice");
  }

  @Test
  void refuses100000LevelsOfNestingWithoutStackOverflow() throws IOException {
    Path file = dir.resolve("deep.json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(utf8("{\"recordType\":\"initiative\",\"extensions\":{\"x:y\":"));
      for (int i = 0; i < 100_000; i++) {
        out.write('[');
      }
      for (int i = 0; i < 100_000; i++) {
        out.write(']');
      }
      out.write(utf8("}}"));
    }
    Issue issue = onlyIssue(file);
    assertThat(issue.code()).isEqualTo("json.limit");
    assertThat(issue.message()).contains("nested more than 64 levels");
    assertThat(issue.pointer()).startsWith("/extensions/x:y/0/0");
  }

  @Test
  void refusesA100MegabyteStringWithinASmallHeap() throws IOException {
    Path file = dir.resolve("big-string.json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(utf8("{\"recordType\":\"initiative\",\"description\":{\"en\":\""));
      byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write(utf8("\"}}"));
    }
    Issue issue = onlyIssue(file);
    assertThat(issue.code()).isEqualTo("json.limit");
    assertThat(issue.pointer()).isEqualTo("/description/en");
    assertThat(issue.message()).contains("text value is longer than");
  }

  @Test
  void refusesANumberWithAMillionDigits() throws IOException {
    Path file = dir.resolve("big-number.json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(utf8("{\"recordType\":\"initiative\",\"extensions\":{\"x:n\":"));
      for (int i = 0; i < 1_000_000; i++) {
        out.write('7');
      }
      out.write(utf8("}}"));
    }
    Issue issue = onlyIssue(file);
    assertThat(issue.code()).isEqualTo("json.limit");
    assertThat(issue.pointer()).isEqualTo("/extensions/x:n");
    assertThat(issue.message()).contains("decimal strings");
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] document = {'{', '"', 'r', 'e', 'c', 'o', 'r', 'd', 'T', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    Issue issue = onlyIssue(document);
    assertThat(issue.code()).isEqualTo("json.encoding");
    assertThat(issue.pointer()).isEqualTo("/recordType");
    assertThat(issue.line()).isEqualTo(1L);
  }

  @Test
  void refusesUtf16() {
    Issue issue = onlyIssue("{\"recordType\":\"organisation\"}".getBytes(StandardCharsets.UTF_16LE));
    assertThat(issue.code()).isEqualTo("json.encoding");
    assertThat(issue.message()).contains("UTF-8");
  }

  @Test
  void refusesRawNulBytes() {
    Issue issue = onlyIssue(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', 'a', 0, 'b', '"', '}'});
    assertThat(issue.code()).isEqualTo("json.syntax");
    assertThat(issue.pointer()).isEqualTo("/id");
    assertThat(issue.message()).contains("CTRL-CHAR");
  }

  @Test
  void refusesATruncatedDocument() {
    Issue issue = onlyIssue(utf8("{\"recordType\":\"initiative\",\"title\":{\"en\":\"Rice"));
    assertThat(issue.code()).isEqualTo("json.syntax");
    assertThat(issue.message()).contains("ends too early");
  }

  @Test
  void refusesTrailingGarbage() {
    assertThat(onlyIssue(utf8("{\"recordType\":\"organisation\"} trailing")).code()).isEqualTo("json.syntax");
    assertThat(onlyIssue(utf8("{\"recordType\":\"organisation\"} {}")).message()).contains("more after the end");
  }

  @Test
  void refusesAnEmptyFile() {
    Issue issue = onlyIssue(new byte[0]);
    assertThat(issue.code()).isEqualTo("json.syntax");
    assertThat(issue.pointer()).isEmpty();
    assertThat(issue.message()).contains("empty");
  }

  @Test
  void refusesATopLevelArrayOrScalar() {
    assertThat(onlyIssue(utf8("[{\"recordType\":\"initiative\"}]")).message()).contains("an array").contains("package");
    assertThat(onlyIssue(utf8("42")).message()).contains("a number");
    assertThat(onlyIssue(utf8("\"text\"")).code()).isEqualTo("json.syntax");
    assertThat(onlyIssue(utf8("null")).code()).isEqualTo("json.syntax");
  }

  @Test
  void acceptsAndSkipsAUtf8ByteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] organisation = utf8(
        "{\"recordType\":\"organisation\",\"id\":\"XM-DAC-41301\",\"schemaVersion\":\"1.0\","
            + "\"name\":{\"en\":\"FAO\"},\"orgType\":\"40\",\"lastUpdated\":\"2024-01-01T00:00:00Z\"}");
    byte[] withBom = new byte[bom.length + organisation.length];
    System.arraycopy(bom, 0, withBom, 0, bom.length);
    System.arraycopy(organisation, 0, withBom, bom.length, organisation.length);
    assertThat(validator.validate(withBom).errors()).isEmpty();
  }

  @Test
  void aFileThatIsNotThereIsAnIoErrorThatNamesTheFile() {
    Path missing = dir.resolve("not-there.json");
    assertThatThrownBy(() -> validator.validate(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("not-there.json");
  }

  @Test
  void aBrokenNdjsonLineIsReportedWithItsLineAndTheOthersStillChecked() {
    String ndjson = "{\"recordType\":\"organisation\"}\n{\"recordType\":\n\n[1]\n";
    ValidationReport report = NdjsonReports.validate(validator, utf8(ndjson));
    assertThat(report.issues()).anySatisfy(issue -> {
      assertThat(issue.code()).isEqualTo("json.syntax");
      assertThat(issue.pointer()).startsWith("/1");
      assertThat(issue.line()).isEqualTo(2L);
    });
    assertThat(report.issues()).anySatisfy(issue -> {
      assertThat(issue.pointer()).startsWith("/0/");
      assertThat(issue.code()).isEqualTo("schema.required");
    });
    assertThat(report.issues()).anySatisfy(issue -> assertThat(issue.line()).isEqualTo(4L));
  }

  @Test
  void aDuplicateKeyIsReportedAtTheKeyNotAtTheEndOfItsValue() {
    // Trees are read with duplicates found as the tree is built (after the value), then read
    // again strictly for the issue: the line, column and pointer are the second key's.
    String document = "{\n \"recordType\": \"initiative\",\n \"title\": {\"en\": \"a\"},\n \"title\": {\n  \"en\": \"b\"\n }\n}";
    Issue issue = onlyIssue(utf8(document));
    assertThat(issue.code()).isEqualTo("json.duplicate-key");
    assertThat(issue.pointer()).isEqualTo("/title");
    assertThat(issue.line()).isEqualTo(4L);
    assertThat(issue.message()).contains("(line 4, column 9)");
    assertThatThrownBy(() -> SstcJson.standard().readTree(utf8(document)))
        .satisfies(e -> assertThat(((ValidationException) e).report().issues()).containsExactly(issue));

    // A duplicate before a syntax error inside its value: the duplicate, as a strict reader finds it first.
    Issue first = onlyIssue(utf8("{\"recordType\":\"initiative\",\"a\":1,\"a\":{\"b\": tru}}"));
    assertThat(first.code()).isEqualTo("json.duplicate-key");
    assertThat(first.pointer()).isEqualTo("/a");

    // The same on an NDJSON line, deep in the record.
    String line = "{\"recordType\":\"organisation\",\"x\":[{\"y\":{\"z\":1,\"z\":[1,2,3]}}]}\n";
    ValidationReport ndjson = NdjsonReports.validate(validator, utf8(line));
    assertThat(ndjson.issues()).singleElement().satisfies(found -> {
      assertThat(found.code()).isEqualTo("json.duplicate-key");
      assertThat(found.pointer()).isEqualTo("/0/x/0/y/z");
      assertThat(found.message()).contains("(line 1, column 50)");
    });
  }

  @Test
  void readingRefusesHostileInputWithAValidationException() {
    assertThatThrownBy(() -> SstcJson.standard().read(utf8("{\"a\":1,\"a\":2}"), Initiative.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("json.duplicate-key")
        .satisfies(e -> assertThat(((ValidationException) e).report().has("json.duplicate-key")).isTrue());
  }

  @Test
  void anNdjsonLineOverTheRecordLimitIsRefusedAndTheNextLineStillRead() {
    Validator small = Validator.builder().maxRecordBytes(100).build();
    String ndjson = "{\"recordType\":\"organisation\",\"pad\":\"" + "x".repeat(500) + "\"}\n[]\n";
    ValidationReport report = NdjsonReports.validate(small, utf8(ndjson));
    assertThat(report.issues()).extracting(Issue::code, Issue::pointer, Issue::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("json.limit", "/0", 1L),
            org.assertj.core.groups.Tuple.tuple("json.syntax", "/1", 2L));
  }

  @Test
  void aRepeatedRecordIdInAStreamIsADuplicate() {
    String organisation = "{\"recordType\":\"organisation\",\"id\":\"XM-DAC-41301\",\"schemaVersion\":\"1.0\","
        + "\"name\":{\"en\":\"FAO\"},\"orgType\":\"40\",\"lastUpdated\":\"2024-01-01T00:00:00Z\"}";
    ValidationReport report = NdjsonReports.validate(validator, utf8(organisation + "\n\n" + organisation + "\n"));
    assertThat(report.issues()).extracting(Issue::code, Issue::pointer, Issue::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("rule.duplicate-id", "/2/id", 3L));
  }
}
