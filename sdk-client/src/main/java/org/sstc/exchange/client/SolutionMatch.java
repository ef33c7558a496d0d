package org.sstc.exchange.client;

import java.util.List;
import java.util.Objects;
import org.sstc.exchange.core.Solution;

/**
 * A solution that fits an initiative, as {@link SstcClient#matchSolutions(String, SolutionQuery)}
 * returns it: the solution, its score and the reasons behind it (what the two share).
 *
 * @param solution the solution as stored on the hub
 * @param score the sum of the reasons' weights; higher is a better fit
 * @param reasons what the solution shares with the initiative, at least one
 *
 * @since 1.1
 */
public record SolutionMatch(Solution solution, int score, List<Reason> reasons) {
  /**
   * Makes a match; the list is copied.
   *
   * @param solution the solution as stored on the hub
   * @param score the sum of the reasons' weights
   * @param reasons what the solution shares with the initiative
   */
  public SolutionMatch {
    Objects.requireNonNull(solution, "solution");
    reasons = List.copyOf(reasons);
  }

  /**
   * One thing a solution shares with the initiative.
   *
   * @param kind {@code sdgTarget}, {@code sdgGoal}, {@code sector}, {@code country}, or {@code
   *     initiative} (the solution names the initiative)
   * @param code the shared code, or the initiative's id
   * @param weight what it adds to the score
   * @param text the reason in English, e.g. "both work on SDG target 2.3"
   */
  public record Reason(String kind, String code, int weight, String text) {
    /**
     * Makes a reason.
     *
     * @param kind the kind of reason
     * @param code the shared code
     * @param weight its weight
     * @param text the reason in English
     */
    public Reason {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(text, "text");
    }
  }
}
