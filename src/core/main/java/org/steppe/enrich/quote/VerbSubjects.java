package org.steppe.enrich.quote;

import java.util.List;
import java.util.Set;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * The subject of a verb of saying: the words just before it, past adverbs ("also", "reportedly"),
 * a bracket ("Rep. Gregory Meeks (D-N.Y.) said") and an apposition ("Galym Ageleuov, head of …,
 * told"); for a participle ("…, saying") the subject of the clause it hangs on. Stateless apart
 * from its configuration; thread-safe.
 */
final class VerbSubjects {
  /** Words that may stand between a subject and its verb ("Trump also said", "Clinton has said"). */
  private static final Set<String> SKIPPABLE = Set.of("also", "then", "later", "once", "again", "too", "has",
      "had", "have", "was", "is", "would", "will", "previously", "recently", "repeatedly", "simply", "often",
      "never", "always", "now", "first", "further", "just", "quickly", "flatly", "publicly", "privately",
      "reportedly", "bluntly", "frankly", "openly", "explicitly", "still", "himself", "herself", "themselves");

  private final QuoteRules rules;
  private final NameWords names;
  private final SpeechVerbMatcher verbs;
  private final NamedPhrases phrases;
  private final SentenceSubjects sentenceSubjects;

  VerbSubjects(QuoteRules rules, NameWords names, SpeechVerbMatcher verbs, NamedPhrases phrases,
      SentenceSubjects sentenceSubjects) {
    this.rules = rules;
    this.names = names;
    this.verbs = verbs;
    this.phrases = phrases;
    this.sentenceSubjects = sentenceSubjects;
  }

  /** The subject of the verb at {@code k}: the words just before it, past adverbs and an apposition. */
  Cue before(ArticleView v, List<Token> words, int k) {
    if (words.get(k).key().endsWith("ing")) {
      return ofParticiple(v, words, k);
    }
    int j = k - 1;
    while (j >= 0 && k - j <= 3 && (SKIPPABLE.contains(words.get(j).key())
        || (words.get(j).key().endsWith("ly") && !words.get(j).capitalized() && words.get(j).key().length() > 4))) {
      j--;
    }
    if (j < 0) {
      return null;
    }
    String gap = v.text.substring(words.get(j).end(), words.get(j + 1).start());
    if (gap.contains(")")) {
      // Rep. Gregory Meeks (D-N.Y.) said: skip back over the bracket
      int open = v.text.lastIndexOf('(', words.get(j).end());
      if (open < 0 || words.get(j).end() - open > 40) {
        return null;
      }
      while (j >= 0 && words.get(j).start() > open) {
        j--;
      }
      if (j < 0) {
        return null;
      }
      gap = v.text.substring(words.get(j).end(), open);
      if (!gap.isBlank()) {
        return null;
      }
    }
    if (gap.strip().equals(",")) {
      return pastApposition(v, words, j);
    }
    if (!gap.isBlank()) {
      return null;
    }
    return phrases.endingAt(v, words, j, 0);
  }

  /** The subject of a participle at {@code k} ("with Trump reportedly yelling", "Spicer said, adding, …"). */
  private Cue ofParticiple(ArticleView v, List<Token> words, int k) {
    // "with Trump reportedly yelling: …": a person or pronoun right before the participle
    int j0 = k - 1;
    while (j0 >= 0 && k - j0 <= 2 && (SKIPPABLE.contains(words.get(j0).key())
        || (words.get(j0).key().endsWith("ly") && !words.get(j0).capitalized()))) {
      j0--;
    }
    if (j0 >= 0 && v.text.substring(words.get(j0).end(), words.get(j0 + 1).start()).isBlank()) {
      Cue near = phrases.endingAt(v, words, j0, 0);
      if (near != null && (near.type() == Cue.Type.PRONOUN
          || (near.entity() != null && near.entity().type() == EntityType.PERSON))) {
        return near;
      }
    }
    // "Spicer said, adding, …": the subject of the verb of saying it follows
    for (int i = k - 1; i >= Math.max(0, k - 4); i--) {
      if (verbs.wordsAt(v, words, i) == 1 && !words.get(i).key().endsWith("ing")) {
        Cue c = before(v, words, i);
        if (c != null) {
          return c;
        }
      }
    }
    // "But Sen. Pat Toomey refused …, responding that": the sentence's subject
    Cue opener = sentenceSubjects.around(v, words.get(k).start(), words.get(k).start());
    if (opener != null && opener.type() != Cue.Type.ROLE) {
      return opener;
    }
    // "…, saying": the subject is the clause's, the first person named in it
    for (int i = 0; i < k; i++) {
      Cue c = phrases.personOrPronounAt(v, words, i);
      if (c != null) {
        return c;
      }
    }
    // "Silverman, herself a Sanders supporter, … upon saying": a name opening the clause
    if (k > 1 && names.isNameWord(words.get(0)) && !names.isNotName(words.get(0).key())) {
      int e = 0;
      while (e + 1 < k && names.isNameWord(words.get(e + 1)) && NameWords.adjacent(v, words.get(e), words.get(e + 1))) {
        e++;
      }
      String next = v.text.substring(words.get(e).end(), words.get(e + 1).start());
      if (next.strip().equals(",") || next.equals(" ")) {
        return phrases.endingAt(v, words, e, 0);
      }
    }
    return null;
  }

  /**
   * Galym Ageleuov, head of the human rights group Liberty, told … : the subject before an
   * apposition ending at word {@code j}, which may hold commas of its own; a person named before a
   * comma is the subject.
   */
  private Cue pastApposition(ArticleView v, List<Token> words, int j) {
    Cue firstOuter = null;
    int commas = 0;
    for (int i = j - 1; i >= 0 && commas < 3; i--) {
      if (!v.text.substring(words.get(i).end(), words.get(i + 1).start()).contains(",")) {
        continue;
      }
      commas++;
      Cue outer = phrases.endingAt(v, words, i, 0);
      if (outer != null && outer.type() == Cue.Type.NAME && outer.entity() != null
          && outer.entity().type() == EntityType.PERSON || outer != null && outer.type() == Cue.Type.PRONOUN) {
        return outer;
      }
      if (firstOuter == null && outer != null && outer.type() != Cue.Type.ROLE) {
        firstOuter = outer;
      }
    }
    for (int i = 0; i <= j; i++) {
      EntityMention e = v.entityAt(words.get(i).start());
      if (e != null && e.type() == EntityType.PERSON) {
        return Cue.of(e);
      }
    }
    return firstOuter != null ? firstOuter : phrases.endingAt(v, words, j, 0);
  }

  /** Between the quote and the verb: the first person, else a pronoun opening it, else a role or a name. */
  Cue between(ArticleView v, List<Token> words, int from, int to) {
    int start = words.get(from).start();
    int end = words.get(to - 1).end();
    // "Cruz spokesman Rick Tyler said": the person nearest the verb; past a comma, the first ("Sexton, a
    // professor who backs Trump, said")
    boolean comma = v.text.substring(start, end).contains(",");
    EntityMention person = null;
    for (EntityMention e : v.entitiesIn(start, end)) {
      if (e.type() == EntityType.PERSON) {
        person = e;
        if (comma) {
          break;
        }
      }
    }
    if (person != null) {
      return Cue.of(person);
    }
    Token first = words.get(from);
    if (rules.isPronoun(first.key()) && to - from <= 3) {
      return Cue.pronoun(first);
    }
    int last = to - 1;
    while (last > from && SKIPPABLE.contains(words.get(last).key())) {
      last--; // "Bill Clinton has said"
    }
    Cue ending = to - from > 6 ? null : phrases.endingAt(v, words, last, from);
    if (ending != null) {
      return ending;
    }
    // “…,” Khizr Khan, 66, said / Richard Hasen, a law professor at …, said: a name opening the stretch
    if (names.nameHere(v, first) && !names.isNotName(first.key())) {
      int e = from;
      while (e + 1 < to && e - from < 3 && names.isNameWord(words.get(e + 1)) && NameWords.adjacent(v, words.get(e), words.get(e + 1))) {
        e++;
      }
      if (e + 1 < to && v.text.substring(words.get(e).end(), words.get(e + 1).start()).strip().equals(",")) {
        return phrases.endingAt(v, words, e, from);
      }
    }
    return null;
  }
}
