package org.sstc.exchange.hub.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcRecord;

/**
 * How well a solution fits an initiative ({@code GET /solutions?matchInitiative=ID}): the SDG
 * targets, sectors and countries they share, each a reason the answer names, and a score that
 * ranks them.
 *
 * <p>A shared SDG target weighs most, since it is the most specific statement of what both work
 * on; a shared goal counts only where no target of that goal is shared, so that a match on 2.3
 * is not counted again as a match on goal 2. Sectors compare vocabulary and code. A country counts
 * where the initiative works (recipient countries, participants' countries) and the solution was
 * applied or comes from (its countries, its providers' countries). A solution that names the
 * initiative (in {@code initiativeIds}, or as the initiative through which it reached a country)
 * is linked already, which weighs more than any one shared code.
 */
record SolutionMatch(String solutionId, int score, List<Reason> reasons) {
  static final int TARGET = 3;
  static final int SECTOR = 2;
  static final int COUNTRY = 1;
  static final int GOAL = 1;
  static final int LINKED = 5;

  /** Highest score first, then solution id in code point order: the order of the answer. */
  static final Comparator<SolutionMatch> RANKING = Comparator.comparingInt(SolutionMatch::score).reversed()
      .thenComparing(SolutionMatch::solutionId, MemoryStore.CODE_POINT_ORDER);

  /** One thing the two records share: {@code kind} is sdgTarget, sdgGoal, sector, country or initiative. */
  record Reason(String kind, String code, int weight) {
    /** A sentence for people: "both work on SDG target 2.3". */
    String text() {
      switch (kind) {
        case "sdgTarget":
          return "both work on SDG target " + code;
        case "sdgGoal":
          return "both work on SDG " + code;
        case "sector":
          return "both are in sector " + code;
        case "country":
          return "both involve " + code;
        default:
          return "the solution names initiative " + code;
      }
    }
  }

  SolutionMatch {
    reasons = List.copyOf(reasons);
  }

  /** The match, or null when the two share nothing. */
  static @Nullable SolutionMatch of(Initiative initiative, Solution solution) {
    List<Reason> reasons = new ArrayList<>();
    if (solution.initiativeIds().contains(initiative.id())
        || solution.countries().stream().anyMatch(country -> initiative.id().equals(country.initiativeId()))) {
      reasons.add(new Reason("initiative", initiative.id(), LINKED));
    }
    Set<String> solutionTargets = targets(solution.sdgs());
    Set<String> sharedTargets = new LinkedHashSet<>(targets(initiative.sdgs()));
    sharedTargets.retainAll(solutionTargets);
    Set<String> goalsOfSharedTargets = new LinkedHashSet<>();
    for (String target : sharedTargets) {
      reasons.add(new Reason("sdgTarget", target, TARGET));
      goalsOfSharedTargets.add(goalOf(target));
    }
    Set<String> sharedGoals = new LinkedHashSet<>(goals(initiative.sdgs()));
    sharedGoals.retainAll(goals(solution.sdgs()));
    sharedGoals.removeAll(goalsOfSharedTargets);
    for (String goal : sharedGoals) {
      reasons.add(new Reason("sdgGoal", goal, GOAL));
    }
    Set<String> sharedSectors = new LinkedHashSet<>(sectors(initiative.sectors()));
    sharedSectors.retainAll(sectors(solution.sectors()));
    for (String sector : sharedSectors) {
      reasons.add(new Reason("sector", sector, SECTOR));
    }
    Set<String> sharedCountries = new LinkedHashSet<>(countries(initiative));
    sharedCountries.retainAll(countries(solution));
    for (String country : sharedCountries) {
      reasons.add(new Reason("country", country, COUNTRY));
    }
    if (reasons.isEmpty()) {
      return null;
    }
    int score = reasons.stream().mapToInt(Reason::weight).sum();
    return new SolutionMatch(solution.id(), score, reasons);
  }

  /** The SDG targets of links that name one, in the standard's lower-case spelling (2.a). */
  static Set<String> targets(List<SdgLink> links) {
    Set<String> targets = new LinkedHashSet<>();
    for (SdgLink link : links) {
      String target = link.target();
      if (target != null) {
        targets.add(target.toLowerCase(Locale.ROOT));
      }
    }
    return targets;
  }

  /** Goals as numbers without leading zeros, so "02" and "2" are one goal. */
  static Set<String> goals(List<SdgLink> links) {
    Set<String> goals = new LinkedHashSet<>();
    for (SdgLink link : links) {
      goals.add(normalGoal(link.goal()));
    }
    return goals;
  }

  private static String goalOf(String target) {
    int dot = target.indexOf('.');
    return normalGoal(dot < 0 ? target : target.substring(0, dot));
  }

  /** A goal as Facets writes it ("02" and "2" are one goal); a goal that is not a number as it is. */
  private static String normalGoal(String goal) {
    String number = Facets.goal(goal);
    return number == null ? goal : number;
  }

  /** Sectors as {@code code} for the default vocabulary (DAC 5-digit), else {@code vocabulary:code}. */
  static Set<String> sectors(List<Sector> sectors) {
    Set<String> codes = new LinkedHashSet<>();
    for (Sector sector : sectors) {
      String vocabulary = sector.vocabularyOrDefault();
      codes.add(vocabulary.equals("1") ? sector.code() : vocabulary + ":" + sector.code());
    }
    return codes;
  }

  /**
   * Where a record works, as its {@code country} facets say: an initiative's recipient and
   * participants' countries, a solution's countries and its providers' countries.
   */
  static Set<String> countries(SstcRecord record) {
    Set<String> countries = new LinkedHashSet<>();
    for (Facets.Facet facet : Facets.of(record)) {
      if (facet.name().equals("country")) {
        countries.add(facet.value());
      }
    }
    return countries;
  }
}
