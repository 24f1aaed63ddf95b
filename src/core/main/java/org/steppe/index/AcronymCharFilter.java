package org.steppe.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Collection;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * {@link PatternReplaceCharFilter} with the acronym pattern, run only on text that can match it:
 * every match starts with one of the stop words in capitals ({@link AcronymPattern#words}), so a
 * text in which none is written that way passes through unchanged, as the pattern would leave it.
 * Most fields of most articles are such text, and the pattern's look-behinds cost a few per cent
 * of indexing (issue 16). Where a word may match, the text goes through Lucene's filter, so the
 * output and the offsets are exactly that filter's (and OpenSearch's {@code pattern_replace}).
 */
final class AcronymCharFilter extends CharFilter {
  /** The pattern and what it can start with, built once per analyzer chain. */
  static final class Words {
    final Pattern pattern;
    /** Indexed by an ASCII capital: the words in capitals starting with it, or null. */
    private final String[][] byFirst = new String[128][];
    /** Whether some word starts with a character that is not an ASCII capital (then every text goes to the filter). */
    private final boolean other;

    Words(Collection<String> stopWords) {
      this.pattern = AcronymPattern.of(stopWords);
      boolean nonAscii = false;
      java.util.Map<Character, java.util.List<String>> grouped = new java.util.TreeMap<>();
      for (String w : AcronymPattern.words(stopWords)) {
        char c = w.charAt(0);
        if (c >= 128) {
          nonAscii = true;
        } else {
          grouped.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(w);
        }
      }
      grouped.forEach((c, ws) -> byFirst[c] = ws.toArray(String[]::new));
      this.other = nonAscii;
    }

    /**
     * Whether one of the words is written in {@code text} in capitals as a word of its own: not
     * after a letter or digit, not followed by a letter (the pattern's look-behind and look-ahead
     * rule out both). Else the pattern cannot match.
     */
    boolean mayMatch(CharSequence text) {
      if (other) {
        return true;
      }
      String s = text.toString();
      int n = s.length();
      for (int i = 0; i + 1 < n; i++) {
        char c = s.charAt(i);
        String[] ws = c < 128 ? byFirst[c] : null;
        if (ws != null && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
          for (String w : ws) {
            int end = i + w.length();
            if (s.startsWith(w, i) && (end == n || !Character.isLetter(s.charAt(end))) && amidLowerCaseOrAlone(s, i)) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }

  /**
   * The pattern's last condition, loosely: a lower-case letter within {@value AcronymPattern#WINDOW}
   * characters before the word or after its capitals on the same line, or no letter at all in the
   * {@value AcronymPattern#WINDOW} before it. It never says no where the pattern would match (any
   * character it cannot judge, such as half of a surrogate pair, counts as lower case), and rules out
   * the capitals of headlines, which are most of the words that pass the rest.
   */
  static boolean amidLowerCaseOrAlone(String s, int start) {
    int reach = AcronymPattern.WINDOW + 1;
    boolean letterBefore = false;
    for (int k = start - 1; k >= 0 && k >= start - reach && s.charAt(k) != '\n'; k--) {
      char c = s.charAt(k);
      if (lowerCase(c)) {
        return true;
      }
      letterBefore |= Character.isLetter(c);
    }
    if (!letterBefore) {
      return true;
    }
    int end = start;
    while (end < s.length() && (Character.isUpperCase(s.charAt(end)) || Character.getType(s.charAt(end)) == Character.UPPERCASE_LETTER)) {
      end++;
    }
    for (int k = end; k < s.length() && k < end + reach && s.charAt(k) != '\n'; k++) {
      if (lowerCase(s.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean lowerCase(char c) {
    return Character.isLowerCase(c) || Character.isSurrogate(c);
  }

  private final Words words;
  private Reader out;
  /** Lucene's filter when the text may hold an acronym; null when it passes through. */
  private PatternReplaceCharFilter filter;

  AcronymCharFilter(Words words, Reader input) {
    super(input);
    this.words = words;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (out == null) {
      fill();
    }
    return out.read(cbuf, off, len);
  }

  @Override
  public int read() throws IOException {
    if (out == null) {
      fill();
    }
    return out.read();
  }

  /** Reads the whole input, as Lucene's filter does, and decides whether it needs the pattern. */
  private void fill() throws IOException {
    StringBuilder buffered = new StringBuilder();
    char[] temp = new char[1024];
    for (int n = input.read(temp); n > 0; n = input.read(temp)) {
      buffered.append(temp, 0, n);
    }
    String text = buffered.toString();
    if (words.mayMatch(text)) {
      filter = new PatternReplaceCharFilter(words.pattern, AcronymPattern.REPLACEMENT, new StringReader(text));
      out = filter;
    } else {
      out = new StringReader(text);
    }
  }

  @Override
  protected int correct(int currentOff) {
    return filter == null ? currentOff : filter.correctOffset(currentOff);
  }
}
