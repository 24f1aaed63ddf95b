package org.steppe.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.util.automaton.RegExp;
import org.steppe.search.QueryTokens.Kind;
import org.steppe.search.QueryTokens.Token;

/**
 * Lenient reading: rewrites whatever a reader typed into query syntax the parser accepts, keeping
 * every well-formed piece of syntax and turning the rest into words, and says what it changed
 * where the change alters what the reader may have meant.
 *
 * <p>Punctuation that cannot be syntax where it stands is text: {@code AC/DC}, {@code Putin!},
 * {@code what?} (a trailing {@code ?} ends a question, it is not a wildcard), {@code foreign policy:}.
 * Broken syntax is dropped with a notice: an unclosed quote or bracket (its words are searched),
 * an operator with nothing to join, a field no one can search, a leading wildcard, an impossible
 * fuzzy distance, a regular expression that does not compile.
 */
final class QueryRepair {
  /** The repaired query and what was changed. */
  record Repaired(String text, List<String> notices) {}

  private static final Set<Kind> CLAUSE_START = Set.of(Kind.WORD, Kind.PHRASE, Kind.FIELD, Kind.OPEN, Kind.RANGE, Kind.REGEX);
  private static final Set<Kind> CLAUSE_END = Set.of(Kind.WORD, Kind.PHRASE, Kind.CLOSE, Kind.RANGE, Kind.REGEX);
  private static final Set<Kind> UNARY = Set.of(Kind.NOT, Kind.REQUIRED, Kind.PROHIBITED);

  private final Set<String> fields;

  /** @param fields the field names a reader may search */
  QueryRepair(Set<String> fields) {
    this.fields = fields;
  }

  Repaired repair(String q) {
    List<String> notices = new ArrayList<>();
    List<Token> tokens = new ArrayList<>();
    int expanding = 0;
    boolean inBrokenRange = false;
    java.util.Set<String> expandingSeen = new java.util.HashSet<>();
    for (Token t : QueryTokens.of(q)) {
      if (inBrokenRange && t.kind() == Kind.WORD && t.text().equals("TO")) {
        continue; // the range's own keyword, not a word to search
      }
      switch (t.kind()) {
        case STRAY -> {
          stray(t, notices);
          inBrokenRange |= t.text().equals("[") || t.text().equals("{");
        }
        case WORD -> {
          Token w = word(t, notices, expanding >= QueryLimits.MAX_EXPANDING_TERMS);
          if (w != null && expands(w.text()) && !expandingSeen.add(w.text())) {
            continue; // the same wildcard or fuzzy word again finds nothing more, and each costs an automaton
          }
          if (w != null) {
            expanding += expands(w.text()) ? 1 : 0;
            tokens.add(w);
          }
        }
        case FIELD -> tokens.add(field(t));
        case REGEX -> tokens.addAll(regex(t, notices));
        default -> tokens.add(t);
      }
    }
    tokens = fieldsWithoutTarget(tokens, notices);
    tokens = balanced(tokens, notices);
    tokens = withoutDanglingOperators(tokens, notices);
    return new Repaired(render(tokens), List.copyOf(notices));
  }

  private static void stray(Token t, List<String> notices) {
    switch (t.text()) {
      case "\"" -> notices.add("the quote at position " + t.position() + " is not closed: its words were searched as words");
      case "[", "{" -> notices.add("the range opened at position " + t.position() + " is not closed: its words were searched as words");
      default -> { } // punctuation: a dash between spaces, a slash between words, a stray ~ ^ :
    }
  }

