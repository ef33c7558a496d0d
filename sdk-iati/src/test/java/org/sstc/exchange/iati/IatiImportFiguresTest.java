package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.Validator;

/**
 * The figures of issue 13 over every IATI file in the test resources: activities in, initiatives
 * valid as imported (no completion profile), and, for the files whose every activity IATI can take
 * back, initiatives that differ after IATI → SSTC → IATI → SSTC. Printed one line a file and a
 * total; the round trip must be exact and every export XSD-valid.
 */
class IatiImportFiguresTest {
  /** The members IATI has no element for: instrument, modality, an SSTC role, an SDG contribution level. */
  private static final java.util.regex.Pattern IATI_LACKS =
      java.util.regex.Pattern.compile("/instrument|/modality|/participants/\\d+/role|/sdgs/\\d+/contribution");

  private static String name(Path root, Path file) {
    return file.startsWith(root) ? root.relativize(file).toString() : file.getFileName().toString();
  }

  /** The five most frequent issues, most frequent first. */
  private static String top(java.util.Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(5).map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  @Test
  void everyFileImportsAndTheFiguresArePrinted() throws IOException, URISyntaxException {
    Path root = Path.of(IatiImportFiguresTest.class.getResource("/iati").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = new ArrayList<>(walk.filter(f -> f.toString().endsWith(".xml")).sorted().toList());
    }
    // -Diati.figures.extra=DIR measures publisher files kept outside the repository as well
    // (files whose licence does not let this repository hold them)
    String extra = System.getProperty("iati.figures.extra");
    if (extra != null) {
      try (Stream<Path> walk = Files.walk(Path.of(extra))) {
        walk.filter(f -> f.toString().endsWith(".xml")).sorted().forEach(files::add);
      }
    }
    int activities = 0;
    int valid = 0;
    int complete = 0;
    int butForIati = 0;
    int roundTripped = 0;
    int withProfile = 0;
    // the files not written for these tests (publishers', IATI's examples and schema tests): the
    // issue's "typical publisher files" are among these, not among the crafted regressions
    int notCraftedActivities = 0;
    int notCraftedWithProfile = 0;
    java.util.Map<String, Integer> leftOver = new java.util.TreeMap<>();
    List<String> differences = new ArrayList<>();
    System.out.println("file | activities | valid as imported | valid with the default profile | valid but for what IATI lacks | complete | round-tripped | differing | errors left with the profile (records)");
    for (Path file : files) {
      IatiImport imported;
      try (InputStream in = Files.newInputStream(file)) {
        imported = IatiXml.standard().read(in);
      }
      int fileValid = 0;
      int fileComplete = 0;
      int fileButForIati = 0;
      int fileWithProfile = 0;
      java.util.Map<String, Integer> left = new java.util.TreeMap<>();
      for (ImportedRecord<Initiative> record : imported.initiatives()) {
        org.sstc.exchange.core.ValidationReport report = Validator.standard().validate(record.json());
        if (report.valid()) {
          fileValid++;
        }
        org.sstc.exchange.core.ValidationReport completed =
            Validator.standard().validate(CompletionProfile.defaultProfile().complete(record).record().json());
        if (completed.valid()) {
          fileWithProfile++;
        }
        // what keeps a record invalid after the default profile: code and pointer (indices as *)
        completed.issues().stream().filter(org.sstc.exchange.core.Issue::isError)
            .map(i -> i.code() + " " + i.pointer().replaceAll("/\\d+", "/*")).distinct()
            .forEach(key -> left.merge(key, 1, Integer::sum));
        // Valid but for what IATI has no element for (what a completion profile supplies).
        if (report.issues().stream().filter(org.sstc.exchange.core.Issue::isError)
            .allMatch(i -> i.code().equals("schema.required") && IATI_LACKS.matcher(i.pointer()).matches())) {
          fileButForIati++;
        }
        if (record.complete()) {
          fileComplete++;
        }
      }
      int fileRoundTripped = 0;
      int fileDiffering = 0;
      List<Initiative> initiatives = Completed.initiatives(imported);
      byte[] exported = null;
      try {
        exported = IatiXml.standard().write(Completed.pkg(imported));
      } catch (RuntimeException refused) {
        // An activity lacks what IATI requires at its level (IatiPublisherFilesTest names the gap).
      }
      if (exported != null) {
        assertThat(IatiXml.standard().checkSchema(exported)).as(file.toString()).isEmpty();
        List<Initiative> back = Completed.initiatives(IatiXml.standard().read(new ByteArrayInputStream(exported)));
        for (int i = 0; i < initiatives.size(); i++) {
          fileRoundTripped++;
          if (i >= back.size() || !SstcJson.standard().writeString(initiatives.get(i))
              .equals(SstcJson.standard().writeString(back.get(i)))) {
            fileDiffering++;
            differences.add(name(root, file) + " #" + i);
          }
        }
      }
      activities += imported.initiatives().size();
      if (!file.getFileName().toString().startsWith("crafted-")) {
        notCraftedActivities += imported.initiatives().size();
        notCraftedWithProfile += fileWithProfile;
      }
      valid += fileValid;
      withProfile += fileWithProfile;
      left.forEach((key, count) -> leftOver.merge(key, count, Integer::sum));
      complete += fileComplete;
      butForIati += fileButForIati;
      roundTripped += fileRoundTripped;
      System.out.printf("%s | %d | %d | %d | %d | %d | %d | %d | %s%n", name(root, file), imported.initiatives().size(),
          fileValid, fileWithProfile, fileButForIati, fileComplete, fileRoundTripped, fileDiffering, top(left));
    }
    System.out.printf("total: %d files, %d activities, %d valid as imported, %d valid with the default profile,"
            + " %d valid but for what IATI lacks, %d complete, %d round-tripped, %d differing; left: %s%n",
        files.size(), activities, valid, withProfile, butForIati, complete, roundTripped, differences.size(), top(leftOver));
    System.out.printf("not crafted for these tests: %d activities, %d valid with the default profile%n",
        notCraftedActivities, notCraftedWithProfile);
    assertThat(activities).isPositive();
    assertThat(differences).as("initiatives that differ after IATI → SSTC → IATI → SSTC").isEmpty();
  }
}
