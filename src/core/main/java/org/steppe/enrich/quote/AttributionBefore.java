package org.steppe.enrich.quote;

import java.util.List;
import org.steppe.enrich.Token;

/**
 * Finds the words before a quote that attribute it: in the quote's sentence (Trump said: “…”;
 * Musin assured that Kazakhstan “…”; According to Musin, “…”; Trump: “…”), or ending the paragraph
 * before a quote paragraph ("Cruz continued:"). It returns the speaker's words, not the resolved
 * person. Stateless apart from its configuration; thread-safe.
 */
final class AttributionBefore {
  /** Attribution text is looked for at most this far from the quote, so time stays linear. */
  private static final int WINDOW = 320;

  private final SpeechVerbMatcher verbs;
  private final NamedPhrases phrases;
  private final VerbSubjects subjects;
  private final SentenceSubjects sentenceSubjects;

  AttributionBefore(SpeechVerbMatcher verbs, NamedPhrases phrases, VerbSubjects subjects, SentenceSubjects sentenceSubjects) {
    this.verbs = verbs;
    this.phrases = phrases;
    this.subjects = subjects;
    this.sentenceSubjects = sentenceSubjects;
  }

  /** The attribution before the quote's opening mark in its sentence, or null. */
  Attribution inSentence(ArticleView v, QuoteSpan span, int previousClose) {
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
      int verbLen = verbs.wordsAt(v, words, k);
      if (verbLen == 0) {
        continue;
      }
      Token verb = words.get(k);
      if (verb.key().equals("according")) {
        Cue object = phrases.afterVerb(v, words, k + verbLen);
        if (object != null) {
          return new Attribution(object, verb.start(), to, Attribution.Side.BEFORE);
        }
        continue;
      }
      // Trump said Tuesday: “…” / Trump told reporters, “…”
      Cue subject = subjects.before(v, words, k);
      if (subject != null && subject.type() == Cue.Type.PRONOUN) {
        // "Benjamin said he believes “…”": the reporting verb's named subject, not the pronoun of the clause
        for (int i = k - 2; i >= Math.max(0, k - 10); i--) {
          if (verbs.wordsAt(v, words, i) == 1) {
            Cue outer = subjects.before(v, words, i);
            if (outer != null && outer.type() == Cue.Type.NAME && outer.end() <= subject.start()) {
              subject = outer;
            }
            break;
          }
        }
      }
      if (subject == null && !verb.key().endsWith("ing")) {
        // "McConnell was quick to embrace him and said that …": the sentence's subject speaks
        subject = sentenceSubjects.around(v, to, verb.start());
      }
      if (subject == null && k + verbLen < words.size() && !SpeechVerbMatcher.namesListener(verb.key())) {
        Cue object = phrases.afterVerb(v, words, k + verbLen);
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
      Cue subject = sentenceSubjects.around(v, to, to);
      if (subject == null) {
        int start = v.sentences.startOf(to);
        subject = to - start < WINDOW && v.paragraphStart(to, start) <= start ? sentenceSubjects.bodyAtStart(v, v.tokensIn(start, to)) : null;
      }
      if (subject != null) {
        return new Attribution(subject, subject.start(), to, Attribution.Side.BEFORE);
      }
      // Trump: “…” — a name and a colon introduce speech
      int k = words.size() - 1;
      Cue name = phrases.endingAt(v, words, k, 0);
      int at = name == null ? -1 : Token.firstIndexAt(words, name.start());
      // … contests - Philip Bump: “…” — a name set off by a dash before the colon
      boolean dashed = at > 0 && v.text.substring(words.get(at - 1).end(), name.start()).strip().matches("[-\u2013\u2014]+");
      if (name != null && name.type() != Cue.Type.ROLE && (at <= 1 || dashed)) {
        return new Attribution(name, name.start(), to, Attribution.Side.BEFORE);
      }
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
    Attribution a = inSentence(v, colon, Math.max(0, v.paragraphStart(k, k - WINDOW)));
    if (a != null && a.cue() != null) {
      return new Attribution(a.cue(), a.from(), span.open(), Attribution.Side.BEFORE);
    }
    Cue subject = sentenceSubjects.around(v, k, k);
    return subject == null ? null : new Attribution(subject, subject.start(), span.open(), Attribution.Side.BEFORE);
  }
}
