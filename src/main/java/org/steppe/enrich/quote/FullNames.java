package org.steppe.enrich.quote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * The canonical name for the words naming a speaker: the entity's name, else the words past titles;
 * a bare surname becomes the fullest name the article gives it ("Clinton" → "Hillary Clinton"),
 * from its person mentions, else from its most frequent capitalised run. Built per article.
 */
final class FullNames {
  private final ArticleView view;
  private final NameWords names;
  /** Last word of a name → the fullest name ending with it. */
  private final Map<String, String> fullBySurname = new HashMap<>();

  FullNames(ArticleView view, NameWords names) {
    this.view = view;
    this.names = names;
    for (EntityMention m : view.entities) {
      String surname = surnameOf(m);
      if (surname != null) {
        fullBySurname.putIfAbsent(surname, m.name());
      }
    }
    countRuns();
  }

  /** The last word's key of a person's name of two words or more, else null. */
  static String surnameOf(EntityMention m) {
    if (m.type() != EntityType.PERSON) {
      return null;
    }
    List<Token> words = Token.tokenize(m.name());
    return words.size() >= 2 ? words.get(words.size() - 1).key() : null;
  }

  /** Records capitalised two- and three-word runs so a bare surname can take the fullest name seen. */
  private void countRuns() {
    List<Token> tokens = view.tokens;
    Map<String, Integer> counts = new HashMap<>();
    Map<String, String> best = new HashMap<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!names.isCapitalisedWord(tokens.get(i)) || names.isNotName(tokens.get(i).key()) || names.isTitle(tokens.get(i).key())) {
        continue;
      }
      int len = 1;
      while (len < 3 && i + len < tokens.size() && names.isCapitalisedWord(tokens.get(i + len))
          && view.text.substring(tokens.get(i + len - 1).end(), tokens.get(i + len).start()).equals(" ")) {
        len++;
        String run = view.text.substring(tokens.get(i).start(), tokens.get(i + len - 1).end());
        int c = counts.merge(run, 1, Integer::sum);
        String last = tokens.get(i + len - 1).key();
        String prev = best.get(last);
        if (prev == null || counts.getOrDefault(prev, 0) < c) {
          best.put(last, run);
        }
      }
    }
    best.forEach(fullBySurname::putIfAbsent);
  }

  /** The canonical name for a name cue: the entity's, else the words without titles, made as full as the article allows. */
  String of(Cue cue) {
    if (cue.entity() != null) {
      String n = cue.entity().name();
      List<Token> words = Token.tokenize(n);
      if (cue.entity().type() == EntityType.PERSON && words.size() == 1) {
        return fullBySurname.getOrDefault(words.get(0).key(), n);
      }
      return n;
    }
    List<Token> words = view.tokensIn(cue.start(), cue.end());
    int a = 0;
    while (a < words.size() - 1 && (names.isTitle(words.get(a).key()) || names.isNotName(words.get(a).key())
        || Character.isLowerCase(words.get(a).text().charAt(0)) || view.lowerCaseKeys.contains(words.get(a).key()))) {
      a++;
    }
    if (a >= words.size()) {
      return null;
    }
    String text = view.text.substring(words.get(a).start(), words.get(words.size() - 1).end());
    if (words.size() - a == 1) {
      String key = words.get(a).key();
      if (names.isNotName(key) || names.isTitle(key)) {
        return null;
      }
      return fullBySurname.getOrDefault(key, text);
    }
    return text;
  }
}
