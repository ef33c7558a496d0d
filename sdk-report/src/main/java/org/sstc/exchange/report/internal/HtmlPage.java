package org.sstc.exchange.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Codelist;
import org.sstc.exchange.core.CodelistItem;
import org.sstc.exchange.core.Codelists;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.report.internal.ReportData.Entry;
import org.sstc.exchange.report.internal.ReportData.Finding;
import org.sstc.exchange.schema.StandardFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@link ReportData} as one self-contained HTML page: inline CSS and inline SVG, no script,
 * no network. Every string that comes from the data goes through {@link #esc}. The same data gives
 * the same bytes: maps are sorted, and the page holds no clock time.
 */
public final class HtmlPage {
  private static final List<String> MODALITIES = List.of("bilateral", "triangular", "regional");
  private static final Map<String, String> MODALITY_COLOURS =
      Map.of("bilateral", "#2f6db5", "triangular", "#d9711c", "regional", "#23907f");
  private static final String OTHER_COLOUR = "#8a8f98";
  private static final String SOLUTION_COLOUR = "#6b4fa0";
  /** The standard's SolutionMaturity values, least to most mature. */
  private static final List<String> MATURITIES = List.of("piloted", "implemented", "replicated", "scaled-up");
  private static final Set<String> PROVIDER_ROLES = Set.of("provider", "first-provider", "second-provider");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})-\\d{2}-\\d{2}$");

  /**
   * The 17 goals' short English names and official colours, read from the bundled codelist
   * {@code codelists/UNSDG-Goals.json} (short names from open-sdg/sdg-translations; colours as
   * defined by the UN Department of Global Communications, "Sustainable Development Goals:
   * guidelines for the use of the SDG logo including the colour wheel, and 17 icons", May 2020,
   * "Colour definitions": goal 1 #E5243B, 2 #DDA63A … 17 #19486A). One source for the SDK.
   */
  private static final Map<String, String[]> GOALS = goals();

  private final ReportData data;
  private final String title;
  private final String generator;
  private final Codelist countries = Codelists.standard().get(Codelists.COUNTRY);
  private final List<Entry> initiatives = new ArrayList<>();
  private final List<Entry> organisations = new ArrayList<>();
  private final List<Entry> solutions = new ArrayList<>();
  /** The initiatives by id, the first of each id: a solution's card links to them. */
  private final Map<String, Entry> initiativesById = new LinkedHashMap<>();

  private HtmlPage(ReportData data, String title, String generator) {
    this.data = data;
    this.title = title;
    this.generator = generator;
    for (Entry entry : data.entries()) {
      if (entry.type().equals("initiative")) {
        initiatives.add(entry);
      } else if (entry.type().equals("organisation")) {
        organisations.add(entry);
      } else if (entry.type().equals("solution")) {
        solutions.add(entry);
      }
    }
    for (Entry entry : initiatives) {
      if (!entry.id().isEmpty()) {
        initiativesById.putIfAbsent(entry.id(), entry);
      }
    }
  }

  /** The page for {@code data}; {@code generator} names the tool in the footer. */
  public static String render(ReportData data, String title, String generator) {
    return new HtmlPage(data, title, generator).page();
  }

  // --- the page ------------------------------------------------------------------------------

  private String page() {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // Nothing may load from anywhere: the page is a file that is mailed and archived.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<a class=\"skip\" href=\"#main\">Skip to the figures</a>\n");
    h.append("<header class=\"top\"><div class=\"wrap\"><p class=\"kicker\">South-South and triangular cooperation</p><h1>")
        .append(esc(title)).append("</h1><p class=\"sub\">")
        .append(count(initiatives.size(), "initiative"))
        .append(solutions.isEmpty() ? " and " : ", ").append(count(organisations.size(), "organisation"))
        .append(solutions.isEmpty() ? "" : " and " + count(solutions.size(), "solution"))
        .append(" from ").append(count(data.files().size(), "file")).append("</p></div></header>\n");
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
    issues(h);
    records(h);
    h.append("</main>\n<footer class=\"wrap\"><p>Made by ").append(esc(generator)).append(" from ")
        .append(esc(String.join(", ", data.files())))
        .append(". Amounts are summed per currency as written, never converted. Records are counted whether or not they are valid; ")
        .append("their issues are listed above and on each record.</p></footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private void nav(StringBuilder h) {
    h.append("<nav aria-label=\"Sections\"><ul>")
        .append("<li><a href=\"#modality\">Modality</a></li><li><a href=\"#years\">Years</a></li>")
        .append("<li><a href=\"#sdgs\">SDGs</a></li><li><a href=\"#partners\">Partners</a></li>")
        .append("<li><a href=\"#money\">Money</a></li>")
        .append(solutions.isEmpty() ? "" : "<li><a href=\"#solutions\">Solutions</a></li>")
        .append("<li><a href=\"#issues\">Issues</a></li>")
        .append("<li><a href=\"#records\">Records</a></li></ul></nav>\n");
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
    long invalid = data.entries().stream().filter(Entry::invalid).count();
    h.append("<section aria-label=\"Key figures\" class=\"kpis\">");
    kpi(h, Integer.toString(initiatives.size()), "initiatives", "kpi-initiatives");
    kpi(h, Integer.toString(countryCodes.size()), "partner countries", "kpi-countries");
    kpi(h, goals.size() + "<small>/17</small>", "SDG goals covered", "kpi-goals");
    kpi(h, Long.toString(errors), errors == 1 ? "error" : "errors", errors > 0 ? "kpi-errors bad" : "kpi-errors good");
    kpi(h, Long.toString(warnings), warnings == 1 ? "warning" : "warnings", "kpi-warnings");
    h.append("</section>\n");
    if (invalid > 0) {
      h.append("<p class=\"note bad\">").append(count(invalid, "record")).append(invalid == 1 ? " is" : " are")
          .append(" not valid: see <a href=\"#issues\">Validation issues</a>. They are counted in the figures all the same.</p>\n");
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
    Map<String, Integer> others = new TreeMap<>();
    for (Entry e : initiatives) {
      String m = modality(e.tree());
      if (counts.containsKey(m)) {
        counts.merge(m, 1, Integer::sum);
      } else {
        others.merge(m, 1, Integer::sum);
      }
    }
    counts.putAll(others);
    return counts;
  }

  private void modalities(StringBuilder h) {
    Map<String, Integer> counts = modalityCounts();
    int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    h.append("<section id=\"modality\" aria-labelledby=\"modality-h\"><h2 id=\"modality-h\">Initiatives by modality</h2>\n");
    int rowHeight = 44;
    int height = counts.size() * rowHeight + 8;
    h.append("<svg class=\"chart\" viewBox=\"0 0 440 ").append(height).append("\" role=\"img\" aria-labelledby=\"modality-t\">")
        .append("<title id=\"modality-t\">Initiatives by modality: ");
    List<String> parts = new ArrayList<>();
    counts.forEach((m, n) -> parts.add(m + " " + n));
    h.append(esc(String.join(", ", parts))).append("</title>");
    int y = 4;
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      double width = Math.max(2, 270.0 * c.getValue() / max);
      h.append("<text x=\"92\" y=\"").append(y + 27).append("\" text-anchor=\"end\" class=\"lbl\">").append(esc(c.getKey())).append("</text>")
          .append("<rect x=\"102\" y=\"").append(y + 8).append("\" width=\"").append(fmt(width)).append("\" height=\"28\" rx=\"4\" fill=\"")
          .append(colour(c.getKey())).append("\"/>")
          .append("<text x=\"").append(fmt(110 + width)).append("\" y=\"").append(y + 27).append("\" class=\"val\">")
          .append(c.getValue()).append("</text>");
      y += rowHeight;
    }
    h.append("</svg>\n<details><summary>As a table</summary><table><thead><tr><th scope=\"col\">Modality</th><th scope=\"col\" class=\"num\">Initiatives</th></tr></thead><tbody>");
    counts.forEach((m, n) -> h.append("<tr><th scope=\"row\">").append(esc(m)).append("</th><td class=\"num\" data-modality=\"")
        .append(esc(m)).append("\">").append(n).append("</td></tr>"));
    h.append("</tbody></table></details>")
        .append("<p class=\"hint\">Bilateral: a provider country and a recipient country. Triangular: a first provider ")
        .append("(a Southern country), a second provider (often a traditional donor or an international organisation) ")
        .append("and a recipient. Regional: three countries or more.</p></section>\n");
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
    h.append("<section id=\"years\" aria-labelledby=\"years-h\"><h2 id=\"years-h\">Initiatives by start year</h2>\n")
        .append("<p class=\"hint\">The actual start, or the planned start where the initiative has not started.</p>\n");
    if (byYear.isEmpty()) {
      h.append("<p>No initiative has a start date.</p></section>\n");
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
    h.append("<svg class=\"chart\" viewBox=\"0 0 720 ").append(chartH + 70).append("\" role=\"img\" aria-labelledby=\"years-t\"><title id=\"years-t\">Initiatives by start year: ");
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
            .append(year).append(", ").append(esc(mod)).append(": ").append(n).append("</title></rect>");
      }
      if (columns <= 20 || (year - first) % 5 == 0) {
        h.append("<text x=\"").append(fmt(x + barW / 2)).append("\" y=\"").append(chartH + 28).append("\" text-anchor=\"middle\" class=\"axis\">")
            .append(year).append("</text>");
      }
    }
    double lx = 45;
    for (String mod : mods) {
      h.append("<rect x=\"").append(fmt(lx)).append("\" y=\"").append(chartH + 46).append("\" width=\"14\" height=\"14\" rx=\"3\" fill=\"")
          .append(colour(mod)).append("\"/><text x=\"").append(fmt(lx + 20)).append("\" y=\"").append(chartH + 58).append("\" class=\"axis\">")
          .append(esc(mod)).append("</text>");
      lx += 30 + 8 * mod.length();
    }
    h.append("</svg>\n<details><summary>As a table</summary><table><thead><tr><th scope=\"col\">Year</th>");
    for (String mod : mods) {
      h.append("<th scope=\"col\" class=\"num\">").append(esc(mod)).append("</th>");
    }
    h.append("<th scope=\"col\" class=\"num\">All</th></tr></thead><tbody>");
    byYear.forEach((year, m) -> {
      h.append("<tr><th scope=\"row\">").append(year).append("</th>");
      for (String mod : mods) {
        h.append("<td class=\"num\">").append(m.getOrDefault(mod, 0)).append("</td>");
      }
      h.append("<td class=\"num\">").append(m.values().stream().mapToInt(Integer::intValue).sum()).append("</td></tr>");
    });
    h.append("</tbody></table></details>");
    if (undated > 0) {
      h.append("<p class=\"hint\">").append(count(undated, "initiative")).append(" without a readable start date.</p>");
    }
    h.append("</section>\n");
  }

  // --- SDGs ----------------------------------------------------------------------------------

  private void sdgs(StringBuilder h) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String goal : GOALS.keySet()) {
      counts.put(goal, 0);
    }
    for (Entry e : initiatives) {
      for (String goal : goalsOf(e.tree())) {
        if (counts.containsKey(goal)) {
          counts.merge(goal, 1, Integer::sum);
        }
      }
    }
    h.append("<section id=\"sdgs\" aria-labelledby=\"sdgs-h\"><h2 id=\"sdgs-h\">Sustainable Development Goals</h2>\n")
        .append("<p class=\"hint\">How many initiatives contribute to each goal. Goals no initiative names are dimmed.</p>\n")
        .append("<ol class=\"goals\">");
    counts.forEach((goal, n) -> {
      String[] info = Objects.requireNonNull(GOALS.get(goal), "GOALS has every goal, 1 to 17");
      h.append("<li class=\"goal").append(n == 0 ? " none" : "").append("\" id=\"sdg-").append(goal).append("\" style=\"--c:")
          .append(info[1]).append("\"><span class=\"no\">").append(goal).append("</span><span class=\"name\">").append(esc(info[0]))
          .append("</span><span class=\"n\">").append(n == 0 ? "–" : count(n, "initiative")).append("</span></li>");
    });
    h.append("</ol>\n<details><summary>As a table</summary><table><thead><tr><th scope=\"col\">Goal</th><th scope=\"col\">Name</th><th scope=\"col\" class=\"num\">Initiatives</th></tr></thead><tbody>");
    counts.forEach((goal, n) -> h.append("<tr><th scope=\"row\">").append(goal).append("</th><td>").append(esc(Objects.requireNonNull(GOALS.get(goal))[0]))
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
    h.append("<section id=\"partners\" aria-labelledby=\"partners-h\"><h2 id=\"partners-h\">Who cooperates with whom</h2>\n")
        .append("<p class=\"hint\">Initiatives by provider country (the countries of participants with the role provider, ")
        .append("first-provider or second-provider) and recipient country (recipient countries and recipient participants).</p>\n");
    if (cells.isEmpty()) {
      h.append("<p>No initiative names both a provider country and a recipient country.</p></section>\n");
      return;
    }
    List<String> providers = new ArrayList<>(providerTotals.keySet());
    providers.sort(Comparator.comparing((String p) -> -providerTotals.getOrDefault(p, 0)).thenComparing(p -> p));
    List<String> recipients = new ArrayList<>(cells.keySet());
    recipients.sort(Comparator.comparing(this::countryName).thenComparing(r -> r));
    int max = cells.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).max().orElse(1);
    h.append("<div class=\"scroll\"><table class=\"matrix\"><caption>Initiatives by recipient (rows) and provider (columns)</caption><thead><tr><th scope=\"col\">Recipient \\ provider</th>");
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
              .append(alpha > 0.55 ? ";color:#fff" : "").append("\" title=\"").append(esc(countryName(p))).append(" → ")
              .append(esc(countryName(r))).append(": ").append(count(n, "initiative")).append("\">").append(n).append("</td>");
        }
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }

  // --- money ---------------------------------------------------------------------------------

  private void money(StringBuilder h) {
    Map<String, BigDecimal> budgets = new TreeMap<>();
    Map<String, Integer> budgetCounts = new TreeMap<>();
    Map<String, Map<String, BigDecimal>> transactions = new TreeMap<>(); // currency -> type -> sum
    Set<String> types = new TreeSet<>(Comparator.comparing((String t) -> t.length()).thenComparing(t -> t));
    for (Entry e : initiatives) {
      for (JsonNode b : e.tree().path("budgets")) {
        BigDecimal amount = amount(b.path("value"));
        String currency = b.path("value").path("currency").asString("");
        if (amount != null && !currency.isEmpty()) {
          budgets.merge(currency, amount, BigDecimal::add);
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
        if (amount != null && !currency.isEmpty()) {
          transactions.computeIfAbsent(currency, c -> new TreeMap<>()).merge(type, amount, BigDecimal::add);
          types.add(type);
        }
      }
    }
    Set<String> currencies = new TreeSet<>(budgets.keySet());
    currencies.addAll(transactions.keySet());
    h.append("<section id=\"money\" aria-labelledby=\"money-h\"><h2 id=\"money-h\">Money by currency</h2>\n")
        .append("<p class=\"hint\">Budgets and transactions added up per currency exactly as reported. Currencies are never converted, ")
        .append("so rows cannot be compared with each other. A reversal (a correction) counts negatively.</p>\n");
    if (currencies.isEmpty()) {
      h.append("<p>No budget or transaction.</p></section>\n");
      return;
    }
    Codelist transactionTypes = Codelists.standard().find("TransactionType").orElse(null);
    h.append("<div class=\"scroll\"><table class=\"money\"><thead><tr><th scope=\"col\">Currency</th><th scope=\"col\" class=\"num\">Budgets</th>");
    for (String type : types) {
      String name = transactionTypes == null ? type : transactionTypes.find(type).map(i -> i.name("en")).orElse(type);
      h.append("<th scope=\"col\" class=\"num\">").append(esc(name)).append(" <span class=\"code\">(").append(esc(type)).append(")</span></th>");
    }
    h.append("</tr></thead><tbody>");
    for (String currency : currencies) {
      h.append("<tr><th scope=\"row\"><span class=\"ccy\">").append(esc(currency)).append("</span></th><td class=\"num\" data-currency=\"")
          .append(esc(currency)).append("\" data-kind=\"budgets\">");
      if (budgets.containsKey(currency)) {
        h.append(esc(group(budgets.get(currency)))).append(" <span class=\"code\">(").append(budgetCounts.get(currency)).append(")</span>");
      }
      h.append("</td>");
      for (String type : types) {
        BigDecimal sum = transactions.getOrDefault(currency, Map.of()).get(type);
        h.append("<td class=\"num\">").append(sum == null ? "" : esc(group(sum))).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div></section>\n");
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

  private static final java.util.regex.Pattern PLAIN_AMOUNT = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?");

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

  // --- issues --------------------------------------------------------------------------------

  private void issues(StringBuilder h) {
    h.append("<section id=\"issues\" aria-labelledby=\"issues-h\"><h2 id=\"issues-h\">Validation issues</h2>\n");
    if (data.findings().isEmpty()) {
      h.append("<p class=\"note good\">Every record is valid: the validator found no error and no warning.</p></section>\n");
      return;
    }
    h.append("<p class=\"hint\">Errors make a record invalid; warnings do not. Each issue links to its record; the pointer ")
        .append("(RFC 6901) says where in the file the value is. How to fix each code: sdk-core/RULES.md.</p>\n")
        .append("<div class=\"scroll\"><table class=\"issues\"><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Code</th>")
        .append("<th scope=\"col\">Record</th><th scope=\"col\">Where</th><th scope=\"col\">Message</th></tr></thead><tbody>");
    for (Finding f : data.findings()) {
      Issue issue = f.issue();
      String severity = issue.severity().code();
      h.append("<tr class=\"").append(esc(severity)).append("\"><td><span class=\"sev ").append(esc(severity)).append("\">")
          .append(esc(severity)).append("</span></td><td><code>").append(esc(issue.code())).append("</code></td><td>");
      if (f.entry() != null) {
        h.append("<a href=\"#r").append(f.entry().number()).append("\">")
            .append(esc(f.entry().id().isEmpty() ? "record " + f.entry().number() : f.entry().id())).append("</a>");
      } else {
        h.append("<span class=\"code\">(whole file)</span>");
      }
      h.append("</td><td><span class=\"file\">").append(esc(f.file())).append("</span> <code>")
          .append(esc(issue.pointer().isEmpty() ? "/" : issue.pointer())).append("</code>");
      if (issue.line() != null) {
        h.append(" <span class=\"code\">line ").append(issue.line()).append("</span>");
      }
      h.append("</td><td>").append(esc(issue.message())).append("</td></tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }

  // --- records -------------------------------------------------------------------------------

  private void records(StringBuilder h) {
    h.append("<section id=\"records\" aria-labelledby=\"records-h\"><h2 id=\"records-h\">Records</h2>\n<div class=\"cards\">");
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

  private void initiativeCard(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    String modality = modality(t);
    h.append("<article class=\"card").append(e.invalid() ? " invalid" : "").append("\" id=\"r").append(e.number())
        .append("\" aria-labelledby=\"r").append(e.number()).append("-h\"><p class=\"badges\"><span class=\"badge\" style=\"background:")
        .append(colour(modality)).append("\">").append(esc(modality)).append("</span>");
    titledCard(h, e);
    row(h, "Status", statusName(t.path("status").asString("")));
    JsonNode d = t.path("dates");
    row(h, "Planned", span(d.path("plannedStart").asString(""), d.path("plannedEnd").asString("")));
    if (d.has("actualStart") || d.has("actualEnd")) {
      row(h, "Actual", span(d.path("actualStart").asString(""), d.path("actualEnd").asString("")));
    }
    row(h, "Providers", names(providers(t)));
    row(h, "Recipients", names(recipients(t)));
    List<String> money = new ArrayList<>();
    Map<String, BigDecimal> budget = new TreeMap<>();
    for (JsonNode b : t.path("budgets")) {
      BigDecimal amount = amount(b.path("value"));
      if (amount != null) {
        budget.merge(b.path("value").path("currency").asString("?"), amount, BigDecimal::add);
      }
    }
    budget.forEach((c, a) -> money.add(group(a) + " " + c));
    row(h, "Budgets", String.join(" + ", money));
    h.append("</dl>");
    goalChips(h, goalsOf(t));
    cardIssues(h, e);
    h.append("</article>");
  }

  private static void goalChips(StringBuilder h, Set<String> goals) {
    if (!goals.isEmpty()) {
      h.append("<ul class=\"chips\" aria-label=\"SDG goals\">");
      for (String goal : goals) {
        String[] info = GOALS.get(goal);
        if (info == null) {
          h.append("<li class=\"chip\">").append(esc(goal)).append("</li>");
        } else {
          h.append("<li class=\"chip\" style=\"background:").append(info[1]).append("\" title=\"").append(esc(info[0])).append("\">SDG ")
              .append(goal).append(" · ").append(esc(info[0])).append("</li>");
        }
      }
      h.append("</ul>");
    }
  }

  // --- solutions (since 1.1) ----------------------------------------------------------------

  private void solutionFigures(StringBuilder h) {
    Map<String, Integer> maturity = new LinkedHashMap<>();
    MATURITIES.forEach(m -> maturity.put(m, 0));
    Map<String, Integer> otherMaturity = new TreeMap<>();
    Map<String, Integer> goals = new TreeMap<>(Comparator.comparing((String g) -> g.length()).thenComparing(g -> g));
    Set<String> providerCountries = new TreeSet<>();
    Set<String> applied = new TreeSet<>();
    for (Entry e : solutions) {
      JsonNode t = e.tree();
      String m = t.path("maturity").asString("");
      String key = m.isEmpty() ? "(not said)" : m;
      if (maturity.containsKey(key)) {
        maturity.merge(key, 1, Integer::sum);
      } else {
        otherMaturity.merge(key, 1, Integer::sum);
      }
      goalsOf(t).forEach(goal -> goals.merge(goal, 1, Integer::sum));
      for (JsonNode p : t.path("providers")) {
        String country = p.path("country").asString("");
        if (!country.isEmpty()) {
          providerCountries.add(country);
        }
      }
      applied.addAll(appliedIn(t));
    }
    maturity.putAll(otherMaturity);
    h.append("<section id=\"solutions\" aria-labelledby=\"solutions-h\"><h2 id=\"solutions-h\">Solutions</h2>\n")
        .append("<p class=\"hint\">Solutions and good practices that a country or organisation has applied and others can take up. ")
        .append("Each has its card under Records.</p>\n<dl class=\"figures\">");
    figure(h, "Solutions", Integer.toString(solutions.size()), "solutions-count");
    List<String> goalNames = new ArrayList<>();
    goals.forEach((goal, n) -> {
      String[] info = GOALS.get(goal);
      goalNames.add("SDG " + goal + (info == null ? "" : " · " + info[0]) + " (" + n + ")");
    });
    figure(h, "SDG goals covered", goalNames.isEmpty() ? "none" : String.join(", ", goalNames), "solutions-goals");
    figure(h, "Providers' countries", providerCountries.isEmpty() ? "none given" : names(providerCountries), "solutions-providers");
    figure(h, "Countries where applied", applied.isEmpty() ? "none given" : names(applied), "solutions-applied");
    h.append("</dl>\n<table class=\"maturity\"><thead><tr><th scope=\"col\">Maturity</th><th scope=\"col\" class=\"num\">Solutions</th>")
        .append("</tr></thead><tbody>");
    maturity.forEach((m, n) -> h.append("<tr><th scope=\"row\">").append(esc(m)).append("</th><td class=\"num\" data-maturity=\"")
        .append(esc(m)).append("\">").append(n).append("</td></tr>"));
    h.append("</tbody></table></section>\n");
  }

  private static void figure(StringBuilder h, String label, String value, String id) {
    h.append("<div><dt>").append(esc(label)).append("</dt><dd id=\"").append(id).append("\">").append(esc(value)).append("</dd></div>");
  }

  private static Set<String> appliedIn(JsonNode t) {
    Set<String> found = new TreeSet<>();
    for (JsonNode c : t.path("countries")) {
      String code = c.path("code").asString("");
      if (!code.isEmpty()) {
        found.add(code);
      }
    }
    return found;
  }

  private void solutionCard(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    h.append("<article class=\"card").append(e.invalid() ? " invalid" : "").append("\" id=\"r").append(e.number())
        .append("\" aria-labelledby=\"r").append(e.number()).append("-h\"><p class=\"badges\"><span class=\"badge\" style=\"background:")
        .append(SOLUTION_COLOUR).append("\">solution</span>");
    String maturity = t.path("maturity").asString("");
    if (!maturity.isEmpty()) {
      h.append(" <span class=\"badge\" style=\"background:").append(OTHER_COLOUR).append("\">").append(esc(maturity)).append("</span>");
    }
    titledCard(h, e);
    row(h, "Problem", text(t.path("problem"), ""));
    List<String> providers = new ArrayList<>();
    for (JsonNode p : t.path("providers")) {
      String country = p.path("country").asString("");
      providers.add(p.path("name").asString("?") + (country.isEmpty() ? "" : " (" + countryName(country) + ")"));
    }
    row(h, "Providers", String.join("; ", providers));
    row(h, "Applied in", names(appliedIn(t)));
    Set<String> from = new java.util.LinkedHashSet<>();
    for (JsonNode id : t.path("initiativeIds")) {
      from.add(id.asString(""));
    }
    for (JsonNode c : t.path("countries")) {
      from.add(c.path("initiativeId").asString(""));
    }
    from.remove("");
    if (!from.isEmpty()) {
      h.append("<div><dt>Initiatives</dt><dd><ul class=\"links\">");
      for (String id : from) {
        Entry initiative = initiativesById.get(id);
        if (initiative != null) {
          h.append("<li><a href=\"#r").append(initiative.number()).append("\">")
              .append(esc(text(initiative.tree().path("title"), id))).append("</a></li>");
        } else {
          h.append("<li><code>").append(esc(id)).append("</code> <span class=\"code\">(not in these files)</span></li>");
        }
      }
      h.append("</ul></dd></div>");
    }
    h.append("</dl>");
    goalChips(h, goalsOf(t));
    cardIssues(h, e);
    h.append("</article>");
  }

  /** The end of a card's badges, its title and id, and the start of its list with who reported it. */
  private static void titledCard(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    if (e.invalid()) {
      h.append(" <span class=\"badge bad\">invalid</span>");
    }
    h.append("</p><h3 id=\"r").append(e.number()).append("-h\">").append(esc(text(t.path("title"), e.id()))).append("</h3>")
        .append("<p class=\"rid\"><code>").append(esc(e.id())).append("</code></p><dl>");
    JsonNode org = t.path("reportingOrg");
    row(h, "Reported by", org.path("name").asString("") + (org.has("id") ? " (" + org.path("id").asString("") + ")" : ""));
  }

  private void otherCard(StringBuilder h, Entry e) {
    JsonNode t = e.tree();
    h.append("<article class=\"card small").append(e.invalid() ? " invalid" : "").append("\" id=\"r").append(e.number())
        .append("\" aria-labelledby=\"r").append(e.number()).append("-h\"><p class=\"badges\"><span class=\"badge\" style=\"background:")
        .append(OTHER_COLOUR).append("\">").append(esc(e.type())).append("</span>");
    if (e.invalid()) {
      h.append(" <span class=\"badge bad\">invalid</span>");
    }
    h.append("</p><h3 id=\"r").append(e.number()).append("-h\">").append(esc(text(t.path("name"), e.id()))).append("</h3>")
        .append("<p class=\"rid\"><code>").append(esc(e.id())).append("</code></p><dl>");
    String country = t.path("country").asString("");
    if (!country.isEmpty()) {
      row(h, "Country", countryName(country));
    }
    h.append("</dl>");
    cardIssues(h, e);
    h.append("</article>");
  }

  private static void cardIssues(StringBuilder h, Entry e) {
    if (!e.issues().isEmpty()) {
      h.append("<ul class=\"card-issues\">");
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

  private static String modality(JsonNode t) {
    JsonNode m = t.get("modality");
    return m != null && m.isString() && !m.asString().isBlank() ? m.asString() : "(none)";
  }

  private static @Nullable Integer startYear(JsonNode t) {
    JsonNode d = t.path("dates");
    for (String field : List.of("actualStart", "plannedStart")) {
      var m = YEAR.matcher(d.path(field).asString(""));
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return null;
  }

  static Set<String> providers(JsonNode t) {
    Set<String> found = new TreeSet<>();
    for (JsonNode p : t.path("participants")) {
      String country = p.path("country").asString("");
      if (PROVIDER_ROLES.contains(p.path("role").asString("")) && !country.isEmpty()) {
        found.add(country);
      }
    }
    return found;
  }

  static Set<String> recipients(JsonNode t) {
    Set<String> found = new TreeSet<>();
    for (JsonNode r : t.path("recipientCountries")) {
      String code = r.path("code").asString("");
      if (!code.isEmpty()) {
        found.add(code);
      }
    }
    for (JsonNode p : t.path("participants")) {
      String country = p.path("country").asString("");
      if ("recipient".equals(p.path("role").asString("")) && !country.isEmpty()) {
        found.add(country);
      }
    }
    return found;
  }

  private static Set<String> goalsOf(JsonNode t) {
    Set<String> goals = new TreeSet<>(Comparator.comparing((String g) -> g.length()).thenComparing(g -> g));
    for (JsonNode link : t.path("sdgs")) {
      String goal = link.path("goal").asString("");
      if (!goal.isEmpty()) {
        goals.add(goal);
      }
    }
    return goals;
  }

  /** A language map's English text, else its first; {@code fallback} when there is none. */
  private static String text(JsonNode map, String fallback) {
    if (map.isString()) {
      return map.asString();
    }
    if (map.has("en") && map.get("en").isString()) {
      return map.get("en").asString();
    }
    for (JsonNode value : map.values()) {
      if (value.isString()) {
        return value.asString();
      }
    }
    return fallback;
  }

  private String names(Set<String> codes) {
    List<String> names = new ArrayList<>();
    for (String code : codes) {
      names.add(countryName(code));
    }
    return String.join(", ", names);
  }

  private String countryName(String code) {
    return countries.find(code).map(i -> i.name("en")).orElse(code);
  }

  private static String statusName(String code) {
    if (code.isEmpty()) {
      return "";
    }
    return Codelists.standard().find("ActivityStatus").flatMap(l -> l.find(code)).map(i -> i.name("en") + " (" + code + ")").orElse(code);
  }

  private static String span(String start, String end) {
    if (start.isEmpty() && end.isEmpty()) {
      return "";
    }
    return (start.isEmpty() ? "?" : start) + " to " + (end.isEmpty() ? "…" : end);
  }

  private static String colour(String modality) {
    return MODALITY_COLOURS.getOrDefault(modality, OTHER_COLOUR);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
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

  private static Map<String, String[]> goals() {
    Map<String, String[]> goals = new LinkedHashMap<>();
    try (InputStream in = StandardFiles.open("codelists/UNSDG-Goals.json")) {
      JsonNode list = JsonMapper.builder().build().readTree(in);
      for (JsonNode item : list.path("items")) {
        goals.put(item.path("code").asString(),
            new String[] {item.path("shortNames").path("en").asString(item.path("code").asString()), item.path("colour").asString(OTHER_COLOUR)});
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled SDG goals codelist", e);
    }
    return goals;
  }

  /** The SDG goals as the report shows them: code to {short English name, colour}. */
  public static Map<String, String[]> sdgGoals() {
    Map<String, String[]> copy = new LinkedHashMap<>();
    GOALS.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  private static final String CSS = """
      :root{--ink:#1d2430;--muted:#5b6472;--line:#e3e6eb;--bg:#f6f7f9;--card:#fff;--accent:#2f6db5;--bad:#b42318;--good:#1e7b4a;--warn:#9a6700}
      *{box-sizing:border-box}
      body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
      .wrap{max-width:1180px;margin:0 auto;padding:0 24px}
      .skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px}
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
      svg.chart{width:100%;max-width:760px;height:auto;display:block}
      svg .lbl{font-size:15px;fill:var(--ink)}svg .val{font-size:15px;font-weight:700;fill:var(--ink)}
      svg .axis{font-size:12px;fill:var(--muted)}svg .grid{stroke:var(--line);stroke-width:1}
      details{margin-top:8px}summary{cursor:pointer;color:var(--accent);font-size:13.5px}
      table{border-collapse:collapse;font-size:13.5px;margin-top:8px}
      th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
      thead th{font-weight:600;color:var(--muted);border-bottom:2px solid var(--line)}
      .num{text-align:right;font-variant-numeric:tabular-nums}
      .scroll{overflow-x:auto}
      caption{text-align:left;color:var(--muted);font-size:13px;padding-bottom:4px}
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
      .card.invalid{border-left:5px solid var(--bad)}
      .card h3{margin:6px 0 2px;font-size:16px;line-height:1.3}
      .rid{margin:0 0 8px}
      .badges{margin:0}.badge{display:inline-block;color:#fff;border-radius:4px;padding:0 8px;font-size:12px;font-weight:600}
      .badge.bad{background:var(--bad)}
      dl{margin:0;display:grid;grid-template-columns:1fr;gap:2px}dl div{display:flex;gap:8px}
      dt{color:var(--muted);min-width:92px;font-size:13px}dd{margin:0;font-size:13.5px}
      .chips{list-style:none;display:flex;flex-wrap:wrap;gap:4px;padding:0;margin:10px 0 0}
      .figures{margin:0 0 12px}.links{list-style:none;padding:0;margin:0}table.maturity{max-width:360px}
      .chip{color:#fff;border-radius:4px;padding:1px 7px;font-size:12px;font-weight:600;background:#8a8f98}
      .card-issues{margin:10px 0 0;padding-left:18px;font-size:13px}.card-issues li.error{color:var(--bad)}.card-issues li.warning{color:var(--warn)}
      .src{color:var(--muted);font-size:12px;margin:10px 0 0}
      footer{color:var(--muted);font-size:12.5px;padding-bottom:32px}
      .pair{display:grid;grid-template-columns:1fr 1.3fr;gap:16px;margin:16px 0}.pair>section{margin:0}
      @media (max-width:900px){.pair{grid-template-columns:1fr}}
      @media (max-width:800px){.kpis{grid-template-columns:repeat(2,1fr)}}
      @media print{nav,.skip{display:none}section{break-inside:avoid}details{display:block}}
      """;
}
