package org.sstc.exchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.SdgContribution;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;

class BuildAndValidateTest {
  @Test
  void theExampleBuildsAValidInitiativeAndReadsItBack() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Initiative built = BuildAndValidate.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String printed = buffer.toString(StandardCharsets.UTF_8);

    assertTrue(printed.startsWith("Validation: valid, 0 error(s), 0 warning(s)"), printed);
    assertTrue(printed.contains("\"recordType\""), printed);
    assertTrue(printed.contains("\"XM-DAC-41301-SSTC-2022-0019\""), printed);
    // Money is written as a decimal string, never as a JSON number.
    assertTrue(printed.matches("(?s).*\"amount\"\\s*:\\s*\"48000000\".*"), printed);
    assertTrue(printed.strip().endsWith("Read back: equal to the original."), printed);

    assertEquals(Modality.TRIANGULAR, built.modality());
    assertEquals(BuildAndValidate.triangularInitiative(), built);
  }

  @Test
  void theValidatorCatchesWhatTheBuilderLetsThrough() {
    // Closed ("4") without an actual end date, and a target outside its goal.
    Initiative broken = BuildAndValidate.triangularInitiative().toBuilder()
        .status(ActivityStatus.CLOSED)
        .sdgs(List.of(SdgLink.target("2", "3.3", SdgContribution.PRINCIPAL)))
        .build();
    ValidationReport report = Validator.standard().validate(broken);
    assertTrue(report.has("rule.closed-needs-actual-end"), report::toString);
    assertTrue(report.has("rule.sdg-target-goal"), report::toString);
    assertTrue(report.issues().stream().anyMatch(issue -> issue.pointer().equals("/sdgs/0/target")),
        report::toString);
  }
}
