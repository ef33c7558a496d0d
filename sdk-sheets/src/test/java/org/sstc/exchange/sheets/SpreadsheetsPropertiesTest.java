package org.sstc.exchange.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.sstc.exchange.testing.Generators;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.OrgRef;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.OtherIdentifier;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.Solution;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.Validator;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Generated packages survive flatten → unflatten unchanged, whatever their text holds: commas,
 * quotes, line breaks, non-Latin scripts, a leading {@code =} and the other formula starts.
 */
class SpreadsheetsPropertiesTest {
  private static final SstcJson JSON = SstcJson.standard();

  /** Text that breaks naive CSV writers and readers, or that a spreadsheet would run. */
  private static final List<String> HOSTILE = List.of(
      "a, b, and c", "say \"hello\"", "\"quoted\"", "two\nlines", "two\r\nlines", "carriage\rreturn",
      "=1+1", "=HYPERLINK(\"http://x.example\")", "+33 1 23", "-5 tonnes", "@SUM(A1:A9)", "'=kept",
      "''+also kept", "'plain apostrophe", " padded ", "\tleading tab", "trailing comma,", ";semi;colons;",
      "中文，逗号", "مرحبا بالعالم", "Ελληνικά", "हिन्दी", "emoji 🌍🌾", "back\\slash", "#hash first", "null");

  @TempDir Path dir;
  private final AtomicInteger run = new AtomicInteger();

  @Test
  void generatedPackagesComeBackEqualAndByteIdentical() {
    qt().withExamples(Integer.getInteger("sstc.examples", 40))
        .forAll(packages())
        .checkAssert(pkg -> assertComesBack(pkg, "run"));
  }

  @Test
  void generated11PackagesWithSolutionsComeBackEqualAndByteIdentical() {
    qt().withExamples(Integer.getInteger("sstc.examples", 40))
        .forAll(packages11())
        .checkAssert(pkg -> assertComesBack(pkg, "run11"));
  }

  private void assertComesBack(RecordPackage pkg, String prefix) {
    Path sheets = dir.resolve(prefix + "-" + run.incrementAndGet());
    Spreadsheets.standard().flatten(pkg, sheets);
    Unflattened back = Spreadsheets.standard().unflatten(sheets);
    assertThat(back.report().errors()).as(JSON.writeString(pkg)).isEmpty();
    RecordPackage again = back.pkg().orElseThrow();
    assertThat(again).isEqualTo(pkg);
    assertThat(JSON.writeString(again)).isEqualTo(JSON.writeString(pkg));
  }

  @Test
  void anyTextSurvivesAsATitle() {
    Initiative base = Generators.initiative(new Random(7));
    qt().withExamples(Integer.getInteger("sstc.examples", 40))
        .forAll(texts())
        .checkAssert(text -> {
          RecordPackage pkg = packageOf(List.of(base.toBuilder().title(LanguageMap.of("en", text)).build()), List.of());
          Path sheets = dir.resolve("text-" + run.incrementAndGet());
          Spreadsheets.standard().flatten(pkg, sheets);
          assertThat(Spreadsheets.standard().unflatten(sheets).pkg()).contains(pkg);
        });
  }

  /**
   * Whatever happens to a file (bytes replaced, quotes, commas and line breaks inserted, the end cut
   * off), unflattening answers with issues or a valid package: never an exception.
   */
  @Test
  void damagedFilesGiveIssuesNeverAnException() throws java.io.IOException {
    RecordPackage sample = SstcJson.standard().read(SpreadsheetsRoundTripTest.resource("fixture-package.json"), RecordPackage.class);
    Path clean = dir.resolve("clean");
    Spreadsheets.standard().flatten(sample, clean);
    List<String> names = new ArrayList<>();
    try (var files = java.nio.file.Files.list(clean)) {
      files.forEach(file -> names.add(file.getFileName().toString()));
    }
    names.sort(null);
    qt().withExamples(Integer.getInteger("sstc.examples", 60))
        .forAll(integers().between(0, Integer.MAX_VALUE - 1))
        .checkAssert(seed -> {
          Random random = new Random(seed);
          Path sheets = dir.resolve("damaged-" + run.incrementAndGet());
          try {
            java.nio.file.Files.createDirectories(sheets);
            for (String name : names) {
              java.nio.file.Files.copy(clean.resolve(name), sheets.resolve(name));
            }
            Path victim = sheets.resolve(pick(random, names));
            java.nio.file.Files.write(victim, damage(java.nio.file.Files.readAllBytes(victim), random));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          Unflattened result = Spreadsheets.standard().unflatten(sheets);
          if (result.pkg().isPresent()) {
            assertThat(Validator.standard().validate(result.pkg().get()).valid()).isTrue();
          } else {
            assertThat(result.report().errors()).isNotEmpty();
            assertThat(result.issues()).allSatisfy(issue -> assertThat(issue.issue().message()).isNotBlank());
          }
        });
  }

  private static byte[] damage(byte[] bytes, Random random) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[][] inserts = {{'"'}, {','}, {'\n'}, {'\r'}, {(byte) 0xFF}, {(byte) 0xC3}, {'='}, {';'}, {'x'}, {}};
    int cut = random.nextInt(8) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
    for (int i = 0; i < cut; i++) {
      if (random.nextInt(Math.max(1, bytes.length / 3)) == 0) {
        byte[] insert = inserts[random.nextInt(inserts.length)];
        out.write(insert, 0, insert.length);
        if (random.nextBoolean()) {
          continue; // replaced rather than inserted before
        }
      }
      out.write(bytes[i]);
    }
    return out.toByteArray();
  }

