package org.sstc.exchange.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The ids' order: code points, whatever shortcut the comparator takes through UTF-16. */
class CodePointOrderTest {
  // Characters where UTF-16 and code point order part: ASCII, the top of the BMP above the
  // surrogates, a supplementary character's high and low surrogates (paired or lone).
  private static final char[] CHARS = {'-', '0', 'A', 'z', '\u00e9', '\ue000', '\uffff', '\ud83d', '\ude00', '\udbff'};

  private static Gen<String> ids() {
    // A shared prefix first, as real ids have (the organisation's), then a few of CHARS.
    return lists().of(integers().between(0, CHARS.length - 1)).ofSizeBetween(0, 6).map(picks -> {
      StringBuilder id = new StringBuilder("XM-DAC-41301-");
      picks.forEach(pick -> id.append(CHARS[pick]));
      return id.toString();
    });
  }

  private static int sign(int comparison) {
    return Integer.signum(comparison);
  }

  @Test
  void agreesWithComparingCodePoints() {
    qt().withExamples(20_000).forAll(ids(), ids()).checkAssert((a, b) ->
        assertThat(sign(MemoryStore.CODE_POINT_ORDER.compare(a, b)))
            .as("%s against %s", a.codePoints().boxed().toList(), b.codePoints().boxed().toList())
            .isEqualTo(sign(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()))));
  }

  @Test
  void aSupplementaryCharacterSortsAfterTheTopOfTheBmp() {
    // UTF-16 would put U+1F600 (a surrogate pair, 0xD83D...) before U+FFFF.
    List<String> ids = new java.util.ArrayList<>(List.of("A\ud83d\ude00", "A\uffff", "A"));
    ids.sort(MemoryStore.CODE_POINT_ORDER);
    assertThat(ids).containsExactly("A", "A\uffff", "A\ud83d\ude00");
  }
}
