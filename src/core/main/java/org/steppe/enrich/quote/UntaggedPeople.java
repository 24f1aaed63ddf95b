package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * People no recogniser tagged, found so that speakers, pronouns and surnames can find them: names
 * opening with a first name the configuration knows ("Hillary Clinton met Donald Trump") and their
 * surnames after them, and names standing as a sentence's subject ("Roffman, who estimates …,
 * described …"). Stateless apart from its configuration; thread-safe.
 */
final class UntaggedPeople {
  private final QuoteRules rules;
  private final NameWords names;
  private final SpeechVerbMatcher verbs;
  private final SentenceSubjects sentenceSubjects;

  UntaggedPeople(QuoteRules rules, NameWords names, SpeechVerbMatcher verbs, SentenceSubjects sentenceSubjects) {
    this.rules = rules;
    this.names = names;
    this.verbs = verbs;
    this.sentenceSubjects = sentenceSubjects;
  }

  /** Names opening with a known first name, outside quotes and entities, and later mentions of their surnames. */
  List<EntityMention> byFirstName(ArticleView view) {
    List<Token> tokens = view.tokens;
    Map<String, String> surnames = new HashMap<>();
    List<EntityMention> found = new ArrayList<>();
    int e = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      while (e < view.entities.size() && view.entities.get(e).end() <= t.start()) {
        e++;
      }
      boolean tagged = e < view.entities.size() && view.entities.get(e).start() <= t.end();
      if (tagged || !t.capitalized() || view.quoted(t.start())) {
        continue;
      }
      if ((rules.maleNames().contains(t.key()) || rules.femaleNames().contains(t.key())) && i + 1 < tokens.size()
          && names.isCapitalisedWord(tokens.get(i + 1)) && view.text.substring(t.end(), tokens.get(i + 1).start()).equals(" ")
          && !overlapsEntity(view, tokens.get(i + 1))) {
        int last = i + 1;
        if (last + 1 < tokens.size() && names.isCapitalisedWord(tokens.get(last + 1))
            && view.text.substring(tokens.get(last).end(), tokens.get(last + 1).start()).equals(" ")
            && !overlapsEntity(view, tokens.get(last + 1))) {
          last++;
        }
        String name = view.text.substring(t.start(), tokens.get(last).end());
        found.add(new EntityMention(name, EntityType.PERSON, t.start(), tokens.get(last).end(), name, "quotes"));
        surnames.putIfAbsent(tokens.get(last).key(), name);
        i = last;
      } else if (surnames.containsKey(t.key())) {
        found.add(new EntityMention(surnames.get(t.key()), EntityType.PERSON, t.start(), t.end(), t.text(), "quotes"));
      }
    }
    return found;
  }

  private static boolean overlapsEntity(ArticleView view, Token t) {
    return !view.entitiesIn(Math.max(0, t.start() - 60), t.end() + 60).stream()
        .filter(m -> m.start() < t.end() && t.start() < m.end()).toList().isEmpty();
  }

  /**
   * Names opening a sentence outside quotes and entities that speak (a verb of saying follows), have
   * more than one word, or are the surname of a longer person name in the article.
   */
  List<EntityMention> asSentenceSubjects(ArticleView v) {
    Set<String> surnames = surnames(v);
    List<EntityMention> out = new ArrayList<>();
    int s = 0;
    int n = v.text.length();
    while (s < n) {
      int next = v.sentences.nextStart(s);
      if (next <= s) {
        break;
      }
      List<Token> words = v.tokensIn(s, Math.min(next, s + 200));
      if (words.size() >= 3 && !v.quoted(words.get(0).start()) && v.entityAt(words.get(0).start()) == null) {
        Cue c = sentenceSubjects.atStart(v, words, words.size());
        if (c != null && c.type() == Cue.Type.NAME && c.entity() == null) {
          List<Token> name = v.tokensIn(c.start(), c.end());
          int after = Token.firstIndexAt(words, c.end());
          boolean speaks = after < words.size() && (verbs.wordsAt(v, words, after) > 0
              || (after + 1 < words.size() && verbs.wordsAt(v, words, after + 1) > 0));
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

  /** Last words of the person names the article's mentions carry ("Roffman" of "Marvin Roffman"). */
  private static Set<String> surnames(ArticleView view) {
    Set<String> out = new HashSet<>();
    for (EntityMention m : view.entities) {
      String surname = FullNames.surnameOf(m);
      if (surname != null) {
        out.add(surname);
      }
    }
    return out;
  }
}
