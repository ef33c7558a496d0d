package org.sstc.exchange.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Codelist;
import org.sstc.exchange.core.Codelists;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.report.internal.LanguagePick.Picked;
import org.sstc.exchange.report.internal.ReportData.Entry;
import org.sstc.exchange.report.internal.ReportData.Finding;
import org.sstc.exchange.schema.StandardFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@link ReportData} as one self-contained HTML page: inline CSS, inline SVG and one inline
 * script (the filters, allowed by its SHA-256 hash in the page's Content-Security-Policy; without
 * script the whole page is shown), no network. Every string that comes from the data goes through
 * {@link #esc}. The same data gives the same bytes: maps are sorted, and the page holds no clock
 * time. The page's own words come from {@link Labels}; the records' texts are picked by {@link
 * LanguagePick} and carry their {@code lang} where it is not the page's.
 */
public final class HtmlPage {
  private static final List<String> MODALITIES = List.of("bilateral", "triangular", "regional");
  /** The modality bar of records without one, and of those whose value is outside the codelist. */
  private static final String NO_MODALITY = "(none)";
  private static final String INVALID = "invalid";
  private static final Map<String, String> MODALITY_COLOURS =
      Map.of("bilateral", "#2f6db5", "triangular", "#d9711c", "regional", "#23907f", INVALID, "#b42318");
  private static final String OTHER_COLOUR = "#6b7079";
  private static final String SOLUTION_COLOUR = "#6b4fa0";
  /** The standard's SolutionMaturity values, least to most mature. */
  private static final List<String> MATURITIES = List.of("piloted", "implemented", "replicated", "scaled-up");
  private static final String MATURITY_NOT_SAID = "(not said)";
  private static final Set<String> PROVIDER_ROLES = Set.of("provider", "first-provider", "second-provider");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})-\\d{2}-\\d{2}");
  private static final Codelist COUNTRIES = Codelists.standard().get(Codelists.COUNTRY);
  private static final Codelist CURRENCIES = Codelists.standard().get(Codelists.CURRENCY);
  private static final @Nullable Codelist MODALITY_LIST = Codelists.standard().find("Modality").orElse(null);

  /**
   * The 17 goals' short names (by language) and official colours, read from the bundled codelist
   * {@code codelists/UNSDG-Goals.json} (short names from open-sdg/sdg-translations; colours as
   * defined by the UN Department of Global Communications, "Sustainable Development Goals:
   * guidelines for the use of the SDG logo including the colour wheel, and 17 icons", May 2020,
   * "Colour definitions": goal 1 #E5243B, 2 #DDA63A … 17 #19486A). One source for the SDK; the
   * short names the codelist lacks (Arabic, Chinese, Russian) are labels ({@code sdg.N}).
   */
  private static final Map<String, Goal> GOALS = goals();

  private record Goal(Map<String, String> shortNames, String colour) {}

  /** The filters' script, as inserted in the page; its hash is in the Content-Security-Policy. */
  static final String SCRIPT = script();

  /**
   * A value outside its codelist, shown as "invalid" with its issue rather than as a category.
   *
   * @param entry the record
   * @param pointer where, in the file
   * @param field what it is (a label key)
   * @param value the value as written
   */
  private record Invalid(Entry entry, String pointer, String field, String value) {}

  private final ReportData data;
  private final String title;
  private final String generator;
  private final Labels l;
  /** The reader's language tag, for the records' texts. */
  private final String wanted;
  private final int duplicates;
  private final List<Entry> initiatives = new ArrayList<>();
  private final List<Entry> organisations = new ArrayList<>();
  private final List<Entry> solutions = new ArrayList<>();
  private final List<Invalid> invalid = new ArrayList<>();
  /** The initiatives by id, the first of each id: a solution's card links to them. */
  private final Map<String, Entry> initiativesById = new LinkedHashMap<>();

  private HtmlPage(ReportData data, String title, String generator, String language, int duplicates) {
    this.data = data;
    this.title = title;
    this.generator = generator;
    this.wanted = language;
    this.l = Labels.forTag(language);
    this.duplicates = duplicates;
    for (Entry entry : data.entries()) {
      if (entry.type().equals("initiative")) {
        initiatives.add(entry);
      } else if (entry.type().equals("organisation")) {
        organisations.add(entry);
      } else if (entry.type().equals("solution")) {
        solutions.add(entry);
      }
      findInvalid(entry);
    }
    for (Entry entry : initiatives) {
      if (!entry.id().isEmpty()) {
        initiativesById.putIfAbsent(entry.id(), entry);
      }
    }
  }

  /** The page for {@code data} in English; {@code generator} names the tool in the footer. */
  public static String render(ReportData data, String title, String generator) {
    return render(data, title, generator, "en", 0);
  }

  /**
   * The page for {@code data}: labels in {@code language}'s (or English), the records' texts picked
   * for it; {@code duplicates} records were dropped as copies ({@link ReportData#dropDuplicates}).
   */
  public static String render(ReportData data, String title, String generator, String language, int duplicates) {
    return new HtmlPage(data, title, generator, language, duplicates).page();
  }

  /** The Content-Security-Policy source that allows exactly {@link #SCRIPT}: {@code 'sha256-…'}. */
  static String scriptHash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  // --- the page ------------------------------------------------------------------------------

  private String page() {
    StringBuilder h = new StringBuilder(64 * 1024 + initiatives.size() * 1500);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(l.language()).append('"').append(l.rightToLeft() ? " dir=\"rtl\"" : "")
        .append(">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // Nothing may load from anywhere: the page is a file that is mailed and archived. The one
        // script that may run is the filters', named by its hash.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ")
        .append(scriptHash()).append("\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<a class=\"skip\" href=\"#main\">").append(t("page.skip")).append("</a>\n");
    List<String> parts = new ArrayList<>();
    parts.add(l.plural("count.initiatives", initiatives.size()));
    parts.add(l.plural("count.organisations", organisations.size()));
    if (!solutions.isEmpty()) {
      parts.add(l.plural("count.solutions", solutions.size()));
    }
    String list = parts.size() == 2 ? l.get("list.two", parts.get(0), parts.get(1)) : l.get("list.three", parts.get(0), parts.get(1), parts.get(2));
    h.append("<header class=\"top\"><div class=\"wrap\"><p class=\"kicker\">").append(t("page.kicker")).append("</p><h1 dir=\"auto\">")
        .append(esc(title)).append("</h1><p class=\"sub\">")
        .append(esc(l.get("page.from", list, l.plural("count.files", data.files().size())))).append("</p>");
    if (duplicates > 0) {
      h.append("<p class=\"sub\" id=\"duplicates\">").append(esc(l.plural("page.duplicates", duplicates))).append("</p>");
    }
    h.append("</div></header>\n");
    h.append("<main id=\"main\" class=\"wrap\">\n");
    nav(h);
    kpis(h);
    h.append("<div class=\"pair\">\n");
    modalities(h);
    years(h);
    h.append("</div>\n");
    sdgs(h);
    matrix(h);
    money(h);
    if (!solutions.isEmpty()) {
      solutionFigures(h);
    }
    invalidValues(h);
    issues(h);
    records(h);
    h.append("</main>\n<footer class=\"wrap\"><p>").append(esc(l.get("page.footer", generator, String.join(", ", data.files()))))
        .append("</p></footer>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  /** A label as HTML text. */
  private String t(String key, Object... args) {
    return esc(l.get(key, args));
  }

  private void nav(StringBuilder h) {
    h.append("<nav aria-label=\"").append(t("nav.label")).append("\"><ul>")
        .append("<li><a href=\"#modality\">").append(t("nav.modality")).append("</a></li><li><a href=\"#years\">").append(t("nav.years"))
        .append("</a></li><li><a href=\"#sdgs\">").append(t("nav.sdgs")).append("</a></li><li><a href=\"#partners\">").append(t("nav.partners"))
        .append("</a></li><li><a href=\"#money\">").append(t("nav.money")).append("</a></li>")
        .append(solutions.isEmpty() ? "" : "<li><a href=\"#solutions\">" + t("nav.solutions") + "</a></li>")
        .append(invalid.isEmpty() ? "" : "<li><a href=\"#invalid\">" + t("nav.invalid") + "</a></li>")
        .append("<li><a href=\"#issues\">").append(t("nav.issues")).append("</a></li>")
        .append("<li><a href=\"#records\">").append(t("nav.records")).append("</a></li></ul></nav>\n");
  }

  private void kpis(StringBuilder h) {
    Set<String> countryCodes = new TreeSet<>();
    Set<String> goals = new TreeSet<>();
    for (Entry e : initiatives) {
      countryCodes.addAll(providers(e.tree()));
      countryCodes.addAll(recipients(e.tree()));
      goals.addAll(goalsOf(e.tree()));
    }
    long errors = data.findings().stream().filter(f -> f.issue().isError()).count();
    long warnings = data.findings().size() - errors;
    long invalidRecords = data.entries().stream().filter(Entry::invalid).count();
    h.append("<section aria-label=\"").append(t("kpi.label")).append("\" class=\"kpis\">");
    kpi(h, Integer.toString(initiatives.size()), l.plural("kpi.initiatives", initiatives.size()), "kpi-initiatives");
    kpi(h, Integer.toString(countryCodes.size()), l.plural("kpi.countries", countryCodes.size()), "kpi-countries");
    kpi(h, goals.size() + "<small>/17</small>", l.get("kpi.goals"), "kpi-goals");
    kpi(h, Long.toString(errors), l.plural("kpi.errors", errors), errors > 0 ? "kpi-errors bad" : "kpi-errors good");
    kpi(h, Long.toString(warnings), l.plural("kpi.warnings", warnings), "kpi-warnings");
    h.append("</section>\n");
    if (invalidRecords > 0) {
      h.append("<p class=\"note bad\">").append(esc(l.plural("note.invalid", invalidRecords)).replace("[", "<a href=\"#issues\">").replace("]", "</a>"))
          .append("</p>\n");
    }
  }

  private static void kpi(StringBuilder h, String value, String label, String id) {
    String[] parts = id.split(" ");
    h.append("<div class=\"kpi ").append(parts.length > 1 ? parts[1] : "").append("\" id=\"").append(parts[0])
        .append("\"><span class=\"value\">").append(value).append("</span><span class=\"label\">")
        .append(esc(label)).append("</span></div>");
  }

  // --- modality ------------------------------------------------------------------------------

  private Map<String, Integer> modalityCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String m : MODALITIES) {
      counts.put(m, 0);
    }
    for (Entry e : initiatives) {
      counts.merge(modality(e.tree()), 1, Integer::sum);
    }
    // (none) and invalid after the three, and only when some initiative has them
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String m : MODALITIES) {
      ordered.put(m, counts.get(m));
    }
    for (String extra : List.of(NO_MODALITY, INVALID)) {
      if (counts.containsKey(extra)) {
        ordered.put(extra, counts.get(extra));
      }
    }
    return ordered;
  }

  /** A modality's name on the page: {@code bilateral} → "Bilateral" in the page's language. */
  private String modalityName(String m) {
    return l.get("modality." + (m.equals(NO_MODALITY) ? "none" : m));
  }

  private void modalities(StringBuilder h) {
    Map<String, Integer> counts = modalityCounts();
    int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    h.append("<section id=\"modality\" aria-labelledby=\"modality-h\"><h2 id=\"modality-h\">").append(t("modality.title")).append("</h2>\n");
    int rowHeight = 44;
    int height = counts.size() * rowHeight + 8;
    h.append("<svg class=\"chart\" viewBox=\"0 0 440 ").append(height).append("\" role=\"img\" aria-labelledby=\"modality-t\">")
        .append("<title id=\"modality-t\">").append(t("modality.title")).append(": ");
    List<String> parts = new ArrayList<>();
    counts.forEach((m, n) -> parts.add(modalityName(m) + " " + n));
    h.append(esc(String.join(", ", parts))).append("</title>");
    int y = 4;
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      double width = Math.max(2, 270.0 * c.getValue() / max);
      h.append("<text x=\"92\" y=\"").append(y + 27).append("\" text-anchor=\"end\" class=\"lbl\">").append(esc(modalityName(c.getKey()))).append("</text>")
          .append("<rect x=\"102\" y=\"").append(y + 8).append("\" width=\"").append(fmt(width)).append("\" height=\"28\" rx=\"4\" fill=\"")
          .append(colour(c.getKey())).append("\"/>")
          .append("<text x=\"").append(fmt(110 + width)).append("\" y=\"").append(y + 27).append("\" class=\"val\">")
          .append(c.getValue()).append("</text>");
      y += rowHeight;
    }
    h.append("</svg>\n<details><summary>").append(t("table.show")).append("</summary><table><thead><tr><th scope=\"col\">").append(t("col.modality"))
        .append("</th><th scope=\"col\" class=\"num\">").append(t("col.initiatives")).append("</th></tr></thead><tbody>");
    counts.forEach((m, n) -> h.append("<tr><th scope=\"row\">").append(esc(modalityName(m))).append("</th><td class=\"num\" data-modality=\"")
        .append(esc(m)).append("\">").append(n).append("</td></tr>"));
    h.append("</tbody></table></details>");
    if (counts.containsKey(INVALID)) {
      h.append("<p class=\"hint\"><a href=\"#invalid\">").append(t("modality.invalid")).append("</a></p>");
    }
    h.append("<p class=\"hint\">").append(t("modality.hint")).append("</p></section>\n");
  }

  // --- years ---------------------------------------------------------------------------------

  private void years(StringBuilder h) {
    Map<Integer, Map<String, Integer>> byYear = new TreeMap<>();
    int undated = 0;
    for (Entry e : initiatives) {
      Integer year = startYear(e.tree());
      if (year == null) {
        undated++;
        continue;
      }
      byYear.computeIfAbsent(year, y -> new LinkedHashMap<>()).merge(modality(e.tree()), 1, Integer::sum);
    }
    h.append("<section id=\"years\" aria-labelledby=\"years-h\"><h2 id=\"years-h\">").append(t("years.title")).append("</h2>\n")
        .append("<p class=\"hint\">").append(t("years.hint")).append("</p>\n");
    if (byYear.isEmpty()) {
      h.append("<p>").append(t("years.none")).append("</p></section>\n");
      return;
    }
    List<String> mods = new ArrayList<>(modalityCounts().keySet());
    int first = ((TreeMap<Integer, ?>) byYear).firstKey();
    int last = ((TreeMap<Integer, ?>) byYear).lastKey();
    if (last - first > 60) { // a typo such as 1019 must not make a thousand empty columns
      first = last - 60;
    }
    int columns = last - first + 1;
    int max = 1;
    for (Map<String, Integer> m : byYear.values()) {
      max = Math.max(max, m.values().stream().mapToInt(Integer::intValue).sum());
    }
    int chartH = 220;
    double slot = 660.0 / columns;
    double barW = Math.min(48, slot * 0.7);
    h.append("<svg class=\"chart\" viewBox=\"0 0 720 ").append(chartH + 70).append("\" role=\"img\" aria-labelledby=\"years-t\"><title id=\"years-t\">")
        .append(t("years.title")).append(": ");
    List<String> parts = new ArrayList<>();
    byYear.forEach((y, m) -> parts.add(y + " " + m.values().stream().mapToInt(Integer::intValue).sum()));
    h.append(esc(String.join(", ", parts))).append("</title>");
    for (int tick = 0; tick <= max; tick += Math.max(1, (int) Math.ceil(max / 4.0))) {
      double ty = 10 + chartH - chartH * tick / (double) max;
      h.append("<line x1=\"40\" x2=\"710\" y1=\"").append(fmt(ty)).append("\" y2=\"").append(fmt(ty)).append("\" class=\"grid\"/>")
          .append("<text x=\"32\" y=\"").append(fmt(ty + 4)).append("\" text-anchor=\"end\" class=\"axis\">").append(tick).append("</text>");
    }
    for (int year = first; year <= last; year++) {
      double x = 45 + (year - first) * slot + (slot - barW) / 2;
      double base = 10 + chartH;
      Map<String, Integer> m = byYear.getOrDefault(year, Map.of());
      for (String mod : mods) {
        int n = m.getOrDefault(mod, 0);
        if (n == 0) {
          continue;
        }
        double bh = chartH * n / (double) max;
        base -= bh;
        h.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(base)).append("\" width=\"").append(fmt(barW))
            .append("\" height=\"").append(fmt(bh)).append("\" fill=\"").append(colour(mod)).append("\"><title>")
            .append(year).append(", ").append(esc(modalityName(mod))).append(": ").append(n).append("</title></rect>");
      }
      if (columns <= 20 || (year - first) % 5 == 0) {
        h.append("<text x=\"").append(fmt(x + barW / 2)).append("\" y=\"").append(chartH + 28).append("\" text-anchor=\"middle\" class=\"axis\">")
            .append(year).append("</text>");
      }
    }
    double lx = 45;
    for (String mod : mods) {
      String name = modalityName(mod);
      h.append("<rect x=\"").append(fmt(lx)).append("\" y=\"").append(chartH + 46).append("\" width=\"14\" height=\"14\" rx=\"3\" fill=\"")
          .append(colour(mod)).append("\"/><text x=\"").append(fmt(lx + 20)).append("\" y=\"").append(chartH + 58).append("\" class=\"axis\">")
          .append(esc(name)).append("</text>");
      lx += 30 + 8 * name.length();
    }
    h.append("</svg>\n<details><summary>").append(t("table.show")).append("</summary><table><thead><tr><th scope=\"col\">").append(t("col.year")).append("</th>");
    for (String mod : mods) {
      h.append("<th scope=\"col\" class=\"num\">").append(esc(modalityName(mod))).append("</th>");
    }
    h.append("<th scope=\"col\" class=\"num\">").append(t("col.all")).append("</th></tr></thead><tbody>");
    byYear.forEach((year, m) -> {
      h.append("<tr><th scope=\"row\">").append(year).append("</th>");
      for (String mod : mods) {
        h.append("<td class=\"num\">").append(m.getOrDefault(mod, 0)).append("</td>");
      }
      h.append("<td class=\"num\">").append(m.values().stream().mapToInt(Integer::intValue).sum()).append("</td></tr>");
    });
    h.append("</tbody></table></details>");
    if (undated > 0) {
      h.append("<p class=\"hint\">").append(esc(l.plural("years.undated", undated))).append("</p>");
    }
    h.append("</section>\n");
  }

  // --- SDGs ----------------------------------------------------------------------------------

  /** A goal's short name in the page's language: the codelist's, else the label {@code sdg.N}, else English. */
  private String goalName(String goal) {
    Goal info = Objects.requireNonNull(GOALS.get(goal), "a goal of the codelist");
    String name = info.shortNames().get(l.language());
    if (name == null) {
      name = l.find("sdg." + goal);
    }
    return name != null ? name : info.shortNames().getOrDefault("en", goal);
  }

  private void sdgs(StringBuilder h) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String goal : GOALS.keySet()) {
      counts.put(goal, 0);
    }
    for (Entry e : initiatives) {
      for (String goal : goalsOf(e.tree())) {
        counts.merge(goal, 1, Integer::sum);
      }
    }
    h.append("<section id=\"sdgs\" aria-labelledby=\"sdgs-h\"><h2 id=\"sdgs-h\">").append(t("sdgs.title")).append("</h2>\n")
        .append("<p class=\"hint\">").append(t("sdgs.hint")).append("</p>\n")
        .append("<ol class=\"goals\">");
    counts.forEach((goal, n) -> {
      h.append("<li class=\"goal").append(n == 0 ? " none" : "").append("\" id=\"sdg-").append(goal).append("\" style=\"--c:")
          .append(Objects.requireNonNull(GOALS.get(goal), "every goal of the codelist").colour()).append("\"><span class=\"no\">").append(goal).append("</span><span class=\"name\">").append(esc(goalName(goal)))
          .append("</span><span class=\"n\">").append(n == 0 ? "–" : esc(l.plural("count.initiatives", n))).append("</span></li>");
    });
    h.append("</ol>\n<details><summary>").append(t("table.show")).append("</summary><table><thead><tr><th scope=\"col\">").append(t("col.goal"))
        .append("</th><th scope=\"col\">").append(t("col.name")).append("</th><th scope=\"col\" class=\"num\">").append(t("col.initiatives"))
        .append("</th></tr></thead><tbody>");
    counts.forEach((goal, n) -> h.append("<tr><th scope=\"row\">").append(goal).append("</th><td>").append(esc(goalName(goal)))
        .append("</td><td class=\"num\" data-goal=\"").append(goal).append("\">").append(n).append("</td></tr>"));
    h.append("</tbody></table></details></section>\n");
  }

  // --- partners ------------------------------------------------------------------------------

  private void matrix(StringBuilder h) {
    Map<String, Map<String, Integer>> cells = new TreeMap<>(); // recipient -> provider -> initiatives
    Map<String, Integer> providerTotals = new TreeMap<>();
    for (Entry e : initiatives) {
      Set<String> providers = providers(e.tree());
      Set<String> recipients = recipients(e.tree());
      for (String p : providers) {
        if (!recipients.isEmpty()) {
          providerTotals.merge(p, 1, Integer::sum);
        }
        for (String r : recipients) {
          cells.computeIfAbsent(r, k -> new TreeMap<>()).merge(p, 1, Integer::sum);
        }
      }
    }
    h.append("<section id=\"partners\" aria-labelledby=\"partners-h\"><h2 id=\"partners-h\">").append(t("partners.title")).append("</h2>\n")
        .append("<p class=\"hint\">").append(t("partners.hint")).append("</p>\n");
    if (cells.isEmpty()) {
      h.append("<p>").append(t("partners.none")).append("</p></section>\n");
      return;
    }
    List<String> providers = new ArrayList<>(providerTotals.keySet());
    providers.sort(Comparator.comparing((String p) -> -providerTotals.getOrDefault(p, 0)).thenComparing(p -> p));
    List<String> recipients = new ArrayList<>(cells.keySet());
    recipients.sort(Comparator.comparing(this::countryName).thenComparing(r -> r));
    int max = cells.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).max().orElse(1);
    h.append("<div class=\"scroll\"><table class=\"matrix\"><caption>").append(t("partners.caption")).append("</caption><thead><tr><th scope=\"col\">")
        .append(t("partners.corner")).append("</th>");
    for (String p : providers) {
      h.append("<th scope=\"col\" class=\"num\"><abbr title=\"").append(esc(countryName(p))).append("\">").append(esc(p)).append("</abbr></th>");
    }
    h.append("</tr></thead><tbody>");
    for (String r : recipients) {
      h.append("<tr><th scope=\"row\">").append(esc(countryName(r))).append(" <span class=\"code\">").append(esc(r)).append("</span></th>");
      for (String p : providers) {
        int n = cells.getOrDefault(r, Map.of()).getOrDefault(p, 0);
        if (n == 0) {
          h.append("<td class=\"num empty\"></td>");
        } else {
          double alpha = 0.18 + 0.62 * n / max;
          h.append("<td class=\"num hit\" style=\"background:rgba(47,109,181,").append(fmt(alpha)).append(")")
              .append(alpha > 0.45 ? ";color:#fff" : "").append("\" title=\"").append(esc(countryName(p))).append(" → ")
              .append(esc(countryName(r))).append(": ").append(esc(l.plural("count.initiatives", n))).append("\">").append(n).append("</td>");
        }
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }

  // --- money ---------------------------------------------------------------------------------

  /** Budgets and transactions of valid currencies: currency → (year or 0 for all) → kind → sum. */
  private Map<String, Map<Integer, Map<String, BigDecimal>>> moneyByYear(Map<String, Integer> budgetCounts, Set<String> types) {
    Map<String, Map<Integer, Map<String, BigDecimal>>> sums = new TreeMap<>();
    for (Entry e : initiatives) {
      for (JsonNode b : e.tree().path("budgets")) {
        BigDecimal amount = amount(b.path("value"));
        String currency = b.path("value").path("currency").asString("");
        if (amount != null && CURRENCIES.find(currency).isPresent()) {
          Integer year = year(b.path("periodStart"));
          add(sums, currency, 0, "budgets", amount);
          add(sums, currency, year == null ? -1 : year, "budgets", amount);
          budgetCounts.merge(currency, 1, Integer::sum);
        }
      }
      for (JsonNode t : e.tree().path("transactions")) {
        BigDecimal amount = amount(t.path("value"));
        String currency = t.path("value").path("currency").asString("");
        String type = t.path("type").asString("");
        if (amount != null && t.path("reversal").isBoolean() && t.path("reversal").booleanValue()) {
          amount = amount.negate(); // a correction (since 1.1): it takes its amount off the total
        }
        if (amount != null && CURRENCIES.find(currency).isPresent()) {
          Integer year = year(t.path("date"));
          add(sums, currency, 0, type, amount);
          add(sums, currency, year == null ? -1 : year, type, amount);
          types.add(type);
        }
      }
    }
    return sums;
  }

  private static void add(Map<String, Map<Integer, Map<String, BigDecimal>>> sums, String currency, int year, String kind, BigDecimal amount) {
    sums.computeIfAbsent(currency, c -> new TreeMap<>()).computeIfAbsent(year, y -> new TreeMap<>()).merge(kind, amount, BigDecimal::add);
  }

  private void money(StringBuilder h) {
    Map<String, Integer> budgetCounts = new TreeMap<>();
    Set<String> types = new TreeSet<>(Comparator.comparing((String t) -> t.length()).thenComparing(t -> t));
    Map<String, Map<Integer, Map<String, BigDecimal>>> sums = moneyByYear(budgetCounts, types);
    h.append("<section id=\"money\" aria-labelledby=\"money-h\"><h2 id=\"money-h\">").append(t("money.title")).append("</h2>\n")
        .append("<p class=\"hint\">").append(t("money.hint")).append("</p>\n");
    if (sums.isEmpty()) {
      h.append("<p>").append(t("money.none")).append("</p></section>\n");
      return;
    }
    Codelist transactionTypes = Codelists.standard().find("TransactionType").orElse(null);
    List<String> typeHeads = new ArrayList<>();
    for (String type : types) {
      String name = transactionTypes == null ? type : transactionTypes.find(type).map(i -> i.name(l.language())).orElse(type);
      typeHeads.add("<th scope=\"col\" class=\"num\">" + esc(name) + " <span class=\"code\">(" + esc(type) + ")</span></th>");
    }
    h.append("<div class=\"scroll\"><table class=\"money\"><thead><tr><th scope=\"col\">").append(t("col.currency"))
        .append("</th><th scope=\"col\" class=\"num\">").append(t("col.budgets")).append("</th>");
    typeHeads.forEach(h::append);
    h.append("</tr></thead><tbody>");
    sums.forEach((currency, byYear) -> {
      Map<String, BigDecimal> all = Objects.requireNonNull(byYear.get(0), "every currency has its all-years sums");
      h.append("<tr><th scope=\"row\"><span class=\"ccy\">").append(esc(currency)).append("</span></th><td class=\"num\" data-currency=\"")
          .append(esc(currency)).append("\" data-kind=\"budgets\">");
      if (all.containsKey("budgets")) {
        h.append(esc(group(all.get("budgets")))).append(" <span class=\"code\">(").append(budgetCounts.get(currency)).append(")</span>");
      }
      h.append("</td>");
      for (String type : types) {
        BigDecimal sum = all.get(type);
        h.append("<td class=\"num\">").append(sum == null ? "" : esc(group(sum))).append("</td>");
      }
      h.append("</tr>");
    });
    h.append("</tbody></table></div>\n");
    // Over time: a table a currency, so that no row adds two currencies together.
    h.append("<h3 id=\"money-years\">").append(t("money.years")).append("</h3>\n<p class=\"hint\">").append(t("money.yearsHint")).append("</p>\n");
    sums.forEach((currency, byYear) -> {
      Set<String> kinds = new LinkedHashSet<>();
      byYear.values().forEach(m -> kinds.addAll(m.keySet()));
      List<String> columns = new ArrayList<>();
      if (kinds.contains("budgets")) {
        columns.add("budgets");
      }
      types.stream().filter(kinds::contains).forEach(columns::add);
      h.append("<div class=\"scroll\"><table class=\"money years\"><caption><span class=\"ccy\">").append(esc(currency))
          .append("</span></caption><thead><tr><th scope=\"col\">").append(t("col.year")).append("</th>");
      for (String kind : columns) {
        h.append(kind.equals("budgets") ? "<th scope=\"col\" class=\"num\">" + t("col.budgets") + "</th>" : typeHeads.get(new ArrayList<>(types).indexOf(kind)));
      }
      h.append("</tr></thead><tbody>");
      byYear.forEach((year, m) -> {
        if (year == 0) {
          return;
        }
        String label = year < 0 ? l.get("money.undated") : Integer.toString(year);
        h.append("<tr><th scope=\"row\">").append(esc(label)).append("</th>");
        for (String kind : columns) {
          BigDecimal sum = m.get(kind);
          h.append("<td class=\"num\" data-currency=\"").append(esc(currency)).append("\" data-year=\"").append(year < 0 ? "" : year)
              .append("\" data-kind=\"").append(esc(kind)).append("\">").append(sum == null ? "" : esc(group(sum))).append("</td>");
        }
        h.append("</tr>");
      });
      h.append("</tbody></table></div>\n");
    });
    h.append("</section>\n");
  }

  /**
   * The amount when it has the standard's form (a string of digits with an optional fraction);
   * null otherwise, which the validator reports. Anything else is left out of the sums rather than
   * guessed at: an exponent such as {@code "1E999999999"} would make an exact sum a billion digits.
   */
  private static @Nullable BigDecimal amount(JsonNode value) {
    JsonNode amount = value.path("amount");
    if (!amount.isString() || !PLAIN_AMOUNT.matcher(amount.asString()).matches()) {
      return null;
    }
    return new BigDecimal(amount.asString());
  }

  private static final Pattern PLAIN_AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  /** {@code 1234567.50} as {@code 1,234,567.50}: the scale is kept, nothing is rounded. */
  static String group(BigDecimal amount) {
    String plain = amount.toPlainString();
    String sign = plain.startsWith("-") ? "-" : "";
    String digits = sign.isEmpty() ? plain : plain.substring(1);
    int point = digits.indexOf('.');
    String whole = point < 0 ? digits : digits.substring(0, point);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(whole.charAt(i));
    }
    return sign + grouped + (point < 0 ? "" : digits.substring(point));
  }

  // --- values outside the codelists -----------------------------------------------------------

  /** Notes each value of {@code entry} that is outside its codelist; the figures leave them out. */
  private void findInvalid(Entry entry) {
    JsonNode t = entry.tree();
    String at = entry.pointer();
    JsonNode m = t.get("modality");
    if (m != null && m.isString() && !m.asString().isBlank() && !validModality(m.asString())) {
      invalid.add(new Invalid(entry, at + "/modality", "field.modality", m.asString()));
    }
    invalidCountries(entry, "participants", "country");
    invalidCountries(entry, "recipientCountries", "code");
    if (entry.type().equals("organisation")) {
      invalidCountry(entry, t.path("country"), at + "/country");
    }
    JsonNode sdgs = t.path("sdgs");
    for (int i = 0; i < sdgs.size(); i++) {
      String goal = sdgs.get(i).path("goal").asString("");
      if (!goal.isEmpty() && !GOALS.containsKey(goal)) {
        invalid.add(new Invalid(entry, at + "/sdgs/" + i + "/goal", "field.goal", goal));
      }
    }
    for (String member : List.of("budgets", "transactions")) {
      JsonNode items = t.path(member);
      for (int i = 0; i < items.size(); i++) {
        String currency = items.get(i).path("value").path("currency").asString("");
        if (!currency.isEmpty() && CURRENCIES.find(currency).isEmpty()) {
          invalid.add(new Invalid(entry, at + "/" + member + "/" + i + "/value/currency", "field.currency", currency));
        }
      }
    }
    if (entry.type().equals("solution")) {
      String maturity = t.path("maturity").asString("");
      if (!maturity.isEmpty() && !MATURITIES.contains(maturity)) {
        invalid.add(new Invalid(entry, at + "/maturity", "field.maturity", maturity));
      }
      invalidCountries(entry, "countries", "code");
      invalidCountries(entry, "providers", "country");
    }
  }

  /** The invalid country codes at {@code member/i/field} of a record. */
  private void invalidCountries(Entry entry, String member, String field) {
    JsonNode items = entry.tree().path(member);
    for (int i = 0; i < items.size(); i++) {
      invalidCountry(entry, items.get(i).path(field), entry.pointer() + "/" + member + "/" + i + "/" + field);
    }
  }

  private void invalidCountry(Entry entry, JsonNode code, String pointer) {
    if (code.isString() && !code.asString().isEmpty() && COUNTRIES.find(code.asString()).isEmpty()) {
      invalid.add(new Invalid(entry, pointer, "field.country", code.asString()));
    }
  }

  private static boolean validModality(String m) {
    return MODALITY_LIST != null ? MODALITY_LIST.find(m).isPresent() : MODALITIES.contains(m);
  }

  private void invalidValues(StringBuilder h) {
    if (invalid.isEmpty()) {
      return;
    }
    h.append("<section id=\"invalid\" aria-labelledby=\"invalid-h\"><h2 id=\"invalid-h\">").append(t("invalid.title")).append("</h2>\n")
        .append("<p class=\"hint\">").append(t("invalid.hint")).append("</p>\n")
        .append("<div class=\"scroll\"><table class=\"invalid\"><thead><tr><th scope=\"col\">").append(t("col.field")).append("</th><th scope=\"col\">")
        .append(t("col.value")).append("</th><th scope=\"col\">").append(t("col.record")).append("</th><th scope=\"col\">").append(t("col.issue"))
        .append("</th></tr></thead><tbody>");
    for (Invalid v : invalid) {
      Issue issue = issueAt(v.entry(), v.pointer());
      h.append("<tr data-record=\"r").append(v.entry().number()).append("\"><th scope=\"row\">").append(t(v.field())).append("</th><td><code>")
          .append(esc(v.value())).append("</code> <span class=\"sev error\">").append(t("card.invalid")).append("</span></td><td>")
          .append(recordLink(v.entry())).append(" <code>").append(esc(v.pointer())).append("</code></td><td>");
      if (issue != null) {
        h.append("<code>").append(esc(issue.code())).append("</code> ").append(esc(issue.message()));
      } else {
        h.append(t("invalid.noIssue"));
      }
      h.append("</td></tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }

  /** The validator's issue at {@code pointer} (else under it) of the record, or null. */
  private static @Nullable Issue issueAt(Entry entry, String pointer) {
    Issue under = null;
    for (Issue issue : entry.issues()) {
      if (issue.pointer().equals(pointer)) {
        return issue;
      }
      if (under == null && issue.pointer().startsWith(pointer + "/")) {
        under = issue;
      }
    }
    return under;
  }

  private String recordLink(Entry entry) {
    return "<a href=\"#r" + entry.number() + "\">" + esc(entry.id().isEmpty() ? l.get("issues.record", entry.number()) : entry.id()) + "</a>";
  }

  // --- issues --------------------------------------------------------------------------------

  private void issues(StringBuilder h) {
    h.append("<section id=\"issues\" aria-labelledby=\"issues-h\"><h2 id=\"issues-h\">").append(t("issues.title")).append("</h2>\n");
    if (data.findings().isEmpty()) {
      h.append("<p class=\"note good\">").append(t("issues.none")).append("</p></section>\n");
      return;
    }
    h.append("<p class=\"hint\">").append(t("issues.hint")).append("</p>\n")
        .append("<div class=\"scroll\"><table class=\"issues\"><thead><tr><th scope=\"col\">").append(t("col.severity")).append("</th><th scope=\"col\">")
        .append(t("col.code")).append("</th><th scope=\"col\">").append(t("col.record")).append("</th><th scope=\"col\">").append(t("col.where"))
        .append("</th><th scope=\"col\">").append(t("col.message")).append("</th></tr></thead><tbody>");
    for (Finding f : data.findings()) {
      Issue issue = f.issue();
      String severity = issue.severity().code();
      h.append("<tr class=\"").append(esc(severity)).append('"');
      if (f.entry() != null) {
        h.append(" data-record=\"r").append(f.entry().number()).append('"');
      }
      h.append("><td><span class=\"sev ").append(esc(severity)).append("\">")
          .append(t("severity." + (issue.isError() ? "error" : "warning"))).append("</span></td><td><code>").append(esc(issue.code())).append("</code></td><td>");
      if (f.entry() != null) {
        h.append(recordLink(f.entry()));
      } else {
        h.append("<span class=\"code\">").append(t("issues.wholeFile")).append("</span>");
      }
      h.append("</td><td><span class=\"file\">").append(esc(f.file())).append("</span> <code>")
          .append(esc(issue.pointer().isEmpty() ? "/" : issue.pointer())).append("</code>");
      if (issue.line() != null) {
        h.append(" <span class=\"code\">").append(t("issues.line", issue.line())).append("</span>");
      }
      h.append("</td><td lang=\"en\">").append(esc(issue.message())).append("</td></tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }

  // --- records -------------------------------------------------------------------------------

  private void records(StringBuilder h) {
    h.append("<section id=\"records\" aria-labelledby=\"records-h\"><h2 id=\"records-h\">").append(t("records.title")).append("</h2>\n");
    filters(h);
    h.append("<div class=\"cards\">");
    for (Entry e : initiatives) {
      initiativeCard(h, e);
    }
    for (Entry e : data.entries()) {
      if (e.type().equals("solution")) {
        solutionCard(h, e);
      } else if (!e.type().equals("initiative")) {
        otherCard(h, e);
      }
    }
    h.append("</div></section>\n");
  }

  /**
   * The filter form: hidden until the script shows it, so that a page read without script is the
   * whole page. Each choice is a value some record has; a card matches when its {@code data-*}
   * attribute holds the value.
   */
  private void filters(StringBuilder h) {
    Set<String> modalities = new LinkedHashSet<>();
    Set<String> goals = new TreeSet<>(Comparator.comparing((String g) -> g.length()).thenComparing(g -> g));
    Set<String> countryCodes = new TreeSet<>();
    Map<String, String> orgs = new TreeMap<>();
    Set<Integer> years = new TreeSet<>();
    modalityCounts().forEach((m, n) -> {
      if (n > 0) {
        modalities.add(m);
      }
    });
    for (Entry e : data.entries()) {
      goals.addAll(goalsOf(e.tree()));
      countryCodes.addAll(countriesOf(e));
      String org = orgOf(e);
      if (!org.isEmpty()) {
        orgs.putIfAbsent(org, e.type().equals("organisation") ? text(e.tree().path("name"), org) : e.tree().path("reportingOrg").path("name").asString(org));
      }
      Integer year = startYear(e.tree());
      if (year != null) {
        years.add(year);
      }
    }
    h.append("<form id=\"filters\" class=\"filters\" hidden aria-describedby=\"filter-hint\"><p id=\"filter-hint\" class=\"hint\">").append(t("filter.hint"))
        .append("</p>");
    List<String[]> modalityOptions = new ArrayList<>();
    modalities.forEach(m -> modalityOptions.add(new String[] {m, modalityName(m)}));
    select(h, "modality", modalityOptions);
    List<String[]> goalOptions = new ArrayList<>();
    goals.forEach(g -> goalOptions.add(new String[] {g, g + " · " + goalName(g)}));
    select(h, "sdg", goalOptions);
    List<String[]> countryOptions = new ArrayList<>();
    countryCodes.forEach(c -> countryOptions.add(new String[] {c, countryName(c)}));
    countryOptions.sort(Comparator.comparing((String[] o) -> o[1]));
    select(h, "country", countryOptions);
    List<String[]> orgOptions = new ArrayList<>();
    orgs.forEach((id, name) -> orgOptions.add(new String[] {id, name + " (" + id + ")"}));
    select(h, "org", orgOptions);
    List<String[]> yearOptions = new ArrayList<>();
    years.forEach(y -> yearOptions.add(new String[] {Integer.toString(y), Integer.toString(y)}));
    select(h, "year", yearOptions);
    h.append("<button type=\"reset\">").append(t("filter.reset")).append("</button><p id=\"filter-count\" class=\"count\" role=\"status\" data-template=\"")
        .append(t("filter.shown")).append("\"></p></form>\n");
  }

  private void select(StringBuilder h, String name, List<String[]> options) {
    h.append("<label for=\"filter-").append(name).append("\">").append(t("filter." + name)).append("<select id=\"filter-").append(name)
        .append("\" name=\"").append(name).append("\"><option value=\"\">").append(t("filter.all")).append("</option>");
    for (String[] option : options) {
      h.append("<option value=\"").append(esc(option[0])).append("\">").append(esc(option[1])).append("</option>");
    }
    h.append("</select></label>");
  }

  /** A card's filter attributes: what {@code filter.js} matches the form's choices against. */
  private void filterAttributes(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    if (e.type().equals("initiative")) {
      h.append(" data-modality=\"").append(esc(modality(t))).append('"');
      Integer year = startYear(t);
      if (year != null) {
        h.append(" data-year=\"").append(year).append('"');
      }
    }
    Set<String> goals = goalsOf(t);
    if (!goals.isEmpty()) {
      h.append(" data-sdg=\"").append(esc(String.join(" ", goals))).append('"');
    }
    Set<String> countryCodes = countriesOf(e);
    if (!countryCodes.isEmpty()) {
      h.append(" data-country=\"").append(esc(String.join(" ", countryCodes))).append('"');
    }
    String org = orgOf(e);
    if (!org.isEmpty()) {
      h.append(" data-org=\"").append(esc(org)).append('"');
    }
  }

  /** The valid country codes a record names: providers and recipients, where a solution is applied, an organisation's. */
  private static Set<String> countriesOf(Entry e) {
    JsonNode t = e.tree();
    Set<String> found = new TreeSet<>();
    switch (e.type()) {
      case "initiative" -> {
        found.addAll(providers(t));
        found.addAll(recipients(t));
      }
      case "solution" -> {
        for (JsonNode p : t.path("providers")) {
          validCountry(p.path("country")).ifPresent(found::add);
        }
        found.addAll(appliedIn(t));
      }
      default -> validCountry(t.path("country")).ifPresent(found::add);
    }
    return found;
  }

  /** The reporting organisation's id (an organisation record: its own id). */
  private static String orgOf(Entry e) {
    return e.type().equals("organisation") ? e.id() : e.tree().path("reportingOrg").path("id").asString("");
  }

  private static java.util.Optional<String> validCountry(JsonNode code) {
    return code.isString() && COUNTRIES.find(code.asString()).isPresent() ? java.util.Optional.of(code.asString()) : java.util.Optional.empty();
  }

  private void initiativeCard(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    String modality = modality(t);
    h.append("<article class=\"card").append(e.invalid() ? " invalid" : "").append("\" id=\"r").append(e.number()).append('"');
    filterAttributes(h, e);
    h.append(" aria-labelledby=\"r").append(e.number()).append("-h\"><p class=\"badges\"><span class=\"badge\" style=\"background:")
        .append(colour(modality)).append("\">").append(esc(modalityName(modality))).append("</span>");
    titledCard(h, e);
    row(h, l.get("card.status"), statusName(t.path("status").asString("")));
    JsonNode d = t.path("dates");
    row(h, l.get("card.planned"), span(d.path("plannedStart").asString(""), d.path("plannedEnd").asString("")));
    if (d.has("actualStart") || d.has("actualEnd")) {
      row(h, l.get("card.actual"), span(d.path("actualStart").asString(""), d.path("actualEnd").asString("")));
    }
    row(h, l.get("card.providers"), names(providers(t)));
    row(h, l.get("card.recipients"), names(recipients(t)));
    List<String> money = new ArrayList<>();
    Map<String, BigDecimal> budget = new TreeMap<>();
    for (JsonNode b : t.path("budgets")) {
      BigDecimal amount = amount(b.path("value"));
      String currency = b.path("value").path("currency").asString("");
      if (amount != null && CURRENCIES.find(currency).isPresent()) {
        budget.merge(currency, amount, BigDecimal::add);
      }
    }
    budget.forEach((c, a) -> money.add(group(a) + " " + c));
    row(h, l.get("card.budgets"), String.join(" + ", money));
    h.append("</dl>");
    description(h, t.path("description"));
    goalChips(h, goalsOf(t));
    cardIssues(h, e);
    h.append("</article>");
  }

  /** A record's description in the reader's language (see {@link LanguagePick}), if it has one. */
  private void description(StringBuilder h, JsonNode map) {
    Picked picked = LanguagePick.pick(map, wanted);
    if (picked != null) {
      h.append("<p class=\"desc\"").append(langAttribute(picked)).append('>').append(esc(picked.text())).append("</p>");
    }
  }

  /** {@code lang} and {@code dir} for a text from the data: its own language where it is not the page's. */
  private String langAttribute(Picked picked) {
    if (picked.language().isEmpty() || picked.language().equalsIgnoreCase(l.language())) {
      return "";
    }
    return " lang=\"" + esc(picked.language()) + "\" dir=\"auto\"";
  }

  private void goalChips(StringBuilder h, Set<String> goals) {
    if (!goals.isEmpty()) {
      h.append("<ul class=\"chips\" aria-label=\"").append(t("sdgs.chips")).append("\">");
      for (String goal : goals) {
        Goal info = GOALS.get(goal);
        if (info == null) {
          h.append("<li class=\"chip\">").append(esc(goal)).append("</li>");
        } else {
          h.append("<li class=\"chip\" style=\"background:").append(info.colour()).append("\" title=\"").append(esc(goalName(goal))).append("\">")
              .append(t("sdgs.chip", goal)).append(" · ").append(esc(goalName(goal))).append("</li>");
        }
      }
      h.append("</ul>");
    }
  }

  // --- solutions (since 1.1) ----------------------------------------------------------------

  private void solutionFigures(StringBuilder h) {
    Map<String, Integer> maturity = new LinkedHashMap<>();
    MATURITIES.forEach(m -> maturity.put(m, 0));
    maturity.put(MATURITY_NOT_SAID, 0);
    Map<String, Integer> goals = new TreeMap<>(Comparator.comparing((String g) -> g.length()).thenComparing(g -> g));
    Set<String> providerCountries = new TreeSet<>();
    Set<String> applied = new TreeSet<>();
    for (Entry e : solutions) {
      JsonNode t = e.tree();
      String m = t.path("maturity").asString("");
      String key = m.isEmpty() ? MATURITY_NOT_SAID : MATURITIES.contains(m) ? m : INVALID;
      maturity.merge(key, 1, Integer::sum);
      goalsOf(t).forEach(goal -> goals.merge(goal, 1, Integer::sum));
      for (JsonNode p : t.path("providers")) {
        validCountry(p.path("country")).ifPresent(providerCountries::add);
      }
      applied.addAll(appliedIn(t));
    }
    h.append("<section id=\"solutions\" aria-labelledby=\"solutions-h\"><h2 id=\"solutions-h\">").append(t("solutions.title")).append("</h2>\n")
        .append("<p class=\"hint\">").append(t("solutions.hint")).append("</p>\n<dl class=\"figures\">");
    figure(h, l.get("solutions.count"), Integer.toString(solutions.size()), "solutions-count");
    List<String> goalNames = new ArrayList<>();
    goals.forEach((goal, n) -> goalNames.add(l.get("sdgs.chip", goal) + " · " + goalName(goal) + " (" + n + ")"));
    figure(h, l.get("solutions.goals"), goalNames.isEmpty() ? l.get("solutions.none") : String.join(", ", goalNames), "solutions-goals");
    figure(h, l.get("solutions.providers"), providerCountries.isEmpty() ? l.get("solutions.noneGiven") : names(providerCountries), "solutions-providers");
    figure(h, l.get("solutions.applied"), applied.isEmpty() ? l.get("solutions.noneGiven") : names(applied), "solutions-applied");
    h.append("</dl>\n<table class=\"maturity\"><thead><tr><th scope=\"col\">").append(t("col.maturity")).append("</th><th scope=\"col\" class=\"num\">")
        .append(t("col.solutions")).append("</th></tr></thead><tbody>");
    maturity.forEach((m, n) -> h.append("<tr><th scope=\"row\">").append(esc(maturityName(m))).append("</th><td class=\"num\" data-maturity=\"")
        .append(esc(m)).append("\">").append(n).append("</td></tr>"));
    h.append("</tbody></table></section>\n");
  }

  private String maturityName(String m) {
    return l.get("maturity." + (m.equals(MATURITY_NOT_SAID) ? "none" : m));
  }

  private static void figure(StringBuilder h, String label, String value, String id) {
    h.append("<div><dt>").append(esc(label)).append("</dt><dd id=\"").append(id).append("\">").append(esc(value)).append("</dd></div>");
  }

  private static Set<String> appliedIn(JsonNode t) {
    Set<String> found = new TreeSet<>();
    for (JsonNode c : t.path("countries")) {
      validCountry(c.path("code")).ifPresent(found::add);
    }
    return found;
  }

  private void solutionCard(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    h.append("<article class=\"card").append(e.invalid() ? " invalid" : "").append("\" id=\"r").append(e.number()).append('"');
    filterAttributes(h, e);
    h.append(" aria-labelledby=\"r").append(e.number()).append("-h\"><p class=\"badges\"><span class=\"badge\" style=\"background:")
        .append(SOLUTION_COLOUR).append("\">").append(t("badge.solution")).append("</span>");
    String maturity = t.path("maturity").asString("");
    if (!maturity.isEmpty()) {
      h.append(" <span class=\"badge\" style=\"background:").append(OTHER_COLOUR).append("\">")
          .append(esc(MATURITIES.contains(maturity) ? maturityName(maturity) : maturity)).append("</span>");
    }
    titledCard(h, e);
    Picked problem = LanguagePick.pick(t.path("problem"), wanted);
    if (problem != null) {
      h.append("<div><dt>").append(t("card.problem")).append("</dt><dd").append(langAttribute(problem)).append('>').append(esc(problem.text()))
          .append("</dd></div>");
    }
    List<String> providers = new ArrayList<>();
    for (JsonNode p : t.path("providers")) {
      String country = validCountry(p.path("country")).orElse("");
      providers.add(p.path("name").asString("?") + (country.isEmpty() ? "" : " (" + countryName(country) + ")"));
    }
    row(h, l.get("card.providers"), String.join("; ", providers));
    row(h, l.get("card.appliedIn"), names(appliedIn(t)));
    Set<String> from = new LinkedHashSet<>();
    for (JsonNode id : t.path("initiativeIds")) {
      from.add(id.asString(""));
    }
    for (JsonNode c : t.path("countries")) {
      from.add(c.path("initiativeId").asString(""));
    }
    from.remove("");
    if (!from.isEmpty()) {
      h.append("<div><dt>").append(t("card.initiatives")).append("</dt><dd><ul class=\"links\">");
      for (String id : from) {
        Entry initiative = initiativesById.get(id);
        if (initiative != null) {
          Picked name = LanguagePick.pick(initiative.tree().path("title"), wanted);
          h.append("<li><a href=\"#r").append(initiative.number()).append('"').append(name == null ? "" : langAttribute(name)).append('>')
              .append(esc(name == null ? id : name.text())).append("</a></li>");
        } else {
          h.append("<li><code>").append(esc(id)).append("</code> <span class=\"code\">").append(t("card.notInFiles")).append("</span></li>");
        }
      }
      h.append("</ul></dd></div>");
    }
    h.append("</dl>");
    description(h, t.path("description"));
    goalChips(h, goalsOf(t));
    cardIssues(h, e);
    h.append("</article>");
  }

  /** The end of a card's badges, its title and id, and the start of its list with who reported it. */
  private void titledCard(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    if (e.invalid()) {
      h.append(" <span class=\"badge bad\">").append(t("card.invalid")).append("</span>");
    }
    Picked name = LanguagePick.pick(t.path("title"), wanted);
    h.append("</p><h3 id=\"r").append(e.number()).append("-h\"").append(name == null ? "" : langAttribute(name)).append('>')
        .append(esc(name == null ? e.id() : name.text())).append("</h3>")
        .append("<p class=\"rid\"><code>").append(esc(e.id())).append("</code></p><dl>");
    JsonNode org = t.path("reportingOrg");
    row(h, l.get("card.reportedBy"), org.path("name").asString("") + (org.has("id") ? " (" + org.path("id").asString("") + ")" : ""));
  }

  private void otherCard(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    h.append("<article class=\"card small").append(e.invalid() ? " invalid" : "").append("\" id=\"r").append(e.number()).append('"');
    filterAttributes(h, e);
    h.append(" aria-labelledby=\"r").append(e.number()).append("-h\"><p class=\"badges\"><span class=\"badge\" style=\"background:")
        .append(OTHER_COLOUR).append("\">").append(esc(e.type().equals("organisation") ? l.get("badge.organisation") : e.type())).append("</span>");
    if (e.invalid()) {
      h.append(" <span class=\"badge bad\">").append(t("card.invalid")).append("</span>");
    }
    Picked name = LanguagePick.pick(t.path("name"), wanted);
    h.append("</p><h3 id=\"r").append(e.number()).append("-h\"").append(name == null ? "" : langAttribute(name)).append('>')
        .append(esc(name == null ? e.id() : name.text())).append("</h3>")
        .append("<p class=\"rid\"><code>").append(esc(e.id())).append("</code></p><dl>");
    String country = validCountry(t.path("country")).orElse("");
    if (!country.isEmpty()) {
      row(h, l.get("card.country"), countryName(country));
    }
    h.append("</dl>");
    cardIssues(h, e);
    h.append("</article>");
  }

  private static void cardIssues(StringBuilder h, Entry e) {
    if (!e.issues().isEmpty()) {
      h.append("<ul class=\"card-issues\" lang=\"en\">");
      for (Issue issue : e.issues()) {
        h.append("<li class=\"").append(esc(issue.severity().code())).append("\"><code>").append(esc(issue.code())).append("</code> <code>")
            .append(esc(issue.pointer().isEmpty() ? "/" : issue.pointer())).append("</code> ").append(esc(issue.message())).append("</li>");
      }
      h.append("</ul>");
    }
    h.append("<p class=\"src\">").append(esc(e.file())).append(e.pointer().isEmpty() ? "" : " <code>" + esc(e.pointer()) + "</code>").append("</p>");
  }

  private static void row(StringBuilder h, String label, String value) {
    if (value.isBlank()) {
      return;
    }
    h.append("<div><dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd></div>");
  }

  // --- reading the trees ---------------------------------------------------------------------

  /** The modality as the figures count it: a code of the codelist, {@code (none)}, or {@code invalid}. */
  private static String modality(JsonNode t) {
    JsonNode m = t.get("modality");
    if (m == null || !m.isString() || m.asString().isBlank()) {
      return NO_MODALITY;
    }
    return validModality(m.asString()) ? m.asString() : INVALID;
  }

  private static @Nullable Integer startYear(JsonNode t) {
    JsonNode d = t.path("dates");
    for (String field : List.of("actualStart", "plannedStart")) {
      Integer year = year(d.path(field));
      if (year != null) {
        return year;
      }
    }
    return null;
  }

  /** The year of a date ({@code 2024-03-01}), or null. */
  private static @Nullable Integer year(JsonNode date) {
    var m = YEAR.matcher(date.asString(""));
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** The provider countries (valid codes only) of an initiative. */
  static Set<String> providers(JsonNode t) {
    Set<String> found = new TreeSet<>();
    for (JsonNode p : t.path("participants")) {
      if (PROVIDER_ROLES.contains(p.path("role").asString(""))) {
        validCountry(p.path("country")).ifPresent(found::add);
      }
    }
    return found;
  }

  /** The recipient countries (valid codes only) of an initiative. */
  static Set<String> recipients(JsonNode t) {
    Set<String> found = new TreeSet<>();
    for (JsonNode r : t.path("recipientCountries")) {
      validCountry(r.path("code")).ifPresent(found::add);
    }
    for (JsonNode p : t.path("participants")) {
      if ("recipient".equals(p.path("role").asString(""))) {
        validCountry(p.path("country")).ifPresent(found::add);
      }
    }
    return found;
  }

  /** The SDG goals (codes of the codelist only) a record names. */
  private static Set<String> goalsOf(JsonNode t) {
    Set<String> goals = new TreeSet<>(Comparator.comparing((String g) -> g.length()).thenComparing(g -> g));
    for (JsonNode link : t.path("sdgs")) {
      String goal = link.path("goal").asString("");
      if (GOALS.containsKey(goal)) {
        goals.add(goal);
      }
    }
    return goals;
  }

  /** A language map's text for the reader ({@link LanguagePick}); {@code fallback} when there is none. */
  private String text(JsonNode map, String fallback) {
    Picked picked = LanguagePick.pick(map, wanted);
    return picked == null ? fallback : picked.text();
  }

  private String names(Set<String> codes) {
    List<String> names = new ArrayList<>();
    for (String code : codes) {
      names.add(countryName(code));
    }
    return String.join(l.get("list.separator"), names);
  }

  private String countryName(String code) {
    return COUNTRIES.find(code).map(i -> i.name(l.language())).orElse(code);
  }

  private String statusName(String code) {
    if (code.isEmpty()) {
      return "";
    }
    return Codelists.standard().find("ActivityStatus").flatMap(list -> list.find(code)).map(i -> i.name(l.language()) + " (" + code + ")").orElse(code);
  }

  private String span(String start, String end) {
    if (start.isEmpty() && end.isEmpty()) {
      return "";
    }
    return l.get("card.span", start.isEmpty() ? "?" : start, end.isEmpty() ? "…" : end);
  }

  private static String colour(String modality) {
    return MODALITY_COLOURS.getOrDefault(modality, OTHER_COLOUR);
  }

  /** A coordinate with at most two decimals, the same on every machine. */
  private static String fmt(double value) {
    return new BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** Escapes text for HTML content and attribute values (double or single quoted). */
  public static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, Goal> goals() {
    Map<String, Goal> goals = new LinkedHashMap<>();
    try (InputStream in = StandardFiles.open("codelists/UNSDG-Goals.json")) {
      JsonNode list = JsonMapper.builder().build().readTree(in);
      for (JsonNode item : list.path("items")) {
        Map<String, String> names = new LinkedHashMap<>();
        item.path("shortNames").properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
        goals.put(item.path("code").asString(), new Goal(names, item.path("colour").asString(OTHER_COLOUR)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled SDG goals codelist", e);
    }
    return goals;
  }

  private static String script() {
    try (InputStream in = HtmlPage.class.getResourceAsStream("filter.js")) {
      if (in == null) {
        throw new IllegalStateException("filter.js is missing from the jar");
      }
      // "</" cannot end the script early: the file has none (checked by HtmlPageFiltersTest)
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read filter.js", e);
    }
  }

  /** The SDG goals as the report shows them: code to {short English name, colour}. */
  public static Map<String, String[]> sdgGoals() {
    Map<String, String[]> copy = new LinkedHashMap<>();
    GOALS.forEach((k, v) -> copy.put(k, new String[] {v.shortNames().getOrDefault("en", k), v.colour()}));
    return copy;
  }

  private static final String CSS = """
      :root{--ink:#1d2430;--muted:#5b6472;--line:#e3e6eb;--bg:#f6f7f9;--card:#fff;--accent:#2f6db5;--bad:#b42318;--good:#1e7b4a;--warn:#9a6700}
      *{box-sizing:border-box}
      body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
      .wrap{max-width:1180px;margin:0 auto;padding:0 24px}
      .skip{position:absolute;top:0;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
      .skip:focus{width:auto;height:auto;clip-path:none;inset-inline-start:8px;top:8px;background:#fff;padding:6px;z-index:1}
      header.top{background:linear-gradient(120deg,#19486a,#2f6db5 60%,#23907f);color:#fff;padding:28px 0 24px}
      .kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;opacity:.85}
      h1{margin:4px 0 4px;font-size:30px;line-height:1.2}
      .sub{margin:0;opacity:.9}
      nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:16px 0}
      nav a{display:block;padding:4px 12px;border-radius:999px;background:#fff;border:1px solid var(--line);color:var(--ink);text-decoration:none;font-size:13px}
      nav a:hover,nav a:focus{border-color:var(--accent);color:var(--accent)}
      section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:16px 0}
      h2{margin:0 0 6px;font-size:20px}
      .hint{color:var(--muted);margin:0 0 12px;font-size:13.5px}
      .kpis{display:grid;grid-template-columns:repeat(5,1fr);gap:12px;background:none;border:0;padding:0}
      .kpi{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;display:flex;flex-direction:column}
      .kpi .value{font-size:30px;font-weight:700;line-height:1.1}.kpi small{font-size:15px;color:var(--muted);font-weight:400}
      .kpi .label{color:var(--muted);font-size:13px}
      .kpi.bad .value{color:var(--bad)}.kpi.good .value{color:var(--good)}
      .note{padding:10px 14px;border-radius:8px;margin:12px 0}.note.bad{background:#fdecea;color:#7a1a12}.note.good{background:#e8f5ee;color:#14532d}
      svg.chart{direction:ltr;width:100%;max-width:760px;height:auto;display:block}
      svg .lbl{font-size:15px;fill:var(--ink)}svg .val{font-size:15px;font-weight:700;fill:var(--ink)}
      svg .axis{font-size:12px;fill:var(--muted)}svg .grid{stroke:var(--line);stroke-width:1}
      details{margin-top:8px}summary{cursor:pointer;color:var(--accent);font-size:13.5px}
      table{border-collapse:collapse;font-size:13.5px;margin-top:8px}
      th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:start;vertical-align:top}
      thead th{font-weight:600;color:var(--muted);border-bottom:2px solid var(--line)}
      .num{text-align:end;font-variant-numeric:tabular-nums}
      .scroll{overflow-x:auto}
      caption{text-align:start;color:var(--muted);font-size:13px;padding-bottom:4px}
      .matrix td{min-width:38px;text-align:center;border:1px solid #fff}.matrix td.empty{background:#f3f4f6}
      .code{color:var(--muted);font-size:12px}
      .goals{list-style:none;display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;padding:0;margin:0}
      .goal{background:var(--c);color:#fff;border-radius:8px;padding:10px 12px;min-height:108px;display:flex;flex-direction:column;text-shadow:0 1px 2px rgba(0,0,0,.35)}
      .goal .no{font-size:26px;font-weight:800;line-height:1}.goal .name{font-size:13px;font-weight:600;flex:1;margin-top:4px}
      .goal .n{font-size:13px;background:rgba(0,0,0,.22);border-radius:999px;padding:1px 8px;align-self:flex-start}
      .goal.none{opacity:.28}
      .ccy{font-weight:700;letter-spacing:.04em}
      .money td{white-space:nowrap}
      .sev{display:inline-block;padding:0 8px;border-radius:999px;font-size:12px;font-weight:600}
      .sev.error{background:#fdecea;color:var(--bad)}.sev.warning{background:#fff4d6;color:var(--warn)}
      .issues td:last-child{min-width:320px}
      .file{color:var(--muted);font-size:12px}
      code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f3f6;padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
      .issues td:nth-child(2) code{white-space:nowrap}
      .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:14px}
      .card{border:1px solid var(--line);border-radius:10px;padding:14px 16px;background:#fff;scroll-margin-top:12px}
      .card:target{outline:3px solid var(--accent)}
      .card.invalid{border-inline-start:5px solid var(--bad)}
      .card h3{margin:6px 0 2px;font-size:16px;line-height:1.3}
      .rid{margin:0 0 8px}
      .badges{margin:0}.badge{display:inline-block;color:#fff;border-radius:4px;padding:0 8px;font-size:12px;font-weight:600}
      .badge.bad{background:var(--bad)}
      dl{margin:0;display:grid;grid-template-columns:1fr;gap:2px}dl div{display:flex;gap:8px}
      dt{color:var(--muted);min-width:92px;font-size:13px}dd{margin:0;font-size:13.5px}
      .chips{list-style:none;display:flex;flex-wrap:wrap;gap:4px;padding:0;margin:10px 0 0}
      .figures{margin:0 0 12px}.links{list-style:none;padding:0;margin:0}table.maturity{max-width:360px}
      .chip{color:#fff;border-radius:4px;padding:1px 7px;font-size:12px;font-weight:600;background:#6b7079}
      .card-issues{margin:10px 0 0;padding-left:18px;font-size:13px}.card-issues li.error{color:var(--bad)}.card-issues li.warning{color:var(--warn)}
      .src{color:var(--muted);font-size:12px;margin:10px 0 0}
      footer{color:var(--muted);font-size:12.5px;padding-bottom:32px}
      .pair{display:grid;grid-template-columns:1fr 1.3fr;gap:16px;margin:16px 0}.pair>section{margin:0}
      [hidden]{display:none!important}
      .desc{margin:8px 0 0;font-size:13.5px;color:var(--ink)}
      .filters{display:flex;flex-wrap:wrap;align-items:end;gap:8px 14px;margin:0 0 14px}.filters .hint{flex-basis:100%;margin:0}
      .filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
      .filters select,.filters button{font:inherit;font-size:13.5px;padding:4px 8px;border:1px solid #767c86;border-radius:6px;background:#fff;color:var(--ink);max-width:260px}
      .filters .count{margin:0;font-weight:600;flex-basis:100%}
      h3{font-size:16px;margin:16px 0 4px}
      @media (max-width:900px){.pair{grid-template-columns:1fr}}
      @media (max-width:800px){.kpis{grid-template-columns:repeat(2,1fr)}}
      @media print{nav,.skip{display:none}section{break-inside:avoid}details{display:block}}
      """;
}
