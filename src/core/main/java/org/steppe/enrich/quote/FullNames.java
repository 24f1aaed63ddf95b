package org.steppe.enrich.quote;

import org.steppe.enrich.Spaces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * The canonical name for the words naming a speaker: the entity's name, else the words past titles
 * ("Texas Sen. Ted Cruz" → "Ted Cruz"); a bare surname becomes the fullest name the article gives it
 * ("Volcker" → "Paul Volcker"): the person of that surname named last before it (so a bare "Baker"
 * goes to the Baker the article has just named, never to another Baker), else the first named after
 * it, else the article's most frequent capitalised run ending with it. An organisation's bare head
 * word ("the Bank said") becomes the organisation the article names with it ("Bank of England").
 * Built per article.
 */
final class FullNames {
  /** A name the article gives in full, and where. */
  private record Named(int start, String name) {}

  private final ArticleView view;
  private final NameWords names;
  private final QuoteRules rules;
  /** Surname key → the people of two words or more with that surname, in text order. */
  private final Map<String, List<Named>> people = new HashMap<>();
  /** First or last word's key → the organisations of two words or more with it, in text order. */
  private final Map<String, List<Named>> organisations = new HashMap<>();
  /** Every organisation the article names, in text order: for a short form's or an acronym's fullest name. */
  private final List<Named> allOrganisations = new ArrayList<>();
  /** Surname key → the most frequent capitalised run ending with it, for names no recogniser tagged. */
  private final Map<String, String> runs = new HashMap<>();

  FullNames(ArticleView view, NameWords names, QuoteRules rules) {
    this.view = view;
    this.names = names;
    this.rules = rules;
    for (EntityMention m : view.entities) {
      if (m.type() == EntityType.PERSON) {
        String name = withoutTitles(whole(m));
        List<String> words = words(name);
        // only where the text itself names the person in full: a bare "Baker" the entity resolver
        // already took for James Baker does not make James Baker the last Baker named
        if (words.size() >= 2 && words(withoutTitles(surface(m))).size() >= 2) {
          add(people, Token.key(words.get(words.size() - 1)), m.start(), name);
        }
      } else if (m.type() == EntityType.ORGANIZATION) {
        add(allOrganisations, m.start(), m.name());
        List<String> words = words(m.name());
        if (words.size() >= 2) {
          // under each of its own words ("the Bank", "Morgan" for J.P. Morgan and Co Inc), not its suffixes
          for (String w : words) {
            String key = Token.key(w.replaceAll("\\p{Punct}+$", ""));
            if (!key.isEmpty() && Character.isUpperCase(w.charAt(0)) && !rules.notSpeakers().contains(key) && !names.isNotName(key)) {
              add(organisations, key, m.start(), m.name());
            }
          }
        }
      }
    }
    countRuns();
  }

  private static void add(List<Named> same, int start, String name) {
    if (same.stream().noneMatch(n -> n.name().equals(name))) {
      same.add(new Named(start, name));
    }
  }

  private static void add(Map<String, List<Named>> index, String key, int start, String name) {
    List<Named> same = index.computeIfAbsent(key, k -> new ArrayList<>());
    if (same.stream().noneMatch(n -> n.name().equals(name))) {
      same.add(new Named(start, name));
    }
  }

  /** A name's words: separated by white space, so "Al-Wattari" and "O'Reilly" stay one word. */
  private static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.strip().split("[\\s\u00A0]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
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
    runs.putAll(best);
  }

