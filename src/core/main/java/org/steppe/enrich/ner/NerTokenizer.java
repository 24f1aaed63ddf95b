package org.steppe.enrich.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.steppe.enrich.Token;

/**
 * Splits raw article text into sentences of CoNLL-style tokens with offsets: punctuation, quotes,
 * brackets and the possessive "'s" are tokens of their own, while hyphenated words, numbers like
 * "1,000.5", initials and abbreviations ("U.S.", "Mr.") stay whole, as in the training data. A
 * sentence ends at a line break or at ".", "!" or "?" followed by a capitalised word, and after at
 * most {@link #MAX_SENTENCE_TOKENS} tokens, whatever the text. Stateless.
 */
public final class NerTokenizer {
  /**
   * Most tokens in one sentence. Sequence models cost more than linear time in a sentence's length
   * (OpenNLP's beam search copies the sequence at every token, and failed outright on a 720 KB text
   * without a full stop), so a text without sentence punctuation is cut into pieces this long
   * before any model sees it. News sentences are far shorter (CoNLL-2003's average is 14 tokens),
   * and a tagger's features look a few tokens either side, so the cut changes nothing else.
   */
  public static final int MAX_SENTENCE_TOKENS = 100;
  /** Longest word a model sees; longer ones are cut (no name or word of any language is longer). */
  public static final int MAX_MODEL_TOKEN_CHARS = 64;
  /** Longer chunks cannot be initials or an abbreviation; the check is skipped rather than paid for. */
  private static final int MAX_ABBREVIATION_CHARS = 24;
  private static final Pattern INITIALS = Pattern.compile("(\\p{L}\\.)+");
  // Abbreviations that keep their full stop in CoNLL's Reuters text, so they rarely end a sentence.
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "rep", "sen",
      "gov", "rev", "maj", "adm", "cmdr", "inc", "corp", "co", "ltd", "plc", "bros", "no", "vs", "etc",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx");
  private static final String OPENING = "\"'([{\u201C\u2018\u00AB\u201E";
  private static final String CLOSING = "\"')]}\u201D\u2019\u00BB,;:!?";

  private NerTokenizer() {}

