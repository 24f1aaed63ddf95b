package org.steppe.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges what the recognisers found into one consistent set of mentions: where mentions overlap
 * the gazetteer's wins, then the rules', then the model's, and the longer before the shorter; a
 * surname alone ("Karajanov said") joins the full name seen earlier in the same article. It also
 * keeps names from over- or under-reaching: stray marks at a name's edges go ("Boston Ltd>"), a
 * "person" holding an organisation word is no person ("Motors Corp", "Stock Exchange"), a
 * person's initials join the name ("C. William Verity") and an organisation's suffixes join it
 * ("J.P. Morgan and Co Inc").
 */
public final class EntityResolver {
  /** Brackets a written name loses (as spaces). */
  private static final java.util.regex.Pattern BRACKETS = java.util.regex.Pattern.compile("[()\\[\\]{}]");
  private final Set<String> notNames;
  private final Set<String> organizationWords;
  private final Set<String> organizationSuffixes;
  /** Keys of one-word titles written before a name ("mr", "sen", "judge"): no part of the person's name. */
  private final Set<String> titles;

  /** A resolver that trusts every recogniser's people. */
  public EntityResolver() {
    this(Set.of());
  }

  /**
   * @param notNames accent-folded lower-case words that never make a person's name on their own
   *     ("kazakh", "the"): a rule or model "person" made only of them is dropped
   */
  public EntityResolver(Set<String> notNames) {
    this(notNames, Set.of(), Set.of());
  }

  /**
   * @param notNames as above
   * @param organizationWords keys of words that make a name an organisation's ("corp", "bank")
   * @param organizationSuffixes keys of the ones that follow an organisation's name and belong to it ("inc", "co")
   */
  public EntityResolver(Set<String> notNames, Set<String> organizationWords, Set<String> organizationSuffixes) {
    this(notNames, organizationWords, organizationSuffixes, Set.of());
  }

  /**
   * @param titles keys of one-word titles ("mr", "sen", "judge"): a person's name is the words after
   *     the last of them ("Texas Sen. Ted Cruz" and "Mr. Cruz" name Ted Cruz and Cruz), so every
   *     spelling of one person is one entity
   */
  public EntityResolver(Set<String> notNames, Set<String> organizationWords, Set<String> organizationSuffixes,
      Set<String> titles) {
    this.notNames = Set.copyOf(notNames);
    this.organizationWords = Set.copyOf(organizationWords);
    this.organizationSuffixes = Set.copyOf(organizationSuffixes);
    this.titles = Set.copyOf(titles);
  }

  /** The resolver configured by {@code rules}. */
  public static EntityResolver of(PersonRules rules) {
    return new EntityResolver(rules.keys(rules.notNames()), rules.keys(rules.organizationWords()),
        rules.keys(rules.organizationSuffixes()), oneWord(rules.keys(rules.titles())));
  }

  private static Set<String> oneWord(Set<String> keys) {
    Set<String> out = new java.util.HashSet<>();
    for (String k : keys) {
      if (Token.tokenize(k).size() == 1) {
        out.add(Token.key(k));
      }
    }
    return out;
  }

  /** The resolved mentions of one article, in text order. */
  public List<EntityMention> resolve(String text, List<EntityMention> candidates) {
    List<EntityMention> ranked = new ArrayList<>();
    for (EntityMention candidate : candidates) {
      EntityMention m = trimmed(text, candidate);
      if (m == null || notAName(m)) {
        continue;
      }
      if (m.type() == EntityType.PERSON && !m.origin().equals(EntityMention.GAZETTEER) && organizational(m)) {
        if (m.origin().equals(EntityMention.RULES)) {
          continue; // a cue for people fired on a company ("Chrysler Corp said", "General Motors")
        }
        m = m.renamed(m.name(), EntityType.ORGANIZATION); // the model saw a name; it is an organisation's
      }
      ranked.add(m);
    }
    ranked.sort(Comparator.comparingInt((EntityMention m) -> priority(m.origin()))
        .thenComparing(Comparator.comparingInt(EntityMention::length).reversed())
        .thenComparingInt(EntityMention::start));
    List<EntityMention> accepted = new ArrayList<>();
    // By start: the accepted mentions never overlap, so a candidate need only be checked against its
    // two neighbours (checking every accepted mention was quadratic in a name-dense text).
    TreeMap<Integer, EntityMention> byStart = new TreeMap<>();
    for (EntityMention m : ranked) {
      if (!overlapsAny(byStart, m)) {
        accepted.add(m);
        byStart.merge(m.start(), m, (a, b) -> a.length() >= b.length() ? a : b);
      }
    }
    accepted.sort(Comparator.comparingInt(EntityMention::start));
    List<Token> tokens = Token.tokenize(text);
    return namedInFull(joinSurnames(text, tokens, untitled(extended(text, tokens, accepted))));
  }

