package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.Token;

/**
 * Finds reported speech without quotation marks, in three shapes: "He stressed that CLAUSE",
 * "According to Musin, CLAUSE" and "CLAUSE, she said." The quote's span is the reported clause.
 * Only sentences with no quotation marks are read, and only speakers that resolve are kept.
 * Stateless apart from its configuration; thread-safe.
 */
final class ReportedSpeechFinder {
  /** Words that can open a reported clause after a verb with no "that" ("said the clause …"). */
  private static final Set<String> CLAUSE_OPENERS = Set.of("the", "a", "an", "it", "he", "she", "they", "we",
      "there", "this", "these", "those", "his", "her", "their", "its", "our", "i", "you");
  /** Verbs that report a clause with no "that" after them; others need "that". */
  private static final Set<String> BARE_VERBS = Set.of("said", "says", "say", "saying", "believes", "believe",
      "believed", "argues", "argued", "argue", "thinks", "think", "thought", "claimed", "claims", "admits", "admitted");

  private final SpeechVerbMatcher verbs;
  private final VerbSubjects subjects;
  private final QuoteRules rules;

  ReportedSpeechFinder(SpeechVerbMatcher verbs, VerbSubjects subjects, QuoteRules rules) {
    this.verbs = verbs;
    this.subjects = subjects;
    this.rules = rules;
  }

  /** A reported clause found in a sentence: its span and the words naming the speaker. */
  record Reported(int start, int end, Cue cue, int sentenceStart, int sentenceEnd) {}

  /** The reported speech of the article's unquoted sentences. */
  List<Reported> find(ArticleView v) {
    List<Reported> out = new ArrayList<>();
    int s = 0;
    int n = v.text.length();
    while (s < n) {
      int e = v.sentences.endOf(s);
      int next = v.sentences.nextStart(s);
      if (e - s > 20 && e - s < 800 && !hasQuote(v, s, e)) {
        Reported r = inSentence(v, s, e);
        if (r != null) {
          out.add(r);
        }
      }
      if (next <= s) {
        break;
      }
      s = next;
    }
    return out;
  }

  private static boolean hasQuote(ArticleView v, int s, int e) {
    int i = v.spanAt(s);
    if (i >= 0) {
      return true;
    }
    for (QuoteSpan q : v.spans.subList(lower(v.spans, s), v.spans.size())) {
      if (q.open() >= e) {
        break;
      }
      return true;
    }
    return false;
  }

  private static int lower(List<QuoteSpan> spans, int offset) {
    int lo = 0;
    int hi = spans.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (spans.get(mid).open() < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private Reported inSentence(ArticleView v, int s, int e) {
    List<Token> words = v.tokensIn(s, e);
    if (words.size() < 5) {
      return null;
    }
    int end = e;
    while (end > s && ".!?".indexOf(v.text.charAt(end - 1)) >= 0) {
      end--;
    }
    // According to Musin, Kazakhstan's foreign policy is …
    for (int k = 0; k < Math.min(2, words.size()); k++) {
      if (words.get(k).key().equals("according") && verbs.wordsAt(v, words, k) == 2) {
        int comma = v.text.indexOf(',', words.get(k + 1).end());
        if (comma > 0 && comma < end && comma - words.get(k + 1).end() < 60) {
          List<Token> name = v.tokensIn(words.get(k + 1).end(), comma);
          Cue cue = name.isEmpty() ? null : firstName(v, name);
          int start = skip(v, comma + 1, end);
          if (cue != null && v.tokensIn(start, end).size() >= 4) {
            return new Reported(start, end, cue, s, e);
          }
        }
        return null;
      }
    }
    // …, she said.
    int last = words.size() - 1;
    if (verbs.wordsAt(v, words, last) == 1 && last >= 4) {
      String gap = v.text.substring(words.get(last - 2).end(), words.get(last - 1).start());
      if (gap.strip().equals(",")) {
        Cue cue = subjects.before(v, words, last);
        if (cue != null && cue.start() == words.get(last - 1).start()) {
          return new Reported(s, words.get(last - 2).end(), cue, s, e);
        }
      }
    }
    // He stressed that Kazakhstan did not always assume …
    for (int k = 1; k < Math.min(words.size() - 4, 25); k++) {
      if (verbs.wordsAt(v, words, k) != 1) {
        continue;
      }
      Token verb = words.get(k);
      Token after = words.get(k + 1);
      boolean that = after.key().equals("that");
      boolean bare = BARE_VERBS.contains(verb.key()) && (CLAUSE_OPENERS.contains(after.key())
          || (after.capitalized() && k + 2 < words.size() && !words.get(k + 2).capitalized()));
      if (!that && !bare) {
        continue;
      }
      String gap = v.text.substring(words.get(k - 1).end(), verb.start());
      if (!gap.equals(" ") && !gap.equals(", ")) {
        continue;
      }
      Cue cue = subjects.before(v, words, k);
      if (cue == null) {
        return null;
      }
      int start = that ? skip(v, after.end(), end) : after.start();
      if (v.tokensIn(start, end).size() < 4) {
        return null;
      }
      return new Reported(start, end, cue, s, e);
    }
    return null;
  }

  private Cue firstName(ArticleView v, List<Token> name) {
    EntityMention e = v.entityAt(name.get(0).start());
    if (e != null) {
      return Cue.of(e);
    }
    Token t = name.get(0);
    if (rules.isPronoun(t.key())) {
      return Cue.pronoun(t);
    }
    if (!t.capitalized() || name.size() > 4) {
      return null;
    }
    Token last = name.get(name.size() - 1);
    return Cue.name(t.start(), last.end());
  }

  private static int skip(ArticleView v, int from, int to) {
    while (from < to && Character.isWhitespace(v.text.charAt(from))) {
      from++;
    }
    return from;
  }
}