  /** The sentences of {@code text}, each a non-empty list of tokens in text order. */
  public static List<List<Token>> sentences(String text) {
    List<List<Token>> out = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        endSentence(current, out);
        i++;
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && !Character.isWhitespace(text.charAt(end)) && !Character.isSpaceChar(text.charAt(end))) {
        end++;
      }
      splitChunk(text, i, end, current);
      i = end;
      if (endsSentence(current, text, i)) {
        endSentence(current, out);
      } else if (current.size() >= MAX_SENTENCE_TOKENS) {
        cutLongSentence(current, out);
      }
    }
    endSentence(current, out);
    return out;
  }

  /** Emits {@code current} in pieces of {@link #MAX_SENTENCE_TOKENS}, keeping the rest as the sentence going on. */
  private static void cutLongSentence(List<Token> current, List<List<Token>> out) {
    int from = 0;
    while (current.size() - from >= MAX_SENTENCE_TOKENS) {
      out.add(List.copyOf(current.subList(from, from + MAX_SENTENCE_TOKENS)));
      from += MAX_SENTENCE_TOKENS;
    }
    current.subList(0, from).clear();
  }

  /** Emits {@code current} as a sentence, or several when it is longer than the bound. */
  private static void endSentence(List<Token> current, List<List<Token>> out) {
    cutLongSentence(current, out);
    if (!current.isEmpty()) {
      out.add(List.copyOf(current));
      current.clear();
    }
  }

  /** After a chunk: ends the sentence when its last real token is ". ! ?" and a capital follows. */
  private static boolean endsSentence(List<Token> current, String text, int from) {
    int k = current.size() - 1;
    while (k >= 0 && isCloser(current.get(k).text())) {
      k--;
    }
    if (k < 0) {
      return false;
    }
    String t = current.get(k).text();
    if (!t.equals(".") && !t.equals("!") && !t.equals("?") && !t.equals("...")) {
      return false;
    }
    int j = from;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\u00A0')) {
      j++;
    }
    if (j >= text.length()) {
      return true;
    }
    char next = text.charAt(j);
    return Character.isUpperCase(next) || Character.isDigit(next) || OPENING.indexOf(next) >= 0;
  }

  private static boolean isCloser(String t) {
    return t.length() == 1 && "\"')]}\u201D\u2019\u00BB".indexOf(t.charAt(0)) >= 0;
  }

  /** Splits one whitespace-free chunk [start, end) of {@code text} into tokens. */
  private static void splitChunk(String text, int start, int end, List<Token> out) {
    // Leading quotes and brackets are tokens of their own.
    while (start < end && OPENING.indexOf(text.charAt(start)) >= 0) {
      add(text, start, start + 1, out);
      start++;
    }
    // Trailing punctuation, collected in reverse and emitted after the word.
    List<int[]> tail = new ArrayList<>();
    while (end > start) {
      char last = text.charAt(end - 1);
      if (CLOSING.indexOf(last) >= 0) {
        tail.add(new int[] {end - 1, end});
        end--;
      } else if (last == '.' && !keepsFullStop(text, start, end)) {
        int dots = end;
        while (dots > start && text.charAt(dots - 1) == '.') {
          dots--;
        }
        tail.add(new int[] {dots, end});
        end = dots;
      } else {
        break;
      }
    }
    splitWord(text, start, end, out);
    for (int k = tail.size() - 1; k >= 0; k--) {
      add(text, tail.get(k)[0], tail.get(k)[1], out);
    }
  }

  /** Splits dashes between words and the possessive "'s" and "n't" off a word. */
  private static void splitWord(String text, int start, int end, List<Token> out) {
    int from = start;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      // Em and en dashes join clauses, not words; a hyphen stays inside "Good-Neighborliness".
      if (c == '\u2014' || c == '\u2013' || (c == '-' && k + 1 < end && text.charAt(k + 1) == '-')) {
        int dashEnd = k + 1;
        while (dashEnd < end && text.charAt(dashEnd) == c) {
          dashEnd++;
        }
        addWord(text, from, k, out);
        add(text, k, dashEnd, out);
        from = dashEnd;
        k = dashEnd - 1;
      }
    }
    addWord(text, from, end, out);
  }

  private static void addWord(String text, int start, int end, List<Token> out) {
    if (end <= start) {
      return;
    }
    int len = end - start;
    if (len > 2 && isApostrophe(text.charAt(end - 2)) && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
      add(text, start, end - 2, out);
      add(text, end - 2, end, out);
    } else if (len > 3 && isApostrophe(text.charAt(end - 2)) && text.charAt(end - 1) == 't'
        && text.charAt(end - 3) == 'n') {
      add(text, start, end - 3, out);
      add(text, end - 3, end, out);
    } else {
      add(text, start, end, out);
    }
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  /** Whether the word [start, end) ending in "." keeps it: initials, known abbreviations and lone capitals ("J."). */
  private static boolean keepsFullStop(String text, int start, int end) {
    if (end - start > MAX_ABBREVIATION_CHARS) {
      return false;
    }
    String word = text.substring(start, end);
    if (INITIALS.matcher(word).matches()) {
      return true;
    }
    String stem = word.substring(0, word.length() - 1);
    return !stem.isEmpty() && Character.isLetter(stem.charAt(0)) && ABBREVIATIONS.contains(Token.key(stem));
  }

  private static void add(String text, int start, int end, List<Token> out) {
    String word = text.substring(start, end);
    out.add(new Token(start, end, word, Token.key(word)));
  }

  /**
   * The form the model sees: typographic quotes and apostrophes as the ASCII ones of the training
   * data, and no longer than {@link #MAX_MODEL_TOKEN_CHARS}: a model's features repeat the word
   * (as itself, its prefixes, its neighbours' context), so a 40 KB "word" would cost seconds.
   */
  public static String modelForm(String word) {
    if (word.length() > MAX_MODEL_TOKEN_CHARS) {
      word = word.substring(0, MAX_MODEL_TOKEN_CHARS);
    }
    return switch (word) {
      case "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB" -> "\"";
      case "\u2018" -> "'";
      case "\u2019s" -> "'s";
      case "\u2019S" -> "'S";
      case "\u2014", "\u2013" -> "--";
      default -> word.indexOf('\u2019') >= 0 ? word.replace('\u2019', '\'') : word;
    };
  }
}