  /**
   * An organisation named once in full and then without its suffix is one organisation: "Medical
   * Graphics Corp said …; Medical Graphics said" has one name, whatever type a recogniser gave the
   * shorter form. A one-word short form joins only when it was itself taken for an organisation
   * ("Endotronics" for Endotronics Inc), so a person's surname never turns into a company; a short
   * form two organisations share stays as it is.
   */
  private List<EntityMention> namedInFull(List<EntityMention> mentions) {
    Map<String, String> fullByShort = new HashMap<>();
    for (EntityMention m : mentions) {
      if (m.type() != EntityType.ORGANIZATION) {
        continue;
      }
      String shortForm = withoutSuffixes(m.name());
      if (!shortForm.equals(m.name()) && !shortForm.isEmpty()) {
        fullByShort.merge(shortForm, m.name(), (a, b) -> a.equals(b) ? a : "");
      }
    }
    if (fullByShort.isEmpty()) {
      return mentions;
    }
    List<EntityMention> out = new ArrayList<>(mentions.size());
    for (EntityMention m : mentions) {
      String full = fullByShort.get(m.name());
      boolean joins = full != null && !full.isEmpty() && !m.origin().equals(EntityMention.GAZETTEER)
          && (m.type() == EntityType.ORGANIZATION || m.type() == EntityType.PERSON && !oneWord(m.name()));
      out.add(joins ? m.renamed(full, EntityType.ORGANIZATION) : m);
    }
    return out;
  }

  /** An organisation's name without the suffixes that end it ("Medical Graphics" for Medical Graphics Corp). */
  private String withoutSuffixes(String name) {
    List<Token> words = Token.tokenize(name);
    int end = words.size();
    while (end > 1 && organizationSuffixes.contains(words.get(end - 1).key())) {
      end--;
    }
    if (end == words.size()) {
      return name;
    }
    String rest = name.substring(0, words.get(end - 1).end()).strip();
    return rest.endsWith(" and") ? rest.substring(0, rest.length() - 4).strip() : rest;
  }

  /**
   * The mention without stray marks: at its edges ("Boston Ltd>", "<Acme"), from a quote mark on
   * ("Robert Maxwell.\"It's"), and its name without an editor's brackets ("Minister Dilson) Funaro"
   * names Dilson Funaro); null when nothing is left, or for a "person" with digits in it (a table's
   * "Dec)....3,513.6"). A person's full stop stays after an initial or abbreviation ("Jr.", "C."), not after a word; an
   * organisation's stays ("Inc.").
   */
  private static EntityMention trimmed(String text, EntityMention m) {
    if (m.origin().equals(EntityMention.GAZETTEER)) {
      return m;
    }
    int s = m.start();
    int e = m.end();
    for (int i = s; i < e; i++) {
      if (QUOTE_MARKS.indexOf(text.charAt(i)) >= 0 && i > s) {
        e = i; // a quotation opens here: the name ended before it
        break;
      }
    }
    // Word characters as Token reads them (combining marks too), so a trimmed name starts and ends on a word's edge.
    while (s < e && !Token.isWordChar(text.charAt(s))) {
      s++;
    }
    while (e > s && !Token.isWordChar(text.charAt(e - 1)) && !(text.charAt(e - 1) == '.' && (m.type() != EntityType.PERSON || abbreviationBefore(text, s, e - 1)))) {
      e--;
    }
    if (e <= s || m.type() == EntityType.PERSON && text.substring(s, e).chars().anyMatch(Character::isDigit)) {
      return null;
    }
    String written = text.substring(s, e);
    boolean named = m.name().equals(m.text());
    String name = named ? Spaces.collapse(BRACKETS.matcher(written).replaceAll(" ")).strip() : m.name();
    if (s == m.start() && e == m.end() && name.equals(m.name())) {
      return m;
    }
    return new EntityMention(name, m.type(), s, e, written, m.origin());
  }

