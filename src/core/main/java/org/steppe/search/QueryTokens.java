package org.steppe.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits query text into the pieces of Lucene's classic syntax, without judging them: words,
 * phrases, fields, operators, parentheses, ranges and regular expressions, each with where it
 * stands in the text. Unbalanced quotes, brackets and slashes come out as {@link Kind#STRAY}
 * characters for the caller to judge, never as errors.
 */
final class QueryTokens {
  private QueryTokens() {}

  /** What a piece of query text is. */
  enum Kind {
    /** A term as the parser reads one: letters, digits, escapes, wildcards, inner + - &amp; and so on. */
    WORD,
    /** {@code "…"}; text includes the quotes and any {@code ~n} or {@code ^n} after them. */
    PHRASE,
    /** {@code name:}; text is the name. */
    FIELD,
    AND, OR, NOT,
    /** {@code +} or {@code -} directly before a clause. */
    REQUIRED, PROHIBITED,
    OPEN, CLOSE,
    /** {@code [a TO b]} or {@code {a TO b}}, with any {@code ^n} after it. */
    RANGE,
    /** {@code /regex/}. */
    REGEX,
    /** A character that is syntax nowhere it stands: an unclosed quote, bracket or slash, a lone {@code ~}, {@code ^} or {@code :}. */
    STRAY
  }

  /**
   * One piece.
   *
   * @param start offset of its first character in the query
   * @param end offset after its last character
   * @param spaceBefore whether whitespace (or the start of the text) comes right before it
   */
  record Token(Kind kind, String text, int start, int end, boolean spaceBefore) {
    /** 1-based position, as messages give it. */
    int position() {
      return start + 1;
    }
  }

  /** Characters that end a word (other than whitespace), as in the classic parser's grammar. */
  private static final String WORD_ENDS = "()\"[]{}^~:/!";

  static List<Token> of(String q) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = q.length();
    while (i < n) {
      int start = i;
      boolean space = start == 0 || Character.isWhitespace(q.charAt(start - 1)) || q.charAt(start - 1) == '\u3000';
      char c = q.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000') {
        i++;
        continue;
      }
      switch (c) {
        case '(' -> out.add(new Token(Kind.OPEN, "(", i, ++i, space));
        case ')' -> out.add(new Token(Kind.CLOSE, ")", i, ++i, space));
        case '"' -> {
          int close = closing(q, i + 1, '"');
          if (close < 0) {
            out.add(new Token(Kind.STRAY, "\"", i, ++i, space));
          } else {
            i = suffix(q, close + 1, true);
            out.add(new Token(Kind.PHRASE, q.substring(start, i), start, i, space));
          }
        }
        case '[', '{' -> {
          int close = closingRange(q, i + 1);
          if (close < 0) {
            out.add(new Token(Kind.STRAY, String.valueOf(c), i, ++i, space));
          } else {
            i = suffix(q, close + 1, false);
            out.add(new Token(Kind.RANGE, q.substring(start, i), start, i, space));
          }
        }
        case '/' -> {
          int close = closing(q, i + 1, '/');
          boolean glued = i > 0 && !space && "(:+-!".indexOf(q.charAt(i - 1)) < 0; // AC/DC, 24/7: a separator
          if (glued || close < 0 || close == i + 1) {
            out.add(new Token(Kind.STRAY, "/", i, ++i, space));
          } else {
            i = close + 1;
            out.add(new Token(Kind.REGEX, q.substring(start, i), start, i, space));
          }
        }
        case '+', '-' -> {
          if (i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
            out.add(new Token(c == '+' ? Kind.REQUIRED : Kind.PROHIBITED, String.valueOf(c), i, ++i, space));
          } else {
            out.add(new Token(Kind.STRAY, String.valueOf(c), i, ++i, space));
          }
        }
        case '!' -> {
          // "!x" excludes x; "Putin!" and a lone "!" are punctuation.
          boolean opens = space || q.charAt(i - 1) == '(';
          boolean attached = i + 1 < n && !Character.isWhitespace(q.charAt(i + 1));
          out.add(new Token(opens && attached ? Kind.NOT : Kind.STRAY, "!", i, ++i, space));
        }
        case '&', '|' -> {
          if (i + 1 < n && q.charAt(i + 1) == c) {
            out.add(new Token(c == '&' ? Kind.AND : Kind.OR, q.substring(i, i + 2), i, i += 2, space));
          } else {
            i = word(q, i, out, space);
          }
        }
        case '^', '~', ':', ']', '}' -> out.add(new Token(Kind.STRAY, String.valueOf(c), i, ++i, space));
        default -> i = word(q, i, out, space);
      }
    }
    return out;
  }

  /** Reads a word (and a field name's colon, or a fuzzy/boost suffix) from {@code i}; returns where it ends. */
  private static int word(String q, int i, List<Token> out, boolean space) {
    int start = i;
    int n = q.length();
    while (i < n) {
      char c = q.charAt(i);
      if (c == '\\' && i + 1 < n) {
        i += 2;
      } else if (Character.isWhitespace(c) || c == '\u3000' || WORD_ENDS.indexOf(c) >= 0
          || ((c == '&' || c == '|') && i + 1 < n && q.charAt(i + 1) == c && i > start)) {
        break;
      } else {
        i++;
      }
    }
    if (i == start) { // a lone backslash at the very end
      out.add(new Token(Kind.STRAY, q.substring(i, i + 1), i, i + 1, space));
      return i + 1;
    }
    String text = q.substring(start, i);
    if (i < n && q.charAt(i) == ':') {
      out.add(new Token(Kind.FIELD, text, start, i + 1, space));
      return i + 1;
    }
    Kind kind = switch (text) {
      case "AND" -> Kind.AND;
      case "OR" -> Kind.OR;
      case "NOT" -> Kind.NOT;
      default -> Kind.WORD;
    };
    if (kind == Kind.WORD) {
      i = suffix(q, i, true);
      text = q.substring(start, i);
    }
    out.add(new Token(kind, text, start, i, space));
    return i;
  }

  /** After a word or phrase: {@code ~n} (when {@code tilde}) then {@code ^n}, if they are there. */
  private static int suffix(String q, int i, boolean tilde) {
    int n = q.length();
    if (tilde && i < n && q.charAt(i) == '~') {
      i = number(q, i + 1);
    }
    if (i < n && q.charAt(i) == '^') {
      // A boost is a number; anything else glued to the caret belongs to it too, for the caller to judge.
      i++;
      while (i < n && !Character.isWhitespace(q.charAt(i)) && "()\"".indexOf(q.charAt(i)) < 0) {
        i++;
      }
    }
    return i;
  }

  private static int number(String q, int i) {
    while (i < q.length() && (Character.isDigit(q.charAt(i)) || q.charAt(i) == '.')) {
      i++;
    }
    return i;
  }

  /** The offset of the next unescaped {@code c} from {@code i}, or -1. */
  private static int closing(String q, int i, char c) {
    for (; i < q.length(); i++) {
      if (q.charAt(i) == '\\') {
        i++;
      } else if (q.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int closingRange(String q, int i) {
    for (; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == ']' || c == '}') {
        return i;
      }
      if (c == '[' || c == '{' || c == '"') {
        return -1;
      }
    }
    return -1;
  }
}
