package org.sstc.exchange.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The enums of IATI's small closed codelists hold exactly the codes of the bundled list, in its
 * order, so that the enum and {@code schema/codelists/<Name>.json} cannot drift apart.
 */
class ClosedCodelistEnumsTest {

  record Typed(String list, List<String> codes, Function<String, Optional<?>> fromCode,
      Function<String, Object> fromJson) {
    @Override
    public String toString() {
      return list;
    }
  }

  static Stream<Typed> enums() {
    return Stream.of(
        new Typed("ActivityStatus",
            Arrays.stream(ActivityStatus.values()).map(ActivityStatus::code).toList(),
            ActivityStatus::fromCode, ActivityStatus::fromJson),
        new Typed("TransactionType",
            Arrays.stream(TransactionType.values()).map(TransactionType::code).toList(),
            TransactionType::fromCode, TransactionType::fromJson),
        new Typed("BudgetType",
            Arrays.stream(BudgetType.values()).map(BudgetType::code).toList(),
            BudgetType::fromCode, BudgetType::fromJson),
        new Typed("BudgetStatus",
            Arrays.stream(BudgetStatus.values()).map(BudgetStatus::code).toList(),
            BudgetStatus::fromCode, BudgetStatus::fromJson),
        new Typed("OrganisationRole",
            Arrays.stream(OrganisationRole.values()).map(OrganisationRole::code).toList(),
            OrganisationRole::fromCode, OrganisationRole::fromJson));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void theConstantsAreExactlyTheCodelistsCodes(Typed typed) {
    Codelist list = Codelists.standard().get(typed.list());
    assertTrue(!list.isOpen(), typed.list() + " is a closed list");
    List<String> codes = list.items().stream().map(CodelistItem::code).toList();
    assertEquals(codes, typed.codes());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void eachCodeFindsItsConstantAndAnUnknownCodeBindsAsNull(Typed typed) {
    for (String code : typed.codes()) {
      Object constant = typed.fromCode().apply(code).orElseThrow();
      assertEquals(code, constant.toString());
      assertEquals(constant, typed.fromJson().apply(code));
    }
    assertEquals(Optional.empty(), typed.fromCode().apply("99"));
    assertNull(typed.fromJson().apply("99"));
  }
}
