package org.steppe.enrich;

import java.util.List;
import java.util.Set;

/**
 * Finds the words that name a speaker around a verb of saying: the subject before the verb (past
 * adverbs, brackets and appositions), the name after it ("said Sen. Bernie Sanders"), the subject
 * opening a sentence (past an opening phrase), and which words are verbs of saying at all.
 * Stateless apart from its configuration; thread-safe.
 */
final class SpeakerPhrases {
  /** Sentences longer than this before an offset are not searched for their subject. */
  private static final int WINDOW = 320;
  private static final Set<String> SKIPPABLE = Set.of("also", "then", "later", "once", "again", "too", "has",
      "had", "have", "was", "is", "would", "will", "previously", "recently", "repeatedly", "simply", "often",
      "never", "always", "now", "first", "further", "just", "quickly", "flatly", "publicly", "privately",
      "reportedly", "bluntly", "frankly", "openly", "explicitly", "still", "himself", "herself", "themselves");
  /** Verbs of saying that mean something else before "to". */
  private static final Set<String> NOT_BEFORE_TO = Set.of("continue", "continues", "continued", "continuing", "add",
      "adds", "added", "adding", "note", "notes", "noted", "claim", "claims", "claimed", "state", "states", "stated",
      "ask", "asks", "asked", "urge", "urges", "urged", "promise", "promises", "promised", "pledge", "pledged",
      "vow", "vows", "vowed", "call", "calls", "called", "calling");
  /** Prepositions that open a phrase before a sentence's subject ("In a statement, …"). */
  private static final Set<String> PREPOSITIONS = Set.of("at", "in", "on", "during", "after", "before", "with",
      "for", "from", "by", "under", "speaking", "asked", "responding", "writing", "since", "following", "despite",
      "last", "earlier", "later", "through", "as", "when", "while", "although", "though", "because", "if", "once",
      "unlike", "like", "amid", "reached", "told", "given", "even");
  /** Words that may open a sentence before its subject. */
  private static final Set<String> OPENERS = Set.of("but", "and", "so", "yet", "still", "meanwhile", "however",
      "then", "now", "later", "also", "instead", "indeed", "maybe", "perhaps", "why", "how", "what",
      "where", "who", "to", "wit", "here", "there", "well", "oh", "yes", "no", "asked", "earlier", "today");
  private static final Set<String> NO_INVERSION = Set.of("told", "tell", "tells", "telling", "ask", "asks", "asking");

  private final QuoteRules rules;
  private final SpeechVerbs verbs;
  private final Set<String> titleKeys;
  private final Set<String> notNameKeys;

  SpeakerPhrases(QuoteRules rules, SpeechVerbs verbs, PersonRules personRules) {
    this.rules = rules;
    this.verbs = verbs;
    this.titleKeys = personRules.keys(personRules.titles());
    this.notNameKeys = personRules.keys(personRules.notNames());
  }

  /** "Melanne Verveer, who served as …, told": a name of up to three words, then a comma. */
  boolean longApposition(ArticleView v, List<Token> words) {
    for (int e = 0; e < Math.min(3, words.size() - 1); e++) {
      if (!isNameWord(words.get(e))) {
        return false;
      }
      if (v.text.substring(words.get(e).end(), words.get(e + 1).start()).contains(",")) {
        return true;
      }
    }
    return false;
  }

