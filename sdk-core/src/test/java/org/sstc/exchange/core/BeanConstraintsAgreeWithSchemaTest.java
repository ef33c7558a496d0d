package org.sstc.exchange.core;

import org.sstc.exchange.testing.Generators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The model's Jakarta Validation constraints are for users' own frameworks ({@code @Valid} in
 * Spring or Jakarta EE); the validator does not run them. They must not drift from the schema,
 * which decides: on generated initiatives and organisations, valid and with one constrained member
 * broken, Hibernate Validator's verdict agrees with the schema's for the members the constraints
 * cover.
 */
class BeanConstraintsAgreeWithSchemaTest {
  private static final ValidatorFactory FACTORY =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
  private static final jakarta.validation.Validator BEANS = FACTORY.getValidator();
  private static final int EXAMPLES = Integer.getInteger("sstc.examples", 60);

  private final Validator validator = Validator.standard();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  /** One constrained member broken, and the pointer where both must say so. */
  record Breach(String name, String pointer, UnaryOperator<Initiative> change) {
    /** The broken record. */
    Initiative inject(Initiative initiative) {
      return change.apply(initiative);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Breach> INITIATIVE_BREACHES = List.of(
      new Breach("id not of the id shape", "/id", i -> i.toBuilder().id("not an id").build()),
      new Breach("schemaVersion not MAJOR.MINOR", "/schemaVersion", i -> i.toBuilder().schemaVersion("one").build()),
      new Breach("reportingOrg id not an org id", "/reportingOrg/id",
          i -> i.toBuilder().reportingOrg(OrgRef.of("no org id", i.reportingOrg().name())).build()),
      new Breach("no participants", "/participants", i -> i.toBuilder().participants(List.of()).build()),
      new Breach("participant country in lower case", "/participants/0/country",
          i -> withFirstParticipant(i, p -> p.toBuilder().country("br").build())),
      new Breach("participant orgId not an org id", "/participants/0/orgId",
          i -> withFirstParticipant(i, p -> p.toBuilder().orgId("no org id").build())),
      new Breach("recipient country in lower case", "/recipientCountries/0/code",
          i -> i.toBuilder().recipientCountries(List.of(RecipientCountry.of("mz"))).build()),
      new Breach("recipient country over 100 %", "/recipientCountries/0/percentage",
          i -> i.toBuilder().recipientCountries(List.of(RecipientCountry.builder().code("MZ").percentage(new BigDecimal("140")).build())).build()),
      new Breach("recipient country under 0 %", "/recipientCountries/0/percentage",
          i -> i.toBuilder().recipientCountries(List.of(RecipientCountry.builder().code("MZ").percentage(new BigDecimal("-1")).build())).build()),
      new Breach("sector over 100 %", "/sectors/0/percentage",
          i -> i.toBuilder().sectors(List.of(Sector.builder().code("31120").percentage(new BigDecimal("140")).build())).build()),
      new Breach("SDG goal not a goal", "/sdgs/0/goal",
          i -> i.toBuilder().sdgs(List.of(SdgLink.goal("goal two", SdgContribution.PRINCIPAL))).build()),
      new Breach("SDG target not a target", "/sdgs/0/target",
          i -> i.toBuilder().sdgs(List.of(SdgLink.target("2", "two", SdgContribution.PRINCIPAL))).build()),
      new Breach("negative budget", "/budgets/0/value/amount",
          i -> i.toBuilder().budgets(List.of(budget(Money.of("-5", "USD")))).build()),
      new Breach("currency in lower case", "/budgets/0/value/currency",
          i -> i.toBuilder().budgets(List.of(budget(Money.of("5", "usd")))).build()));

  @Test
  void generatedInitiativesSatisfyTheConstraintsAndTheSchema() {
    qt().withExamples(EXAMPLES)
        .forAll(Generators.initiatives())
        .checkAssert(initiative -> {
          assertThat(beanPointers(initiative)).isEmpty();
          assertThat(schemaPointers(initiative)).isEmpty();
        });
  }

  /**
   * A required member (a {@code @NotNull} constraint) cannot be left out of a model object, whose
   * accessors never return null: build() refuses it by name, and the schema requires it.
   */
  @Test
  void aMissingRequiredMemberIsRefusedByBuildAndRequiredByTheSchema() {
    qt().withExamples(10).forAll(Generators.initiatives()).checkAssert(this::refusedByBuildAndRequiredByTheSchema);
  }

  private void refusedByBuildAndRequiredByTheSchema(Initiative valid) {
    List<Object[]> cases = List.of(
        new Object[] {"id", (Runnable) () -> valid.toBuilder().id(null).build()},
        new Object[] {"reportingOrg", (Runnable) () -> valid.toBuilder().reportingOrg(null).build()},
        new Object[] {"title", (Runnable) () -> valid.toBuilder().title(null).build()},
        new Object[] {"modality", (Runnable) () -> valid.toBuilder().modality(null).build()},
        new Object[] {"instrument", (Runnable) () -> valid.toBuilder().instrument(null).build()},
        new Object[] {"status", (Runnable) () -> valid.toBuilder().status(null).build()},
        new Object[] {"dates", (Runnable) () -> valid.toBuilder().dates(null).build()},
        new Object[] {"lastUpdated", (Runnable) () -> valid.toBuilder().lastUpdated(null).build()});
    for (Object[] c : cases) {
      String member = (String) c[0];
      org.assertj.core.api.Assertions.assertThatThrownBy(((Runnable) c[1])::run).as(member)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining(member);
      tools.jackson.databind.node.ObjectNode json = (tools.jackson.databind.node.ObjectNode)
          SstcJson.standard().readTree(SstcJson.standard().write(valid));
      json.remove(member);
      assertThat(validator.validate(JsonStreams.mapper().writeValueAsBytes(json)).errors())
          .as(member).anySatisfy(issue -> {
            assertThat(issue.code()).isEqualTo("schema.required");
            assertThat(issue.pointer()).isEqualTo("/" + member);
          });
    }
  }

  @Test
  void aBrokenConstrainedMemberIsFoundByBothAtTheSamePointer() {
    qt().withExamples(EXAMPLES)
        .forAll(Generators.initiatives(), Generate.pick(INITIATIVE_BREACHES))
        .checkAssert((initiative, breach) -> {
          Initiative broken = breach.inject(initiative);
          assertThat(beanPointers(broken)).as(breach.name()).contains(breach.pointer());
          assertThat(schemaPointers(broken)).as(breach.name()).contains(breach.pointer());
        });
  }

  @Test
  void whatTheConstraintsRefuseTheSchemaRefusesToo() {
    // The faults of the other properties (rules among them) and the breaches above: no
    // constraint fires where the schema sees nothing wrong.
    Gen<UnaryOperator<Initiative>> changes = Generate.pick(allChanges());
    qt().withExamples(EXAMPLES)
        .forAll(Generators.initiatives(), changes)
        .checkAssert((initiative, change) -> {
          Initiative changed = change.apply(initiative);
          assertThat(schemaPointers(changed)).containsAll(beanPointers(changed));
        });
  }

  @Test
  void organisationsAgreeToo() {
    Organisation valid = Organisation.builder()
        .id("XM-DAC-41301")
        .name(LanguageMap.of("en", "Food and Agriculture Organization"))
        .orgType("40")
        .country("IT")
        .lastUpdated(OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC))
        .build();
    assertThat(beanPointers(valid)).isEmpty();
    assertThat(schemaPointers(valid)).isEmpty();
    // A missing required member cannot be built (aMissingRequiredMemberIsRefusedByBuild...).
    List<Object[]> cases = List.of(
        new Object[] {"/id", valid.toBuilder().id("not an id").build()},
        new Object[] {"/country", valid.toBuilder().country("it").build()},
        new Object[] {"/parentId", valid.toBuilder().parentId("no org id").build()},
        new Object[] {"/schemaVersion", valid.toBuilder().schemaVersion("one").build()});
    for (Object[] c : cases) {
      Organisation broken = (Organisation) c[1];
      assertThat(beanPointers(broken)).as((String) c[0]).contains((String) c[0]);
      assertThat(schemaPointers(broken)).as((String) c[0]).contains((String) c[0]).containsAll(beanPointers(broken));
    }
  }

