package org.sstc.exchange.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes are checked character by character: for every string, each says exactly what its
 * regular expression says (the schemas and Bean Validation use the expressions).
 */
class ShapesTest {
  private static final Map<String, Pattern> SHAPES = Map.of(
      "IATI_CODE", Shapes.IATI_CODE, "COUNTRY", Shapes.COUNTRY, "CURRENCY", Shapes.CURRENCY,
      "SDG_GOAL", Shapes.SDG_GOAL, "SDG_TARGET", Shapes.SDG_TARGET, "SDG_INDICATOR", Shapes.SDG_INDICATOR,
      "ORG_ID", Shapes.ORG_ID, "INITIATIVE_ID", Shapes.INITIATIVE_ID, "ITEM_ID", Shapes.ITEM_ID,
      "LANGUAGE_TAG", Shapes.LANGUAGE_TAG);

  /**
   * Pieces that the shapes tell apart: letters of both cases, digits, the separators they use,
   * ASCII whitespace (which the expressions' \s means), other whitespace they do not, the
   * characters ids may not hold, a letter outside ASCII and a surrogate pair.
   */
  private static final List<String> PIECES = List.of("A", "Z", "M", "a", "z", "0", "9", "1", "7", "-", "_", ".",
      " ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2028", "/", "?", "#", "&", "|", "~", "é", "\uD83D\uDE00",
      "\uD83D", "XM", "DAC", "41301", "2.3", "17.b", "1.1.1", "-X-", "GB-COH-");

  private static void agrees(String value) {
    for (Map.Entry<String, Pattern> shape : SHAPES.entrySet()) {
      assertThat(Shapes.matches(shape.getValue(), value))
          .as("%s on \"%s\"", shape.getKey(), value)
          .isEqualTo(shape.getValue().matcher(value).matches());
    }
  }

  @Test
  void everyShapeSaysWhatItsExpressionSaysOnStringsMadeOfTellingPieces() {
    qt().withFixedSeed(20261202L).withExamples(20_000)
        .forAll(lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 8))
        .checkAssert(picks -> agrees(picks.stream().map(PIECES::get).collect(Collectors.joining())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "BR", "br", "BRA", "EUR", "2", "17", "170", "2.3", "2.a", "17.19", "17.190", "2.ab",
      "2.3.1", "2.a.1", "17.19.99", "2.3.100", "2..1", ".3", "XM-DAC-41301", "XM-DAC-41301-SSTC-1", "CA_AB-ABT-1",
      "CA_-ABT-1", "XM--1", "XM-DAC-", "XM-DAC-a b", "X-DAC-1", "GB-COH-123/4", "en", "en-GB", "e", "11000", "A.1-b"})
  void everyShapeSaysWhatItsExpressionSaysOnCodesAsTheyAreWritten(String value) {
    agrees(value);
  }

  @Test
  void aPatternThatIsNotAShapeIsMatchedAsGiven() {
    assertThat(Shapes.matches(Pattern.compile("^a+$"), "aaa")).isTrue();
    assertThat(Shapes.matches(Pattern.compile("^a+$"), "aab")).isFalse();
    assertThat(Shapes.matches(Shapes.COUNTRY, null)).isFalse();
  }
}
