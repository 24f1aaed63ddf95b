package org.steppe.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tags people no gazetteer lists, by how news writes about them: a title before a name
 * ("Economist Galymbek Akulbekov"), an apposition after it ("Zauresh Battalova, head of …"), or a
 * verb of saying after it ("Karajanov said"). A name here is two or three capitalised words.
 * Thread-safe.
 */
public final class PersonRuleRecognizer implements EntityRecognizer {
  private final Set<String> titles;
  private final Set<String> roles;
  private final Set<String> notNames;
  private final SpeechVerbs verbs;

  public PersonRuleRecognizer(PersonRules rules, SpeechVerbs verbs) {
    this.titles = rules.keys(rules.titles());
    this.roles = rules.keys(rules.roles());
    this.notNames = rules.keys(rules.notNames());
    this.verbs = verbs;
  }

  @Override
  public List<EntityMention> recognize(String text) {
    List<Token> tokens = Token.tokenize(text);
    List<EntityMention> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int len = nameLength(text, tokens, i);
      if (len >= 2 && (titleBefore(text, tokens, i)
          || (!ownedOrDetermined(text, tokens, i) && (appositionAfter(text, tokens, i + len) || verbAfter(text, tokens, i + len))))) {
        Token first = tokens.get(i);
        Token last = tokens.get(i + len - 1);
        String name = text.substring(first.start(), last.end());
        out.add(new EntityMention(name, EntityType.PERSON, first.start(), last.end(), name, EntityMention.RULES));
        i += len;
      } else {
        i++;
      }
    }
    return out;
  }

  /** How many capitalised words from {@code i} can form a name (0 when none, at most 3). */
  private int nameLength(String text, List<Token> tokens, int i) {
    int len = 0;
    while (i + len < tokens.size() && len < 3) {
      Token t = tokens.get(i + len);
      boolean nameLike = t.capitalized() && !t.allCaps() && t.text().length() > 1
          && !notNames.contains(t.key()) && !titles.contains(t.key());
      if (!nameLike || (len > 0 && !adjacent(text, tokens.get(i + len - 1), t))) {
        break;
      }
      len++;
    }
    // "Kazakhstan’s" is no part of a name: stop before a possessive.
    if (len > 0) {
      Token last = tokens.get(i + len - 1);
      if (last.end() < text.length() - 1 && isApostrophe(text.charAt(last.end()))) {
        return len >= 3 ? 2 : 0;
      }
    }
    return len;
  }

  private boolean titleBefore(String text, List<Token> tokens, int i) {
    for (int words = 1; words <= 3 && i - words >= 0; words++) {
      StringBuilder key = new StringBuilder();
      for (int k = i - words; k < i; k++) {
        if (k > i - words) {
          key.append(' ');
        }
        key.append(tokens.get(k).key());
      }
      String between = text.substring(tokens.get(i - 1).end(), tokens.get(i).start());
      if (titles.contains(key.toString()) && (between.equals(" ") || between.equals(", "))) {
        return true;
      }
    }
    return false;
  }

  /** "the Foreign Ministry said", "Kazakhstan’s Foreign Policy said": a thing, not a person. */
  private static boolean ownedOrDetermined(String text, List<Token> tokens, int i) {
    if (i == 0) {
      return false;
    }
    Token prev = tokens.get(i - 1);
    String key = prev.key();
    boolean possessive = key.equals("s") && prev.start() > 0 && isApostrophe(text.charAt(prev.start() - 1));
    return possessive || key.equals("the") || key.equals("a") || key.equals("an") || key.equals("its")
        || key.equals("their") || key.equals("his") || key.equals("her") || key.equals("our");
  }

  private boolean appositionAfter(String text, List<Token> tokens, int j) {
    if (j >= tokens.size() || j == 0) {
      return false;
    }
    String between = text.substring(tokens.get(j - 1).end(), tokens.get(j).start());
    if (!between.strip().equals(",")) {
      return false;
    }
    int k = j;
    String key = tokens.get(k).key();
    if ((key.equals("a") || key.equals("an") || key.equals("the")) && k + 1 < tokens.size()) {
      k++;
    }
    // Role words may follow a qualifier or two: "a research fellow", "the former head".
    for (int skip = 0; skip < 3 && k + skip < tokens.size(); skip++) {
      if (roles.contains(tokens.get(k + skip).key())) {
        return true;
      }
    }
    return false;
  }

  private boolean verbAfter(String text, List<Token> tokens, int j) {
    if (j >= tokens.size() || j == 0) {
      return false;
    }
    String between = text.substring(tokens.get(j - 1).end(), tokens.get(j).start());
    return between.equals(" ") && verbs.contains(tokens.get(j).key());
  }

  private static boolean adjacent(String text, Token a, Token b) {
    String gap = text.substring(a.end(), b.start());
    return gap.equals(" ") || gap.equals("-");
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }
}
