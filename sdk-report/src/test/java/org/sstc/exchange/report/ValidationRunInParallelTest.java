package org.sstc.exchange.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;

/**
 * A folder's small files are checked on every core, yet the run tells and reports them exactly as
 * one file after another: in sorted order, each file's issues those it gets alone, a large file
 * (streamed on the run's thread) in its place among them, and the --max-issues cut the same.
 */
class ValidationRunInParallelTest {
  @TempDir Path folder;

  @Test
  void filesAreToldInSortedOrderEachWithTheIssuesItGetsAlone() throws IOException {
    List<Path> files = writeFolder(300);
    List<String> expected = new ArrayList<>();
    for (Path file : files) {
      expected.add("start " + file);
      Validator.standard().validate(file).issues().forEach(issue -> expected.add(file + ":" + issue + issue.line()));
      expected.add("end " + file);
    }
    Recording told = new Recording();
    ValidationRun.Result result = ValidationRun.builder().listener(told).build().run(List.of(folder.toString()));
    assertEquals(expected, told.events);
    assertEquals(files.size(), result.files());
  }

  @Test
  void theIssueLimitCutsEachFileAsItDoesOneFileAtATime() throws IOException {
    List<Path> files = writeFolder(120);
    List<String> expected = new ArrayList<>();
    long errors = 0;
    for (Path file : files) {
      expected.add("start " + file);
      ValidationReport report = Validator.standard().validate(file);
      report.issues().stream().limit(2).forEach(issue -> expected.add(file + ":" + issue + issue.line()));
      long more = Math.max(0, report.issues().size() - 2);
      if (more > 0) {
        long moreErrors = report.issues().stream().skip(2).filter(Issue::isError).count();
        expected.add("omitted " + file + " " + moreErrors + " " + (more - moreErrors));
      }
      errors += report.errors().size();
      expected.add("end " + file);
    }
    Recording told = new Recording();
    StringWriter json = new StringWriter();
    ValidationRun.Result result = ValidationRun.builder().maxIssues(2).listener(told)
        .report(ReportFormat.JSON, json).build().run(List.of(folder.toString()));
    assertEquals(expected, told.events);
    assertEquals(errors, result.errors());
    // The JSON report has every file once, in the same run.
    assertEquals(countFiles(json.toString()), files.size());
  }

  private static int countFiles(String jsonReport) {
    int count = 0;
    for (int at = jsonReport.indexOf("\"file\""); at >= 0; at = jsonReport.indexOf("\"file\"", at + 1)) {
      count++;
    }
    return count;
  }

  /** Valid and broken records, packages and NDJSON, and one NDJSON file over a MiB in the middle. */
  private List<Path> writeFolder(int count) throws IOException {
    String valid;
    try (InputStream in = getClass().getResourceAsStream("initiative.json")) {
      valid = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String oneLine = valid.replace("\n", " ");
    Random random = new Random(14);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("f%04d", i);
      Path file;
      String content;
      switch (random.nextInt(7)) {
        case 0 -> { file = folder.resolve(name + ".json"); content = valid; }
        case 1 -> { file = folder.resolve(name + ".json"); content = valid.replace("\"BR\"", "\"QQ\""); }
        case 2 -> { file = folder.resolve(name + ".json"); content = "{\"recordType\": \"initiative\", \"schemaVersion\": \"1.0\"}"; }
        case 3 -> { file = folder.resolve(name + ".json"); content = valid.substring(0, random.nextInt(valid.length())); }
        case 4 -> { file = folder.resolve(name + ".json"); content = "[]"; }
        case 5 -> { file = folder.resolve(name + ".ndjson"); content = oneLine + "\n\n{\"recordType\": 7}\n" + oneLine + "\n"; }
        default -> { file = folder.resolve(name + ".jsonl"); content = "{\"recordType\": \"organisation\"}\n"; }
      }
      if (i == count / 2) {
        // Over the size that is checked ahead: streamed on the run's thread, in its turn.
        file = folder.resolve(name + ".ndjson");
        content = (oneLine.replace("\"JP\"", "\"QQ\"") + "\n").repeat((2 << 20) / oneLine.length());
      }
      Files.writeString(file, content);
      files.add(file);
    }
    return files;
  }

  private static final class Recording implements ValidationRun.Listener {
    final List<String> events = new ArrayList<>();

    @Override
    public void startFile(String file) {
      events.add("start " + file);
    }

    @Override
    public void issue(String file, Issue issue) {
      events.add(file + ":" + issue + issue.line());
    }

    @Override
    public void omitted(String file, long errors, long warnings) {
      events.add("omitted " + file + " " + errors + " " + warnings);
    }

    @Override
    public void endFile(String file) {
      events.add("end " + file);
    }
  }
}
