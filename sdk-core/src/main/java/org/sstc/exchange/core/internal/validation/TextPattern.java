package org.sstc.exchange.core.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A JDK regular expression of the small kind JSON Schemas use ({@code ^[A-Z]{2}(_[A-Z0-9]+)?$}),
 * answered by a position (Glushkov) automaton of at most 64 positions held in one {@code long}:
 * no {@link java.util.regex.Matcher} per string, no backtracking, time linear in the text. The
 * answer is {@link Pattern#matcher(CharSequence) find()}'s for the same expression with no flags;
 * {@link #compile} gives null for anything outside the subset (look-arounds, {@code .}, back
 * references, lazy or possessive quantifiers, class intersections ...), and a text with a
 * surrogate pair goes to the JDK, which counts code points where this automaton counts chars.
 *
 * <p>The subset: literals and escaped metacharacters, {@code \s \S \d \D}, {@code \}{@code uXXXX},
 * classes {@code [...]} and {@code [^...]} of those with ranges, groups {@code (...)} and {@code
 * (?:...)}, {@code |}, {@code * + ?} and {@code {n}}, {@code {n,}}, {@code {n,m}}, {@code ^} first
 * and {@code \z} last.
 */
final class TextPattern {
  private static final int MAX_POSITIONS = 64;
  private static final int MAX_REPEAT = 64;

  private final Pattern jdk;
  private final boolean startAnchored;
  private final boolean endAnchored;
  private final boolean nullable;
  private final long first;
  private final long last;
  private final long[] follow;
  private final long[] asciiMask;
  private final CharClass[] classes;

  private TextPattern(Pattern jdk, boolean startAnchored, boolean endAnchored, Glushkov automaton, Glushkov.Part whole) {
    this.jdk = jdk;
    this.startAnchored = startAnchored;
    this.endAnchored = endAnchored;
    this.nullable = whole.nullable();
    this.first = whole.first();
    this.last = whole.last();
    this.classes = automaton.classes.toArray(new CharClass[0]);
    this.follow = automaton.follow;
    this.asciiMask = new long[128];
    for (int c = 0; c < 128; c++) {
      asciiMask[c] = mask((char) c);
    }
  }

  /** The automaton for {@code regex}, or null when it is outside the subset or too large. */
  static @Nullable TextPattern compile(String regex, Pattern jdk) {
    try {
      Parser parser = new Parser(regex);
      boolean start = parser.eat('^');
      Node node = parser.alternation();
      boolean end = false;
      if (parser.at < regex.length() && regex.startsWith("\\z", parser.at)) {
        parser.at += 2;
        end = true;
      }
      if (parser.at != regex.length()) {
        return null;
      }
      Glushkov automaton = new Glushkov();
      return new TextPattern(jdk, start, end, automaton, automaton.build(node));
    } catch (Unsupported e) {
      return null;
    }
  }

  /** Whether the JDK's {@code find()} finds a match in {@code text}. */
  boolean find(String text) {
    if (nullable && (!startAnchored || !endAnchored || text.isEmpty())) {
      return true;
    }
    long current = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        return jdk.matcher(text).find();
      }
      long next = followers(current);
      if (i == 0 || !startAnchored) {
        next |= first;
      }
      next &= c < 128 ? asciiMask[c] : mask(c);
      if (!endAnchored && (next & last) != 0) {
        return true;
      }
      if (next == 0 && startAnchored) {
        return false;
      }
      current = next;
    }
    return endAnchored && (current & last) != 0;
  }

  private long followers(long positions) {
    long union = 0;
    while (positions != 0) {
      union |= follow[Long.numberOfTrailingZeros(positions)];
      positions &= positions - 1;
    }
    return union;
  }

  private long mask(char c) {
    long mask = 0;
    for (int p = 0; p < classes.length; p++) {
      if (classes[p].contains(c)) {
        mask |= 1L << p;
      }
    }
    return mask;
  }

  /** A set of chars as sorted, disjoint inclusive ranges. */
  private static final class CharClass {
    final int[] ranges;

    CharClass(int[] ranges) {
      this.ranges = ranges;
    }

    boolean contains(char c) {
      for (int i = 0; i < ranges.length; i += 2) {
        if (c < ranges[i]) {
          return false;
        }
        if (c <= ranges[i + 1]) {
          return true;
        }
      }
      return false;
    }

    static CharClass of(List<int[]> ranges, boolean negated) {
      boolean[] in = new boolean[0x10000];
      for (int[] range : ranges) {
        for (int c = range[0]; c <= range[1]; c++) {
          in[c] = true;
        }
      }
      List<Integer> bounds = new ArrayList<>();
      for (int c = 0; c < in.length; c++) {
        if (in[c] == negated) {
          continue; // not a member
        }
        if (c == 0 || in[c - 1] == negated) {
          bounds.add(c); // a range starts
        }
        if (c == in.length - 1 || in[c + 1] == negated) {
          bounds.add(c); // a range ends
        }
      }
      return new CharClass(bounds.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** Outside the subset: the JDK answers instead. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private sealed interface Node permits Leaf, Concat, Alt, Repeat {}

  private record Leaf(List<int[]> ranges, boolean negated) implements Node {}

  private record Concat(List<Node> parts) implements Node {}

  private record Alt(List<Node> choices) implements Node {}

  /** {@code max} is -1 for no bound. */
  private record Repeat(Node node, int min, int max) implements Node {}

  /** Java's {@code \s} without flags: space, tab, newline, vertical tab, form feed, return. */
  private static final List<int[]> SPACE =
      List.of(new int[] {'\t', '\r'}, new int[] {' ', ' '});

  private static final List<int[]> DIGIT = List.<int[]>of(new int[] {'0', '9'});

  private static final String META = "\\^$.|?*+()[]{}";

  /** A recursive-descent reader of the subset; anything else throws {@link Unsupported}. */
  private static final class Parser {
    final String regex;
    int at;

    Parser(String regex) {
      this.regex = regex;
    }

    boolean eat(char c) {
      if (at < regex.length() && regex.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    boolean atEnd() {
      return at >= regex.length() || regex.startsWith("\\z", at);
    }

    Node alternation() {
      List<Node> choices = new ArrayList<>();
      choices.add(sequence());
      while (eat('|')) {
        choices.add(sequence());
      }
      return choices.size() == 1 ? choices.get(0) : new Alt(choices);
    }

    Node sequence() {
      List<Node> parts = new ArrayList<>();
      while (!atEnd() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
        parts.add(quantified(atom()));
      }
      return new Concat(parts);
    }

    Node quantified(Node atom) {
      if (atEnd()) {
        return atom;
      }
      char c = regex.charAt(at);
      Node result;
      if (c == '*') {
        at++;
        result = new Repeat(atom, 0, -1);
      } else if (c == '+') {
        at++;
        result = new Repeat(atom, 1, -1);
      } else if (c == '?') {
        at++;
        result = new Repeat(atom, 0, 1);
      } else if (c == '{') {
        at++;
        int min = number();
        int max = min;
        if (eat(',')) {
          max = at < regex.length() && regex.charAt(at) == '}' ? -1 : number();
        }
        if (!eat('}') || (max != -1 && max < min) || min > MAX_REPEAT || max > MAX_REPEAT) {
          throw new Unsupported();
        }
        result = new Repeat(atom, min, max);
      } else {
        return atom;
      }
      if (!atEnd() && "?+*{".indexOf(regex.charAt(at)) >= 0) {
        throw new Unsupported(); // lazy, possessive or a quantifier on a quantifier
      }
      return result;
    }

    int number() {
      int start = at;
      while (at < regex.length() && regex.charAt(at) >= '0' && regex.charAt(at) <= '9') {
        at++;
      }
      if (at == start || at - start > 4) {
        throw new Unsupported();
      }
      return Integer.parseInt(regex.substring(start, at));
    }

    Node atom() {
      char c = regex.charAt(at++);
      switch (c) {
        case '(' -> {
          if (eat('?')) {
            if (!eat(':')) {
              throw new Unsupported(); // look-arounds, named groups, flags
            }
          }
          Node inside = alternation();
          if (!eat(')')) {
            throw new Unsupported();
          }
          return inside;
        }
        case '[' -> {
          return characterClass();
        }
        case '\\' -> {
          return escape();
        }
        default -> {
          if (META.indexOf(c) >= 0 || Character.isSurrogate(c)) {
            throw new Unsupported();
          }
          return new Leaf(List.<int[]>of(new int[] {c, c}), false);
        }
      }
    }

    /** After a backslash: a Leaf for a class escape or one char. */
    Leaf escape() {
      if (at >= regex.length()) {
        throw new Unsupported();
      }
      char c = regex.charAt(at++);
      return switch (c) {
        case 's' -> new Leaf(SPACE, false);
        case 'S' -> new Leaf(SPACE, true);
        case 'd' -> new Leaf(DIGIT, false);
        case 'D' -> new Leaf(DIGIT, true);
        case 'u' -> {
          if (at + 4 > regex.length()) {
            throw new Unsupported();
          }
          int code;
          try {
            code = Integer.parseInt(regex.substring(at, at + 4), 16);
          } catch (NumberFormatException e) {
            throw new Unsupported();
          }
          if (regex.substring(at, at + 4).chars().anyMatch(d -> d == '+' || d == '-') || Character.isSurrogate((char) code)) {
            throw new Unsupported();
          }
          at += 4;
          yield new Leaf(List.<int[]>of(new int[] {code, code}), false);
        }
        default -> {
          // Only escaped punctuation stands for itself; \b, \w, \p{..}, \1 ... are outside the subset.
          if (META.indexOf(c) >= 0 || "-/~#&!\"',:;<=>@_`%".indexOf(c) >= 0) {
            yield new Leaf(List.<int[]>of(new int[] {c, c}), false);
          }
          throw new Unsupported();
        }
      };
    }

    /** The one char a non-negated leaf stands for, or -1 for a leaf of several. */
    static int oneChar(Leaf leaf) {
      return !leaf.negated() && leaf.ranges().size() == 1 && leaf.ranges().get(0)[0] == leaf.ranges().get(0)[1]
          ? leaf.ranges().get(0)[0] : -1;
    }

    Leaf characterClass() {
      boolean negated = eat('^');
      List<int[]> ranges = new ArrayList<>();
      boolean firstMember = true;
      while (true) {
        if (at >= regex.length()) {
          throw new Unsupported();
        }
        char c = regex.charAt(at);
        if (c == ']' && !firstMember) {
          at++;
          break;
        }
        if (c == '[' || c == ']' || (c == '&' && regex.startsWith("&&", at)) || Character.isSurrogate(c)) {
          throw new Unsupported(); // nested classes, intersections, Java's leading ']'
        }
        firstMember = false;
        int low;
        at++;
        if (c == '\\') {
          Leaf escaped = escape();
          if (escaped.negated) {
            throw new Unsupported(); // \S inside a class
          }
          low = oneChar(escaped);
          if (low < 0) {
            ranges.addAll(escaped.ranges); // \s or \d
            continue;
          }
        } else {
          low = c;
        }
        if (at + 1 < regex.length() && regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
          at++;
          char h = regex.charAt(at++);
          int high;
          if (h == '\\') {
            high = oneChar(escape());
            if (high < 0) {
              throw new Unsupported();
            }
          } else if (h == '[' || Character.isSurrogate(h)) {
            throw new Unsupported();
          } else {
            high = h;
          }
          if (high < low) {
            throw new Unsupported();
          }
          ranges.add(new int[] {low, high});
        } else {
          ranges.add(new int[] {low, low});
        }
      }
      return new Leaf(ranges, negated);
    }
  }

  /** The position automaton: one position per leaf occurrence, repeats written out. */
  private static final class Glushkov {
    final List<CharClass> classes = new ArrayList<>();
    final long[] follow = new long[MAX_POSITIONS];

    record Part(boolean nullable, long first, long last) {}

    Part build(Node node) {
      if (node instanceof Leaf leaf) {
        if (classes.size() == MAX_POSITIONS) {
          throw new Unsupported();
        }
        long position = 1L << classes.size();
        classes.add(CharClass.of(leaf.ranges(), leaf.negated()));
        return new Part(false, position, position);
      }
      if (node instanceof Concat concat) {
        Part result = new Part(true, 0, 0);
        for (Node part : concat.parts()) {
          result = then(result, build(part));
        }
        return result;
      }
      if (node instanceof Alt alt) {
        boolean nullable = false;
        long first = 0;
        long last = 0;
        for (Node choice : alt.choices()) {
          Part part = build(choice);
          nullable |= part.nullable();
          first |= part.first();
          last |= part.last();
        }
        return new Part(nullable, first, last);
      }
      Repeat repeat = (Repeat) node;
      Part result = new Part(true, 0, 0);
      for (int i = 0; i < repeat.min(); i++) {
        result = then(result, build(repeat.node()));
      }
      if (repeat.max() == -1) {
        Part loop = build(repeat.node());
        link(loop.last(), loop.first());
        result = then(result, new Part(true, loop.first(), loop.last()));
      } else {
        for (int i = repeat.min(); i < repeat.max(); i++) {
          Part optional = build(repeat.node());
          result = then(result, new Part(true, optional.first(), optional.last()));
        }
      }
      return result;
    }

    /** {@code a} followed by {@code b}. */
    private Part then(Part a, Part b) {
      link(a.last(), b.first());
      return new Part(a.nullable() && b.nullable(), a.nullable() ? a.first() | b.first() : a.first(),
          b.nullable() ? a.last() | b.last() : b.last());
    }

    private void link(long from, long to) {
      while (from != 0) {
        follow[Long.numberOfTrailingZeros(from)] |= to;
        from &= from - 1;
      }
    }
  }
}
