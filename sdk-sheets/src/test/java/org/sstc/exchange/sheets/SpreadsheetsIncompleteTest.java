package org.sstc.exchange.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.SstcJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A package that is not valid yet (an import still to complete: required members missing, codes
 * outside their lists) is flattened with its issues in {@code issues.csv}, and comes back from
 * the sheets exactly as it was.
 */
class SpreadsheetsIncompleteTest {
  @TempDir Path dir;
  private final AtomicInteger run = new AtomicInteger();

  /** The sample package with what an IATI import lacks taken out, and codes outside their lists. */
  private static ObjectNode incomplete() {
    ObjectNode pkg = (ObjectNode) SstcJson.standard().readTree(SpreadsheetsRoundTripTest.resource("fixture-package.json"));
    ObjectNode first = (ObjectNode) pkg.path("initiatives").get(0);
    first.remove("instrument");
    first.put("modality", "south-south");
    ((ObjectNode) first.path("participants").get(0)).remove("role");
    ((ObjectNode) first.path("participants").get(1)).put("role", "donor");
    if (first.path("sdgs").get(0) instanceof ObjectNode sdg) {
      sdg.remove("contribution");
    }
    if (first.path("budgets").get(0) instanceof ObjectNode budget) {
      ((ObjectNode) budget.path("value")).put("currency", "usd");
    }
    return pkg;
  }

  private static byte[] bytes(JsonNode tree) {
    return JsonStreams.mapper().writeValueAsBytes(tree);
  }