  private static final String QUOTE_MARKS = "\"\u201C\u201D\u201E";

  /** Whether the word ending at {@code dot} is an initial or a short abbreviation ("C", "Jr", "St"), which keeps its full stop. */
  private static boolean abbreviationBefore(String text, int from, int dot) {
    int w = dot;
    while (w > from && Character.isLetter(text.charAt(w - 1))) {
      w--;
    }
    return dot - w >= 1 && dot - w <= 2 && Character.isUpperCase(text.charAt(w));
  }

  private boolean organizational(EntityMention m) {
    for (Token w : Token.tokenize(m.text())) {
      if (organizationWords.contains(w.key())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Names grown to their full extent: initials written just before a person's name join it ("C.
   * William Verity", "A.B.M. Ghulam Mostafa"); organisation suffixes right after a name join it and
   * make it an organisation's ("Chrysler Corp", "J.P. Morgan and Co Inc"). Gazetteer names are as listed.
   */
  private List<EntityMention> extended(String text, List<Token> tokens, List<EntityMention> mentions) {
    List<EntityMention> out = new ArrayList<>(mentions.size());
    int t = 0;
    for (int i = 0; i < mentions.size(); i++) {
      EntityMention m = mentions.get(i);
      if (m.origin().equals(EntityMention.GAZETTEER)) {
        out.add(m);
        continue;
      }
      int prevEnd = out.isEmpty() ? 0 : out.get(out.size() - 1).end();
      if (m.type() == EntityType.PERSON) {
        int s = initialsBefore(text, m.start(), prevEnd);
        if (s < m.start()) {
          String written = text.substring(s, m.end());
          m = new EntityMention(m.name().equals(m.text()) ? written : text.substring(s, m.start()) + m.name(),
              m.type(), s, m.end(), written, m.origin());
        }
      }
      if (m.type() == EntityType.PERSON || m.type() == EntityType.ORGANIZATION) {
        while (t < tokens.size() && tokens.get(t).start() < m.end()) {
          t++;
        }
        int e = suffixesAfter(text, tokens, t, m.end());
        if (e > m.end()) {
          String written = text.substring(m.start(), e);
          m = new EntityMention(written, EntityType.ORGANIZATION, m.start(), e, written, m.origin());
          while (i + 1 < mentions.size() && mentions.get(i + 1).start() < e) {
            i++; // a mention the suffixes made part of this name ("Co Inc" on its own)
          }
        }
      }
      out.add(m);
    }
    return out;
  }

  /** The start of initials ("C. ", "A.B.M. ") written right before {@code start}, after {@code floor}; {@code start} when none. */
  private static int initialsBefore(String text, int start, int floor) {
    if (start - 1 < floor || text.charAt(start - 1) != ' ') {
      return start;
    }
    int s = start;
    int k = start - 2;
    while (k - 1 >= floor && text.charAt(k) == '.' && Character.isUpperCase(text.charAt(k - 1))) {
      s = k - 1;
      k -= 2;
    }
    boolean standsAlone = s == 0 || Character.isWhitespace(text.charAt(s - 1)) || text.charAt(s - 1) == '(';
    return s < start && standsAlone ? s : start;
  }

  /** The end of organisation suffixes from token {@code t} on, right after {@code end} ("Corp", "and Co Inc"); {@code end} when none. */
  private int suffixesAfter(String text, List<Token> tokens, int t, int end) {
    int e = end;
    while (t < tokens.size()) {
      Token next = tokens.get(t);
      String gap = text.substring(e, next.start());
      if (gap.equals(" ") && next.key().equals("and") && t + 1 < tokens.size() && tokens.get(t + 1).key().equals("co")
          && text.substring(next.end(), tokens.get(t + 1).start()).equals(" ")) {
        e = suffixEnd(text, tokens.get(t + 1)); // "J.P. Morgan and Co"
        t += 2;
      } else if (gap.equals(" & ") && next.key().equals("co")) {
        e = suffixEnd(text, next); // "Smith & Co"
        t++;
      } else if ((gap.equals(" ") || gap.equals(", ")) && next.capitalized() && organizationSuffixes.contains(next.key())) {
        e = suffixEnd(text, next); // "Chrysler Corp", "Acme, Inc."
        t++;
      } else {
        break;
      }
    }
    return e;
  }

  /** After the suffix word, with its abbreviation's full stop ("Inc."). */
  private static int suffixEnd(String text, Token suffix) {
    int e = suffix.end();
    return e < text.length() && text.charAt(e) == '.' && (e + 1 == text.length() || text.charAt(e + 1) != '.') ? e + 1 : e;
  }

  /** Whether {@code m} overlaps one of {@code accepted}, which do not overlap one another. */
  private static boolean overlapsAny(TreeMap<Integer, EntityMention> accepted, EntityMention m) {
    Map.Entry<Integer, EntityMention> before = accepted.floorEntry(m.start());
    if (before != null && before.getValue().overlaps(m)) {
      return true;
    }
    Map.Entry<Integer, EntityMention> after = accepted.higherEntry(m.start());
    return after != null && after.getValue().overlaps(m);
  }

  private boolean notAName(EntityMention m) {
    if (m.type() != EntityType.PERSON || m.origin().equals(EntityMention.GAZETTEER)) {
      return false;
    }
    List<Token> words = Token.tokenize(m.text());
    // A "person" all in capitals comes from a heading set in capitals ("REUTER COMMODITY INDEX",
    // "BAKER SAYS"), where a recogniser cannot tell names from other words.
    boolean capitals = words.stream().allMatch(w -> w.allCaps() && Character.isLetter(w.text().charAt(0)));
    return !words.isEmpty() && (capitals || words.stream().allMatch(w -> notNames.contains(w.key())));
  }

  private static int priority(String origin) {
    return switch (origin) {
      case EntityMention.GAZETTEER -> 0;
      case EntityMention.RULES -> 1;
      default -> 2;
    };
  }

  /**
   * Renames single-word person mentions to the full name whose last word they are, and tags
   * capitalised surnames nobody else tagged, after the full name has appeared.
   */
  private static List<EntityMention> joinSurnames(String text, List<Token> tokens, List<EntityMention> mentions) {
    // By the last token ("reilly"), for untagged surnames in the text; by the last written word
    // ("o'reilly"), for a one-word name the recognisers tagged.
    Map<String, EntityMention> fullBySurname = new HashMap<>();
    Map<String, EntityMention> fullByWord = new HashMap<>();
    // Full names by surname over the whole article: a surname written before its full name (a
    // headline's "Trump", then "Donald Trump") joins it when the article names only one such person.
    Map<String, Set<String>> fullNamesByWord = new HashMap<>();
    Map<String, EntityMention> anyFull = new HashMap<>();
    for (EntityMention m : mentions) {
      if (m.type() == EntityType.PERSON && !oneWord(m.name())) {
        String key = surnameKey(m.name());
        fullNamesByWord.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(m.name());
        anyFull.putIfAbsent(key, m);
      }
    }
    List<EntityMention> out = new ArrayList<>();
    int t = 0;
    for (EntityMention m : mentions) {
      // Untagged words before this mention: a known surname becomes a mention of its person.
      for (; t < tokens.size() && tokens.get(t).start() < m.start(); t++) {
        addSurnameMention(tokens.get(t), fullBySurname, out);
      }
      while (t < tokens.size() && tokens.get(t).start() < m.end()) {
        t++;
      }
      EntityMention resolved = m;
      if (m.type() == EntityType.PERSON && oneWord(m.name())) {
        String key = surnameKey(m.name());
        EntityMention full = fullByWord.get(key);
        if (full == null && fullNamesByWord.getOrDefault(key, Set.of()).size() == 1) {
          full = anyFull.get(key);
        }
        if (full != null) {
          resolved = m.renamed(full.name(), EntityType.PERSON);
        }
      } else if (m.type() == EntityType.PERSON) {
        List<Token> words = Token.tokenize(m.name());
        if (!words.isEmpty()) {
          fullBySurname.putIfAbsent(words.get(words.size() - 1).key(), m);
        }
        fullByWord.putIfAbsent(surnameKey(m.name()), m);
      }
      out.add(resolved);
    }
    for (; t < tokens.size(); t++) {
      addSurnameMention(tokens.get(t), fullBySurname, out);
    }
    out.sort(Comparator.comparingInt(EntityMention::start));
    return out;
  }

  /** Whether a name is one written word ("Volcker", "O'Reilly", "Holtz-Eakin"). */
  private static boolean oneWord(String name) {
    return !name.strip().contains(" ");
  }

  /** The key of a name's last written word, without marks at its edges. */
  private static String surnameKey(String name) {
    String[] words = name.strip().split("\\s+");
    return String.join("", Token.tokenize(words[words.length - 1]).stream().map(Token::key).toList());
  }

  private static void addSurnameMention(Token token, Map<String, EntityMention> fullBySurname, List<EntityMention> out) {
    EntityMention full = fullBySurname.get(token.key());
    if (full != null && token.capitalized() && !full.origin().equals(EntityMention.GAZETTEER)) {
      // Gazetteer people list their surnames as aliases already; only rule and model names need this.
      out.add(new EntityMention(full.name(), EntityType.PERSON, token.start(), token.end(), token.text(), full.origin()));
    }
  }

  private static final Set<String> GENERATIONS = Set.of("jr", "sr", "ii", "iii", "iv");

  /** People named without their titles: the name is the words after the last title word, when any are left. */
  private List<EntityMention> untitled(List<EntityMention> mentions) {
    if (titles.isEmpty()) {
      return mentions;
    }
    List<EntityMention> out = new ArrayList<>(mentions.size());
    for (EntityMention m : mentions) {
      if (m.type() == EntityType.PERSON && !m.origin().equals(EntityMention.GAZETTEER)) {
        List<Token> words = Token.tokenize(m.name());
        int last = -1;
        for (int i = 0; i < words.size() - 1; i++) {
          if (titles.contains(words.get(i).key())) {
            last = i;
          }
        }
        boolean suffixOnly = last >= 0 && words.subList(last + 1, words.size()).stream()
            .allMatch(w -> GENERATIONS.contains(w.key())); // "Martin Luther King Jr." keeps its King
        if (last >= 0 && !suffixOnly) {
          String name = m.name().substring(words.get(last + 1).start()).strip();
          out.add(new EntityMention(name, m.type(), m.start(), m.end(), m.text(), m.origin()));
          continue;
        }
      }
      out.add(m);
    }
    return out;
  }

  /** Groups mentions by entity, in order of first mention. */
  public static List<Entity> group(List<EntityMention> mentions) {
    Map<String, List<Mention>> byKey = new LinkedHashMap<>();
    Map<String, EntityType> types = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (EntityMention m : mentions) {
      String key = m.type() + "\u0000" + m.name();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Mention(m.start(), m.end(), m.text()));
      types.put(key, m.type());
      names.put(key, m.name());
    }
    List<Entity> out = new ArrayList<>();
    byKey.forEach((k, ms) -> out.add(new Entity(names.get(k), types.get(k), ms)));
    return out;
  }
}
