package org.sstc.exchange.core;

import org.sstc.exchange.testing.Generators;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Validator#validateAndRead}: the report, and the record only when it is valid. */
class ValidateAndReadTest {
  private final SstcJson json = SstcJson.standard();

  @Test
  void unreadableJsonIsAnIssueNotAnException() {
    Validator.Checked checked = Validator.standard().validateAndRead("{\"recordType\":".getBytes(StandardCharsets.UTF_8));
    assertThat(checked.valid()).isFalse();
    assertThat(checked.record()).isEmpty();
    assertThat(checked.report().errors()).singleElement()
        .satisfies(issue -> assertThat(issue.code()).startsWith("json."));
  }

  @Test
  void theValidatorsOwnLimitsApply() {
    byte[] initiative = json.write(Generators.initiative(new java.util.Random(7)));
    assertThat(Validator.standard().validateAndRead(initiative).valid()).isTrue();

    Validator shallow = Validator.builder().maxNestingDepth(2).build();
    Validator.Checked checked = shallow.validateAndRead(initiative);
    assertThat(checked.record()).isEmpty();
    assertThat(checked.report().errors()).extracting(Issue::code).containsExactly("json.limit");
    assertThat(shallow.validate(initiative).errors()).extracting(Issue::code).containsExactly("json.limit");
  }

  @Test
  void aPackageIsReadWholeWithItsWarnings() {
    Initiative initiative = Generators.initiative(new java.util.Random(11));
    RecordPackage pkg = RecordPackage.builder().publisher(OrgRef.of("XM-DAC-41301", "FAO")).publishedAt(java.time.OffsetDateTime.parse("2024-05-01T12:00:00Z")).initiatives(java.util.List.of(initiative)).build();
    byte[] bytes = json.write(pkg);
    Validator.Checked checked = Validator.standard().validateAndRead(bytes);
    assertThat(checked.report()).isEqualTo(Validator.standard().validate(bytes));
    assertThat(checked.record()).isEqualTo(checked.valid() ? java.util.Optional.of(pkg) : java.util.Optional.empty());
  }
}
