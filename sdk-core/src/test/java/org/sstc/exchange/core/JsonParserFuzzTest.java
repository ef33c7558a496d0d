package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the one entry point every byte goes through. Whatever the input, the validator answers
 * with a report: never an exception, a hang or an out-of-memory. {@code mvn test} runs the seeds
 * in {@code src/test/resources/.../JsonParserFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class JsonParserFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyBytesGetAReportNotAnException(byte[] input) {
    ValidationReport document = Validator.standard().validate(input);
    assertThat(document).isNotNull();
    if (!document.valid()) {
      assertThat(document.errors()).allSatisfy(issue -> assertThat(issue.message()).isNotBlank());
    }
    ValidationReport stream =
        NdjsonReports.validate(Validator.standard(), input);
    assertThat(stream).isNotNull();
  }
}
