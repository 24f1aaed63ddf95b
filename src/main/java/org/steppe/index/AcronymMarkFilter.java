package org.steppe.index;

import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Tells acronyms from the stop words they spell: a stop word written in capitals amid ordinary
 * text ("US", "IS", "IT", "WHO") becomes its lower-case form plus {@value #MARK} ("us."), a term of
 * its own that stemming leaves alone, while "us", "Is" and the words of an all-capitals headline
 * stay ordinary words. Queries drop loose stop words ({@code org.steppe.search}); the marked
 * acronyms are not stop words, so "US" finds the United States and not every "us". It must run
 * before lower-casing, in the index and the query chain alike.
 *
 * <p>A word in capitals is an acronym when a word with lower-case letters stands within
 * {@value #WINDOW} words of it, or when it has (almost) no neighbours at all, as a query of one or
 * two words. Ordinary text needs no look-ahead; only a capitalised stop word with no lower-case
 * word just before it buffers the next few tokens.
 */
public final class AcronymMarkFilter extends TokenFilter {
  /** Appended to a marked acronym's lower-case form; the standard tokenizer never ends a word with it. */
  public static final String MARK = ".";

  /** How many words either side decide whether capitals are an acronym or shouting. */
  static final int WINDOW = 4;

  private final CharArraySet stopWords;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  /** Tokens read ahead and not yet emitted. */
  private final ArrayDeque<Pending> ahead = new ArrayDeque<>();
  /** Letter cases of the last {@link #WINDOW} tokens read, newest last: bit 1 has letters, bit 2 has lower case. */
  private final int[] behind = new int[WINDOW];
  private int behindCount;
  private boolean exhausted;

  private record Pending(AttributeSource.State state, int letterCase) {}

  /** @param stopWords the stop words, matched ignoring case */
  public AcronymMarkFilter(TokenStream in, CharArraySet stopWords) {
    super(in);
    this.stopWords = stopWords;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (true) {
      int letterCase;
      if (!ahead.isEmpty()) {
        Pending p = ahead.removeFirst();
        restoreState(p.state());
        letterCase = p.letterCase();
      } else if (!exhausted && input.incrementToken()) {
        letterCase = letterCase(term);
      } else {
        exhausted = true;
        return false;
      }
      if (acronym(letterCase)) {
        term.append(MARK);
        keyword.setKeyword(true);
      }
      remember(letterCase);
      return true;
    }
  }

  /** Whether the current token is a stop word in capitals amid ordinary text. */
  private boolean acronym(int letterCase) throws IOException {
    if (!capitals(letterCase) || !stopWords.contains(term.buffer(), 0, term.length())) {
      return false;
    }
    int lettered = 0;
    for (int i = 0; i < behindCount; i++) {
      if ((behind[i] & 2) != 0) {
        return true; // lower case just before: an acronym in running text
      }
      lettered += behind[i] & 1;
    }
    AttributeSource.State current = captureState();
    while (ahead.size() < WINDOW && !exhausted) {
      if (input.incrementToken()) {
        ahead.addLast(new Pending(captureState(), letterCase(term)));
      } else {
        exhausted = true;
      }
    }
    restoreState(current);
    for (Pending p : ahead) {
      if ((p.letterCase() & 2) != 0) {
        return true;
      }
      lettered += p.letterCase() & 1;
    }
    // Among capitals only: shouting (a headline in capitals) unless the word is all but alone.
    return lettered < 2;
  }

  private void remember(int letterCase) {
    if (behindCount == WINDOW) {
      System.arraycopy(behind, 1, behind, 0, WINDOW - 1);
      behindCount--;
    }
    behind[behindCount++] = letterCase;
  }

  /** Capitals only, two letters or more: "US", "IS", not "A" or "Is". */
  private static boolean capitals(int letterCase) {
    return (letterCase & 4) != 0 && (letterCase & 2) == 0;
  }

  /** Bit 1: has a letter; bit 2: has a lower-case letter; bit 4: has two or more letters. */
  private static int letterCase(CharTermAttribute t) {
    int letters = 0;
    int out = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        out |= 1;
        if (Character.isLowerCase(c)) {
          out |= 2;
        }
      }
    }
    return letters >= 2 ? out | 4 : out;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    ahead.clear();
    behindCount = 0;
    exhausted = false;
  }
}
