package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.testing.Generators;

/** Properties of generated records: they validate, they round-trip, and faults are found. */
class RoundTripPropertiesTest {
  private final SstcJson json = SstcJson.standard();
  private final Validator validator = Validator.standard();

  // Validation dominates these properties' cost; CI runs a sample that fits its time budget.
  // Run more with -Dsstc.examples=2000 (a failure prints the seed for QT_SEED to replay).
  private static final int VALIDATING_EXAMPLES = Integer.getInteger("sstc.examples", 60);

  @Test
  void generatedInitiativesAreValid() {
    qt().withExamples(VALIDATING_EXAMPLES)
        .forAll(Generators.initiatives())
        .checkAssert(initiative -> {
          ValidationReport report = validator.validate(initiative);
          assertThat(report.errors()).as(json.writeString(initiative)).isEmpty();
        });
  }

  @Test
  void objectToJsonToObjectIsEqual() {
    qt().withExamples(100)
        .forAll(Generators.initiatives())
        .checkAssert(initiative ->
            assertThat(json.read(json.write(initiative), Initiative.class)).isEqualTo(initiative));
  }

  @Test
  void bindingTheTreeOfWrittenJsonGivesTheSameObject() {
    qt().withExamples(100)
        .forAll(Generators.initiatives())
        .checkAssert(initiative ->
            assertThat(json.bind(json.readTree(json.write(initiative)), Initiative.class)).isEqualTo(initiative));
  }

  @Test
  void bindingATreeOfAnotherRecordTypeIsRefusedWithItsPointer() {
    qt().withExamples(10)
        .forAll(Generators.initiatives())
        .checkAssert(initiative -> {
          var tree = json.readTree(json.write(initiative));
          assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                  ValidationException.class, () -> json.bind(tree, Organisation.class)).report().issues())
              .singleElement()
              .satisfies(issue -> assertThat(issue.pointer()).isEqualTo("/recordType"));
        });
  }

  @Test
  void jsonTheSdkWroteReadsAndWritesByteIdentical() {
    qt().withExamples(100)
        .forAll(Generators.initiatives())
        .checkAssert(initiative -> {
          byte[] first = json.write(initiative);
          byte[] second = json.write(json.read(first, Initiative.class));
          assertThat(Arrays.equals(first, second)).as(new String(first, java.nio.charset.StandardCharsets.UTF_8)).isTrue();
        });
  }

  @Test
  void oneFaultMakesARecordInvalidWithItsCodeAndPointer() {
    qt().withExamples(VALIDATING_EXAMPLES)
        .forAll(Generators.initiatives(), Generators.faults())
        .checkAssert((initiative, fault) -> {
          Initiative broken = fault.inject().apply(initiative);
          ValidationReport report = validator.validate(broken);
          assertThat(report.valid()).as(fault.name()).isFalse();
          assertThat(report.issues())
              .as(fault.name() + " in " + json.writeString(broken))
              .anySatisfy(issue -> {
                assertThat(issue.code()).isEqualTo(fault.code());
                assertThat(issue.pointer()).isEqualTo(fault.pointer());
              });
        });
  }

  @Test
  void validateAndReadHandsOverTheRecordOnlyWhenItIsValid() {
    qt().withExamples(VALIDATING_EXAMPLES)
        .forAll(Generators.initiatives(), Generators.faults())
        .checkAssert((initiative, fault) -> {
          Validator.Checked valid = validator.validateAndRead(json.write(initiative));
          assertThat(valid.valid()).isTrue();
          assertThat(valid.record()).contains(initiative);

          Initiative broken = fault.inject().apply(initiative);
          Validator.Checked invalid = validator.validateAndRead(json.write(broken));
          assertThat(invalid.valid()).as(fault.name()).isFalse();
          assertThat(invalid.record()).as(fault.name()).isEmpty();
          assertThat(invalid.report()).isEqualTo(validator.validate(json.write(broken)));
        });
  }

  @Test
  void issuesOfAModelObjectAreTheIssuesOfItsJson() {
    qt().withExamples(VALIDATING_EXAMPLES / 2)
        .forAll(Generators.initiatives(), Generators.faults())
        .checkAssert((initiative, fault) -> {
          for (Initiative record : new Initiative[] {initiative, fault.inject().apply(initiative)}) {
            ValidationReport onObject = validator.validate(record);
            ValidationReport onJson = validator.validate(json.write(record));
            assertThat(onObject.issues()).as(fault.name()).isEqualTo(onJson.issues());
            assertThat(onObject.valid()).as(fault.name()).isEqualTo(onJson.valid());
          }
        });
  }

  @Test
  void issuesOfAGeneratedPackageAreTheIssuesOfItsJson() {
    qt().withExamples(VALIDATING_EXAMPLES / 4)
        .forAll(Generators.initiatives(), Generators.initiatives(), Generators.faults())
        .checkAssert((first, second, fault) -> {
          RecordPackage pkg = RecordPackage.builder()
              .publisher(OrgRef.of("XM-DAC-41301", "FAO")).publishedAt(java.time.OffsetDateTime.parse("2024-05-01T12:00:00Z"))
              .initiatives(List.of(first, fault.inject().apply(second)))
              .build();
          assertThat(validator.validate(pkg).issues())
              .as(fault.name())
              .isNotEmpty()
              .isEqualTo(validator.validate(json.write(pkg)).issues());
        });
  }
}
