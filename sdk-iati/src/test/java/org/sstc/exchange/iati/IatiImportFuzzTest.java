package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Fuzzes the IATI importer: whatever the bytes, it either imports (every note with a path and a
 * message) or throws {@link IatiReadException} with a position; never another exception, a hang
 * or an out-of-memory. {@code mvn test} runs the seeds in {@code IatiImportFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class IatiImportFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyBytesImportOrFailWithAPosition(byte[] input) {
    try {
      IatiImport imported = IatiXml.standard().read(new ByteArrayInputStream(input));
      assertThat(imported.unmapped()).allSatisfy(note -> {
        assertThat(note.path()).startsWith("/iati-activities");
        assertThat(note.message()).isNotBlank();
      });
    } catch (IatiReadException e) {
      assertThat(e.getMessage()).startsWith("line ");
    }
  }
}