  /** The canonical name for a name cue: the entity's, else the words without titles, made as full as the article allows. */
  String of(Cue cue) {
    if (cue.entity() != null) {
      EntityMention e = cue.entity();
      if (e.type() == EntityType.PERSON) {
        return person(e);
      }
      if (words(e.name()).size() == 1) {
        String key = Token.key(e.name().strip());
        // a surname a recogniser took for a company ("Trump said", tagged ORG), or a head word ("the Bank")
        String full = fullestPerson(key, lastWordAt(e));
        if (full == null && e.type() == EntityType.ORGANIZATION) {
          full = fullest(organisations, key, cue.start());
        }
        if (full == null && e.type() == EntityType.ORGANIZATION) {
          full = spelledOut(e.name().strip(), cue.start());
        }
        return full != null ? full : e.name();
      }
      String name = whole(e);
      if (e.type() == EntityType.ORGANIZATION) {
        String longer = longerForm(name, cue.start());
        return longer != null ? longer : name;
      }
      return name;
    }
    List<Token> words = view.tokensIn(cue.start(), cue.end());
    int a = 0;
    // Leading titles and lower-case words go; a capitalised common word only where it opens the sentence
    // ("Thanks", "Another"), so "The Wall Street Journal" keeps its "Wall".
    while (a < words.size() - 1 && (names.isTitle(words.get(a).key()) || names.isNotName(words.get(a).key())
        || Character.isLowerCase(words.get(a).text().charAt(0))
        || (view.lowerCaseKeys.contains(words.get(a).key()) && opensSentence(words.get(a))))) {
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
      String full = fullestPerson(key, words.get(a).start());
      if (full == null && !runs.containsKey(key)) {
        full = fullest(organisations, key, cue.start()); // "Morgan, which has …, said": the company named in full
      }
      return full != null ? full : runs.getOrDefault(key, text);
    }
    String longer = longerForm(text, cue.start());
    return longer != null ? longer : text;
  }

  /** The name of the person a mention names, as full as the article gives it: titles dropped, a bare surname made whole. */
  String person(EntityMention m) {
    List<String> written = words(withoutTitles(surface(m)));
    if (written.size() == 1 && !EntityMention.GAZETTEER.equals(m.origin())) {
      // the words as written, not a name a recogniser gave them: "Mr. Obama" after Michelle and Barack Obama
      String full = fullestPerson(Token.key(written.get(0)), lastWordAt(m));
      if (full != null) {
        return full;
      }
    }
    String n = withoutTitles(whole(m));
    List<String> words = words(n);
    if (words.size() == 1) {
      String key = Token.key(words.get(0));
      String full = fullestPerson(key, lastWordAt(m));
      if (full == null && !runs.containsKey(key)) {
        full = fullest(organisations, key, m.start());
      }
      return full != null ? full : runs.getOrDefault(key, n);
    }
    return n;
  }

  /**
   * A mention's name with what the recogniser cut off: initials before it ("A.B.M. Ghulam Mostafa") and
   * the rest of a hyphenated word ("Park Geun" + "-hye"); a name the recogniser gave another spelling stays.
   */
  private String whole(EntityMention m) {
    String t = view.text;
    if (!m.name().equals(surface(m).strip())) {
      return m.name();
    }
    String name = m.name();
    java.util.regex.Matcher initials = INITIALS.matcher(t.substring(Math.max(0, m.start() - 16), m.start()));
    if (m.type() == EntityType.PERSON && initials.find()) {
      name = initials.group(1) + name; // "A.B.M. Ghulam Mostafa", also when the recogniser kept "B.M." 
    }
    int k = m.end();
    if (k + 1 >= t.length() || t.charAt(k) != '-' || !Character.isLetter(t.charAt(k + 1))) {
      return name;
    }
    int end = k + 1;
    while (end < t.length() && Character.isLetter(t.charAt(end))) {
      end++;
    }
    return name + t.substring(k, end);
  }

  /** Initials written right before a name, after a space or the start of a line. */
  private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("(?:^|\\s)((?:\\p{Lu}\\.){1,4} ?)$");

  /** The words of a mention as the text writes them (its name when it has no text). */
  private static String surface(EntityMention m) {
    return m.text() == null || m.text().isBlank() ? m.name() : m.text();
  }

  /** Where the last word of a mention starts (its start when the text there is not the mention's). */
  private int lastWordAt(EntityMention m) {
    int k = view.tokenFrom(m.end()) - 1;
    return k >= 0 && view.tokens.get(k).start() >= m.start() ? view.tokens.get(k).start() : m.start();
  }

