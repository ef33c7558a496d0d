package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sstc.exchange.testing.Generators;

/**
 * Numbers whose exponent is extreme: a few characters of JSON ({@code 1E-999999999}) whose exact
 * value needs a billion digits. The reading limits bound a number's length, not its exponent, so
 * the validator and the writer must never do exact arithmetic or plain formatting on them.
 */
class ExtremeNumbersTest {
  private static String fullInitiative() throws IOException {
    return Files.readString(Path.of("../schema/test-fixtures/valid/initiative-full.json"), StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(30)
  void aTinyPercentageIsAddedUpWithoutOverflowAndTheWrongSumIsReported() throws IOException {
    String json = fullInitiative().replaceFirst("\"recipientCountries\": \\[",
        "\"recipientCountries\": [{\"code\": \"KE\", \"percentage\": 1E-999999999}, ");
    assertThat(json).contains("1E-999999999");

    // The shares still make 100 (within the tolerance): valid, and no overflow on the way.
    assertThat(Validator.standard().validate(json.getBytes(StandardCharsets.UTF_8)).issues()).isEmpty();

    String tooMuch = json.replaceFirst("\"percentage\": 85", "\"percentage\": 90");
    ValidationReport report = Validator.standard().validate(tooMuch.getBytes(StandardCharsets.UTF_8));
    assertThat(report.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.code()).isEqualTo("rule.percentage-sum");
      assertThat(issue.message()).contains("add up to 105");
    });
  }

  @Test
  @Timeout(30)
  void sharesThatAreAllTinyAddUpToAlmostNothingAndSaySo() throws IOException {
    String json = fullInitiative().replace("\"percentage\": 85", "\"percentage\": 1E-999999999")
        .replace("\"percentage\": 15", "\"percentage\": 1E-999999999");

    ValidationReport report = Validator.standard().validate(json.getBytes(StandardCharsets.UTF_8));

    assertThat(report.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.code()).isEqualTo("rule.percentage-sum");
      assertThat(issue.message()).contains("add up to 2E-999999999").hasSizeLessThan(400);
    });
  }

  @Test
  @Timeout(30)
  void aHugeAmountInAModelObjectIsWrittenInScientificNotationAndRefusedByTheSchema() {
    Initiative valid = Generators.initiative(new java.util.Random(11));
    Initiative huge = valid.toBuilder()
        .budgets(List.of(Budget.builder()
            .id("b0")
            .type(BudgetType.ORIGINAL)
            .status(BudgetStatus.COMMITTED)
            .periodStart(java.time.LocalDate.of(2020, 1, 1))
            .periodEnd(java.time.LocalDate.of(2020, 12, 31))
            .value(Money.of("1.5E999999999", "JPY"))
            .build()))
        .build();

    String written = SstcJson.standard().writeString(huge);
    ValidationReport report = Validator.standard().validate(huge);

    assertThat(written).contains("\"1.5E+999999999\"");
    assertThat(report.issues()).anySatisfy(issue -> assertThat(issue.pointer()).isEqualTo("/budgets/0/value/amount"));
    assertThat(report.issues()).allSatisfy(issue -> assertThat(issue.message().length()).isLessThan(2000));
  }
}
