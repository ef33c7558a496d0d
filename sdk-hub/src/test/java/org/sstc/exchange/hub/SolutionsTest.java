package org.sstc.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /solutions} (standard 1.1): the record operations, search, and matching to initiatives. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SolutionsTest {
  @org.junit.jupiter.params.Parameter
  StoreKind store;

  private static SstcHub hub;
  private static Wire wire;

  @BeforeParameterizedClassInvocation
  static void start(StoreKind kind) {
    hub = Wire.startHub(kind);
    wire = new Wire(hub);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    Wire.stop(hub);
  }

  /** A valid minimal solution reported by FAO: no SDGs, sectors, countries or providers. */
  private static ObjectNode solution(String id) {
    return Wire.fixture("solution-minimal.json").put("id", id);
  }

  private static ObjectNode sdg(ObjectNode solution, String goal, String target) {
    ((ArrayNode) solution.withArray("sdgs")).addObject().put("goal", goal).put("target", target)
        .put("contribution", "principal");
    return solution;
  }

  private static ObjectNode sector(ObjectNode solution, String code) {
    ((ArrayNode) solution.withArray("sectors")).addObject().put("code", code).put("percentage", 100);
    return solution;
  }

  private static ObjectNode country(ObjectNode solution, String code) {
    ((ArrayNode) solution.withArray("countries")).addObject().put("code", code);
    return solution;
  }

  private static void create(ObjectNode record) {
    HttpResponse<String> created = wire.write("POST", "/solutions", record);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @Test
  void aSolutionIsCreatedReadReplacedDeletedAndItsIdStaysTaken() {
    String id = "XM-DAC-41301-S-crud";
    HttpResponse<String> created = wire.write("POST", "/solutions", solution(id));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/solutions/" + id);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");

    ObjectNode changed = solution(id);
    ((ObjectNode) changed.path("title")).put("en", "Seed banks, second edition");
    HttpResponse<String> replaced = wire.write("PUT", "/solutions/" + id, changed, "If-Match", "\"1\"");
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(Wire.tree(wire.get("/solutions/" + id)).path("title").path("en").asString())
        .isEqualTo("Seed banks, second edition");

    assertThat(wire.write("DELETE", "/solutions/" + id, null, "If-Match", "\"2\"").statusCode()).isEqualTo(204);
    assertThat(wire.get("/solutions/" + id).statusCode()).isEqualTo(404);
    JsonNode history = Wire.tree(wire.get("/solutions/" + id + "/history"));
    assertThat(Wire.values(history.path("versions"), "event")).containsExactly("created", "updated", "deleted");
    assertThat(wire.write("POST", "/solutions", solution(id)).statusCode()).isEqualTo(409);
  }

  @Test
  void onlyTheReportingOrganisationWritesASolution() {
    HttpResponse<String> refused = wire.writeWith(Wire.UNDP_TOKEN, "POST", "/solutions", solution("XM-DAC-41301-S-theirs"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(Wire.tree(refused).path("detail").asString()).contains("solution's reportingOrg.id is XM-DAC-41301");
  }

  @Test
  void anInitiativeSentToSolutionsIsRefusedWithThePathToUse() {
    HttpResponse<String> refused = wire.write("POST", "/solutions", Wire.initiative("XM-DAC-41301-S-wrong"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("/solutions takes solution records");
  }

  @Test
  void searchFiltersBySdgSectorCountryProviderAndMaturity() {
    ObjectNode a = country(sector(sdg(solution("XM-DAC-41301-S-find-a"), "6", "6.1"), "14030"), "PE");
    a.put("maturity", "scaled-up");
    ((ArrayNode) a.withArray("providers")).addObject().put("id", "pr-1").put("orgId", "XM-DAC-41140")
        .put("name", "WFP Centre of Excellence").put("orgType", "40").put("country", "BR");
    ObjectNode b = country(sector(sdg(solution("XM-DAC-41301-S-find-b"), "6", "6.2"), "14031"), "PE");
    b.put("maturity", "piloted");
    create(a);
    create(b);

    assertThat(ids("/solutions?sdgTarget=6.1&country=PE")).containsExactly("XM-DAC-41301-S-find-a");
    assertThat(ids("/solutions?sdgGoal=6&country=PE")).containsExactly("XM-DAC-41301-S-find-a", "XM-DAC-41301-S-find-b");
    assertThat(ids("/solutions?sector=14031")).containsExactly("XM-DAC-41301-S-find-b");
    assertThat(ids("/solutions?maturity=scaled-up&country=PE")).containsExactly("XM-DAC-41301-S-find-a");
    // A provider's organisation and its country find the solution too.
    assertThat(ids("/solutions?participant=XM-DAC-41140")).contains("XM-DAC-41301-S-find-a").doesNotContain("XM-DAC-41301-S-find-b");
    assertThat(ids("/solutions?country=BR&sdgGoal=6")).containsExactly("XM-DAC-41301-S-find-a");

    HttpResponse<String> bad = wire.get("/solutions?maturity=mature&modality=bilateral");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Wire.values(Wire.tree(bad).path("invalidParams"), "name")).containsExactlyInAnyOrder("maturity", "modality");
  }

  @Test
  void matchInitiativeRanksTheSolutionsThatShareTheMostAndSaysWhy() {
    // The initiative: SDG targets 2.3, 2.4, 17.9; sectors 31161, 31166; countries MZ, BR, JP.
    ObjectNode initiative = Wire.fixture("initiative-full.json");
    String initiativeId = "XM-DAC-41301-S-match-i";
    initiative.put("id", initiativeId);
    HttpResponse<String> stored = wire.write("POST", "/initiatives", initiative);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);

    create(country(sector(sdg(solution("XM-DAC-41301-S-match-target"), "2", "2.3"), "31161"), "MZ"));
    create(sdg(solution("XM-DAC-41301-S-match-goal"), "2", "2.1"));
    ObjectNode linked = solution("XM-DAC-41301-S-match-linked");
    linked.putArray("initiativeIds").add(initiativeId);
    create(linked);
    create(country(sdg(solution("XM-DAC-41301-S-match-none"), "6", "6.5"), "CL"));

    List<JsonNode> items = ours(wire.get("/solutions?matchInitiative=" + initiativeId + "&limit=500"));
    assertThat(items).extracting(item -> item.path("solution").path("id").asString())
        .containsExactly("XM-DAC-41301-S-match-target", "XM-DAC-41301-S-match-linked", "XM-DAC-41301-S-match-goal");
    JsonNode best = items.get(0);
    assertThat(best.path("score").asInt()).isEqualTo(3 + 2 + 1);
    assertThat(Wire.values(best.path("reasons"), "text"))
        .containsExactly("both work on SDG target 2.3", "both are in sector 31161", "both involve MZ");
    assertThat(Wire.values(items.get(1).path("reasons"), "kind")).containsExactly("initiative");
    assertThat(Wire.values(items.get(2).path("reasons"), "text")).containsExactly("both work on SDG 2");

    // A page at a time gives the same order, and the cursor carries on from where it stopped.
    List<String> paged = new ArrayList<>();
    String url = "/solutions?matchInitiative=" + initiativeId + "&limit=1";
    for (int pages = 0; url != null && pages < 100; pages++) {
      JsonNode page = Wire.tree(wire.get(url));
      page.path("items").forEach(item -> paged.add(item.path("solution").path("id").asString()));
      url = page.has("next") ? "/solutions?matchInitiative=" + initiativeId + "&limit=1&cursor=" + page.path("next").asString() : null;
    }
    assertThat(paged.stream().filter(id -> id.startsWith("XM-DAC-41301-S-match-")))
        .containsExactly("XM-DAC-41301-S-match-target", "XM-DAC-41301-S-match-linked", "XM-DAC-41301-S-match-goal");

    // Other filters narrow the candidates.
    assertThat(ours(wire.get("/solutions?matchInitiative=" + initiativeId + "&sector=31161")))
        .extracting(item -> item.path("solution").path("id").asString())
        .containsExactly("XM-DAC-41301-S-match-target");
  }

  @Test
  void matchInitiativeOfAnUnknownInitiativeIs404() {
    HttpResponse<String> missing = wire.get("/solutions?matchInitiative=XM-DAC-41301-S-nobody");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Wire.tree(missing).path("detail").asString()).contains("matchInitiative takes the id of a stored initiative");
    assertThat(wire.get("/solutions?matchInitiative=XM-DAC-41301-S-nobody&cursor=bm9wZQ").statusCode()).isEqualTo(400);
  }

  /** The match items of this test class's solutions (the hub is shared with the other tests). */
  private static List<JsonNode> ours(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    Wire.tree(response).path("items").forEach(item -> {
      if (item.path("solution").path("id").asString().startsWith("XM-DAC-41301-S-match-")) {
        items.add(item);
      }
    });
    return items;
  }

  private static List<String> ids(String path) {
    HttpResponse<String> response = wire.get(path + "&limit=500");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Wire.values(Wire.tree(response).path("items"), "id");
  }
}
