package org.steppe.enrich.quote;

import java.util.List;
import java.util.Set;
import org.steppe.enrich.Token;

/**
 * Finds the words after a quote that attribute it, by the patterns news writing uses ("…,” Musinov
 * replied; “…,” said Trump; “…,” Galym Ageleuov, head of …, told IWPR; “…” - Yerlan Idrisov,
 * Minister …; “…” if she didn't win by more, said David Wasserman). It returns the speaker's words,
 * not the resolved person. Stateless apart from its configuration; thread-safe.
 */
final class AttributionAfter {
  /** Attribution text is looked for at most this far from the quote, so time stays linear. */
  private static final int WINDOW = 320;
  /** Words that open another clause after a quote ("“…” and Donald Trump says …"), not its attribution. */
  private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "or", "while", "whereas", "because",
      "so", "though", "although", "when", "if", "after", "before", "since", "until", "whether");
  /** Verb forms that may open an attribution after a quote though they end in neither -ed nor -s ("said Trump", "according to Musin"). */
  private static final Set<String> IRREGULAR = Set.of("said", "wrote", "spoke", "thought", "put", "according");

  private final QuoteRules rules;
  private final NameWords names;
  private final SpeechVerbMatcher verbs;
  private final NamedPhrases phrases;
  private final VerbSubjects subjects;

  AttributionAfter(QuoteRules rules, NameWords names, SpeechVerbMatcher verbs, NamedPhrases phrases, VerbSubjects subjects) {
    this.rules = rules;
    this.names = names;
    this.verbs = verbs;
    this.phrases = phrases;
    this.subjects = subjects;
  }

  /** The attribution after the quote's closing mark, or null. */
  Attribution find(ArticleView v, QuoteSpan span, int nextOpen) {
    int from = span.close();
    int limit = v.paragraphEnd(from, Math.min(nextOpen, from + WINDOW));
    int sentenceEnd = v.sentences.endOf(from);
    if (sentenceEnd > from) {
      limit = Math.min(limit, sentenceEnd);
    } else if (v.sentences.startOf(from) < from) {
      // The quote closed its sentence ("… liar.” Carly Fiorina said Ted Cruz …): only a bare
      // attribution sentence ("” Trump said.") still belongs to it.
      int next = v.sentences.nextStart(from);
      int end = v.sentences.endOf(next);
      List<Token> following = v.tokensIn(next, Math.min(end, next + WINDOW));
      if (following.size() > 5 && !nameThenVerb(v, following)) {
        return null;
      }
      limit = Math.min(limit, end);
    }
    if (limit <= from) {
      return null;
    }
    List<Token> words = v.tokensIn(from, limit);
    if (words.isEmpty()) {
      return null;
    }
    String lead = v.text.substring(from, words.get(0).start()).replace('\u00A0', ' ');
    if (lead.strip().matches("[-\u2013\u2014]+")) {
      // “…” - Yerlan Idrisov, Minister of Foreign Affairs
      Cue name = phrases.nameIn(v, words, 0, words.size());
      return name == null ? null : new Attribution(name, from, limit, Attribution.Side.AFTER);
    }
    if (!lead.isBlank() && !lead.strip().equals(",") && !lead.strip().equals(".")) {
      return null; // a bracket or more punctuation: not an attribution
    }
    Attribution direct = adjacentAfter(v, words, from);
    if (direct != null && direct.cue() != null) {
      return direct;
    }
    if (direct == null && lead.isBlank() && words.size() >= 2) {
      // “Go back to Univision,” Trump barked: a person and a past-tense verb right after a quote ending in , ? !
      char end = v.text.charAt(Math.max(0, span.end() - 1));
      Cue who = phrases.personOrPronounAt(v, words, 0);
      int k = who == null ? -1 : Token.firstIndexAt(words, who.end());
      if ((end == ',' || end == '?' || end == '!') && who != null && k < words.size() && k <= 3
          && !words.get(k).capitalized() && words.get(k).key().endsWith("ed")
          && v.text.substring(who.end(), words.get(k).start()).equals(" ")) {
        return new Attribution(who, words.get(0).start(), words.get(k).end(), Attribution.Side.AFTER);
      }
    }
    // “…” if she didn't win by more, said David Wasserman. — the attribution closes the sentence
    Attribution late = tail(v, words);
    return late != null ? late : direct;
  }

  /**
   * "Clinton asks as a worker walks by": a name and its verb of saying open the sentence and no
   * clause of what was said follows (unlike "Carly Fiorina said Ted Cruz …").
   */
  private boolean nameThenVerb(ArticleView v, List<Token> words) {
    for (int k = 1; k < Math.min(words.size() - 1, 4); k++) {
      if (verbs.wordsAt(v, words, k) == 1) {
        Token next = words.get(k + 1);
        return names.nameHere(v, words.get(0)) && !next.capitalized() && !next.key().equals("that");
      }
    }
    return false;
  }

  /** An attribution right after the closing mark: “…,” NAME said / said NAME / NAME, apposition, said. */
  private Attribution adjacentAfter(ArticleView v, List<Token> words, int from) {
    if (CONJUNCTIONS.contains(words.get(0).key())) {
      return null; // “…” and Donald Trump says …: another clause, not this quote's attribution
    }
    for (int k = 0; k < Math.min(words.size(), 30); k++) {
      int verbLen = verbs.wordsAt(v, words, k);
      if (verbLen == 0) {
        continue;
      }
      int to = words.get(k + verbLen - 1).end();
      if (k == 0) {
        // “…,” said Trump / “…,” said he — a past or present form, not "promise" the noun
        String key = words.get(0).key();
        if (SpeechVerbMatcher.namesListener(key) || !(key.endsWith("ed") || key.endsWith("s") || IRREGULAR.contains(key))) {
          return null;
        }
        Cue object = phrases.afterVerb(v, words, verbLen);
        return new Attribution(object, from, object == null ? to : Math.max(to, object.end()), Attribution.Side.AFTER);
      }
      if (k > 12 && !longApposition(v, words)) {
        return null; // too much between the quote and the verb, unless it is a long apposition
      }
      if (!words.get(0).capitalized() && !rules.isPronoun(words.get(0).key()) && !words.get(0).key().equals("the")
          && v.text.substring(words.get(k - 1).end(), words.get(k).start()).contains(",")) {
        // “…” that Sanders can catch Clinton, said Steve Elmendorf: the clause runs on, the speaker follows the verb
        Cue object = SpeechVerbMatcher.namesListener(words.get(k).key()) ? null : phrases.afterVerb(v, words, k + verbLen);
        return object == null ? null : new Attribution(object, words.get(k).start(), Math.max(to, object.end()), Attribution.Side.AFTER);
      }
      Cue subject = subjects.between(v, words, 0, k);
      if (subject == null && k > 8) {
        return null; // too much between the quote and the verb to be its attribution
      }
      // The attribution starts right after the quote unless a clause comes first ("” could, he said, lead to")
      int start = subject == null || !v.text.substring(words.get(0).start(), subject.start()).contains(",")
          ? words.get(0).start() : subject.start();
      return new Attribution(subject, start, to, Attribution.Side.AFTER);
    }
    return null;
  }


  /** "Melanne Verveer, who served as …, told": a name of up to three words, then a comma. */
  private boolean longApposition(ArticleView v, List<Token> words) {
    for (int e = 0; e < Math.min(3, words.size() - 1); e++) {
      if (!names.isNameWord(words.get(e))) {
        return false;
      }
      if (v.text.substring(words.get(e).end(), words.get(e + 1).start()).contains(",")) {
        return true;
      }
    }
    return false;
  }

  /** An attribution after a comma later in the quote's sentence: "…, said NAME." or "…, NAME said." */
  private Attribution tail(ArticleView v, List<Token> words) {
    for (int c = 1; c < words.size(); c++) {
      String gap = v.text.substring(words.get(c - 1).end(), words.get(c).start());
      if (!gap.strip().equals(",")) {
        continue;
      }
      for (int k = c; k < Math.min(words.size(), c + 4); k++) {
        int verbLen = verbs.wordsAt(v, words, k);
        if (verbLen == 0) {
          continue;
        }
        if (words.size() - (k + verbLen) > 12 && k > c) {
          return null;
        }
        Cue cue = k == c ? (SpeechVerbMatcher.namesListener(words.get(k).key()) ? null : phrases.afterVerb(v, words, k + verbLen))
            : subjects.between(v, words, c, k);
        return cue == null ? null : new Attribution(cue, words.get(c).start(), words.get(k + verbLen - 1).end(), Attribution.Side.AFTER);
      }
    }
    return null;
  }
}
