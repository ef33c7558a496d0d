package org.sstc.exchange.core;

import org.sstc.exchange.core.internal.validation.Shapes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A link from an initiative to a Sustainable Development Goal, and optionally to one of its
 * targets and indicators. The target must belong to the goal, the indicator to the target.
 *
 * @param goal {@code "1"} to {@code "17"}
 * @param target e.g. {@code "2.3"} or {@code "2.a"}
 * @param indicator e.g. {@code "2.3.1"}
 * @param contribution how much the initiative contributes
 */
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public record SdgLink(
    @NotNull @Pattern(regexp = Shapes.SDG_GOAL_REGEX) String goal,
    @Nullable @Pattern(regexp = Shapes.SDG_TARGET_REGEX) String target,
    @Nullable @Pattern(regexp = Shapes.SDG_INDICATOR_REGEX) String indicator,
    @NotNull SdgContribution contribution) {

  /**
   * A link to a goal only.
   *
   * @param goal the goal, {@code "1"} to {@code "17"}
   * @param contribution how much the initiative contributes to it
   * @return a link without target or indicator
   */
  public static SdgLink goal(String goal, SdgContribution contribution) {
    return new SdgLink(goal, null, null, contribution);
  }

  /**
   * A link to a target, naming its goal.
   *
   * @param goal the goal, {@code "1"} to {@code "17"}
   * @param target a target of that goal, e.g. {@code "2.3"} for goal {@code "2"}; one of another
   *     goal is a {@code rule.sdg-target-goal} error when validated
   * @param contribution how much the initiative contributes to it
   * @return a link without indicator
   */
  public static SdgLink target(String goal, String target, SdgContribution contribution) {
    return new SdgLink(goal, target, null, contribution);
  }
}
