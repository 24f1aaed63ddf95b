package org.steppe.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The literal text any match of a regular expression must contain, read from the expression's
 * source: a cheap test ({@link String#indexOf}) that rules a line out before the matcher runs.
 *
 * <p>Each factor is a set of strings: a match contains at least one of them. A factor comes from
 * literal characters and groups of literal alternatives that the expression must match once in a
 * row ({@code " in (Facebook|VK)"} gives {@code {" in Facebook", " in VK"}}), also inside
 * positive look-arounds; a group repeated at least n times multiplies what it requires
 * ({@code (?:[^,]*+,){3}} needs three commas). Anything the reader does not fully understand
 * (back references, octal or Unicode escapes, {@code \Q}, comments or Unicode-case flags) gives no
 * factor at all, so a line the test rules out is never one the expression would match. Under
 * {@code (?i)} factors and line are compared in ASCII lower case, which is how Java folds case
 * without {@code (?u)}.
 */
record RequiredLiterals(List<Factor> factors, boolean ignoreCase) {
  private static final int MAX_STRINGS = 64;
  static final RequiredLiterals NONE = new RequiredLiterals(List.of(), false);

  /**
   * Something a match contains.
   *
   * @param strings a match contains one of these
   * @param times how many non-overlapping times (more than once only for a single string)
   */
  record Factor(List<String> strings, int times) {
    static Factor once(Set<String> strings) {
      return new Factor(List.copyOf(strings), 1);
    }

    boolean in(String text) {
      if (times == 1) {
        for (int i = 0; i < strings.size(); i++) {
          if (text.contains(strings.get(i))) {
            return true;
          }
        }
        return false;
      }
      String s = strings.get(0);
      int from = 0;
      for (int found = 0; found < times; found++) {
        int at = text.indexOf(s, from);
        if (at < 0) {
          return false;
        }
        from = at + s.length(); // leftmost first: the most non-overlapping occurrences
      }
      return true;
    }

    Factor folded() {
      return new Factor(strings.stream().map(RequiredLiterals::lowerAscii).distinct().toList(), times);
    }

    private int shortest() {
      return strings.stream().mapToInt(String::length).min().orElse(0);
    }
  }

  /** The required literals of {@code pattern}; none when it has none or cannot be read safely. */
  static RequiredLiterals of(Pattern pattern) {
    int unsupported = Pattern.LITERAL | Pattern.COMMENTS | Pattern.UNICODE_CASE | Pattern.CANON_EQ
        | Pattern.UNICODE_CHARACTER_CLASS;
    if ((pattern.flags() & unsupported) != 0) {
      return NONE;
    }
    Reader reader = new Reader(pattern.pattern());
    try {
      Fragment whole = reader.alternation();
      if (reader.pos != reader.re.length()) {
        return NONE;
      }
      boolean ignoreCase = reader.ignoreCase || (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
      List<Factor> factors = new ArrayList<>();
      for (Factor f : whole.required()) {
        Factor folded = ignoreCase ? f.folded() : f;
        if (!folded.strings().contains("") && !factors.contains(folded)) {
          factors.add(folded);
        }
      }
      // Repeated ones, then the longest shortest string first: the likeliest to rule a line out.
      factors.sort(Comparator.comparingInt(Factor::times).thenComparingInt(Factor::shortest).reversed());
      return factors.isEmpty() ? NONE : new RequiredLiterals(List.copyOf(factors), ignoreCase);
    } catch (Unreadable e) {
      return NONE;
    }
  }

  /** Whether nothing is required (every line must go to the matcher). */
  boolean isEmpty() {
    return factors.isEmpty();
  }

  /**
   * Whether {@code line} has every factor, so the expression may match it.
   *
   * @param lowerAscii {@code line} in ASCII lower case (read only under {@code ignoreCase})
   */
  boolean mayMatch(String line, String lowerAscii) {
    String in = ignoreCase ? lowerAscii : line;
    for (int i = 0; i < factors.size(); i++) {
      if (!factors.get(i).in(in)) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} with A–Z lowered and every other character kept, as Java's {@code (?i)} compares. */
  static String lowerAscii(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) < 'A' || s.charAt(i) > 'Z')) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < out.length; i++) {
      if (out[i] >= 'A' && out[i] <= 'Z') {
        out[i] += 'a' - 'A';
      }
    }
    return new String(out);
  }

  /**
   * What is known of a piece of an expression.
   *
   * @param exact every string the piece can match, or {@code null} when not a small finite set
   * @param factors what the text each match of the piece spans contains
   * @param around what the line holds where the piece's look-arounds look (perhaps beyond its span,
   *     so never multiplied by a repetition)
   */
  private record Fragment(Set<String> exact, List<Factor> factors, List<Factor> around) {
    static final Fragment NOTHING = new Fragment(null, List.of(), List.of());

    static Fragment exactly(Set<String> strings) {
      return new Fragment(strings, List.of(), List.of());
    }

    List<Factor> required() {
      List<Factor> all = new ArrayList<>(factors);
      all.addAll(around);
      if (exact != null) {
        all.add(Factor.once(exact));
      }
      return all;
    }
  }

  /** A construct the reader does not follow: the expression gets no factors. */
  private static final class Unreadable extends RuntimeException {
    Unreadable() {
      super(null, null, false, false);
    }
  }

  /** A recursive-descent reader of Java's regular expression syntax, as much as factors need. */
  private static final class Reader {
    final String re;
    int pos;
    boolean ignoreCase;

    Reader(String re) {
      this.re = re;
    }

    Fragment alternation() {
      List<Fragment> alternatives = new ArrayList<>();
      alternatives.add(sequence());
      while (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
        alternatives.add(sequence());
      }
      if (alternatives.size() == 1) {
        return alternatives.get(0);
      }
      Set<String> union = new LinkedHashSet<>();
      for (Fragment f : alternatives) {
        if (f.exact() == null) {
          return Fragment.NOTHING;
        }
        union.addAll(f.exact());
      }
      return union.size() > MAX_STRINGS ? Fragment.NOTHING : Fragment.exactly(union);
    }

    Fragment sequence() {
      List<Factor> factors = new ArrayList<>();
      List<Factor> around = new ArrayList<>();
      Set<String> run = Set.of("");
      boolean exact = true;
      while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
        Fragment atom = atom();
        int min = quantifierMin();
        if (min < 0 && atom.exact() != null) {
          Set<String> joined = cross(run, atom.exact());
          if (joined == null) {
            flush(run, factors);
            exact = false;
            run = atom.exact();
          } else {
            run = joined;
          }
          continue;
        }
        exact = false;
        if (min == 0) {
          flush(run, factors);
          run = Set.of("");
        } else if (atom.exact() != null) {
          // Repeated at least once: the first repetition follows the run.
          Set<String> joined = cross(run, atom.exact());
          flush(joined == null ? run : joined, factors);
          if (joined == null) {
            flush(atom.exact(), factors);
          }
          run = Set.of("");
        } else {
          flush(run, factors);
          around.addAll(atom.around());
          for (Factor f : atom.factors()) {
            // Each of the min repetitions holds its own occurrence of a single required string.
            boolean single = f.strings().size() == 1;
            factors.add(single && min > 1 ? new Factor(f.strings(), f.times() * min) : f);
          }
          run = Set.of("");
        }
      }
      if (exact) {
        return Fragment.exactly(run);
      }
      flush(run, factors);
      return new Fragment(null, factors, around);
    }

    private static void flush(Set<String> run, List<Factor> factors) {
      if (!run.contains("")) {
        factors.add(Factor.once(run));
      }
    }

    /** Every string of {@code a} followed by every string of {@code b}, or null when too many. */
    private static Set<String> cross(Set<String> a, Set<String> b) {
      if ((long) a.size() * b.size() > MAX_STRINGS) {
        return null;
      }
      Set<String> out = new LinkedHashSet<>();
      for (String x : a) {
        for (String y : b) {
          out.add(x + y);
        }
      }
      return out;
    }

    /** The minimum count of a quantifier at {@code pos} (skipped), or -1 when there is none. */
    int quantifierMin() {
      if (pos >= re.length()) {
        return -1;
      }
      char c = re.charAt(pos);
      int min;
      if (c == '?' || c == '*') {
        pos++;
        min = 0;
      } else if (c == '+') {
        pos++;
        min = 1;
      } else if (c == '{') {
        int close = re.indexOf('}', pos);
        if (close < 0) {
          throw new Unreadable();
        }
        String body = re.substring(pos + 1, close);
        if (!body.matches("\\d+(,\\d*)?")) {
          throw new Unreadable();
        }
        min = Integer.parseInt(body.split(",", -1)[0]);
        pos = close + 1;
      } else {
        return -1;
      }
      if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
        pos++; // lazy or possessive: the same strings match
      }
      return min;
    }

    Fragment atom() {
      char c = re.charAt(pos);
      switch (c) {
        case '(':
          return group();
        case '[':
          skipClass();
          return Fragment.NOTHING;
        case '\\':
          return escape();
        case '.', '^', '$':
          pos++;
          return Fragment.NOTHING;
        case '*', '+', '?', '{':
          throw new Unreadable();
        default:
          if (Character.isSurrogate(c)) {
            throw new Unreadable();
          }
          pos++;
          return Fragment.exactly(Set.of(String.valueOf(c)));
      }
    }

    private Fragment escape() {
      if (pos + 1 >= re.length()) {
        throw new Unreadable();
      }
      char e = re.charAt(pos + 1);
      pos += 2;
      if (!Character.isLetterOrDigit(e)) {
        if (Character.isSurrogate(e)) {
          throw new Unreadable();
        }
        return Fragment.exactly(Set.of(String.valueOf(e)));
      }
      if ("dDsSwWhHvVbBAGZzRX".indexOf(e) >= 0) {
        return Fragment.NOTHING;
      }
      if (e == 'p' || e == 'P') {
        if (pos < re.length() && re.charAt(pos) == '{') {
          int close = re.indexOf('}', pos);
          if (close < 0) {
            throw new Unreadable();
          }
          pos = close + 1;
        } else {
          pos++;
        }
        return Fragment.NOTHING;
      }
      throw new Unreadable(); // \t, \x41, \u0041, \0, \c, \k<…>, \1, \Q…: read no further
    }

    private void skipClass() {
      pos++;
      if (pos < re.length() && re.charAt(pos) == '^') {
        pos++;
      }
      if (pos < re.length() && re.charAt(pos) == ']') {
        throw new Unreadable();
      }
      int depth = 1;
      while (pos < re.length()) {
        char c = re.charAt(pos);
        if (c == '\\') {
          if (pos + 1 < re.length() && re.charAt(pos + 1) == 'Q') {
            throw new Unreadable();
          }
          pos += 2;
          continue;
        }
        pos++;
        if (c == '[') {
          depth++;
        } else if (c == ']' && --depth == 0) {
          return;
        }
      }
      throw new Unreadable();
    }

    private Fragment group() {
      pos++;
      boolean lookaround = false;
      boolean negative = false;
      if (re.startsWith("?", pos)) {
        if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
          pos += 2;
        } else if (re.startsWith("?=", pos) || re.startsWith("?<=", pos)) {
          pos += re.charAt(pos + 1) == '=' ? 2 : 3;
          lookaround = true;
        } else if (re.startsWith("?!", pos) || re.startsWith("?<!", pos)) {
          pos += re.charAt(pos + 1) == '!' ? 2 : 3;
          lookaround = true;
          negative = true;
        } else if (re.startsWith("?<", pos)) {
          int close = re.indexOf('>', pos);
          if (close < 0) {
            throw new Unreadable();
          }
          pos = close + 1;
        } else {
          int end = pos + 1;
          while (end < re.length() && "idmsuxU-".indexOf(re.charAt(end)) >= 0) {
            end++;
          }
          if (end >= re.length() || (re.charAt(end) != ')' && re.charAt(end) != ':')) {
            throw new Unreadable();
          }
          String flags = re.substring(pos + 1, end);
          String on = flags.contains("-") ? flags.substring(0, flags.indexOf('-')) : flags;
          if (flags.contains("x") || flags.contains("u") || flags.contains("U")) {
            throw new Unreadable();
          }
          ignoreCase |= on.contains("i");
          pos = end + 1;
          if (re.charAt(end) == ')') {
            return Fragment.NOTHING; // flags for the rest: they match nothing themselves
          }
        }
      }
      Fragment inner = alternation();
      if (pos >= re.length() || re.charAt(pos) != ')') {
        throw new Unreadable();
      }
      pos++;
      if (negative) {
        return Fragment.NOTHING;
      }
      // A look-around matches no text here, but what it looks at must be in the line.
      return lookaround ? new Fragment(null, List.of(), inner.required()) : inner;
    }
  }
}
