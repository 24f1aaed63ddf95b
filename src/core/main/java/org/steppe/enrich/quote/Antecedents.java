package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.List;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * The person a pronoun ("she") or role noun ("the Vice-Minister") stands for, among the people the
 * article mentions outside quotation marks: for a pronoun the first of compatible gender in its
 * sentence, then in each earlier sentence; for a role noun the most recent person whose role holds
 * it. Built per article, used by one thread.
 */
final class Antecedents {
  private enum Gender { UNKNOWN, MALE, FEMALE }

  private final ArticleView view;
  private final QuoteRules rules;
  private final PersonRoles roles;
  /** People mentioned outside quotation marks, in text order; speakers named by raw text join as found. */
  private final List<EntityMention> people = new ArrayList<>();
  /** The gender of the pronoun that stood for a person, by where the pronoun is (see {@link #addPronoun}). */
  private final java.util.Map<Integer, Gender> pronounGenders = new java.util.HashMap<>();

  Antecedents(ArticleView view, QuoteRules rules, PersonRoles roles) {
    this.view = view;
    this.rules = rules;
    this.roles = roles;
    for (EntityMention m : view.entities) {
      if (m.type() == EntityType.PERSON && !view.quoted(m.start())) {
        people.add(m);
      }
    }
  }

  /** Adds a person named as a speaker, in text order, unless one is already known at its start. */
  void add(EntityMention m) {
    int k = people.size();
    while (k > 0 && people.get(k - 1).start() > m.start()) {
      k--;
    }
    if (k > 0 && people.get(k - 1).start() == m.start()) {
      return;
    }
    people.add(k, m);
  }

  /**
   * Adds a pronoun resolved to a person, as a mention of that person at the pronoun, so that a later
   * pronoun can stand for it too; its gender is the pronoun's.
   */
  void addPronoun(EntityMention m, String pronounKey) {
    pronounGenders.put(m.start(), genderOfPronoun(pronounKey));
    add(m);
  }

  /**
   * The person the pronoun {@code key} at {@code offset} stands for: the first compatible person mentioned earlier
   * in its sentence, else the first one (the likely subject) of each earlier sentence in turn.
   */
  EntityMention ofPronoun(String key, int offset) {
    Gender gender = genderOfPronoun(key);
    int sentenceStart = view.sentences.startOf(offset);
    EntityMention hit = firstCompatible(sentenceStart, offset, gender);
    int from = sentenceStart;
    for (int back = 0; hit == null && back < 8 && from > 0 && offset - from < 3000; back++) {
      int prev = view.sentences.previousStart(from);
      if (prev < 0) {
        break;
      }
      hit = firstCompatible(prev, from, gender);
      from = prev;
    }
    return hit;
  }

  /** The most recent person before {@code offset} whose role contains the role noun, or null. */
  EntityMention holderOf(String roleKey, int offset) {
    int k = lowerBound(offset) - 1;
    for (int seen = 0; k >= 0 && seen < 40 && offset - people.get(k).start() < 6000; k--, seen++) {
      EntityMention p = people.get(k);
      String role = roles.of(p.name(), null);
      if (role != null && Token.tokenize(role).stream().anyMatch(t -> t.key().equals(roleKey)
          || (roleKey.contains("-") && Token.key(role).contains(roleKey)))) {
        return p;
      }
    }
    return null;
  }

  private EntityMention firstCompatible(int from, int to, Gender gender) {
    int k = lowerBound(from);
    for (; k < people.size() && people.get(k).start() < to; k++) {
      EntityMention p = people.get(k);
      if (pronounGenders.containsKey(p.start()) && !sameParagraph(p.end(), to)) {
        continue; // a pronoun stands for the person another pronoun stood for only in the same paragraph
      }
      Gender g = genderOf(p);
      if (gender == Gender.UNKNOWN || g == Gender.UNKNOWN || g == gender) {
        return p;
      }
    }
    return null;
  }

  private boolean sameParagraph(int from, int to) {
    int nl = view.text.indexOf('\n', from);
    return nl < 0 || nl >= to;
  }

  private int lowerBound(int offset) {
    int lo = 0;
    int hi = people.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (people.get(mid).start() < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private Gender genderOfPronoun(String key) {
    return rules.malePronouns().contains(key) ? Gender.MALE
        : rules.femalePronouns().contains(key) ? Gender.FEMALE : Gender.UNKNOWN;
  }

  /** From the first name, else a title written before the mention. */
  private Gender genderOf(EntityMention m) {
    Gender stated = pronounGenders.get(m.start());
    if (stated != null && stated != Gender.UNKNOWN) {
      return stated;
    }
    List<Token> words = Token.tokenize(m.name());
    if (!words.isEmpty()) {
      String first = words.get(0).key();
      if (rules.maleNames().contains(first)) {
        return Gender.MALE;
      }
      if (rules.femaleNames().contains(first)) {
        return Gender.FEMALE;
      }
    }
    int k = view.tokenFrom(m.start()) - 1;
    if (k >= 0) {
      String t = view.tokens.get(k).key();
      if (rules.maleTitles().contains(t)) {
        return Gender.MALE;
      }
      if (rules.femaleTitles().contains(t)) {
        return Gender.FEMALE;
      }
    }
    return Gender.UNKNOWN;
  }
}
