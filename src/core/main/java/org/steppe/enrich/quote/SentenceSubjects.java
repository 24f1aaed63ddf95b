package org.steppe.enrich.quote;

import java.util.List;
import java.util.Set;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * The subject opening a sentence: a name or pronoun, past an opening phrase ("In a statement, …"),
 * a conjunction or adverb and titles ("But Sen. Pat Toomey refused …"), or a person behind a
 * description ("Republican presidential nominee Donald Trump issued …"); and a named body ("The
 * Illinois Board of Elections"). Stateless apart from its configuration; thread-safe.
 */
final class SentenceSubjects {
  /** Sentences longer than this before an offset are not searched for their subject. */
  private static final int WINDOW = 320;
  /** Prepositions that open a phrase before a sentence's subject ("In a statement, …"). */
  private static final Set<String> PREPOSITIONS = Set.of("at", "in", "on", "during", "after", "before", "with",
      "for", "from", "by", "under", "speaking", "asked", "responding", "writing", "since", "following", "despite",
      "last", "earlier", "later", "through", "as", "when", "while", "although", "though", "because", "if", "once",
      "unlike", "like", "amid", "reached", "told", "given", "even");

  private final QuoteRules rules;
  private final NameWords names;
  private final SpeechVerbMatcher verbs;

  SentenceSubjects(QuoteRules rules, NameWords names, SpeechVerbMatcher verbs) {
    this.rules = rules;
    this.names = names;
    this.verbs = verbs;
  }

  /** The subject opening the sentence that holds {@code offset}, when it lies in the same paragraph before {@code limit}. */
  Cue around(ArticleView v, int offset, int limit) {
    int start = v.sentences.startOf(offset);
    if (offset - start > WINDOW || v.paragraphStart(offset, start) > start || v.quoted(start)) {
      return null;
    }
    List<Token> words = v.tokensIn(start, limit);
    return words.size() < 3 ? null : atStart(v, words, words.size());
  }

  /** The name or pronoun opening a sentence, when a lower-case word or a comma follows it. */
  Cue atStart(ArticleView v, List<Token> all, int verbAt) {
    if (all.size() > 2 && all.get(0).key().endsWith("ly") && all.get(0).key().length() > 6
        && PREPOSITIONS.contains(all.get(1).key())) {
      all = all.subList(1, all.size()); // "Immediately after the attacks, Trump issued …"
      verbAt--;
    }
    if (!all.isEmpty() && PREPOSITIONS.contains(all.get(0).key())) {
      // "At Sunday night’s debate, Sanders compared …": the subject follows the opening phrase's comma
      for (int i = 1; i < Math.min(verbAt - 2, 12); i++) {
        if (v.text.substring(all.get(i - 1).end(), all.get(i).start()).strip().equals(",")) {
          return atStart(v, all.subList(i, all.size()), verbAt - i);
        }
      }
      return null;
    }
    // skip an opening conjunction or adverb and titles: "But Sen. Pat Toomey refused …"
    int skip = 0;
    while (skip < Math.min(3, verbAt - 1) && (NameWords.isOpener(all.get(skip).key()) || names.isTitle(all.get(skip).key()))
        && v.text.substring(all.get(skip).end(), all.get(skip + 1).start()).matches("[ ,.]{1,2}")) {
      skip++;
    }
    List<Token> words = all.subList(skip, all.size());
    int verb = verbAt - skip;
    if (verb < 2) {
      return null;
    }
    Token first = words.get(0);
    if (rules.isPronoun(first.key())) {
      return Cue.pronoun(first);
    }
    // "Republican presidential nominee Donald Trump issued …": a person behind a description
    for (int i = 1; i < Math.min(verb, 6); i++) {
      Token t = words.get(i);
      EntityMention p = v.entityAt(t.start());
      if (p != null && p.type() == EntityType.PERSON) {
        int after = i;
        while (after + 1 < words.size() && words.get(after + 1).end() <= p.end()) {
          after++;
        }
        boolean plain = v.text.substring(first.start(), p.start()).matches("[\\p{L}\\p{N} .\u2019'-]*");
        return plain && after + 1 < verb && !words.get(after + 1).capitalized() ? Cue.of(p) : null;
      }
      if (verbs.wordsAt(v, words, i) > 0) {
        break;
      }
    }
    EntityMention e = v.entityAt(first.start());
    int last;
    if (e != null) {
      if (e.type() != EntityType.PERSON) {
        return null;
      }
      last = 0;
      while (last + 1 < verb && words.get(last + 1).end() <= e.end()) {
        last++;
      }
    } else {
      if (!names.nameHere(v, first) || names.isNotName(first.key()) || names.isTitle(first.key())) {
        return null;
      }
      last = 0;
      while (last + 1 < verb && last < 2 && names.isNameWord(words.get(last + 1))
          && NameWords.adjacent(v, words.get(last), words.get(last + 1))) {
        last++;
      }
    }
    if (last + 1 >= verb) {
      return null;
    }
    Token next = words.get(last + 1);
    String gap = v.text.substring(words.get(last).end(), next.start());
    if (!(gap.equals(" ") && !next.capitalized()) && !gap.strip().equals(",") && !gap.strip().equals("(")) {
      return null;
    }
    return e != null ? Cue.of(e) : Cue.name(first.start(), words.get(last).end());
  }

  /** "The Illinois Board of Elections was conclusive in its findings:": a body named after "the". */
  Cue bodyAtStart(ArticleView v, List<Token> words) {
    if (words.size() < 3 || !words.get(0).key().equals("the")) {
      return null;
    }
    int last = 0;
    while (last + 1 < words.size() && last < 6 && (names.nameHere(v, words.get(last + 1))
        || (words.get(last + 1).key().equals("of") && last > 0))
        && v.text.substring(words.get(last).end(), words.get(last + 1).start()).equals(" ")) {
      last++;
    }
    while (last > 0 && words.get(last).key().equals("of")) {
      last--;
    }
    return last == 0 ? null : Cue.name(words.get(1).start(), words.get(last).end());
  }
}
