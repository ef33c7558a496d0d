package org.sstc.exchange.iati.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The values publishers write in a form the standard spells one way only: a language tag in any
 * case or with an underscore ({@code EN}, {@code en_GB}), a media type in capitals ({@code
 * APPLICATION/PDF}). Both are case-insensitive by their own specifications (BCP 47 §2.1.1, RFC
 * 6838 §4.2), so the canonical spelling means the same; the mappers note every value they change.
 */
final class Normalised {
  private Normalised() {}

  /**
   * The BCP 47 spelling of a tag xml:lang accepts once "_" is read as "-": the language (and
   * extensions) in lower case, a four-letter script in title case, a two-letter region in capitals
   * ({@code EN} → {@code en}, {@code en_gb} → {@code en-GB}, {@code ZH-HANT-TW} → {@code zh-Hant-TW});
   * null when it is no language tag at all.
   */
  static @Nullable String languageTag(String raw) {
    String hyphenated = raw.replace('_', '-');
    if (!XmlElement.XML_LANG.matcher(hyphenated).matches()) {
      return null;
    }
    String[] subtags = hyphenated.split("-");
    StringBuilder tag = new StringBuilder(subtags[0].toLowerCase(Locale.ROOT));
    boolean extension = false;
    for (int i = 1; i < subtags.length; i++) {
      String subtag = subtags[i];
      extension |= subtag.length() == 1; // after a singleton (x-, u-) everything is lower case
      tag.append('-');
      if (!extension && subtag.length() == 2 && Character.isLetter(subtag.charAt(0))) {
        tag.append(subtag.toUpperCase(Locale.ROOT));
      } else if (!extension && subtag.length() == 4 && Character.isLetter(subtag.charAt(0))) {
        tag.append(subtag.substring(0, 1).toUpperCase(Locale.ROOT)).append(subtag.substring(1).toLowerCase(Locale.ROOT));
      } else {
        tag.append(subtag.toLowerCase(Locale.ROOT));
      }
    }
    return tag.toString();
  }

  /** Why a tag was changed, for the note that says so. */
  static String languageNote(String raw, String canonical) {
    return "the language \"" + raw + "\" is read as \"" + canonical + "\""
        + (raw.indexOf('_') >= 0 ? " (written with an underscore; BCP 47 separates subtags with \"-\")"
            : " (BCP 47 spelling: language in lower case, region in capitals)")
        + "; the file is unchanged, write \"" + canonical + "\" there too";
  }

  /**
   * A media type with its type and subtype in lower case ({@code APPLICATION/PDF} →
   * {@code application/pdf}); parameters after ";" are kept as written (their values may be
   * case-sensitive).
   */
  static String mediaType(String raw) {
    int semicolon = raw.indexOf(';');
    String type = semicolon < 0 ? raw : raw.substring(0, semicolon);
    return type.toLowerCase(Locale.ROOT) + (semicolon < 0 ? "" : raw.substring(semicolon));
  }
}
