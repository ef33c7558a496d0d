package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Validator;

/**
 * Real files damaged one value at a time (an attribute blanked, set to garbage, or an element's
 * text emptied): the importer still answers with initiatives and notes, never another exception,
 * and whatever it can export validates against the XSD.
 */
class IatiMutationPropertiesTest {
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\s[a-zA-Z:-]+=\")([^\"]*)(\")");
  private static final Pattern TEXT = Pattern.compile("(>)([^<>]+)(</)");
  private static final List<String> GARBAGE = List.of("", "x", "-1", "99999999999999999999999", "2020-13-45", "1.2.3.4", "ñ", " ");

  private static String fixture(String name) throws java.io.IOException {
    try (InputStream in = IatiMutationPropertiesTest.class.getResourceAsStream("/iati/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void damagedValuesInTheOfficialExampleNeverCrashTheImporterOrTheExport() throws Exception {
    String original = fixture("activity-standard-example-annotated.xml");
    List<int[]> places = new ArrayList<>();
    Matcher activity = Pattern.compile("<iati-activity[\\s>]").matcher(original);
    assertThat(activity.find()).isTrue();
    int firstActivity = activity.start(); // the prolog and the root are not the mapping's
    for (Pattern pattern : List.of(ATTRIBUTE, TEXT)) {
      Matcher matcher = pattern.matcher(original);
      matcher.region(firstActivity, original.length());
      while (matcher.find()) {
        places.add(new int[] {matcher.start(2), matcher.end(2)});
      }
    }
    assertThat(places).hasSizeGreaterThan(200);
    qt().withExamples(150).forAll(integers().between(0, places.size() - 1), integers().between(0, GARBAGE.size() - 1))
        .checkAssert((place, garbage) -> {
          int[] at = places.get(place);
          String damaged = original.substring(0, at[0]) + GARBAGE.get(garbage).replace("&", "&amp;") + original.substring(at[1]);
          IatiImport imported = IatiXml.standard().read(new ByteArrayInputStream(damaged.getBytes(StandardCharsets.UTF_8)));
          assertThat(Completed.pkg(imported).initiatives()).hasSize(1);
          Validator.standard().validate(Completed.pkg(imported).initiatives().get(0));
          byte[] xml;
          try {
            xml = IatiXml.standard().write(Completed.pkg(imported));
          } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("cannot be written as IATI");
            return;
          }
          assertThat(IatiXml.standard().checkSchema(xml)).isEmpty();
        });
  }
}
