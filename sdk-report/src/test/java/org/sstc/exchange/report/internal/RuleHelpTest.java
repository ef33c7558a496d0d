package org.sstc.exchange.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every code that {@code RULES.md} documents gets its own help in the SARIF rules, read from the
 * copy the build puts into the jar: a missing copy, or a table the reader no longer understands,
 * would silently fall back to the generic help.
 */
class RuleHelpTest {
  private static final Pattern CODE = Pattern.compile("^\\| `([a-z]+\\.[a-z0-9-]+)` \\|");

  @Test
  void everyDocumentedCodeHasItsOwnHelp() throws IOException {
    List<String> codes = Files.readAllLines(Path.of("../sdk-core/RULES.md"), StandardCharsets.UTF_8).stream()
        .map(CODE::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();

    assertThat(codes).hasSizeGreaterThan(15).contains("rule.sdg-target-goal");
    for (String code : codes) {
      RuleHelp.Help help = RuleHelp.of(code);
      assertThat(help.meaning()).as(code).doesNotStartWith("An issue of the SSTC Exchange validator").isNotBlank();
      assertThat(help.fix()).as(code).doesNotContain("`").isNotBlank();
    }
    assertThat(RuleHelp.of("rule.sdg-target-goal").fix())
        .contains("Change the goal to the target's goal, or pick a target of that goal.");
  }

  @Test
  void codesOutsideTheTablesGetTheirFamilysHelp() {
    assertThat(RuleHelp.of("schema.required").meaning()).contains("'required'");
    assertThat(RuleHelp.of("json.encoding").fix()).isEqualTo("Save the file as UTF-8.");
    assertThat(RuleHelp.of("made.up").fix()).contains("sdk-core/RULES.md");
  }
}
