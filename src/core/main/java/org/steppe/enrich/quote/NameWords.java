package org.steppe.enrich.quote;

import java.util.Set;
import org.steppe.enrich.PersonRules;
import org.steppe.enrich.Token;

/**
 * Which words can be part of a person's name: capitalised words that are not pronouns, adverbs or
 * participles, titles ("Sen.") and words that never belong to a name ("Monday"), and which
 * neighbouring words join into one name. Stateless apart from its configuration; thread-safe.
 */
final class NameWords {
  /** Words that may open a sentence before its subject: capitalised there, yet no names. */
  private static final Set<String> OPENERS = Set.of("but", "and", "so", "yet", "still", "meanwhile", "however",
      "then", "now", "later", "also", "instead", "indeed", "maybe", "perhaps", "why", "how", "what",
      "where", "who", "to", "wit", "here", "there", "well", "oh", "yes", "no", "asked", "earlier", "today");

  private final QuoteRules rules;
  private final Set<String> titleKeys;
  private final Set<String> notNameKeys;

  NameWords(QuoteRules rules, PersonRules personRules) {
    this.rules = rules;
    this.titleKeys = personRules.keys(personRules.titles());
    this.notNameKeys = personRules.keys(personRules.notNames());
  }

  /** Whether {@code key} is a word that may open a sentence before its subject ("But", "Meanwhile"). */
  static boolean isOpener(String key) {
    return OPENERS.contains(key);
  }

  /** Whether {@code key} is a title written before a name ("Sen.", "President"). */
  boolean isTitle(String key) {
    return titleKeys.contains(key);
  }

  /** Whether {@code key} is a capitalised word that never starts or ends a name ("The", "Monday"). */
  boolean isNotName(String key) {
    return notNameKeys.contains(key);
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

  /** A capitalised word of two letters or more, not all capitals and no pronoun: what runs of a full name are made of. */
  boolean isCapitalisedWord(Token t) {
    return t.capitalized() && !t.allCaps() && t.text().length() > 1 && !rules.isPronoun(t.key());
  }

  /** Words of one name: a space or hyphen between, or the dot of an initial ("J.J. MacNab"), or O’Malley's apostrophe. */
  static boolean adjacent(ArticleView v, Token a, Token b) {
    String g = v.text.substring(a.end(), b.start()).replace('\u00A0', ' ');
    return g.equals(" ") || g.equals("-") || g.equals(". ")
        || (a.text().length() == 1 && (g.equals(".") || g.equals("\u2019") || g.equals("'")));
  }
}
