package org.steppe.enrich;

import java.util.List;
import java.util.Set;

/**
 * Finds the words that attribute a quote, by the patterns news writing uses: after the quote
 * ("…,” Musinov replied; “…,” said Trump; “…,” Galym Ageleuov, head of …, told IWPR; “…” - Yerlan
 * Idrisov, Minister …) or before it in the same sentence (Trump said: “…”; Musin assured that
 * Kazakhstan “…”; According to Musin, “…”). It returns the speaker's words, not the resolved person.
 * Stateless apart from its configuration; thread-safe.
 */
final class SpeakerFinder {
  /** Attribution text is looked for at most this far from the quote, so time stays linear. */
  private static final int WINDOW = 320;
  private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "or", "while", "whereas", "because",
      "so", "though", "although", "when", "if", "after", "before", "since", "until", "whether");
  private static final Set<String> IRREGULAR = Set.of("said", "wrote", "spoke", "thought", "put", "according");
  private static final Set<String> NO_INVERSION = Set.of("told", "tell", "tells", "telling", "ask", "asks", "asking");

  private final QuoteRules rules;
  private final SpeakerPhrases phrases;

  SpeakerFinder(QuoteRules rules, SpeakerPhrases phrases) {
    this.rules = rules;
    this.phrases = phrases;
  }

  /** The attribution after the quote's closing mark, or null. */
  Attribution after(ArticleView v, QuoteSpan span, int nextOpen) {
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
      Cue name = phrases.nameAt(v, words, 0, words.size());
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
      Cue who = phrases.nameOrPronounAt(v, words, 0, words.size());
      int k = who == null ? -1 : phrases.firstIndexAt(words, who.end());
      if ((end == ',' || end == '?' || end == '!') && who != null && k < words.size() && k <= 3
          && !words.get(k).capitalized() && words.get(k).key().endsWith("ed")
          && v.text.substring(who.end(), words.get(k).start()).equals(" ")) {
        return new Attribution(who, words.get(0).start(), words.get(k).end(), Attribution.Side.AFTER);
      }
    }
    // “…” if she didn't win by more, said David Wasserman. — the attribution closes the sentence
    Attribution late = tail(v, words, from, limit);
    return late != null ? late : direct;
  }

  /**
   * "Clinton asks as a worker walks by": a name and its verb of saying open the sentence and no
   * clause of what was said follows (unlike "Carly Fiorina said Ted Cruz …").
   */
  private boolean nameThenVerb(ArticleView v, List<Token> words) {
    for (int k = 1; k < Math.min(words.size() - 1, 4); k++) {
      if (phrases.verbAt(v, words, k) == 1) {
        Token next = words.get(k + 1);
        return phrases.nameHere(v, words.get(0)) && !next.capitalized() && !next.key().equals("that");
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
      int verbLen = phrases.verbAt(v, words, k);
      if (verbLen == 0) {
        continue;
      }
      int to = words.get(k + verbLen - 1).end();
      if (k == 0) {
        // “…,” said Trump / “…,” said he — a past or present form, not "promise" the noun
        String key = words.get(0).key();
        if (NO_INVERSION.contains(key) || !(key.endsWith("ed") || key.endsWith("s") || IRREGULAR.contains(key))) {
          return null;
        }
        Cue object = phrases.objectAt(v, words, verbLen);
        return new Attribution(object, from, object == null ? to : Math.max(to, object.end()), Attribution.Side.AFTER);
      }
      if (k > 12 && !phrases.longApposition(v, words)) {
        return null; // too much between the quote and the verb, unless it is a long apposition
      }
      if (!words.get(0).capitalized() && !rules.isPronoun(words.get(0).key()) && !words.get(0).key().equals("the")
          && v.text.substring(words.get(k - 1).end(), words.get(k).start()).contains(",")) {
        // “…” that Sanders can catch Clinton, said Steve Elmendorf: the clause runs on, the speaker follows the verb
        Cue object = NO_INVERSION.contains(words.get(k).key()) ? null : phrases.objectAt(v, words, k + verbLen);
        return object == null ? null : new Attribution(object, words.get(k).start(), Math.max(to, object.end()), Attribution.Side.AFTER);
      }
      Cue subject = phrases.subjectIn(v, words, 0, k);
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

  /**
   * The attribution ending the paragraph before a quote that opens its own paragraph, when that
   * paragraph ends with a colon ("Cruz continued:", "Trump issued the following statement:").
   */
  Attribution paragraphBefore(ArticleView v, QuoteSpan span) {
    int p = v.paragraphStart(span.open(), Math.max(0, span.open() - WINDOW));
    if (!v.text.substring(p, span.open()).isBlank()) {
      return null;
    }
    int k = p - 1;
    while (k > 0 && k > span.open() - WINDOW && Character.isWhitespace(v.text.charAt(k))) {
      k--;
    }
    if (k <= 0 || v.text.charAt(k) != ':' || v.quoted(k)) {
      return null;
    }
    QuoteSpan colon = new QuoteSpan(k, k, k, k + 1, true, 1, false);
    Attribution a = before(v, colon, Math.max(0, v.paragraphStart(k, k - WINDOW)));
    if (a != null && a.cue() != null) {
      return new Attribution(a.cue(), a.from(), span.open(), Attribution.Side.BEFORE);
    }
    Cue subject = phrases.sentenceSubject(v, k, k);
    return subject == null ? null : new Attribution(subject, subject.start(), span.open(), Attribution.Side.BEFORE);
  }


  /** An attribution after a comma later in the quote's sentence: "…, said NAME." or "…, NAME said." */
  private Attribution tail(ArticleView v, List<Token> words, int from, int limit) {
    for (int c = 1; c < words.size(); c++) {
      String gap = v.text.substring(words.get(c - 1).end(), words.get(c).start());
      if (!gap.strip().equals(",")) {
        continue;
      }
      for (int k = c; k < Math.min(words.size(), c + 4); k++) {
        int verbLen = phrases.verbAt(v, words, k);
        if (verbLen == 0) {
          continue;
        }
        if (words.size() - (k + verbLen) > 12 && k > c) {
          return null;
        }
        Cue cue = k == c ? (NO_INVERSION.contains(words.get(k).key()) ? null : phrases.objectAt(v, words, k + verbLen))
            : phrases.subjectIn(v, words, c, k);
        return cue == null ? null : new Attribution(cue, words.get(c).start(), words.get(k + verbLen - 1).end(), Attribution.Side.AFTER);
      }
    }
    return null;
  }

  /** The attribution before the quote's opening mark in its sentence, or null. */
  Attribution before(ArticleView v, QuoteSpan span, int previousClose) {
    int to = span.open();
    int from = Math.max(Math.max(previousClose, v.sentences.startOf(to)), Math.max(0, to - WINDOW));
    from = Math.max(from, v.paragraphStart(to, from));
    List<Token> words = v.tokensIn(from, to);
    if (words.isEmpty()) {
      return null;
    }
    String tail = v.text.substring(words.get(words.size() - 1).end(), to).strip();
    Attribution firstFound = null;
    int tried = 0;
    for (int k = words.size() - 1; k >= 0; k--) {
      int verbLen = phrases.verbAt(v, words, k);
      if (verbLen == 0) {
        continue;
      }
      Token verb = words.get(k);
      if (verb.key().equals("according")) {
        Cue object = phrases.objectAt(v, words, k + verbLen);
        if (object != null) {
          return new Attribution(object, verb.start(), to, Attribution.Side.BEFORE);
        }
        continue;
      }
      // Trump said Tuesday: “…” / Trump told reporters, “…”
      Cue subject = phrases.subjectBefore(v, words, k);
      if (subject != null && subject.type() == Cue.Type.PRONOUN) {
        // "Benjamin said he believes “…”": the reporting verb's named subject, not the pronoun of the clause
        for (int i = k - 2; i >= Math.max(0, k - 10); i--) {
          if (phrases.verbAt(v, words, i) == 1) {
            Cue outer = phrases.subjectBefore(v, words, i);
            if (outer != null && outer.type() == Cue.Type.NAME && outer.end() <= subject.start()) {
              subject = outer;
            }
            break;
          }
        }
      }
      if (subject == null && !verb.key().endsWith("ing")) {
        // "McConnell was quick to embrace him and said that …": the sentence's subject speaks
        subject = phrases.sentenceSubject(v, to, verb.start());
      }
      if (subject == null && k + verbLen < words.size() && !NO_INVERSION.contains(verb.key())) {
        Cue object = phrases.objectAt(v, words, k + verbLen);
        if (object != null && object.type() != Cue.Type.ROLE && (tail.equals(":") || tail.equals(","))) {
          return new Attribution(object, verb.start(), to, Attribution.Side.BEFORE);
        }
      }
      int start = subject == null ? verb.start() : Math.min(subject.start(), verb.start());
      Attribution found = new Attribution(subject, start, to, Attribution.Side.BEFORE);
      if (subject != null) {
        return found;
      }
      // "X said that according to its analysis, … “…”": an earlier verb may name the speaker
      firstFound = firstFound == null ? found : firstFound;
      if (++tried >= 3) {
        return firstFound;
      }
    }
    if (firstFound != null) {
      return firstFound;
    }
    if (tail.equals(":")) {
      // Clinton has since apologized for what happened: “…” — the sentence's subject speaks
      Cue subject = phrases.sentenceSubject(v, to, to);
      if (subject == null) {
        int start = v.sentences.startOf(to);
        subject = to - start < WINDOW && v.paragraphStart(to, start) <= start ? phrases.bodyAtStart(v, v.tokensIn(start, to)) : null;
      }
      if (subject != null) {
        return new Attribution(subject, subject.start(), to, Attribution.Side.BEFORE);
      }
      // Trump: “…” — a name and a colon introduce speech
      int k = words.size() - 1;
      Cue name = phrases.subjectEndingAt(v, words, k, 0);
      int at = name == null ? -1 : phrases.firstIndexAt(words, name.start());
      // … contests - Philip Bump: “…” — a name set off by a dash before the colon
      boolean dashed = at > 0 && v.text.substring(words.get(at - 1).end(), name.start()).strip().matches("[-\u2013\u2014]+");
      if (name != null && name.type() != Cue.Type.ROLE && (at <= 1 || dashed)) {
        return new Attribution(name, name.start(), to, Attribution.Side.BEFORE);
      }
    }
    return null;
  }
















}
