package org.sstc.exchange.core.internal.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.CodelistItem;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.SdgLink;

/**
 * SDG links must be consistent with the UN framework (bundled lists, where each target's parent
 * is its goal and each indicator's parent its target), and an initiative should not claim more
 * targets than it can credibly serve (DAC practice: ten).
 */
final class SdgRules {
  static final String SDG_TARGET_GOAL = "rule.sdg-target-goal";
  static final String SDG_INDICATOR_TARGET = "rule.sdg-indicator-target";
  static final String SDG_TOO_MANY_TARGETS = "rule.sdg-too-many-targets";
  static final String SDG_DUPLICATE_LINK = "rule.sdg-duplicate-link";

  static final int MAX_TARGETS = 10;

  private SdgRules() {}

  static void check(Initiative initiative, Findings findings) {
    List<SdgLink> sdgs = initiative.sdgs();
    links(sdgs, findings);
    duplicates(sdgs, findings);
    tooManyTargets(sdgs, findings);
  }

  /**
   * Two links naming the same goal, target and indicator are one contribution counted twice (an
   * IATI target given as a sector and as a tag): each repeat is reported at its own pointer.
   */
  static void duplicates(List<SdgLink> sdgs, Findings findings) {
    java.util.Map<List<String>, Integer> first = new java.util.HashMap<>();
    for (int i = 0; i < sdgs.size(); i++) {
      SdgLink link = sdgs.get(i);
      if (link.goal() == null) {
        continue; // bound leniently without its goal: the schema reported it
      }
      List<String> key = java.util.Arrays.asList(link.goal(), link.target(), link.indicator());
      Integer earlier = first.putIfAbsent(key, i);
      if (earlier != null) {
        String named = link.indicator() != null ? "indicator " + link.indicator()
            : link.target() != null ? "target " + link.target() : "goal " + link.goal();
        findings.warning(
            SDG_DUPLICATE_LINK,
            Pointer.of("sdgs", i),
            "this link repeats /sdgs/" + earlier + " (SDG " + named + "): one contribution counted twice;"
                + " remove the repeat (keep the link whose contribution level is right)",
            link.indicator() != null ? link.indicator() : link.target() != null ? link.target() : link.goal());
      }
    }
  }

  /** Each link's target is one of its goal's, its indicator one of its target's (at /sdgs). */
  static void links(List<SdgLink> sdgs, Findings findings) {
    for (int i = 0; i < sdgs.size(); i++) {
      targetGoal(sdgs.get(i), i, findings);
      indicatorTarget(sdgs.get(i), i, findings);
    }
  }

  /**
   * The target must be one of the goal's. Unknown goals and targets are left to the codelist
   * check, which reports them once.
   */
  private static void targetGoal(SdgLink link, int index, Findings findings) {
    String goal = knownGoal(link.goal());
    String target = link.target();
    String targetGoal = parent(CodeKind.SDG_TARGET, target);
    if (goal != null && target != null && targetGoal != null && !targetGoal.equals(goal)) {
      findings.error(
          SDG_TARGET_GOAL,
          Pointer.of("sdgs", index, "target"),
          "target " + target + " belongs to goal " + targetGoal + ", but this link names goal "
              + goal + ": change the goal to " + targetGoal + " or pick a target of goal " + goal,
          target);
    }
  }

  /**
   * The indicator must be one of the target's. A link with an indicator and no target names the
   * indicator's target implicitly: then the indicator must at least be one of the goal's.
   */
  private static void indicatorTarget(SdgLink link, int index, Findings findings) {
    String indicator = link.indicator();
    String indicatorTarget = parent(CodeKind.SDG_INDICATOR, indicator);
    if (indicator == null || indicatorTarget == null) {
      return;
    }
    String pointer = Pointer.of("sdgs", index, "indicator");
    String target = link.target();
    if (target != null) {
      if (CodelistChecks.find(CodeKind.SDG_TARGET, target).isPresent()
          && !indicatorTarget.equals(target)) {
        findings.error(
            SDG_INDICATOR_TARGET,
            pointer,
            "indicator " + indicator + " belongs to target " + indicatorTarget
                + ", but this link names target " + target + ": change the target to "
                + indicatorTarget + " or pick an indicator of target " + target,
            indicator);
      }
      return;
    }
    String goal = knownGoal(link.goal());
    String indicatorGoal = parent(CodeKind.SDG_TARGET, indicatorTarget);
    if (goal != null && indicatorGoal != null && !indicatorGoal.equals(goal)) {
      findings.error(
          SDG_INDICATOR_TARGET,
          pointer,
          "indicator " + indicator + " belongs to target " + indicatorTarget + " of goal "
              + indicatorGoal + ", but this link names goal " + goal + ": change the goal to "
              + indicatorGoal + " (and add target " + indicatorTarget
              + ") or pick an indicator of goal " + goal,
          indicator);
    }
  }

  /** More than ten distinct targets on one initiative dilutes the SDG reporting. */
  private static void tooManyTargets(List<SdgLink> sdgs, Findings findings) {
    Set<String> targets = new LinkedHashSet<>();
    for (SdgLink link : sdgs) {
      if (Shapes.matches(Shapes.SDG_TARGET, link.target())) {
        targets.add(link.target());
      }
    }
    if (targets.size() > MAX_TARGETS) {
      findings.warning(
          SDG_TOO_MANY_TARGETS,
          "/sdgs",
          "this initiative names " + targets.size() + " different SDG targets; DAC practice is"
              + " at most " + MAX_TARGETS + ": keep the targets it contributes to most directly",
          targets.size());
    }
  }

  static @Nullable String knownGoal(@Nullable String goal) {
    return CodelistChecks.find(CodeKind.SDG_GOAL, goal).isPresent() ? goal : null;
  }

  /** The parent of a known target (its goal) or indicator (its target). */
  static @Nullable String parent(CodeKind kind, @Nullable String code) {
    Optional<CodelistItem> item = CodelistChecks.find(kind, code);
    return item.flatMap(CodelistItem::parentCode).orElse(null);
  }
}
