package org.sstc.exchange.hub.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcJson;

/**
 * One page of the solutions that fit an initiative, from the store's indexes.
 *
 * <p>A solution can match only through something it shares, so the candidates are the union of
 * indexed searches, one per value of the initiative: each of its SDG goals (a shared target is a
 * shared goal too), sectors and countries, and the solutions that name it. Only those are read
 * and scored ({@link SolutionMatch}); the rest of the collection is never touched. The ranking is
 * computed again for each page, so the cursor (the last score and id) stays valid on every node
 * and while others write.
 */
final class SolutionMatches {
  /** Facets of an initiative that a solution can share with it. */
  private static final Set<String> SHARED = Set.of("sdgGoal", "country", "sector");
  private static final int CHUNK = 500;

  /** Where a page starts: strictly after this score and id in the ranking. */
  record Cursor(int score, String id) {
    @Override
    public String toString() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((score + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a page gave, or null when it is absent or not one. */
    static @Nullable Cursor parse(@Nullable String text) {
      if (text == null) {
        return null;
      }
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
          return null;
        }
        return new Cursor(Integer.parseInt(decoded.substring(0, colon)), decoded.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  /** A solution as stored and how it matched. */
  record Ranked(SolutionMatch match, byte[] json) {}

  /** One page: {@code next} is absent on the last. */
  record Page(List<Ranked> items, @Nullable Cursor next) {}

  private final HubStore store;

  SolutionMatches(HubStore store) {
    this.store = store;
  }

  Page page(Initiative initiative, @Nullable Instant since, List<Facets.Facet> filters, @Nullable Cursor after,
      int limit) {
    List<Ranked> ranked = new ArrayList<>();
    for (byte[] json : candidates(initiative, since, filters).values()) {
      Solution solution = SstcJson.standard().read(json, Solution.class);
      SolutionMatch match = SolutionMatch.of(initiative, solution);
      if (match != null) {
        ranked.add(new Ranked(match, json));
      }
    }
    ranked.sort((a, b) -> SolutionMatch.RANKING.compare(a.match(), b.match()));
    int from = 0;
    if (after != null) {
      SolutionMatch position = new SolutionMatch(after.id(), after.score(), List.of());
      while (from < ranked.size() && SolutionMatch.RANKING.compare(ranked.get(from).match(), position) <= 0) {
        from++;
      }
    }
    int to = Math.min(ranked.size(), from + limit);
    List<Ranked> items = List.copyOf(ranked.subList(from, to));
    Cursor next = null;
    if (to < ranked.size() && !items.isEmpty()) {
      SolutionMatch last = items.get(items.size() - 1).match();
      next = new Cursor(last.score(), last.solutionId());
    }
    return new Page(items, next);
  }

  /** The live solutions that share at least one indexed value with the initiative, by id. */
  private Map<String, byte[]> candidates(Initiative initiative, @Nullable Instant since, List<Facets.Facet> filters) {
    List<Facets.Facet> probes = new ArrayList<>();
    probes.add(new Facets.Facet("initiative", initiative.id()));
    for (Facets.Facet facet : Facets.of(initiative)) {
      if (SHARED.contains(facet.name())) {
        probes.add(facet);
      }
    }
    Map<String, byte[]> found = new LinkedHashMap<>();
    for (Facets.Facet probe : probes) {
      List<Facets.Facet> facets = new ArrayList<>(filters);
      facets.add(probe);
      String afterId = null;
      HubStore.Page page;
      do {
        page = store.search(new HubStore.Query(Solution.RECORD_TYPE, afterId, CHUNK, since, facets));
        for (HubStore.Snapshot snapshot : page.items()) {
          found.putIfAbsent(snapshot.id(), snapshot.json());
          afterId = snapshot.id();
        }
      } while (page.more());
    }
    return found;
  }
}
