package org.sstc.exchange.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.report.ReportFormat;

/** The goal's run without Maven: what it prints, counts and refuses. The ITs (src/it) run it in Maven. */
class ValidationRunTest {
  @TempDir Path project;

  private final List<String> lines = new ArrayList<>();
  private final ValidationRun.Console console = new ValidationRun.Console() {
    @Override public void error(String line) { lines.add("E " + line); }
    @Override public void warning(String line) { lines.add("W " + line); }
    @Override public void info(String line) { lines.add("I " + line); }
  };

  @Test
  void printsEachIssueLikeTheCommandLineAndCountsFiles() throws Exception {
    Path data = Files.createDirectories(project.resolve("src/main/sstc/nested"));
    // NDJSON: line 1 is not JSON, line 2 is an empty object (schema errors).
    Files.writeString(data.resolve("records.ndjson"), "{oops\n{}\n", StandardCharsets.UTF_8);
    Files.writeString(data.resolve("notes.txt"), "not picked up by the directory walk");
    Path missing = project.resolve("missing.json");

    ValidationRun.Outcome outcome = new ValidationRun(project, project.resolve("target/sstc"), List.of(), console)
        .validate(List.of(missing), List.of(project.resolve("src/main/sstc"), project.resolve("absent")));

    assertThat(lines).contains("E missing.json:/: error io.unreadable: cannot read the file: no such file");
    assertThat(lines).anyMatch(l -> l.startsWith("E src/main/sstc/nested/records.ndjson:/0: error json.syntax: "));
    assertThat(lines).anyMatch(l -> l.startsWith("E src/main/sstc/nested/records.ndjson:/1") && l.contains("schema."));
    assertThat(lines).contains("I sstc: no directory absent, nothing to check there");
    assertThat(lines).noneMatch(l -> l.contains("notes.txt"));
    assertThat(outcome.files()).isEqualTo(2);
    assertThat(outcome.invalidFiles()).isEqualTo(2);
    assertThat(outcome.failsOn(FailOn.ERROR)).isTrue();
    assertThat(outcome.failsOn(FailOn.NEVER)).isFalse();
    assertThat(lines.get(lines.size() - 1)).startsWith("E sstc: 2 file(s) checked, 0 valid, 2 invalid; ");
  }

  @Test
  void writesTheJsonReportEvenWithNoFiles() throws Exception {
    Path reports = project.resolve("target/sstc");
    new ValidationRun(project, reports, List.of(ReportFormat.JSON), console).validate(List.of(), List.of(project.resolve("none")));
    assertThat(Files.readString(reports.resolve("sstc-report.json")).strip()).isEqualTo("[ ]");
  }

  @Test
  void aReportThatCannotBeWrittenIsAnErrorOfTheRunNotOfTheFile() throws Exception {
    Path data = Files.createDirectories(project.resolve("src/main/sstc"));
    Files.writeString(data.resolve("empty.json"), "{}");
    Path blocked = Files.writeString(project.resolve("target"), "a file where the report directory should be");

    assertThatThrownBy(() -> new ValidationRun(project, blocked.resolve("sstc"), List.of(ReportFormat.JSON), console)
            .validate(List.of(), List.of(data)))
        .isInstanceOf(ValidationRun.ReportException.class)
        .hasMessageStartingWith("cannot write the json report " + blocked.resolve("sstc").resolve("sstc-report.json"));
    assertThat(lines).noneMatch(l -> l.contains("internal.error"));
  }

  @Test
  void warningsFailOnlyWhenAsked() {
    ValidationRun.Outcome warningsOnly = new ValidationRun.Outcome(3, 0, 0, 2, List.of("a.json:/x: warning w: one"));
    assertThat(warningsOnly.failsOn(FailOn.ERROR)).isFalse();
    assertThat(warningsOnly.failsOn(FailOn.WARNING)).isTrue();
    assertThat(warningsOnly.failureMessage(FailOn.WARNING))
        .isEqualTo("2 warnings in 3 SSTC files, and failOn is warning:\n  a.json:/x: warning w: one\n"
            + "  ... and 1 more (in the log above, and in the reports of <formats>)");
  }

  @Test
  void refusesUnknownSettingsWithTheChoices() {
    assertThat(FailOn.parse("Warning")).isEqualTo(FailOn.WARNING);
    assertThat(FailOn.parse(null)).isEqualTo(FailOn.ERROR);
    assertThatThrownBy(() -> FailOn.parse("errors"))
        .hasMessage("failOn is 'errors'; use one of error (the default), warning, never");
    assertThatThrownBy(() -> ReportFormat.parse("xml"))
        .hasMessage("unknown report format 'xml'; use json, sarif, junit");
    assertThat(ReportFormat.parse(" SARIF ")).isEqualTo(ReportFormat.SARIF);
    assertThat(ReportFormat.parse("junit")).isEqualTo(ReportFormat.JUNIT);
  }
}
