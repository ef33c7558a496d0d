package org.sstc.exchange.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.networknt.schema.regex.RegularExpressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** TextPattern answers exactly as the JDK's find() does, on the bundled schemas' patterns and more. */
class TextPatternTest {
  private static final int EXAMPLES = Integer.getInteger("sstc.examples.text-pattern", 3000);

  /** Every pattern of the bundled 1.0 and 1.1 schemas, with a text each matches. */
  private static final Map<String, String> BUNDLED =
      Map.ofEntries(
          Map.entry("\\S", "x"),
          Map.entry("^(/([^~/]|~[01])*)*$", "/a~1b/~0"),
          Map.entry("^-?[0-9]+(\\.[0-9]+)?$", "-12.50"),
          Map.entry("^1\\.[0-9]+$", "1.1"),
          Map.entry("^[0-9A-Za-z.\\-]+$", "XM-DAC.41114"),
          Map.entry("^[0-9]+(\\.[0-9]+)?$", "100.0"),
          Map.entry("^[0-9]{1,2}$", "17"),
          Map.entry("^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])$", "4.a"),
          Map.entry("^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])\\.[0-9]{1,2}$", "17.1.12"),
          Map.entry("^[A-Z]{2}$", "BR"),
          Map.entry("^[A-Z]{2}(_[A-Z0-9]+)?-[A-Z0-9_]+-[^\\s/?#&|\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]+$",
              "XM_IATI-DAC-41114é"),
          Map.entry("^[A-Z]{3}$", "USD"),
          Map.entry("^[^\\s/?#&|\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]+$", "abc-é"),
          Map.entry("^[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]+$", "a/b?c"),
          Map.entry("^[a-z]+(\\.[A-Za-z0-9-]+)+$", "json.limit-1"),
          Map.entry("^[a-z]+/[A-Za-z0-9.+-]+$", "application/ld+json"),
          Map.entry("^[a-z][a-z0-9-]*$", "technical-cooperation"),
          Map.entry("^[a-z][a-z0-9-]*:[A-Za-z0-9._-]+$", "sstc:note_1"),
          Map.entry("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "fr-CA-x1"),
          // Not from the schemas: the rest of the subset.
          Map.entry("a(?:bc|d)*e?$", "xxabcde"),
          Map.entry("[\\d\\s]{0,3}\\D", "1 2x"),
          Map.entry("^(ab|a)(c|bcd)\\z", "abcd"),
          Map.entry("^x{2,}[-a]\\z", "xxx-"),
          Map.entry("^()*[a\\-\\]]?$", "-"));

  private static final String ALPHABET = "azAZ09._-/:~+#&|?! \t\n\r\u000B\u0000\u007F\u0085\u00e9\u202A\u2066\u2069\u3000\ud83d\ude00";

  private static String decode(String regex) {
    return RegularExpressions.replaceLongformCharacterProperties(RegularExpressions.replaceDollarAnchors(regex));
  }

  @Test
  void everyBundledPatternIsInTheSubset() {
    for (String regex : BUNDLED.keySet()) {
      String java = decode(regex);
      TextPattern fast = TextPattern.compile(java, Pattern.compile(java));
      assertThat(fast).as(regex).isNotNull();
      assertThat(fast.find(BUNDLED.get(regex))).as(regex).isTrue();
    }
  }

  @Test
  void whatIsOutsideTheSubsetIsLeftToTheJdk() {
    for (String regex : List.of("^P(?=[0-9])([0-9]+Y)?$", "a.b", "(a)\\1", "a+?", "a*+", "[a&&b]", "[[a]b]", "\\w+",
        "\\p{L}", "a{1,99}", "a$b", "^a|^b", "[\\S]", "\\bx", "(?i)a", "[]a]")) {
      assertThat(TextPattern.compile(regex, Pattern.compile(regex))).as(regex).isNull();
    }
  }

  @Test
  void theAnswerIsTheJdksOnTextsNearAMatchAndAtRandom() {
    List<String> regexes = new ArrayList<>(BUNDLED.keySet());
    qt().withFixedSeed(20261203L)
        .withExamples(EXAMPLES)
        .forAll(integers().between(0, regexes.size() - 1), lists().of(integers().between(0, 1 << 20)).ofSizeBetween(0, 6))
        .checkAssert((index, edits) -> {
          String regex = regexes.get(index);
          String java = decode(regex);
          Pattern jdk = Pattern.compile(java);
          TextPattern fast = TextPattern.compile(java, jdk);
          StringBuilder text = new StringBuilder(edits.size() % 2 == 0 ? BUNDLED.get(regex) : "");
          for (int edit : edits) {
            char c = ALPHABET.charAt((edit >> 3) % ALPHABET.length());
            int at = text.length() == 0 ? 0 : (edit >> 8) % (text.length() + 1);
            switch (edit & 3) {
              case 0 -> text.insert(at, c);
              case 1 -> { if (at < text.length()) text.deleteCharAt(at); }
              case 2 -> { if (at < text.length()) text.setCharAt(at, c); }
              default -> text.append(text, 0, Math.min(text.length(), 4));
            }
          }
          String s = text.toString();
          assertThat(fast.find(s)).as("%s on \"%s\"", java, s).isEqualTo(jdk.matcher(s).find());
        });
  }
}