  /** A word cleaned of what cannot be syntax in it, or {@code null} when nothing is left. */
  private static Token word(Token t, List<String> notices, boolean noMoreExpanding) {
    String text = t.text();
    String suffix = "";
    int tilde = lastUnescaped(text, '~');
    int caret = lastUnescaped(text, '^');
    if (caret > 0) {
      suffix = validBoost(text.substring(caret + 1)) ? text.substring(caret) : "";
      text = text.substring(0, caret);
      tilde = lastUnescaped(text, '~');
    }
    if (tilde > 0) {
      String distance = text.substring(tilde + 1);
      if (validFuzzy(distance)) {
        suffix = text.substring(tilde) + suffix;
      } else {
        notices.add("'" + t.text() + "' at position " + t.position() + ": a fuzzy word takes ~, ~1 or ~2; searched the word as typed");
      }
      text = text.substring(0, tilde);
    }
    // A question mark ending a word ends a question; it is a wildcard only inside a word.
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '?' && (end < 2 || text.charAt(end - 2) != '\\')) {
      end--;
    }
    text = text.substring(0, end);
    int start = 0;
    while (start < text.length() && (text.charAt(start) == '*' || text.charAt(start) == '?')) {
      start++;
    }
    if (start > 0 && start < text.length()) {
      notices.add("a word may not start with a wildcard ('" + t.text() + "' at position " + t.position()
          + "): searched '" + text.substring(start) + "'");
    }
    text = text.substring(start);
    if (text.isEmpty()) {
      return null; // "*", "?", "???": nothing to search
    }
    if (noMoreExpanding && expands(text + suffix)) {
      notices.add("more than " + QueryLimits.MAX_EXPANDING_TERMS + " wildcard or fuzzy words: '" + t.text() + "' at position "
          + t.position() + " was searched as a plain word");
      text = text.replace("*", "").replace("?", "");
      suffix = suffix.replaceFirst("^~[0-9.]*", "");
      if (text.isEmpty()) {
        return null;
      }
    }
    return new Token(Kind.WORD, text + suffix, t.start(), t.end(), t.spaceBefore());
  }

  private static boolean expands(String word) {
    return word.indexOf('*') >= 0 || word.indexOf('?') >= 0 || lastUnescaped(word, '~') > 0;
  }

  private static boolean validFuzzy(String distance) {
    if (distance.isEmpty()) {
      return true;
    }
    try {
      float d = Float.parseFloat(distance);
      return d == 0 || d == 1 || d == 2 || (d > 0 && d < 1);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean validBoost(String boost) {
    try {
      float b = Float.parseFloat(boost);
      return b >= 0 && Float.isFinite(b);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int lastUnescaped(String s, char c) {
    for (int i = s.length() - 1; i > 0; i--) {
      if (s.charAt(i) == c && s.charAt(i - 1) != '\\') {
        return i;
      }
    }
    return -1;
  }

  /** A known field, lower-cased; anything else is a word (its colon was punctuation: "Re:", "10:30"). */
  private Token field(Token t) {
    String name = t.text().toLowerCase(Locale.ROOT);
    if (fields.contains(name) || name.equals("*")) {
      return new Token(Kind.FIELD, name, t.start(), t.end(), t.spaceBefore());
    }
    return new Token(Kind.WORD, t.text(), t.start(), t.end() - 1, t.spaceBefore());
  }

  private static List<Token> regex(Token t, List<String> notices) {
    String body = t.text().substring(1, t.text().length() - 1);
    try {
      new RegExp(body, RegExp.ALL);
      QueryLimits.checkRegex(body);
      return List.of(t);
    } catch (IllegalArgumentException | QuerySyntaxException e) {
      notices.add("the regular expression at position " + t.position() + " cannot be used: its words were searched as words");
      List<Token> words = new ArrayList<>();
      for (Token w : QueryTokens.of(body.replaceAll("[^\\p{L}\\p{N}]+", " "))) {
        words.add(new Token(Kind.WORD, w.text(), t.start(), t.end(), true));
      }
      return words;
    }
  }

  /** A field with nothing after it searches nothing: dropped ("title:" at the end). */
  private static List<Token> fieldsWithoutTarget(List<Token> in, List<String> notices) {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      Token t = in.get(i);
      if (t.kind() == Kind.FIELD) {
        Token next = i + 1 < in.size() ? in.get(i + 1) : null;
        if (next == null || !(next.kind() == Kind.WORD || next.kind() == Kind.PHRASE || next.kind() == Kind.OPEN
            || next.kind() == Kind.RANGE || next.kind() == Kind.REGEX)) {
          notices.add("'" + t.text() + ":' at position " + t.position() + " has nothing after it to search; ignored");
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  /** Parentheses matched: a closing one with no opening dropped, an opening one never closed closed at the end; no deeper than allowed. */
  private static List<Token> balanced(List<Token> in, List<String> notices) {
    List<Token> out = new ArrayList<>();
    int depth = 0;
    int deepest = 0;
    for (Token t : in) {
      if (t.kind() == Kind.OPEN) {
        depth++;
        deepest = Math.max(deepest, depth);
      } else if (t.kind() == Kind.CLOSE) {
        if (depth == 0) {
          notices.add("the parenthesis at position " + t.position() + " closes nothing; ignored");
          continue;
        }
        depth--;
      }
      out.add(t);
    }
    if (depth > 0) {
      notices.add(depth == 1 ? "a parenthesis was not closed; closed at the end" : depth + " parentheses were not closed; closed at the end");
      for (int i = 0; i < depth; i++) {
        out.add(new Token(Kind.CLOSE, ")", -1, -1, false));
      }
    }
    if (deepest > QueryLimits.MAX_NESTING) {
      notices.add("parentheses nested more than " + QueryLimits.MAX_NESTING + " deep were ignored");
      out.removeIf(t -> t.kind() == Kind.OPEN || t.kind() == Kind.CLOSE);
    }
    return out;
  }

  /** AND, OR and NOT (and + -) with nothing to join or negate are dropped, as are empty parentheses; repeated until none is left. */
  private static List<Token> withoutDanglingOperators(List<Token> in, List<String> notices) {
    List<Token> tokens = new ArrayList<>(in);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        boolean drop = switch (t.kind()) {
          case AND, OR -> prev == null || !CLAUSE_END.contains(prev.kind()) || next == null
              || !(CLAUSE_START.contains(next.kind()) || UNARY.contains(next.kind()));
          case NOT, REQUIRED, PROHIBITED -> next == null || !CLAUSE_START.contains(next.kind());
          case OPEN -> next != null && next.kind() == Kind.CLOSE;
          default -> false;
        };
        if (drop) {
          if ((t.kind() == Kind.AND || t.kind() == Kind.OR || t.kind() == Kind.NOT) && !t.text().equals("!")) {
            notices.add("'" + t.text() + "' at position " + t.position() + " has nothing to " + (t.kind() == Kind.NOT ? "exclude" : "join")
                + "; ignored");
          }
          tokens.remove(i);
          if (t.kind() == Kind.OPEN) {
            tokens.remove(i); // and its closing parenthesis: "()" holds nothing
          }
          changed = true;
          break;
        }
      }
    }
    return tokens;
  }

  /** The tokens as query text: prefix operators and field names glued to what they apply to. */
  static String render(List<Token> tokens) {
    StringBuilder b = new StringBuilder();
    boolean glue = true;
    for (Token t : tokens) {
      if (!glue) {
        b.append(' ');
      }
      switch (t.kind()) {
        case FIELD -> b.append(t.text()).append(':');
        case NOT -> b.append(t.text().equals("!") ? "!" : "NOT ");
        default -> b.append(t.text());
      }
      glue = t.kind() == Kind.FIELD || t.kind() == Kind.REQUIRED || t.kind() == Kind.PROHIBITED
          || (t.kind() == Kind.NOT && t.text().equals("!"));
    }
    return b.toString().strip();
  }
}
