package org.sstc.exchange.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.SdgContribution;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SolutionCountry;
import org.sstc.exchange.core.SstcJson;

class SolutionMatchTest {
  private static final Initiative INITIATIVE = read("initiative-full.json", Initiative.class);
  private static final Solution SOLUTION = read("solution-full.json", Solution.class);

  /** The full solution with none of the initiative's codes: no link, no SDG, sector or country. */
  private static Solution.Builder unrelated() {
    return SOLUTION.toBuilder()
        .initiativeIds(List.of())
        .providers(List.of())
        .countries(List.of(SolutionCountry.builder().code("PE").build()))
        .sdgs(List.of(SdgLink.builder().goal("6").target("6.1").contribution(SdgContribution.PRINCIPAL).build()))
        .sectors(List.of(Sector.builder().code("14030").build()));
  }

  @Test
  void namesEverythingTheFixturesShare() {
    SolutionMatch match = Objects.requireNonNull(SolutionMatch.of(INITIATIVE, SOLUTION));

    // The solution lists the initiative; both work on SDG 2 (targets 2.3/2.4 against 2.1); the
    // initiative works in MZ with Brazilian participants, the solution reached MZ from BR.
    assertThat(match.reasons()).extracting(SolutionMatch.Reason::kind, SolutionMatch.Reason::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("initiative", "XM-DAC-41301-SSTC-2021-0042"),
            org.assertj.core.groups.Tuple.tuple("sdgGoal", "2"),
            org.assertj.core.groups.Tuple.tuple("country", "MZ"),
            org.assertj.core.groups.Tuple.tuple("country", "BR"));
    assertThat(match.score()).isEqualTo(SolutionMatch.LINKED + SolutionMatch.GOAL + 2 * SolutionMatch.COUNTRY);
    assertThat(match.reasons().get(1).text()).isEqualTo("both work on SDG 2");
  }

  @Test
  void aSharedTargetIsNotCountedAgainAsItsGoal() {
    Solution solution = unrelated().sdgs(List.of(SdgLink.builder().goal("2").target("2.3").contribution(SdgContribution.PRINCIPAL).build())).build();

    SolutionMatch match = Objects.requireNonNull(SolutionMatch.of(INITIATIVE, solution));

    assertThat(match.reasons()).extracting(SolutionMatch.Reason::kind).containsExactly("sdgTarget");
    assertThat(match.score()).isEqualTo(SolutionMatch.TARGET);
    assertThat(match.reasons().get(0).text()).isEqualTo("both work on SDG target 2.3");
  }

  @Test
  void sectorsMatchOnVocabularyAndCode() {
    Solution sameCode = unrelated().sectors(List.of(Sector.builder().code("31161").build())).build();
    Solution otherVocabulary = unrelated().sectors(List.of(Sector.builder().vocabulary("2").code("31161").build())).build();

    assertThat(Objects.requireNonNull(SolutionMatch.of(INITIATIVE, sameCode)).reasons())
        .extracting(SolutionMatch.Reason::code).containsExactly("31161");
    assertThat(SolutionMatch.of(INITIATIVE, otherVocabulary)).isNull();
  }

  @Test
  void aSolutionSharingNothingIsNoMatch() {
    assertThat(SolutionMatch.of(INITIATIVE, unrelated().build())).isNull();
  }

  @Test
  void rankingPutsTheHigherScoreFirstThenIdsInCodePointOrder() {
    List<SolutionMatch> matches = new ArrayList<>(List.of(
        new SolutionMatch("b", 3, List.of()),
        new SolutionMatch("a", 1, List.of()),
        new SolutionMatch("Z", 3, List.of()),
        new SolutionMatch("c", 7, List.of())));

    matches.sort(SolutionMatch.RANKING);

    assertThat(matches).extracting(SolutionMatch::solutionId).containsExactly("c", "Z", "b", "a");
  }

  private static <T extends org.sstc.exchange.core.SstcRecord> T read(String name, Class<T> type) {
    try (InputStream in = SolutionMatchTest.class.getResourceAsStream("/records/" + name)) {
      return SstcJson.standard().read(Objects.requireNonNull(in, name).readAllBytes(), type);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