  private static List<UnaryOperator<Initiative>> allChanges() {
    List<UnaryOperator<Initiative>> changes = new ArrayList<>();
    changes.add(UnaryOperator.identity());
    Generators.FAULTS.forEach(fault -> changes.add(fault.inject()));
    INITIATIVE_BREACHES.forEach(breach -> changes.add(breach::inject));
    return changes;
  }

  private static Initiative withFirstParticipant(Initiative i, UnaryOperator<Participation> change) {
    List<Participation> participants = new ArrayList<>(i.participants());
    participants.set(0, change.apply(participants.get(0)));
    return i.toBuilder().participants(participants).build();
  }

  private static Budget budget(Money value) {
    return Budget.builder().id("b0").type(BudgetType.ORIGINAL).status(BudgetStatus.COMMITTED).periodStart(java.time.LocalDate.of(2020, 1, 1))
        .periodEnd(java.time.LocalDate.of(2020, 12, 31)).value(value).build();
  }

  /** Where Hibernate Validator finds a constraint broken, as JSON Pointers into the record's JSON. */
  private static Set<String> beanPointers(Object record) {
    Set<String> pointers = new TreeSet<>();
    for (ConstraintViolation<Object> violation : BEANS.validate(record)) {
      pointers.add(pointer(violation.getPropertyPath()));
    }
    return pointers;
  }

  /** Where the validator's schema check finds the record's JSON wrong. */
  private Set<String> schemaPointers(SstcRecord record) {
    Set<String> pointers = new TreeSet<>();
    for (Issue issue : validator.validate(record).errors()) {
      if (issue.code().startsWith("schema.")) {
        pointers.add(issue.pointer());
      }
    }
    return pointers;
  }

  private static String pointer(Path path) {
    StringBuilder pointer = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
        if (key != null) {
          pointer.append('/').append(String.valueOf(key).replace("~", "~0").replace("/", "~1"));
        }
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        pointer.append('/').append(node.getName().replace("~", "~0").replace("/", "~1"));
      }
    }
    return pointer.toString();
  }
}