  /** Non-blank text (the standard's plain text) made of hostile pieces and random code points. */
  static Gen<String> texts() {
    return integers().between(0, Integer.MAX_VALUE - 1).map(seed -> {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(3);
      for (int i = 0; i < pieces; i++) {
        if (random.nextInt(3) == 0) {
          int codePoint;
          do {
            codePoint = random.nextInt(0x2FFFF);
          } while (Character.getType(codePoint) == Character.SURROGATE || !Character.isDefined(codePoint)
              || Character.getType(codePoint) == Character.PRIVATE_USE);
          text.appendCodePoint(codePoint);
        } else {
          text.append(HOSTILE.get(random.nextInt(HOSTILE.size())));
        }
      }
      return text.toString().isBlank() ? "x" + text : text.toString();
    });
  }

  static Gen<RecordPackage> packages() {
    return integers().between(0, Integer.MAX_VALUE - 1).map(seed -> {
      Random random = new Random(seed);
      List<Initiative> initiatives = new ArrayList<>();
      int count = random.nextInt(4);
      for (int i = 0; i < count; i++) {
        initiatives.add(hostile(Generators.initiative(random), random));
      }
      List<Organisation> organisations = new ArrayList<>();
      int orgs = random.nextInt(3);
      for (int i = 0; i < orgs; i++) {
        organisations.add(organisation(random, i));
      }
      return packageOf(initiatives, organisations);
    });
  }

  /** Packages of 1.1 initiatives (locations, policy markers …) and solutions, with hostile text. */
  static Gen<RecordPackage> packages11() {
    return integers().between(0, Integer.MAX_VALUE - 1).map(seed -> {
      Random random = new Random(seed);
      List<Initiative> initiatives = new ArrayList<>();
      int count = random.nextInt(3);
      for (int i = 0; i < count; i++) {
        initiatives.add(hostile(Generators.initiative11(random), random));
      }
      List<Solution> solutions = new ArrayList<>();
      int many = 1 + random.nextInt(3);
      for (int i = 0; i < many; i++) {
        Solution solution = Generators.solution(random);
        solutions.add(solution.toBuilder()
            .id(solution.id() + "-" + i)
            .problem(solution.problem().with(pick(random, List.of("en", "fr", "ar")), text(random)))
            .build());
      }
      return packageOf(initiatives, List.of()).toBuilder().solutions(solutions).build();
    });
  }

  private static RecordPackage packageOf(List<Initiative> initiatives, List<Organisation> organisations) {
    return RecordPackage.builder()
        .publisher(OrgRef.of("XM-DAC-41114", "UNOSSC, \"hosted\" by UNDP"))
        .publishedAt(OffsetDateTime.of(2024, 6, 28, 9, 0, 0, 0, ZoneOffset.UTC))
        .license("https://creativecommons.org/licenses/by/4.0/")
        .initiatives(initiatives)
        .organisations(organisations)
        .build();
  }

  /** The initiative with hostile text in its free-text fields. */
  private static Initiative hostile(Initiative initiative, Random random) {
    Initiative.Builder builder = initiative.toBuilder()
        .reportingOrg(OrgRef.of(initiative.reportingOrg().id(), text(random)))
        .title(initiative.title().with(pick(random, List.of("en", "fr", "ar", "zh")), text(random)));
    List<Participation> participants = new ArrayList<>();
    for (Participation participation : initiative.participants()) {
      participants.add(participation.toBuilder().name(text(random)).build());
    }
    builder.participants(participants);
    if (random.nextBoolean()) {
      builder.description(LanguageMap.of("ru", text(random)).with("es", text(random)));
    }
    return builder.build();
  }

  private static Organisation organisation(Random random, int index) {
    Organisation.Builder builder = Organisation.builder()
        .id("XM-DAC-4" + (1100 + index))
        .name(LanguageMap.of("en", text(random)).with("fr", text(random)))
        .orgType("40")
        .lastUpdated(OffsetDateTime.of(2024, 1, 1 + index, 0, 0, 0, 0, ZoneOffset.UTC));
    if (random.nextBoolean()) {
      builder.acronym("=" + text(random).strip()).country("KE").website("https://example.org/" + index)
          .addOtherIdentifier(OtherIdentifier.of("iati", "XM-DAC-4" + (1100 + index)))
          .extensions(java.util.Map.of("sstc:note", JsonNodeFactory.instance.stringNode(text(random))));
    }
    return builder.build();
  }

  private static String text(Random random) {
    String text = HOSTILE.get(random.nextInt(HOSTILE.size())) + (random.nextBoolean() ? HOSTILE.get(random.nextInt(HOSTILE.size())) : "");
    return text.isBlank() ? "x" + text : text;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
