package org.steppe.enrich.quote;

import java.util.List;
import java.util.Set;
import org.steppe.enrich.Token;

/**
 * Tells quoted strings that are not speech: titles and event names in title case ("Future Energy",
 * "Islam against Terrorism"), strings after a naming word ('a forum “…”', 'titled “…”'), labels
 * used as modifiers ('the “coordinated foreign policy” clause'), and too-short scare quotes.
 * Stateless apart from its configuration; thread-safe.
 */
final class SpeechFilter {
  /** Short words a title writes in lower case ("amid", "against", "between"). */
  private static final Set<String> TITLE_LOWER = Set.of("amid", "against", "between", "with", "from", "into",
      "over", "than", "that", "this", "under", "upon", "without", "within", "through", "about", "after",
      "before", "among", "across", "towards", "toward", "onto", "and", "the", "for", "of", "in", "on", "at", "to",
      "a", "an", "or", "by", "as", "s");
  /** Words after a quoted phrase that continue the sentence rather than name a thing the phrase labels. */
  private static final Set<String> CONTINUERS = Set.of("that", "which", "who", "and", "or", "but", "is", "was",
      "are", "were", "to", "of", "in", "on", "at", "for", "from", "with", "by", "as", "he", "she", "they", "it",
      "could", "would", "will", "can", "may", "might", "should", "has", "have", "had", "said", "says", "if",
      "when", "while", "because", "so", "than", "then", "into", "about", "after", "before", "since", "until",
      "where", "whose", "whom", "over", "against", "between", "under", "instead", "even", "not", "also", "only",
      "just", "all", "both", "i", "we", "you", "there", "here", "now", "again", "yet", "still", "up", "out", "off");

  private final QuoteRules rules;

  SpeechFilter(QuoteRules rules) {
    this.rules = rules;
  }

  /**
   * Whether the words in quotation marks are a title, a name or a label rather than speech. Title
   * case alone does not count against a quote a speaker follows ("“Like Oakland. Or Ferguson,” Trump said").
   */
  boolean notSpeech(ArticleView v, QuoteSpan span, List<Token> words, boolean spokenAfter) {
    boolean title = !spokenAfter && titleCase(words) && !sentenceBreak(v, span);
    return title || namedBefore(v, span) || label(v, span);
  }

  private static boolean sentenceBreak(ArticleView v, QuoteSpan span) {
    for (int i = span.start(); i + 2 < span.end(); i++) {
      char c = v.text.charAt(i);
      if ((c == '.' || c == '?' || c == '!') && v.text.charAt(i + 1) == ' ' && Character.isUpperCase(v.text.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  /** Most long words capitalised, as in titles: "Kazakhstan’s Foreign Policy Initiatives amid Global Changes." */
  static boolean titleCase(List<Token> words) {
    if (words.isEmpty() || words.size() > 14 || !words.get(0).capitalized()) {
      return false;
    }
    int content = 0;
    int capital = 0;
    for (Token t : words) {
      if (TITLE_LOWER.contains(t.key()) || Character.isDigit(t.text().charAt(0))) {
        continue;
      }
      content++;
      if (t.capitalized()) {
        capital++;
      }
    }
    return content > 0 && capital * 4 >= content * 3 && (content >= 2 || words.size() >= 2);
  }

  /** 'a forum “Islam against Terrorism”', 'the theme is "Future Energy"', 'so-called “…”'. */
  private boolean namedBefore(ArticleView v, QuoteSpan span) {
    int k = v.tokenFrom(span.open()) - 1;
    for (int back = 0; back < 2 && k >= 0; back++, k--) {
      Token t = v.tokens.get(k);
      int right = back == 0 ? span.open() : v.tokens.get(k + 1).start();
      String gap = v.text.substring(t.end(), right).strip();
      if (right - t.end() > 4 || !(gap.isEmpty() || gap.equals(":"))) {
        return false; // the naming word must stand right before the quote, in the same sentence
      }
      if (rules.titleCues().contains(t.key())) {
        return true;
      }
      if (t.key().equals("called") && k > 0 && rules.titleCues().contains(v.tokens.get(k - 1).key() + " called")) {
        return true; // so-called
      }
      if (!(t.key().equals("is") || t.key().equals("was") || t.key().equals("the") || t.key().equals("a"))) {
        return false;
      }
    }
    return false;
  }

  /** A quoted phrase between a determiner and a noun labels the noun: 'the “coordinated foreign policy” clause'. */
  private boolean label(ArticleView v, QuoteSpan span) {
    int k = v.tokenFrom(span.open()) - 1;
    if (k < 0 || !rules.determiners().contains(v.tokens.get(k).key())
        || !v.text.substring(v.tokens.get(k).end(), span.open()).isBlank()) {
      return false;
    }
    int close = span.close();
    if (close >= v.text.length() || v.text.charAt(close) != ' ') {
      return false;
    }
    int n = v.tokenFrom(close);
    if (n >= v.tokens.size() || v.tokens.get(n).start() != close + 1) {
      return false;
    }
    Token next = v.tokens.get(n);
    return !next.capitalized() && !CONTINUERS.contains(next.key()) && Character.isLetter(next.text().charAt(0));
  }
}
