package org.sstc.exchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;

class ValidateFileTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  private String printed() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutArgumentsItValidatesTheBundledSample() {
    RecordPackage sample = SamplePackage.read();
    int records = sample.initiatives().size() + sample.organisations().size();

    assertEquals(0, ValidateFile.run(new String[0], out), printed());
    assertEquals("the bundled sample-package.json: valid (" + records
        + " record(s), 0 error(s), 0 warning(s))\n", printed().replace("\r\n", "\n"));
  }

  @Test
  void anNdjsonFileIsReadOneRecordALine() throws IOException {
    Path file = dir.resolve("sample-records.ndjson");
    Files.write(file, SamplePackage.ndjsonBytes());

    assertEquals(0, ValidateFile.run(new String[] {file.toString()}, out), printed());
    assertTrue(printed().contains(": valid ("), printed());
  }

  @Test
  void anInvalidFilePrintsEachIssueAndExitsWithOne() throws IOException {
    // A closed initiative without an actual end date: a rule error.
    Initiative closed = BuildAndValidate.triangularInitiative().toBuilder().status(ActivityStatus.CLOSED).build();
    Path file = dir.resolve("closed.json");
    Files.write(file, SstcJson.standard().write(closed));

    assertEquals(1, ValidateFile.run(new String[] {file.toString()}, out), printed());
    String printed = printed();
    // One line per issue, "pointer: severity code: message".
    assertTrue(printed.lines().anyMatch(
        line -> line.matches("/\\S*: error rule\\.closed-needs-actual-end: .+")), printed);
    assertTrue(printed.contains(file + ": INVALID (1 record(s), 1 error(s), 0 warning(s))"), printed);
  }

  @Test
  void aMissingFileExitsWithTwo() {
    Path missing = dir.resolve("no-such-file.json");

    assertEquals(2, ValidateFile.run(new String[] {missing.toString()}, out), printed());
    assertTrue(printed().startsWith("Cannot read " + missing), printed());
  }
}
