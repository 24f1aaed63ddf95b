package org.steppe.enrich.quote;

import java.util.List;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * The phrase that names someone at a given place among a sentence's words: a name, pronoun or role
 * phrase ending at a word ("the Florida senator", "the Clinton campaign"), the name that follows a
 * verb ("said Sen. Bernie Sanders"), a person or pronoun at a word. Stateless apart from its
 * configuration; thread-safe.
 */
final class NamedPhrases {
  private final QuoteRules rules;
  private final NameWords names;

  NamedPhrases(QuoteRules rules, NameWords names) {
    this.rules = rules;
    this.names = names;
  }

  /** A name, pronoun or role phrase whose last word is {@code j} and whose first is not before {@code min}, or null. */
  Cue endingAt(ArticleView v, List<Token> words, int j, int min) {
    Token last = words.get(j);
    for (EntityMention e : v.entitiesIn(Math.max(0, last.start() - 80), last.end())) {
      if (e.end() == last.end()) {
        return Cue.of(e);
      }
    }
    if (rules.isPronoun(last.key())) {
      return Cue.pronoun(last);
    }
    if (rules.roleNouns().contains(last.key()) && !last.capitalized() || rules.roleNouns().contains(last.key())) {
      // "the Vice-Minister", "the Florida senator": a determiner a few words back makes it a role phrase
      for (int i = j - 1; i >= Math.max(min, j - 3); i--) {
        if (words.get(i).key().equals("the")) {
          return new Cue(words.get(i).start(), last.end(), Cue.Type.ROLE, null, last.key());
        }
      }
      return null;
    }
    if (rules.groupNouns().contains(last.key()) && j > 0 && names.isNameWord(words.get(j - 1))) {
      // "the Clinton campaign said": the campaign speaks for the name before it
      int s = j - 1;
      while (s - 1 >= min && names.isNameWord(words.get(s - 1)) && NameWords.adjacent(v, words.get(s - 1), words.get(s))) {
        s--;
      }
      return Cue.name(words.get(s).start(), words.get(j - 1).end());
    }
    if (names.nameHere(v, last)) {
      int s = j;
      while (s - 1 >= min && j - s < 5 && names.isNameWord(words.get(s - 1)) && NameWords.adjacent(v, words.get(s - 1), words.get(s))) {
        s--;
      }
      // "Cleveland Police Chief Calvin Williams": the name is what follows the last title
      for (int t = j - 1; t >= s; t--) {
        if (names.isTitle(words.get(t).key())) {
          s = t + 1;
          break;
        }
      }
      if (j - s > 2) {
        s = j - 2;
      }
      while (s < j && (names.isNotName(words.get(s).key()))) {
        s++;
      }
      if (names.isNotName(last.key()) || names.isTitle(last.key())) {
        return null;
      }
      return Cue.name(words.get(s).start(), last.end());
    }
    return null;
  }

  /** The speaker named right after a verb ("said Trump", "according to Musin", "said Sen. Bernie Sanders"). */
  Cue afterVerb(ArticleView v, List<Token> words, int k) {
    if (k >= words.size()) {
      return null;
    }
    Token first = words.get(k);
    if (rules.isPronoun(first.key())) {
      return Cue.pronoun(first);
    }
    int end = Math.min(words.size(), k + 8);
    // stop at the first comma or full stop: what follows is an apposition or another clause
    int stop = k;
    while (stop < end) {
      stop++;
      if (stop < words.size()) {
        String g = v.text.substring(words.get(stop - 1).end(), words.get(stop).start());
        boolean initial = words.get(stop - 1).text().length() == 1;
        if (!g.isBlank() && !g.equals(". ") && !g.equals("-") && !(initial && (g.equals("'") || g.equals("\u2019") || g.equals(".")))) {
          break;
        }
        if (g.equals(". ") && !names.isTitle(words.get(stop - 1).key()) && words.get(stop - 1).text().length() > 1) {
          break;
        }
      }
    }
    return nameIn(v, words, k, stop);
  }

  /** The first person among words {@code [from, to)}, else a run of name words among them. */
  Cue nameIn(ArticleView v, List<Token> words, int from, int to) {
    if (from >= to) {
      return null;
    }
    int limit = Math.min(to, from + 8);
    int s = words.get(from).start();
    int e = words.get(limit - 1).end();
    EntityMention person = null;
    for (EntityMention m : v.entitiesIn(s, e)) {
      if (m.type() == EntityType.PERSON) {
        person = m;
        break;
      }
    }
    if (person != null) {
      return Cue.of(person);
    }
    // the first run of name words, past titles and descriptions ("Trump campaign manager Corey Lewandowski")
    Cue best = null;
    int i = from;
    while (i < limit) {
      if (!names.nameHere(v, words.get(i))) {
        if (best != null) {
          break;
        }
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < limit && names.isNameWord(words.get(j + 1)) && NameWords.adjacent(v, words.get(j), words.get(j + 1))) {
        j++;
      }
      EntityMention ent = null;
      for (EntityMention m : v.entitiesIn(words.get(i).start(), words.get(j).end())) {
        ent = m;
      }
      best = ent != null ? Cue.of(ent) : Cue.name(words.get(i).start(), words.get(j).end());
      i = j + 1;
    }
    return best;
  }

  /** The person mention or pronoun at word {@code i}, or null. */
  Cue personOrPronounAt(ArticleView v, List<Token> words, int i) {
    Token t = words.get(i);
    EntityMention e = v.entityAt(t.start());
    if (e != null && e.type() == EntityType.PERSON) {
      return Cue.of(e);
    }
    if (rules.isPronoun(t.key())) {
      return Cue.pronoun(t);
    }
    return null;
  }
}
