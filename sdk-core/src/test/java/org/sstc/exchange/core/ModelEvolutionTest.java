package org.sstc.exchange.core;

import org.sstc.exchange.testing.Generators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The model can grow in a minor version without breaking callers or losing what it does not know. */
class ModelEvolutionTest {
  private static final SstcJson JSON = SstcJson.standard();
  private static final Path VALID = Path.of("../schema/test-fixtures/valid");

  @Test
  void buildRefusesARecordWithoutItsRequiredMembersNamingAllOfThem() {
    assertThatThrownBy(() -> Initiative.builder().id("XM-DAC-41301-X1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Initiative is missing required members reportingOrg, title, modality, instrument,"
            + " status, dates, lastUpdated: set them on the builder before build()");
    assertThatThrownBy(() -> Budget.builder()
        .id("b1")
        .type(BudgetType.ORIGINAL)
        .status(BudgetStatus.COMMITTED)
        .periodStart(LocalDate.of(2020, 1, 1))
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Budget is missing required members periodEnd, value: set them on the builder before build()");
    assertThatThrownBy(() -> OrgRef.builder().id("XM-DAC-41301").build())
        .hasMessage("OrgRef is missing required member name: set it on the builder before build()");
    assertThatThrownBy(() -> RecordPackage.builder().build())
        .hasMessage("RecordPackage is missing required members publisher, publishedAt: set them on the builder before build()");
  }

  @Test
  void anAbsentSchemaVersionIsTheCurrentOneAndOptionalMembersMayStayAbsent() {
    Dates none = Dates.builder().build();
    assertThat(none.plannedStart()).isNull();
    Organisation organisation = Organisation.builder().id("XM-DAC-41301").name(LanguageMap.of("en", "FAO"))
        .orgType("40").lastUpdated(java.time.OffsetDateTime.parse("2024-05-01T12:00:00Z")).build();
    assertThat(organisation.schemaVersion()).isEqualTo(Organisation.CURRENT_VERSION);
    assertThat(organisation.otherIdentifiers()).isEmpty();
    assertThat(organisation.extensions()).isEmpty();
    assertThat(organisation.acronym()).isNull();
  }

  @Test
  void membersOfANewerMinorVersionSurviveReadAndWriteAtEveryLevel() throws Exception {
    byte[] known = JSON.write(JSON.read(Files.readAllBytes(VALID.resolve("initiative-full.json")), Initiative.class));
    ObjectNode tree = (ObjectNode) JSON.readTree(known);
    tree.put("schemaVersion", "1.2");
    // Members this SDK (1.1) does not know: locations and humanitarian became known in 1.1.
    tree.putObject("targetGroup").put("name", "Smallholders").put("size", "1");
    tree.put("fragileContext", true);
    ((ObjectNode) tree.get("participants").get(0)).put("contact", "desk@example.org");
    ((ObjectNode) tree.get("budgets").get(0).get("value")).put("exchangeRate", "1.0");
    ((ObjectNode) tree.get("dates")).put("plannedReview", "2023-01-01");
    ((ObjectNode) tree.get("reportingOrg")).putArray("aliases").add("UN FAO");
    String newer = tree.toString();

    Initiative bound = JSON.bind(JSON.readTree(newer.getBytes(StandardCharsets.UTF_8)), Initiative.class);

    assertThat(JSON.writeString(bound)).isEqualTo(newer);
    assertThat(JSON.writeString(JSON.bind(JsonStreams.mapper().valueToTree(bound), Initiative.class))).isEqualTo(newer);
    assertThat(JSON.writeString(bound.toBuilder().build())).isEqualTo(newer);
    Initiative withoutThem = JSON.bind(JSON.readTree(known), Initiative.class);
    assertThat(bound).isNotEqualTo(withoutThem.toBuilder().schemaVersion("1.2").build());
    assertThat(bound.participants().get(0)).isNotEqualTo(withoutThem.participants().get(0));
    assertThat(bound.budgets().get(0).value()).isNotEqualTo(withoutThem.budgets().get(0).value());
    assertThat(bound.participants().get(0).toString()).doesNotContain("desk@example.org").contains("contact");
  }

  @Test
  void aNestedObjectLackingRequiredMembersIsRefusedWithItsPointer() throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(Files.readAllBytes(VALID.resolve("initiative-full.json")));
    ((ObjectNode) tree.get("participants").get(1)).remove(java.util.List.of("name", "orgType"));
    assertThatThrownBy(() -> JSON.bind(tree, Initiative.class))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.report().issues()).singleElement()
            .satisfies(issue -> {
              assertThat(issue.code()).isEqualTo("schema.required");
              assertThat(issue.pointer()).isEqualTo("/participants/1");
              assertThat(issue.message()).isEqualTo("Participation is missing required members name, orgType: set them in the document");
            }));
  }

  @Test
  void aPackageKeepsUnknownMembersOfItselfAndOfItsRecords() throws Exception {
    byte[] known = JSON.write(JSON.read(Files.readAllBytes(VALID.resolve("package.json")), RecordPackage.class));
    ObjectNode tree = (ObjectNode) JSON.readTree(known);
    tree.put("generator", "sstc 1.2");
    ((ObjectNode) tree.get("initiatives").get(0)).put("fragileContext", false);
    String newer = tree.toString();

    RecordPackage bound = JSON.bind(JSON.readTree(newer.getBytes(StandardCharsets.UTF_8)), RecordPackage.class);

    assertThat(JSON.writeString(bound)).isEqualTo(newer);
    assertThat(bound.recordType()).isEqualTo("package");
  }

  @Test
  void toBuilderThenBuildGivesAnEqualObject() {
    qt().withExamples(100)
        .forAll(Generators.initiatives())
        .checkAssert(initiative -> {
          assertThat(initiative.toBuilder().build()).isEqualTo(initiative).hasSameHashCodeAs(initiative);
          assertThat(JSON.write(initiative.toBuilder().build())).isEqualTo(JSON.write(initiative));
          initiative.participants().forEach(p -> assertThat(p.toBuilder().build()).isEqualTo(p));
          initiative.budgets().forEach(b -> assertThat(b.toBuilder().build()).isEqualTo(b));
        });
  }

  @Test
  void noModelTypeHasAPublicConstructorOrIsARecord() {
    Set<Class<?>> model = modelTypes();
    assertThat(model).contains(Initiative.class, Organisation.class, RecordPackage.class, Money.class,
        OrgRef.class, Participation.class, IndicatorValue.class, Dates.class, LanguageMap.class,
        // since 1.1
        Solution.class, SolutionProvider.class, SolutionCountry.class, Transfer.class, Evidence.class,
        Location.class, GeoPoint.class, AdministrativeArea.class, PolicyMarker.class);
    for (Class<?> type : model) {
      assertThat(type.getConstructors()).as(type.getSimpleName() + "'s public constructors").isEmpty();
      assertThat(type.isRecord()).as(type.getSimpleName() + " is a record").isFalse();
      assertThat(Modifier.isFinal(type.getModifiers())).as(type.getSimpleName() + " is final").isTrue();
    }
  }

  /** Every public non-enum, non-interface type of the exported package that a record reaches. */
  private static Set<Class<?>> modelTypes() {
    Set<Class<?>> found = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(java.util.List.of(SstcRecord.class.getPermittedSubclasses()));
    while (!todo.isEmpty()) {
      Class<?> type = todo.pop();
      if (!found.add(type)) {
        continue;
      }
      for (Method accessor : type.getMethods()) {
        if (accessor.getParameterCount() == 0 && accessor.getDeclaringClass() == type) {
          for (Class<?> reached : classes(accessor.getGenericReturnType())) {
            if (reached.getPackage() == SstcRecord.class.getPackage() && Modifier.isPublic(reached.getModifiers())
                && !reached.isEnum() && !reached.isInterface() && reached.getEnclosingClass() == null) {
              todo.push(reached);
            }
          }
        }
      }
    }
    return found;
  }

  private static Set<Class<?>> classes(Type type) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    if (type instanceof Class<?> plain) {
      classes.add(plain);
    } else if (type instanceof ParameterizedType generic) {
      for (Type argument : generic.getActualTypeArguments()) {
        classes.addAll(classes(argument));
      }
    }
    return classes;
  }

  @Test
  void aBoundRecordLackingARequiredMemberIsRefusedByNameNotHalfMade() {
    JsonNode tree = JSON.readTree("{\"recordType\":\"organisation\",\"id\":\"XM-DAC-41301\",\"schemaVersion\":\"1.0\",\"orgType\":\"40\",\"lastUpdated\":\"2024-05-01T12:00:00Z\"}"
        .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> JSON.bind(tree, Organisation.class))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.report().issues()).singleElement()
            .satisfies(issue -> {
              assertThat(issue.code()).isEqualTo("schema.required");
              assertThat(issue.message()).isEqualTo("Organisation is missing required member name: set it in the document");
            }));
    assertThat(JsonStreams.validateTree(Validator.standard(), tree).issues())
        .anySatisfy(issue -> assertThat(issue.pointer()).isEqualTo("/name"));
  }
}
