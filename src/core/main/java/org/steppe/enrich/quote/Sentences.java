package org.steppe.enrich.quote;

import java.util.Arrays;
import java.util.Set;

/**
 * Where the sentences of one article begin: after a full stop, question or exclamation mark (and
 * any closing quotation marks or brackets) followed by a space and a capital, and at every line
 * break. Abbreviations ("Mr.", "U.S.") and initials ("J.") do not end sentences. Immutable.
 */
final class Sentences {
  private final String text;
  private final int[] starts;

  private Sentences(String text, int[] starts) {
    this.text = text;
    this.starts = starts;
  }

  /** The sentences of {@code text}, in one linear pass. */
  static Sentences of(String text, Set<String> abbreviations) {
    int n = text.length();
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int next = -1;
      if (c == '\n') {
        next = i + 1;
      } else if ((c == '.' || c == '!' || c == '?' || c == '\u2026') && !(c == '.' && abbreviation(text, i, abbreviations))) {
        int j = i + 1;
        while (j < n && isCloser(text.charAt(j))) {
          j++;
        }
        int k = j;
        while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\u00A0')) {
          k++;
        }
        if (k > j && k < n && startsSentence(text.charAt(k))) {
          next = k;
        }
      }
      if (next > 0 && next > starts[count - 1]) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = next;
      }
      i++;
    }
    return new Sentences(text, Arrays.copyOf(starts, count));
  }

  /** The number of the sentence holding {@code offset}, counting from 0. */
  int indexOf(int offset) {
    int k = Arrays.binarySearch(starts, offset);
    return k >= 0 ? k : Math.max(0, -k - 2);
  }

  /** The offset where the sentence holding {@code offset} begins. */
  int startOf(int offset) {
    int k = Arrays.binarySearch(starts, offset);
    return k >= 0 ? starts[k] : starts[Math.max(0, -k - 2)];
  }

  /** The offset after the sentence holding {@code offset}, without trailing white space. */
  int endOf(int offset) {
    int k = Arrays.binarySearch(starts, offset);
    int idx = k >= 0 ? k + 1 : -k - 1;
    int end = idx < starts.length ? starts[idx] : text.length();
    while (end > offset && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** The start of the sentence after the one holding {@code offset}, or the text's length. */
  int nextStart(int offset) {
    int k = Arrays.binarySearch(starts, offset);
    int idx = k >= 0 ? k + 1 : -k - 1;
    return idx < starts.length ? starts[idx] : text.length();
  }

  /** The start of the sentence before the one beginning at {@code sentenceStart}, or -1. */
  int previousStart(int sentenceStart) {
    int k = Arrays.binarySearch(starts, sentenceStart);
    int idx = k >= 0 ? k - 1 : -k - 2;
    return idx >= 0 ? starts[idx] : -1;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '\u00BB';
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C' || c == '\u2018'
        || c == '\'' || c == '(' || c == '\u00AB';
  }

  /** Whether the full stop at {@code dot} closes an abbreviation or an initial rather than a sentence. */
  private static boolean abbreviation(String text, int dot, Set<String> abbreviations) {
    int s = dot;
    while (s > 0 && dot - s < 12 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
      s--;
    }
    if (s == dot) {
      return false;
    }
    String word = text.substring(s, dot);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true; // an initial: "George W. Bush"
    }
    return abbreviations.contains(word);
  }
}