  static int firstIndexAt(List<Token> words, int offset) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).start() >= offset) {
        return i;
      }
    }
    return words.size();
  }

  /**
   * People named as the subject of a sentence though no recogniser tagged them ("Roffman, who
   * estimates …, described …"): a name followed by a verb of saying, or the surname of a longer name
   * in the article. They let pronouns find them.
   */
  List<EntityMention> sentenceSubjects(ArticleView v, java.util.Set<String> surnames) {
    List<EntityMention> out = new java.util.ArrayList<>();
    int s = 0;
    int n = v.text.length();
    while (s < n) {
      int next = v.sentences.nextStart(s);
      if (next <= s) {
        break;
      }
      List<Token> words = v.tokensIn(s, Math.min(next, s + 200));
      if (words.size() >= 3 && !v.quoted(words.get(0).start()) && v.entityAt(words.get(0).start()) == null) {
        Cue c = subjectAtStart(v, words, words.size());
        if (c != null && c.type() == Cue.Type.NAME && c.entity() == null) {
          List<Token> name = v.tokensIn(c.start(), c.end());
          int after = firstIndexAt(words, c.end());
          boolean speaks = after < words.size() && (verbAt(v, words, after) > 0
              || (after + 1 < words.size() && verbAt(v, words, after + 1) > 0));
          if (!name.isEmpty() && (speaks || name.size() > 1 || surnames.contains(name.get(name.size() - 1).key()))
              && v.entitiesIn(c.start(), c.end()).isEmpty()) {
            String text = v.text.substring(c.start(), c.end());
            out.add(new EntityMention(text, EntityType.PERSON, c.start(), c.end(), text, "quotes"));
          }
        }
      }
      s = next;
    }
    return out;
  }

  /** The subject opening the sentence that holds {@code offset}, when it lies in the same paragraph before {@code limit}. */
  Cue sentenceSubject(ArticleView v, int offset, int limit) {
    int start = v.sentences.startOf(offset);
    if (offset - start > WINDOW || v.paragraphStart(offset, start) > start || v.quoted(start)) {
      return null;
    }
    List<Token> words = v.tokensIn(start, limit);
    return words.size() < 3 ? null : subjectAtStart(v, words, words.size());
  }

  /** The name or pronoun opening a sentence, when a lower-case word or a comma follows it. */
  Cue subjectAtStart(ArticleView v, List<Token> all, int verbAt) {
    if (all.size() > 2 && all.get(0).key().endsWith("ly") && all.get(0).key().length() > 6
        && PREPOSITIONS.contains(all.get(1).key())) {
      all = all.subList(1, all.size()); // "Immediately after the attacks, Trump issued …"
      verbAt--;
    }
    if (!all.isEmpty() && PREPOSITIONS.contains(all.get(0).key())) {
      // "At Sunday night’s debate, Sanders compared …": the subject follows the opening phrase's comma
      for (int i = 1; i < Math.min(verbAt - 2, 12); i++) {
        if (v.text.substring(all.get(i - 1).end(), all.get(i).start()).strip().equals(",")) {
          return subjectAtStart(v, all.subList(i, all.size()), verbAt - i);
        }
      }
      return null;
    }
    // skip an opening conjunction or adverb and titles: "But Sen. Pat Toomey refused …"
    int skip = 0;
    while (skip < Math.min(3, verbAt - 1) && (OPENERS.contains(all.get(skip).key()) || titleKeys.contains(all.get(skip).key()))
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
      return new Cue(first.start(), first.end(), Cue.Type.PRONOUN, null, first.key());
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
        return plain && after + 1 < verb && !words.get(after + 1).capitalized()
            ? new Cue(p.start(), p.end(), Cue.Type.NAME, p, "") : null;
      }
      if (verbAt(v, words, i) > 0) {
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
      if (!nameHere(v, first) || notNameKeys.contains(first.key()) || titleKeys.contains(first.key())) {
        return null;
      }
      last = 0;
      while (last + 1 < verb && last < 2 && isNameWord(words.get(last + 1)) && adjacent(v, words.get(last), words.get(last + 1))) {
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
    return e != null ? new Cue(e.start(), e.end(), Cue.Type.NAME, e, "")
        : new Cue(first.start(), words.get(last).end(), Cue.Type.NAME, null, "");
  }

  /** "The Illinois Board of Elections was conclusive in its findings:": a body named after "the". */
  Cue bodyAtStart(ArticleView v, List<Token> words) {
    if (words.size() < 3 || !words.get(0).key().equals("the")) {
      return null;
    }
    int last = 0;
    while (last + 1 < words.size() && last < 6 && (nameHere(v, words.get(last + 1))
        || (words.get(last + 1).key().equals("of") && last > 0))
        && v.text.substring(words.get(last).end(), words.get(last + 1).start()).equals(" ")) {
      last++;
    }
    while (last > 0 && words.get(last).key().equals("of")) {
      last--;
    }
    return last == 0 ? null : new Cue(words.get(1).start(), words.get(last).end(), Cue.Type.NAME, null, "");
  }

  /** How many words a verb of saying at {@code k} takes (0 when none): "according to" takes two. */
  int verbAt(ArticleView v, List<Token> words, int k) {
    Token t = words.get(k);
    if (t.key().equals("according")) {
      return k + 1 < words.size() && words.get(k + 1).key().equals("to") ? 2 : 0;
    }
    if (k + 1 < words.size() && !t.capitalized() && verbs.contains(t.key() + " " + words.get(k + 1).key())
        && v.text.substring(t.end(), words.get(k + 1).start()).equals(" ")) {
      return 2; // "shot back", "pointed out": two-word forms in the lexicon
    }
    if (!verbs.contains(t.key()) || t.capitalized()) {
      return 0;
    }
    if (k + 1 < words.size() && words.get(k + 1).key().equals("to") && NOT_BEFORE_TO.contains(t.key())) {
      return 0; // "will continue to be", "added to the list": not saying
    }
    if (k > 0 && words.get(k - 1).key().equals("to") && v.text.substring(words.get(k - 1).end(), t.start()).equals(" ")
        && !t.key().equals("say") && !t.key().equals("tell")) {
      return 0; // "for Ginsburg to criticize Trump": an infinitive, not an attribution
    }
    if (k > 0) {
      String prev = words.get(k - 1).key();
      // "the state", "his comments", "a claim": nouns, not verbs
      if (rules.determiners().contains(prev) && v.text.substring(words.get(k - 1).end(), t.start()).equals(" ")) {
        return 0;
      }
    }
    return 1;
  }

  /** The subject of the verb at {@code k}: the words just before it, past adverbs and an apposition. */
  Cue subjectBefore(ArticleView v, List<Token> words, int k) {
    Token verb = words.get(k);
    if (verb.key().endsWith("ing")) {
      // "with Trump reportedly yelling: …": a person or pronoun right before the participle
      int j0 = k - 1;
      while (j0 >= 0 && k - j0 <= 2 && (SKIPPABLE.contains(words.get(j0).key())
          || (words.get(j0).key().endsWith("ly") && !words.get(j0).capitalized()))) {
        j0--;
      }
      if (j0 >= 0 && v.text.substring(words.get(j0).end(), words.get(j0 + 1).start()).isBlank()) {
        Cue near = subjectEndingAt(v, words, j0, 0);
        if (near != null && (near.type() == Cue.Type.PRONOUN
            || (near.entity() != null && near.entity().type() == EntityType.PERSON))) {
          return near;
        }
      }
      // "Spicer said, adding, …": the subject of the verb of saying it follows
      for (int i = k - 1; i >= Math.max(0, k - 4); i--) {
        if (verbAt(v, words, i) == 1 && !words.get(i).key().endsWith("ing")) {
          Cue c = subjectBefore(v, words, i);
          if (c != null) {
            return c;
          }
        }
      }
      // "But Sen. Pat Toomey refused …, responding that": the sentence's subject
      Cue opener = sentenceSubject(v, words.get(k).start(), words.get(k).start());
      if (opener != null && opener.type() != Cue.Type.ROLE) {
        return opener;
      }
      // "…, saying": the subject is the clause's, the first person named in it
      for (int i = 0; i < k; i++) {
        Cue c = nameOrPronounAt(v, words, i, k);
        if (c != null) {
          return c;
        }
      }
      // "Silverman, herself a Sanders supporter, … upon saying": a name opening the clause
      if (k > 1 && isNameWord(words.get(0)) && !notNameKeys.contains(words.get(0).key())) {
        int e = 0;
        while (e + 1 < k && isNameWord(words.get(e + 1)) && adjacent(v, words.get(e), words.get(e + 1))) {
          e++;
        }
        String next = v.text.substring(words.get(e).end(), words.get(e + 1).start());
        if (next.strip().equals(",") || next.equals(" ")) {
          return subjectEndingAt(v, words, e, 0);
        }
      }
      return null;
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
      // Galym Ageleuov, head of the human rights group Liberty, told … : skip back over the apposition,
      // which may hold commas of its own; a person named before a comma is the subject
      Cue firstOuter = null;
      int commas = 0;
      for (int i = j - 1; i >= 0 && commas < 3; i--) {
        if (!v.text.substring(words.get(i).end(), words.get(i + 1).start()).contains(",")) {
          continue;
        }
        commas++;
        Cue outer = subjectEndingAt(v, words, i, 0);
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
          return new Cue(e.start(), e.end(), Cue.Type.NAME, e, "");
        }
      }
      return firstOuter != null ? firstOuter : subjectEndingAt(v, words, j, 0);
    }
    if (!gap.isBlank()) {
      return null;
    }
    return subjectEndingAt(v, words, j, 0);
  }

  /** A name, pronoun or role phrase whose last word is {@code j}, or null. */
  Cue subjectEndingAt(ArticleView v, List<Token> words, int j, int min) {
    Token last = words.get(j);
    for (EntityMention e : v.entitiesIn(Math.max(0, last.start() - 80), last.end())) {
      if (e.end() == last.end()) {
        return new Cue(e.start(), e.end(), Cue.Type.NAME, e, "");
      }
    }
    if (rules.isPronoun(last.key())) {
      return new Cue(last.start(), last.end(), Cue.Type.PRONOUN, null, last.key());
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
    if (rules.groupNouns().contains(last.key()) && j > 0 && isNameWord(words.get(j - 1))) {
      // "the Clinton campaign said": the campaign speaks for the name before it
      int s = j - 1;
      while (s - 1 >= min && isNameWord(words.get(s - 1)) && adjacent(v, words.get(s - 1), words.get(s))) {
        s--;
      }
      return new Cue(words.get(s).start(), words.get(j - 1).end(), Cue.Type.NAME, null, "");
    }
    if (nameHere(v, last)) {
      int s = j;
      while (s - 1 >= min && j - s < 5 && isNameWord(words.get(s - 1)) && adjacent(v, words.get(s - 1), words.get(s))) {
        s--;
      }
      // "Cleveland Police Chief Calvin Williams": the name is what follows the last title
      for (int t = j - 1; t >= s; t--) {
        if (titleKeys.contains(words.get(t).key())) {
          s = t + 1;
          break;
        }
      }
      if (j - s > 2) {
        s = j - 2;
      }
      while (s < j && (notNameKeys.contains(words.get(s).key()))) {
        s++;
      }
      if (notNameKeys.contains(last.key()) || titleKeys.contains(last.key())) {
        return null;
      }
      return new Cue(words.get(s).start(), last.end(), Cue.Type.NAME, null, "");
    }
    return null;
  }

  /** Between the quote and the verb: the first person, else a pronoun opening it, else a role or a name. */
  Cue subjectIn(ArticleView v, List<Token> words, int from, int to) {
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
      return new Cue(person.start(), person.end(), Cue.Type.NAME, person, "");
    }
    Token first = words.get(from);
    if (rules.isPronoun(first.key()) && to - from <= 3) {
      return new Cue(first.start(), first.end(), Cue.Type.PRONOUN, null, first.key());
    }
    int last = to - 1;
    while (last > from && SKIPPABLE.contains(words.get(last).key())) {
      last--; // "Bill Clinton has said"
    }
    Cue ending = to - from > 6 ? null : subjectEndingAt(v, words, last, from);
    if (ending != null) {
      return ending;
    }
    // “…,” Khizr Khan, 66, said / Richard Hasen, a law professor at …, said: a name opening the stretch
    if (nameHere(v, first) && !notNameKeys.contains(first.key())) {
      int e = from;
      while (e + 1 < to && e - from < 3 && isNameWord(words.get(e + 1)) && adjacent(v, words.get(e), words.get(e + 1))) {
        e++;
      }
      if (e + 1 < to && v.text.substring(words.get(e).end(), words.get(e + 1).start()).strip().equals(",")) {
        return subjectEndingAt(v, words, e, from);
      }
    }
    return null;
  }

  /** The speaker named right after a verb ("said Trump", "according to Musin", "said Sen. Bernie Sanders"). */
  Cue objectAt(ArticleView v, List<Token> words, int k) {
    if (k >= words.size()) {
      return null;
    }
    Token first = words.get(k);
    if (rules.isPronoun(first.key())) {
      return new Cue(first.start(), first.end(), Cue.Type.PRONOUN, null, first.key());
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
        if (g.equals(". ") && !titleKeys.contains(words.get(stop - 1).key()) && words.get(stop - 1).text().length() > 1) {
          break;
        }
      }
    }
    return nameAt(v, words, k, stop);
  }

  /** The last person (else name) among words {@code [from, to)}. */
  Cue nameAt(ArticleView v, List<Token> words, int from, int to) {
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
      return new Cue(person.start(), person.end(), Cue.Type.NAME, person, "");
    }
    // the first run of name words, past titles and descriptions ("Trump campaign manager Corey Lewandowski")
    Cue best = null;
    int i = from;
    while (i < limit) {
      if (!nameHere(v, words.get(i))) {
        if (best != null) {
          break;
        }
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < limit && isNameWord(words.get(j + 1)) && joined(v, words.get(j), words.get(j + 1))) {
        j++;
      }
      EntityMention ent = null;
      for (EntityMention m : v.entitiesIn(words.get(i).start(), words.get(j).end())) {
        ent = m;
      }
      best = ent != null ? new Cue(ent.start(), ent.end(), Cue.Type.NAME, ent, "")
          : new Cue(words.get(i).start(), words.get(j).end(), Cue.Type.NAME, null, "");
      i = j + 1;
    }
    return best;
  }

  Cue nameOrPronounAt(ArticleView v, List<Token> words, int i, int to) {
    Token t = words.get(i);
    EntityMention e = v.entityAt(t.start());
    if (e != null && e.type() == EntityType.PERSON) {
      return new Cue(e.start(), e.end(), Cue.Type.NAME, e, "");
    }
    if (rules.isPronoun(t.key())) {
      return new Cue(t.start(), t.end(), Cue.Type.PRONOUN, null, t.key());
    }
    return null;
  }

  /** A capitalised word that is a name here: not written in lower case elsewhere in the article, unless an entity. */
  boolean nameHere(ArticleView v, Token t) {
    return isNameWord(t) && !OPENERS.contains(t.key())
        && (!v.lowerCaseKeys.contains(t.key()) || v.entityAt(t.start()) != null);
  }

  boolean isNameWord(Token t) {
    if (!Character.isLetter(t.text().charAt(0))) {
      return false;
    }
    if (t.key().endsWith("ing") && t.key().length() > 5) {
      return false; // "Appearing before supporters, …": a participle opening a sentence, not a name
    }
    boolean known = rules.maleNames().contains(t.key()) || rules.femaleNames().contains(t.key());
    if (!known && ((t.key().endsWith("ly") && t.key().length() > 6) || (t.key().endsWith("ed") && t.key().length() > 5))) {
      return false; // "Shortly after …", "Reached by POLITICO, …": an adverb or participle, not a name
    }
    return t.capitalized() && !t.allCaps() && !rules.isPronoun(t.key()) || (t.allCaps() && t.text().length() <= 5 && t.text().length() > 1);
  }

  /** Words of one name: a space or hyphen between, or the dot of an initial ("J.J. MacNab"), or O’Malley's apostrophe. */
  static boolean adjacent(ArticleView v, Token a, Token b) {
    String g = v.text.substring(a.end(), b.start()).replace('\u00A0', ' ');
    return g.equals(" ") || g.equals("-") || g.equals(". ")
        || (a.text().length() == 1 && (g.equals(".") || g.equals("\u2019") || g.equals("'")));
  }

  private static boolean joined(ArticleView v, Token a, Token b) {
    return adjacent(v, a, b);
  }
}
