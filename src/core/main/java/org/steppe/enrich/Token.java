package org.steppe.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A word of text with its offsets and a matching key (lower case, accents folded), so "Nazarbaev",
 * "NAZARBAEV" and "Nazarbáev" meet.
 */
public record Token(int start, int end, String text, String key) {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Texts at least this long are remembered per thread: an article's text, not the names and phrases in it. */
  private static final int REMEMBERED = 256;
  /** The last long text this thread tokenised, by identity, and its (unmodifiable) words. */
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

  /**
   * The words of {@code text}: maximal runs of letters and digits. An article's text is read by
   * the gazetteer, the person rules, the resolver and the quote extractor in turn: its words are
   * made once per thread and shared, unmodifiable (issue 16); a short text gets a list of its own.
   */
  @SuppressWarnings("unchecked")
  public static List<Token> tokenize(String text) {
    if (text.length() < REMEMBERED) {
      return split(text);
    }
    Object[] last = LAST.get();
    if (last[0] == text) {
      return (List<Token>) last[1];
    }
    List<Token> words = java.util.Collections.unmodifiableList(split(text));
    last[0] = text;
    last[1] = words;
    return words;
  }

  private static List<Token> split(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isWordChar(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        String word = text.substring(start, i);
        out.add(new Token(start, i, word, key(word)));
      }
    }
    return out;
  }

  /** The index of the first of {@code words} starting at or after {@code offset}, or their number when none does. */
  public static int firstIndexAt(List<Token> words, int offset) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).start() >= offset) {
        return i;
      }
    }
    return words.size();
  }

  /** Whether {@code c} belongs to a word: a letter, a digit or a combining mark. */
  public static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /** The matching key of a word: lower case without accents. */
  public static String key(String word) {
    String folded = word;
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) > 127) {
        folded = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
        break;
      }
    }
    return folded.toLowerCase(Locale.ROOT);
  }

  public boolean capitalized() {
    return Character.isUpperCase(text.charAt(0));
  }

  public boolean allCaps() {
    return text.length() > 1 && text.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
  }
}
