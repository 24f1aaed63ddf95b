package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.List;
import org.steppe.enrich.Token;

/**
 * Ends a quote whose writer forgot the closing mark where its attribution begins, as the writer
 * meant: in {@code "It's a gloomy outlook, said David Wyss of Data Resources.} the quote is
 * {@code It's a gloomy outlook,} and the rest is the writer's. A tag is a comma, then at most three
 * words naming the speaker (or none) and a verb of saying ({@code , said}, {@code , he said},
 * {@code , Wyss added}). Stateless apart from its configuration; thread-safe.
 */
final class UnclosedQuotes {
  /** Most words a tag puts between its comma and its verb: "Frederick Meinke said", "the analyst said". */
  private static final int NAME_WORDS = 3;

  private final SpeechVerbMatcher verbs;
  private final QuoteRules rules;

  UnclosedQuotes(SpeechVerbMatcher verbs, QuoteRules rules) {
    this.verbs = verbs;
    this.rules = rules;
  }

  /** {@code spans} with every unclosed one that holds a tag cut before it (and then closed there). */
  List<QuoteSpan> cutAtTags(ArticleView v, List<QuoteSpan> spans) {
    List<QuoteSpan> out = null;
    for (int i = 0; i < spans.size(); i++) {
      QuoteSpan s = spans.get(i);
      int comma = s.closed() ? -1 : tagComma(v, s);
      if (comma >= 0) {
        if (out == null) {
          out = new ArrayList<>(spans);
        }
        out.set(i, new QuoteSpan(s.open(), s.start(), comma + 1, comma + 1, true, s.paragraphs(), s.single()));
      }
    }
    return out == null ? spans : out;
  }

  /** The offset of the comma opening the first tag inside {@code s}, or -1. */
  private int tagComma(ArticleView v, QuoteSpan s) {
    List<Token> words = v.tokensIn(s.start(), s.end());
    for (int k = 1; k < words.size(); k++) {
      int comma = commaBefore(v, words.get(k - 1), words.get(k));
      if (comma < 0) {
        continue;
      }
      for (int j = k; j < words.size() && j <= k + NAME_WORDS; j++) {
        if (verbs.wordsAt(v, words, j) > 0) {
          if (j == k || namesSomeone(words.subList(k, j))) {
            return comma;
          }
          break;
        }
      }
    }
    return -1;
  }

  /** Capitalised words, a pronoun, or "the"/"a" and a role noun: who the tag names. */
  private boolean namesSomeone(List<Token> words) {
    if (words.size() == 1 && rules.isPronoun(words.get(0).key())) {
      return true;
    }
    boolean determiner = rules.determiners().contains(words.get(0).key());
    for (int i = determiner ? 1 : 0; i < words.size(); i++) {
      if (!words.get(i).capitalized() && !rules.roleNouns().contains(words.get(i).key())) {
        return false;
      }
    }
    return words.size() > (determiner ? 1 : 0);
  }

  /** The offset of a comma standing alone between two words, or -1. */
  private static int commaBefore(ArticleView v, Token a, Token b) {
    String gap = v.text.substring(a.end(), b.start());
    int c = gap.indexOf(',');
    return c >= 0 && gap.strip().equals(",") ? a.end() + c : -1;
  }
}