  /**
   * The fullest name of the person with surname {@code key} written at {@code at}: the one named last
   * before it, else the first after, skipping names whose first name the title just before it
   * contradicts ("Mr. Obama" is not Michelle Obama); null when there is none.
   */
  private String fullestPerson(String key, int at) {
    List<Named> same = people.get(key);
    if (same == null) {
      return null;
    }
    int k = view.tokenFrom(at) - 1;
    String title = k >= 0 ? view.tokens.get(k).key() : "";
    boolean male = rules.maleTitles().contains(title);
    boolean female = rules.femaleTitles().contains(title);
    Named best = null;
    for (Named n : same) {
      String first = Token.key(words(n.name()).get(0));
      if (male && rules.femaleNames().contains(first) || female && rules.maleNames().contains(first)) {
        continue;
      }
      if (best == null || n.start() <= at) {
        best = n;
      }
    }
    return best == null ? null : best.name();
  }

  private boolean opensSentence(Token t) {
    return view.text.substring(view.sentences.startOf(t.start()), t.start()).isBlank();
  }

  /** The fullest name for {@code key} at {@code at}: the one of {@code index} named last before it, else the first after. */
  private static String fullest(Map<String, List<Named>> index, String key, int at) {
    List<Named> same = index.get(key);
    if (same == null) {
      return null;
    }
    Named best = same.get(0);
    for (Named n : same) {
      if (n.start() <= at) {
        best = n;
      }
    }
    return best.name();
  }

  /**
   * The organisation an acronym stands for, when the article spells it out: "IMF" is the
   * International Monetary Fund, "EEU" the Eurasian Economic Union (the initials of its capitalised
   * words, linking words such as "of" and "and" skipped); the one named last before {@code at},
   * else the first after; null when the article spells out none.
   */
  private String spelledOut(String acronym, int at) {
    if (acronym.length() < 2 || acronym.length() > 8 || !acronym.chars().allMatch(Character::isUpperCase)) {
      return null;
    }
    List<Named> matching = new ArrayList<>();
    for (Named n : allOrganisations) {
      StringBuilder initials = new StringBuilder();
      for (String w : words(n.name())) {
        if (Character.isUpperCase(w.charAt(0))) {
          initials.append(w.charAt(0));
        }
      }
      if (initials.toString().equals(acronym)) {
        matching.add(n);
      }
    }
    return latest(matching, at);
  }

  /**
   * The longer name the article gives an organisation named here in part: "Medical Graphics" is
   * the Medical Graphics Corp the story named first (an organisation whose words begin with all of
   * these); null when there is none.
   */
  private String longerForm(String name, int at) {
    List<String> words = words(name);
    List<Named> matching = new ArrayList<>();
    for (Named n : allOrganisations) {
      List<String> longer = words(n.name());
      if (longer.size() > words.size() && longer.subList(0, words.size()).equals(words)) {
        matching.add(n);
      }
    }
    return latest(matching, at);
  }

  /** Of names in text order, the one named last before {@code at}, else the first; null when none. */
  private static String latest(List<Named> names, int at) {
    Named best = null;
    for (Named n : names) {
      if (best == null || n.start() <= at) {
        best = n;
      }
    }
    return best == null ? null : best.name();
  }

  /** A name without the titles and descriptions before it: "Texas Sen. Ted Cruz" → "Ted Cruz". */
  String withoutTitles(String name) {
    String n = Spaces.collapseWithNoBreak(name.strip());
    List<Token> words = Token.tokenize(n);
    int from = 0;
    for (int i = 0; i < words.size() - 1; i++) {
      if (names.isTitle(words.get(i).key())) {
        from = i + 1;
      }
    }
    while (from < words.size() - 1 && names.isNotName(words.get(from).key())) {
      from++;
    }
    return from == 0 ? n : n.substring(words.get(from).start());
  }
}
