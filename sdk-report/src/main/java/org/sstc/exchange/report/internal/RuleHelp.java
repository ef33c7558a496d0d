package org.sstc.exchange.report.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each issue code means and how to fix it, for tools that show rules beside results (SARIF).
 *
 * <p>The {@code rule.*} and {@code codelist.*} codes are read from sdk-core's {@code RULES.md}
 * (the build copies it into this jar), so the help never drifts from the rules' own documentation.
 * The other families ({@code json.*}, {@code schema.*}, {@code io.*}, {@code internal.*}) are
 * described here, as in the root README's table.
 */
public final class RuleHelp {
  /**
   * One code's documentation.
   *
   * @param meaning what the issue means
   * @param fix how to fix it
   */
  public record Help(String meaning, String fix) {}

  private static final Map<String, Help> DOCUMENTED = load();

  private RuleHelp() {}

  /** The help for {@code code}; every code gets some, by its family when it is not listed. */
  public static Help of(String code) {
    Help help = DOCUMENTED.get(code);
    if (help != null) {
      return help;
    }
    if (code.startsWith("schema.")) {
      return new Help("The JSON Schema keyword '" + code.substring(7) + "' failed at this value (the message says how).",
          "Change the value so that the schema of the standard accepts it: schema/1.0/*.schema.json.");
    }
    return switch (code) {
      case "json.syntax" -> new Help("Not JSON: empty, truncated, trailing content, or a top-level array or scalar.",
          "Fix the JSON at the line and column given; a JSON linter shows the exact place.");
      case "json.duplicate-key" -> new Help("One object names a property twice.", "Keep one of the two properties.");
      case "json.limit" -> new Help("A reading limit was hit: nesting deeper than 64, a string over 1 MiB, a number over "
          + "64 characters, a property name over 1024, an NDJSON line over 16 MiB.", "Shorten the value, or split the record.");
      case "json.encoding" -> new Help("Not UTF-8 (invalid bytes, UTF-16 or UTF-32).", "Save the file as UTF-8.");
      case "io.unreadable" -> new Help("The file does not exist or cannot be read.", "Check the path and the file's permissions.");
      case "internal.error" -> new Help("The validator failed on this file: a bug in the SDK.",
          "Report it with the file (or a shortened copy that shows the failure).");
      default -> new Help("An issue of the SSTC Exchange validator (code " + code + ").",
          "See the root README's table of issue codes and sdk-core/RULES.md.");
    };
  }

  /** Reads the rule and codelist tables of RULES.md: {@code | `code` | severity | pointer | meaning | fix |}. */
  private static Map<String, Help> load() {
    Map<String, Help> help = new LinkedHashMap<>();
    try (InputStream in = RuleHelp.class.getResourceAsStream("RULES.md")) {
      if (in == null) {
        return help; // a build without the copy still works, with the family help
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("| `")) {
          continue;
        }
        String[] cells = line.split("(?<!\\\\)\\|", -1);
        // "", code, severity, pointer, meaning, fix, ""
        if (cells.length < 7) {
          continue;
        }
        String code = cells[1].strip().replace("`", "");
        if (code.matches("[a-z]+\\.[a-z0-9-]+")) {
          help.put(code, new Help(plain(cells[4]), plain(cells[5])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return help;
  }

  /** Markdown cell text as plain text: backticks dropped, escaped pipes restored. */
  private static String plain(String cell) {
    return cell.strip().replace("`", "").replace("\\|", "|");
  }
}
