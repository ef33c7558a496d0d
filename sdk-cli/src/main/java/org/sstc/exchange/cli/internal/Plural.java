package org.sstc.exchange.cli.internal;

/** A count with its noun in the right number: {@code 1 initiative}, {@code 2 initiatives}, {@code 0 activities}. */
public final class Plural {
  private Plural() {}

  /**
   * {@code count} and the noun, singular for 1, plural otherwise.
   *
   * @param noun the singular, a regular English noun ({@code record}; {@code activity} becomes {@code activities})
   */
  public static String count(long count, String noun) {
    return count + " " + (count == 1 ? noun : plural(noun));
  }

  private static String plural(String noun) {
    if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
      return noun + "es";
    }
    return noun + "s";
  }
}
