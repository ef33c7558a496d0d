package org.sstc.exchange.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir Path dir;

  @Test
  void inputsKeepExplicitFilesAndWalkDirectories() throws IOException {
    Files.createDirectories(dir.resolve("d/e"));
    Files.writeString(dir.resolve("d/e/z.ndjson"), "");
    Files.writeString(dir.resolve("d/a.jsonl"), "");
    Files.writeString(dir.resolve("d/b.txt"), "");
    List<Inputs.Input> inputs =
        Inputs.expand(List.of("given.txt", dir.resolve("d").toString(), "missing.json"));
    assertEquals(
        List.of("given.txt", dir.resolve("d/a.jsonl").toString(), dir.resolve("d/e/z.ndjson").toString(),
            "missing.json"),
        inputs.stream().map(Inputs.Input::name).toList());
    assertEquals("no such file", Inputs.reason(new NoSuchFileException("missing.json")));
    assertEquals("a file is in the way where a folder is needed (or the other way round)",
        Inputs.reason(new java.nio.file.FileAlreadyExistsException("out")));
  }
}
