package org.steppe.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one article says about its people: the fullest form of each name, roles stated next to a
 * name ("Galym Ageleuov, head of …", "the Vice-Minister of … Askar Musinov"), and gender where a
 * first name or title tells it. Turns speaker cues into speakers, resolving pronouns and role nouns
 * to the most recent compatible person. Built per article, used by one thread.
 */
final class PersonIndex {
  private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "for", "on", "de", "in");

  private final ArticleView view;
  private final QuoteRules rules;
  private final Map<String, String> gazetteerRoles;
  private final Set<String> titleKeys;
  private final Set<String> notNameKeys;
  private final Set<String> roleWordKeys;
  /** Last word of a name → the fullest name ending with it. */
  private final Map<String, String> fullBySurname = new HashMap<>();
  private final Map<String, String> statedRoles = new HashMap<>();
  /** People mentioned outside quotation marks, in text order; speakers named by raw text join as found. */
  private final List<EntityMention> people = new ArrayList<>();

  PersonIndex(ArticleView view, QuoteRules rules, PersonRules personRules, Map<String, String> gazetteerRoles) {
    this.view = view;
    this.rules = rules;
    this.gazetteerRoles = gazetteerRoles;
    this.titleKeys = personRules.keys(personRules.titles());
    this.notNameKeys = personRules.keys(personRules.notNames());
    Set<String> roleWords = new java.util.HashSet<>(personRules.keys(personRules.roles()));
    roleWords.addAll(rules.roleNouns());
    roleWords.addAll(titleKeys);
    this.roleWordKeys = roleWords;
    Map<String, Integer> runCounts = new HashMap<>();
    for (EntityMention m : view.entities) {
      if (m.type() == EntityType.PERSON) {
        List<Token> words = Token.tokenize(m.name());
        if (words.size() >= 2) {
          fullBySurname.putIfAbsent(words.get(words.size() - 1).key(), m.name());
        }
        if (!view.quoted(m.start())) {
          people.add(m);
          String role = statedRole(m);
          if (role != null) {
            statedRoles.putIfAbsent(m.name(), role);
          }
        }
      }
    }
    countRuns(runCounts);
  }

  /**
   * People no recogniser tagged but whose first name the configuration knows ("Hillary Clinton met
   * Donald Trump"), and their surnames after them, so speakers, pronouns and surnames can find them.
   */
  static List<EntityMention> firstNamePeople(ArticleView view, QuoteRules rules) {
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
          && capitalisedName(tokens.get(i + 1), rules) && view.text.substring(t.end(), tokens.get(i + 1).start()).equals(" ")
          && !overlapsEntity(view, tokens.get(i + 1))) {
        int last = i + 1;
        if (last + 1 < tokens.size() && capitalisedName(tokens.get(last + 1), rules)
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

  /** Last words of the person names the article's mentions carry ("Roffman" of "Marvin Roffman"). */
  static java.util.Set<String> surnames(ArticleView view) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (EntityMention m : view.entities) {
      if (m.type() == EntityType.PERSON) {
        List<Token> words = Token.tokenize(m.name());
        if (words.size() >= 2) {
          out.add(words.get(words.size() - 1).key());
        }
      }
    }
    return out;
  }

  private static boolean capitalisedName(Token t, QuoteRules rules) {
    return t.capitalized() && !t.allCaps() && t.text().length() > 1 && !rules.isPronoun(t.key());
  }

  private static boolean overlapsEntity(ArticleView view, Token t) {
    return !view.entitiesIn(Math.max(0, t.start() - 60), t.end() + 60).stream()
        .filter(m -> m.start() < t.end() && t.start() < m.end()).toList().isEmpty();
  }

  /** Records capitalised two- and three-word runs so a bare surname can take the fullest name seen. */
  private void countRuns(Map<String, Integer> counts) {
    List<Token> tokens = view.tokens;
    Map<String, String> best = new HashMap<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!nameWord(tokens.get(i)) || notNameKeys.contains(tokens.get(i).key()) || titleKeys.contains(tokens.get(i).key())) {
        continue;
      }
      int len = 1;
      while (len < 3 && i + len < tokens.size() && nameWord(tokens.get(i + len))
          && gap(tokens.get(i + len - 1), tokens.get(i + len)).equals(" ")) {
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

  private boolean nameWord(Token t) {
    return t.capitalized() && !t.allCaps() && t.text().length() > 1 && !rules.isPronoun(t.key());
  }

  private String gap(Token a, Token b) {
    return view.text.substring(a.end(), b.start());
  }

  /** The speaker a cue names, or null when it cannot be told. */
  Speaker resolve(Cue cue, String localRole) {
    Mention mention = new Mention(cue.start(), cue.end(), view.original.substring(cue.start(), cue.end()));
    return switch (cue.type()) {
      case NAME -> {
        String name = nameOf(cue);
        if (name == null) {
          yield null;
        }
        if (cue.entity() == null || cue.entity().type() == EntityType.PERSON) {
          addPerson(new EntityMention(name, EntityType.PERSON, cue.start(), cue.end(), mention.text(), "quotes"));
        }
        yield new Speaker(name, roleOf(name, localRole), mention);
      }
      case PRONOUN -> {
        EntityMention p = antecedent(cue.start(), genderOfPronoun(cue.key()));
        yield p == null ? null : new Speaker(p.name(), roleOf(p.name(), null), mention);
      }
      case ROLE -> {
        // Only a person whose role says so: guessing the most recent person of unknown role was tried
        // and gained nothing on PolNeAR train, and a wrong speaker is worse than none.
        EntityMention p = holderOf(cue.key(), cue.start());
        yield p == null ? null : new Speaker(p.name(), roleOf(p.name(), null), mention);
      }
    };
  }

  private void addPerson(EntityMention m) {
    int k = people.size();
    while (k > 0 && people.get(k - 1).start() > m.start()) {
      k--;
    }
    if (k > 0 && people.get(k - 1).start() == m.start()) {
      return;
    }
    people.add(k, m);
  }

  /** The canonical name for a name cue: the entity's, else the words without titles, made as full as the article allows. */
  private String nameOf(Cue cue) {
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
    while (a < words.size() - 1 && (titleKeys.contains(words.get(a).key()) || notNameKeys.contains(words.get(a).key())
        || Character.isLowerCase(words.get(a).text().charAt(0)) || view.lowerCaseKeys.contains(words.get(a).key()))) {
      a++;
    }
    if (a >= words.size()) {
      return null;
    }
    String text = view.text.substring(words.get(a).start(), words.get(words.size() - 1).end());
    if (words.size() - a == 1) {
      String key = words.get(a).key();
      if (notNameKeys.contains(key) || titleKeys.contains(key)) {
        return null;
      }
      return fullBySurname.getOrDefault(key, text);
    }
    return text;
  }

  /** The role to show: stated at the quote, else stated anywhere in the article, else the gazetteer's. */
  private String roleOf(String name, String localRole) {
    if (localRole != null && !(Token.tokenize(localRole).size() == 1 && gazetteerRoles.containsKey(name))) {
      return localRole;
    }
    String stated = statedRoles.get(name);
    String listed = gazetteerRoles.get(name);
    // A bare title ("President", "leader") says less than the gazetteer's role ("President of Kazakhstan").
    if (stated != null && listed != null && Token.tokenize(stated).size() == 1) {
      return listed;
    }
    return stated != null ? stated : listed;
  }

  /** A role stated right before or after a person mention, or null. */
  String statedRole(EntityMention m) {
    String before = roleBefore(m.start());
    return before != null ? before : roleAfter(m.end());
  }

  /** "the Vice-Minister of Foreign Affairs of Kazakhstan Askar Musinov" → the words before the name. */
  private String roleBefore(int nameStart) {
    int i = view.tokenFrom(nameStart) - 1;
    int stretchStart = -1;
    int firstRole = -1;
    int limit = Math.max(0, i - 16);
    int right = nameStart;
    for (int k = i; k >= limit; k--) {
      Token t = view.tokens.get(k);
      String g = view.text.substring(t.end(), right);
      if (!(g.equals(" ") || g.equals("-") || (k == i && g.equals(" ")))) {
        break;
      }
      boolean allowed = t.capitalized() || CONNECTORS.contains(t.key()) || roleWordKeys.contains(t.key());
      if (!allowed || view.quoted(t.start())) {
        break;
      }
      stretchStart = k;
      if (roleWordKeys.contains(t.key()) && !CONNECTORS.contains(t.key())) {
        firstRole = k;
      }
      right = t.start();
    }
    if (firstRole < 0) {
      return null;
    }
    int s = firstRole;
    // Capitalised words just before the role word belong to it: "Kazakhstani Foreign Minister".
    while (s - 1 >= stretchStart && view.tokens.get(s - 1).capitalized()) {
      s--;
    }
    int end = nameStart;
    while (end > 0 && Character.isWhitespace(view.text.charAt(end - 1))) {
      end--;
    }
    String role = view.text.substring(view.tokens.get(s).start(), end).strip();
    return role.isEmpty() || role.length() > 150 ? null : role;
  }

  /** "Galym Ageleuov, head of the human rights group Liberty," → the apposition after the name. */
  private String roleAfter(int nameEnd) {
    int k = view.tokenFrom(nameEnd);
    if (k >= view.tokens.size()) {
      return null;
    }
    String g = view.text.substring(nameEnd, view.tokens.get(k).start());
    if (!g.strip().equals(",")) {
      return null;
    }
    int first = k;
    String key = view.tokens.get(k).key();
    if ((key.equals("a") || key.equals("an") || key.equals("the")) && k + 1 < view.tokens.size()) {
      first = k + 1;
    }
    boolean hasRole = false;
    for (int j = first; j < Math.min(first + 3, view.tokens.size()); j++) {
      if (roleWordKeys.contains(view.tokens.get(j).key())) {
        hasRole = true;
        break;
      }
    }
    if (!hasRole) {
      return null;
    }
    int start = view.tokens.get(first).start();
    int limit = Math.min(view.text.length(), start + 200);
    int end = start;
    while (end < limit) {
      char c = view.text.charAt(end);
      if (c == ',' || c == ';' || c == '(' || c == '\n' || c == '"' || c == '\u201C' || c == '\u201D'
          || (c == '.' && (end + 1 >= view.text.length() || Character.isWhitespace(view.text.charAt(end + 1))))) {
        break;
      }
      end++;
    }
    String role = view.text.substring(start, end).strip();
    return role.isEmpty() || end == limit ? null : role;
  }

  /** 1 for male, 2 for female, 0 when the pronoun tells nothing. */
  private int genderOfPronoun(String key) {
    return rules.malePronouns().contains(key) ? 1 : rules.femalePronouns().contains(key) ? 2 : 0;
  }

  /** 1 male, 2 female, 0 unknown: from the first name or a title written before the mention. */
  private int genderOf(EntityMention m) {
    List<Token> words = Token.tokenize(m.name());
    if (!words.isEmpty()) {
      String first = words.get(0).key();
      if (rules.maleNames().contains(first)) {
        return 1;
      }
      if (rules.femaleNames().contains(first)) {
        return 2;
      }
    }
    int k = view.tokenFrom(m.start()) - 1;
    if (k >= 0) {
      String t = view.tokens.get(k).key();
      if (rules.maleTitles().contains(t)) {
        return 1;
      }
      if (rules.femaleTitles().contains(t)) {
        return 2;
      }
    }
    return 0;
  }

  /**
   * The person a pronoun at {@code offset} stands for: the first compatible person mentioned earlier
   * in its sentence, else the first one (the likely subject) of each earlier sentence in turn.
   */
  private EntityMention antecedent(int offset, int gender) {
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

  private EntityMention firstCompatible(int from, int to, int gender) {
    int k = lowerBoundPeople(from);
    for (; k < people.size() && people.get(k).start() < to; k++) {
      EntityMention p = people.get(k);
      int g = genderOf(p);
      if (gender == 0 || g == 0 || g == gender) {
        return p;
      }
    }
    return null;
  }

  private int lowerBoundPeople(int offset) {
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

  /** The most recent person before {@code offset} whose role contains the role noun, or null. */
  private EntityMention holderOf(String roleKey, int offset) {
    int k = lowerBoundPeople(offset) - 1;
    for (int seen = 0; k >= 0 && seen < 40 && offset - people.get(k).start() < 6000; k--, seen++) {
      EntityMention p = people.get(k);
      String role = roleOf(p.name(), null);
      if (role != null && Token.tokenize(role).stream().anyMatch(t -> t.key().equals(roleKey)
          || (roleKey.contains("-") && Token.key(role).contains(roleKey)))) {
        return p;
      }
    }
    return null;
  }
}
