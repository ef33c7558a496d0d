package org.sstc.exchange.hub.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.SdgLink;
import org.sstc.exchange.core.Sector;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SolutionCountry;
import org.sstc.exchange.core.SolutionProvider;
import org.sstc.exchange.core.SstcRecord;

/**
 * The values a record is found by: one {@link Facet} per search filter value it matches (an
 * initiative in Brazil and Chile has {@code country=BR} and {@code country=CL}). A search names the
 * facets it wants; a record matches when it has all of them. The memory store compares the sets,
 * the SQL stores keep one indexed row per facet; both get their facets from here, so they agree.
 */
public final class Facets {
  /** A filter dimension (the query parameter's name) and a value. */
  public record Facet(String name, String value) {}

  private Facets() {}

  /** Every facet of a record. */
  static Set<Facet> of(SstcRecord model) {
    Set<Facet> facets = new LinkedHashSet<>();
    if (model instanceof Initiative initiative) {
      if (initiative.modality() != null) {
        facets.add(new Facet("modality", initiative.modality().code()));
      }
      if (initiative.status() != null) {
        facets.add(new Facet("status", initiative.status().code()));
      }
      sdgs(facets, initiative.sdgs());
      for (RecipientCountry country : initiative.recipientCountries()) {
        facets.add(new Facet("country", country.code()));
      }
      if (initiative.reportingOrg() != null) {
        facets.add(new Facet("participant", initiative.reportingOrg().id()));
      }
      for (Participation participant : initiative.participants()) {
        if (participant.country() != null) {
          facets.add(new Facet("country", participant.country()));
        }
        if (participant.orgId() != null) {
          facets.add(new Facet("participant", participant.orgId()));
        }
      }
      sectors(facets, initiative.sectors());
    } else if (model instanceof Organisation organisation) {
      if (organisation.country() != null) {
        facets.add(new Facet("country", organisation.country()));
      }
      if (organisation.orgType() != null) {
        facets.add(new Facet("orgType", organisation.orgType()));
      }
    } else if (model instanceof Solution solution) {
      sdgs(facets, solution.sdgs());
      sectors(facets, solution.sectors());
      for (SolutionCountry country : solution.countries()) {
        facets.add(new Facet("country", country.code()));
        if (country.initiativeId() != null) {
          facets.add(new Facet("initiative", country.initiativeId()));
        }
      }
      if (solution.reportingOrg() != null) {
        facets.add(new Facet("participant", solution.reportingOrg().id()));
      }
      for (SolutionProvider provider : solution.providers()) {
        if (provider.country() != null) {
          facets.add(new Facet("country", provider.country()));
        }
        if (provider.orgId() != null) {
          facets.add(new Facet("participant", provider.orgId()));
        }
      }
      if (solution.maturity() != null) {
        facets.add(new Facet("maturity", solution.maturity().code()));
      }
      // The initiatives a solution names: GET /solutions?matchInitiative finds them by this.
      for (String initiativeId : solution.initiativeIds()) {
        facets.add(new Facet("initiative", initiativeId));
      }
    }
    return facets;
  }

  private static void sdgs(Set<Facet> facets, List<SdgLink> sdgs) {
    for (SdgLink link : sdgs) {
      String goal = goal(link.goal());
      if (goal != null) {
        facets.add(new Facet("sdgGoal", goal));
      }
      if (link.target() != null) {
        facets.add(new Facet("sdgTarget", link.target()));
      }
    }
  }

  private static void sectors(Set<Facet> facets, List<Sector> sectors) {
    for (Sector sector : sectors) {
      facets.add(new Facet("sector", sector.code()));
    }
  }

  /** A goal as a plain number ("02" and "2" are one goal), or null if it is not a number. */
  static @Nullable String goal(@Nullable String goal) {
    if (goal == null) {
      return null;
    }
    try {
      return Integer.toString(Integer.parseInt(goal.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
