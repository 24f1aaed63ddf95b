package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * The phrases around a verb of saying that name no person: unnamed sources ("a top aide said", "said
 * one Trump confidant", "analysts said", "a Mexican official who was not authorized to speak said")
 * and groups speaking for a name ("the Trump campaign said", "Clinton’s office said"). They become
 * speaker candidates of their own, so a quote goes to the organisation or stays unnamed rather than
 * going to a person named inside the phrase. Stateless apart from its configuration; thread-safe.
 */
final class SourceDescriptions {
  /** Words opening a description of someone not named ("a", "one", "several"). */
  private static final Set<String> DETERMINERS = Set.of("a", "an", "one", "another", "two", "three", "four", "several",
      "some", "many", "other", "most", "few", "both", "the");
  /** Words that end a description after a verb ("said a spokesman for the campaign"). */
  private static final Set<String> STOPS = Set.of("for", "of", "at", "with", "in", "on", "from", "who", "which",
      "that", "to", "and", "but", "as", "after", "before", "when", "while", "during", "close", "familiar");
  /** Words between a subject and its verb ("analysts have said", "a spokesman also said"). */
  private static final Set<String> SKIPPABLE = Set.of("also", "has", "have", "had", "was", "were", "is", "are",
      "would", "will", "then", "later", "again", "too", "still", "previously", "recently", "privately", "publicly");
  /** At most this many words make a description. */
  private static final int LONGEST = 7;

  private final QuoteRules rules;
  private final NameWords names;

  SourceDescriptions(QuoteRules rules, NameWords names) {
    this.rules = rules;
    this.names = names;
  }

  /** The descriptions and groups just before and just after the verb of saying at token {@code k}. */
  List<Cue> around(ArticleView v, int k) {
    List<Cue> out = new ArrayList<>();
    Cue before = subject(v, k);
    if (before != null) {
      out.add(before);
    }
    Cue after = object(v, k + 1);
    if (after != null) {
      out.add(after);
    }
    return out;
  }

  /** "a top aide said", "the Trump campaign said", "one official, who …, said", "officials said". */
  private Cue subject(ArticleView v, int k) {
    int j = k - 1;
    while (j >= 0 && k - j <= 3 && SKIPPABLE.contains(v.tokens.get(j).key()) && spaced(v, j, j + 1)) {
      j--;
    }
    if (j < 0) {
      return null;
    }
    String gap = v.text.substring(v.tokens.get(j).end(), v.tokens.get(j + 1).start());
    if (gap.strip().equals(",")) {
      // "one official, who asked not to be named, said": the phrase before the clause
      int who = j;
      while (who >= 0 && j - who < 15 && !v.tokens.get(who).key().equals("who")) {
        who--;
      }
      if (who <= 0 || !v.text.substring(v.tokens.get(who - 1).end(), v.tokens.get(who).start()).strip().equals(",")) {
        return null;
      }
      j = who - 1;
    } else if (!gap.isBlank() || gap.contains("\n")) {
      return null;
    }
    return phraseEndingAt(v, j);
  }

  /** The description or group whose last word is token {@code j}, or null. */
  private Cue phraseEndingAt(ArticleView v, int j) {
    Token head = v.tokens.get(j);
    if (v.quoted(head.start()) || rules.isPronoun(head.key())) {
      return null;
    }
    int s = j;
    while (s > 0 && j - s + 1 < LONGEST && !DETERMINERS.contains(v.tokens.get(s).key())) {
      int p = s - 1;
      String g = v.text.substring(v.tokens.get(p).end(), v.tokens.get(s).start());
      if (v.tokens.get(p).key().equals("s") && p > 0 && possessive(v, p - 1) && g.equals(" ")) {
        p--; // "Clinton's campaign": the possessive's s belongs to the name before it
        g = " ";
      }
      boolean poss = v.tokens.get(s).key().equals("s") && (g.equals("\u2019") || g.equals("'"));
      Token t = v.tokens.get(p);
      if (!(g.equals(" ") || g.equals("-") || poss) || v.quoted(t.start())
          || !(poss || DETERMINERS.contains(t.key()) || t.capitalized() || isNounish(t))) {
        break;
      }
      s = p;
    }
    // a sentence-initial capital on the determiner ("A top aide said")
    Token first = v.tokens.get(s);
    boolean determiner = DETERMINERS.contains(first.key());
    boolean group = rules.groupNouns().contains(head.key()) && !rules.roleNouns().contains(head.key());
    if (group) {
      // "the Trump campaign", "Clinton’s campaign": a name before the group noun
      int nameEnd = j - 1;
      if (nameEnd >= 0 && v.tokens.get(nameEnd).key().equals("s") && possessive(v, nameEnd - 1)) {
        nameEnd--;
      }
      if (nameEnd < 0 || nameEnd < s || !names.isNameWord(v.tokens.get(nameEnd))) {
        return null;
      }
      int nameStart = nameEnd;
      while (nameStart - 1 >= s && names.isNameWord(v.tokens.get(nameStart - 1)) && spaced(v, nameStart - 1, nameStart)) {
        nameStart--;
      }
      return new Cue(v.tokens.get(nameStart).start(), head.end(), Cue.Type.GROUP, null, head.key());
    }
    if (head.capitalized() && !determiner) {
      // "Analysts said" opening a sentence: a plural the article writes in lower case elsewhere
      boolean plural = head.key().endsWith("s") && v.lowerCaseKeys.contains(head.key()) && s == j
          && v.sentences.startOf(head.start()) == head.start();
      return plural ? new Cue(head.start(), head.end(), Cue.Type.DESCRIPTION, null, head.key()) : null;
    }
    if (!determiner) {
      // "sources said", "Western diplomats said": a plural common noun with no determiner
      boolean plural = !head.capitalized() && head.key().endsWith("s") && !head.key().endsWith("ss") && isNounish(head);
      return plural && v.entitiesIn(v.tokens.get(s).start(), head.end()).isEmpty()
          ? new Cue(v.tokens.get(s).start(), head.end(), Cue.Type.DESCRIPTION, null, head.key()) : null;
    }
    if (s == j || !(isNounish(head) || head.capitalized())) {
      return null;
    }
    if (first.key().equals("the") && head.capitalized()) {
      return null; // "the White House", "The Blaze": a name with its article, not a description
    }
    for (EntityMention e : v.entitiesIn(first.start(), head.end())) {
      if (e.end() == head.end() && e.type() == EntityType.PERSON) {
        return null; // "the Texas senator Ted Cruz": a name, not a description
      }
    }
    return new Cue(first.start(), head.end(), Cue.Type.DESCRIPTION, null, head.key());
  }

  /** "said a spokesman", "said one senior official familiar with …": a description right after the verb. */
  private Cue object(ArticleView v, int k) {
    if (k >= v.tokens.size() || !DETERMINERS.contains(v.tokens.get(k).key()) || !spaced(v, k - 1, k)) {
      return null;
    }
    int e = k;
    while (e + 1 < v.tokens.size() && e + 1 - k < LONGEST && (spaced(v, e, e + 1) || hyphened(v, e, e + 1))
        && !STOPS.contains(v.tokens.get(e + 1).key())) {
      e++;
    }
    return e == k ? null : phraseEndingAt(v, e);
  }

  /** Whether only one space stands between tokens {@code a} and {@code b}. */
  private static boolean spaced(ArticleView v, int a, int b) {
    return a >= 0 && b < v.tokens.size() && v.text.substring(v.tokens.get(a).end(), v.tokens.get(b).start()).equals(" ");
  }

  /** Whether a hyphen joins tokens {@code a} and {@code b} ("well-connected"). */
  private static boolean hyphened(ArticleView v, int a, int b) {
    return a >= 0 && b < v.tokens.size() && v.text.substring(v.tokens.get(a).end(), v.tokens.get(b).start()).equals("-");
  }

  /** Whether token {@code k} is followed by a possessive ’s. */
  private static boolean possessive(ArticleView v, int k) {
    if (k < 0 || k + 1 >= v.tokens.size()) {
      return false;
    }
    String g = v.text.substring(v.tokens.get(k).end(), v.tokens.get(k + 1).start());
    return (g.equals("\u2019") || g.equals("'")) && v.tokens.get(k + 1).key().equals("s");
  }

  /** A lower-case word that may be part of a noun phrase: not an adverb, participle or function word. */
  private static boolean isNounish(Token t) {
    String k = t.key();
    return Character.isLetter(t.text().charAt(0)) && !t.capitalized() && !k.endsWith("ly") && !k.endsWith("ing")
        && !(k.endsWith("ed") && k.length() > 4) && !STOPS.contains(k) && !SKIPPABLE.contains(k) && k.length() > 1;
  }
}