  @Test
  void anIncompletePackageIsFlattenedWithItsIssuesAndComesBackExactly() throws IOException {
    ObjectNode pkg = incomplete();
    Path sheets = dir.resolve("sheets");

    Flattened written = Spreadsheets.standard().flatten(bytes(pkg), sheets);

    assertThat(written.valid()).isFalse();
    assertThat(written.issuesFile()).contains(sheets.resolve("issues.csv"));
    List<String> lines = Files.readAllLines(sheets.resolve("issues.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).endsWith("File,Row,Column,Header,Severity,Code,Message,Pointer");
    // each issue names the sheet, the row and the column to fill in
    assertThat(written.issues()).anySatisfy(issue -> {
      assertThat(issue.file()).isEqualTo("initiatives.csv");
      assertThat(issue.row()).isEqualTo(2);
      assertThat(issue.issue().pointer()).isEqualTo("/initiatives/0/instrument");
    });
    assertThat(written.issues()).anySatisfy(issue -> {
      assertThat(issue.file()).isEqualTo("participants.csv");
      assertThat(issue.header()).isEqualTo("Role");
      assertThat(issue.issue().code()).isEqualTo("schema.enum");
    });
    assertThat(lines).anyMatch(line -> line.startsWith("initiatives.csv,2,") && line.contains("/initiatives/0/instrument"));

    Unflattened back = Spreadsheets.standard().unflatten(sheets);
    assertThat(back.valid()).isFalse();
    assertThat(back.readable()).isTrue();
    assertThat(back.pkg()).isEmpty();
    assertThat(SstcJson.standard().readTree(back.packageJson().orElseThrow())).isEqualTo(pkg);
    // the same issues, found afresh from the sheets (issues.csv is not read)
    assertThat(back.issues()).isEqualTo(written.issues());
  }

  @Test
  void onceCompleteInTheSheetsThePackageIsValidAndIssuesCsvGoes() throws IOException {
    byte[] valid = SpreadsheetsRoundTripTest.resource("fixture-package.json");
    Path sheets = dir.resolve("sheets");
    Spreadsheets.standard().flatten(bytes(incomplete()), sheets);
    assertThat(sheets.resolve("issues.csv")).exists();

    Flattened again = Spreadsheets.standard().flatten(valid, sheets);

    assertThat(again.valid()).isTrue();
    assertThat(again.issuesFile()).isEmpty();
    assertThat(sheets.resolve("issues.csv")).doesNotExist();
    assertThat(Spreadsheets.standard().unflatten(sheets).pkg()).isPresent();
  }

  @Test
  void aValueNoCellCanHoldIsAnIssueNotALoss() {
    ObjectNode pkg = incomplete();
    ((ObjectNode) pkg.path("initiatives").get(0)).put("title", "a text, not a language map");
    Flattened written = Spreadsheets.standard().flatten(bytes(pkg), dir.resolve("sheets"));
    assertThat(written.issues()).anySatisfy(issue -> {
      assertThat(issue.issue().code()).isEqualTo("csv.not-kept");
      assertThat(issue.issue().pointer()).isEqualTo("/initiatives/0/title");
    });
  }

  @Test
  void somethingThatIsNoPackageIsRefused() {
    assertThatThrownBy(() -> Spreadsheets.standard().flatten("{\"recordType\": \"initiative\"}".getBytes(StandardCharsets.UTF_8), dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a package");
    assertThatThrownBy(() -> Spreadsheets.standard().flatten("{\"recordType\": ".getBytes(StandardCharsets.UTF_8), dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
  }

  /**
   * Generated packages, each damaged as an import leaves them (required members taken out,
   * codes replaced by ones outside their lists), come back from the sheets exactly.
   */
  @Test
  void damagedGeneratedPackagesComeBackExactly() {
    qt().withExamples(Integer.getInteger("sstc.examples", 30))
        .forAll(SpreadsheetsPropertiesTest.packages(), integers().between(0, Integer.MAX_VALUE - 1))
        .checkAssert((generated, seed) -> {
          Random random = new Random(seed);
          ObjectNode pkg = (ObjectNode) JsonStreams.mapper().valueToTree(generated);
          damage(pkg, random);
          Path sheets = dir.resolve("generated-" + run.incrementAndGet());
          Flattened written = Spreadsheets.standard().flatten(bytes(pkg), sheets);
          assertThat(written.issues()).noneMatch(issue -> issue.issue().code().equals("csv.not-kept"));
          Unflattened back = Spreadsheets.standard().unflatten(sheets);
          assertThat(back.readable()).as(back.issues().toString()).isTrue();
          // compared as read from JSON text (a generated 60 is a decimal node, read back an integer one)
          assertThat(SstcJson.standard().readTree(back.packageJson().orElseThrow())).as(pkg.toString())
              .isEqualTo(SstcJson.standard().readTree(bytes(pkg)));
        });
  }

  /** Members an IATI import may lack, and members whose codes a closed list must hold. */
  private static final List<String> REQUIRED = List.of("instrument", "modality", "status", "lastUpdated");
  private static final List<String> PARTICIPANT_REQUIRED = List.of("role", "orgType", "name");
  private static final List<String> CODES = List.of("modality", "instrument", "status");

  private static void damage(ObjectNode pkg, Random random) {
    for (JsonNode node : pkg.path("initiatives")) {
      ObjectNode initiative = (ObjectNode) node;
      initiative.remove(REQUIRED.get(random.nextInt(REQUIRED.size())));
      String code = CODES.get(random.nextInt(CODES.size()));
      if (initiative.has(code)) {
        initiative.put(code, "not-in-the-list-" + random.nextInt(100));
      }
      if (initiative.get("participants") instanceof ArrayNode participants && !participants.isEmpty()) {
        ObjectNode participant = (ObjectNode) participants.get(random.nextInt(participants.size()));
        participant.remove(PARTICIPANT_REQUIRED.get(random.nextInt(PARTICIPANT_REQUIRED.size())));
        if (random.nextBoolean() && participant.has("role")) {
          participant.put("role", "donor");
        }
      }
      List<JsonNode> sdgs = new ArrayList<>();
      initiative.path("sdgs").forEach(sdgs::add);
      if (!sdgs.isEmpty()) {
        ((ObjectNode) sdgs.get(random.nextInt(sdgs.size()))).remove("contribution");
      }
    }
  }
}
