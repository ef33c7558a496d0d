package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sstc validate} as {@code main} runs it, with the validator readied on a second thread
 * from the run's first file: whatever that file is (broken, nested past the limit, larger than
 * the warm-up reads, a folder of such files, standard input), the run prints and exits exactly as
 * without the warm-up, and nothing else reaches stderr.
 */
class WarmUpTest {
  @TempDir Path dir;

  private record Printed(int status, String out, String err) {}

  /** Sstc.run, which starts the warm-up, with stdin, stdout and stderr of its own. */
  private static Printed main(byte[] input, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(input));
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
      int status = Sstc.run(args);
      return new Printed(status, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
    }
  }

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void theFirstFileWhateverItIsChangesNothing() throws Exception {
    String valid = Files.readString(Path.of("../schema/test-fixtures/valid/initiative-minimal.json"));
    List<Path> firsts = new ArrayList<>();
    firsts.add(write("broken.json", "{\"recordType\": \"initiative\", \"id\": "));
    firsts.add(write("deep.json", "[".repeat(100_000)));
    firsts.add(write("large.json", valid.replace("\"modality\"", " ".repeat(1 << 21) + "\"modality\"")));
    firsts.add(write("folder/a.json", "\u0000\u0000"));
    write("folder/b.json", valid);
    firsts.add(dir.resolve("folder"));
    firsts.add(write("valid.json", valid));
    Path second = write("second.json", valid.replace("\"1\"", "\"9\""));
    for (Path first : firsts) {
      String[] args = {"validate", "--format", "json", "--max-issues", "0", first.toString(), second.toString()};
      Printed warmed = main(new byte[0], args);
      CliRun plain = CliRun.sstc(args);
      assertEquals(plain.status, warmed.status(), first.toString());
      assertEquals(plain.out, warmed.out(), first.toString());
      assertEquals(plain.err, warmed.err(), first.toString());
    }
  }

  @Test
  void standardInputIsLeftToTheRun() throws Exception {
    byte[] valid = Files.readAllBytes(Path.of("../schema/test-fixtures/valid/initiative-minimal.json"));
    Printed warmed = main(valid, "validate", "--format", "json", "-");
    assertEquals(0, warmed.status(), warmed.err());
    assertTrue(warmed.out().contains("\"valid\" : true"), warmed.out());
    assertFalse(warmed.out().contains("\"valid\" : false"), warmed.out());
    assertEquals("", warmed.err());
  }
}
