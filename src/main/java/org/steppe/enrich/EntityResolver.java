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
 * surname alone ("Karajanov said") joins the full name seen earlier in the same article.
 */
public final class EntityResolver {
  private final Set<String> notNames;

  /** A resolver that trusts every recogniser's people. */
  public EntityResolver() {
    this(Set.of());
  }

  /**
   * @param notNames accent-folded lower-case words that never make a person's name on their own
   *     ("kazakh", "the"): a rule or model "person" made only of them is dropped
   */
  public EntityResolver(Set<String> notNames) {
    this.notNames = Set.copyOf(notNames);
  }

  /** The resolved mentions of one article, in text order. */
  public List<EntityMention> resolve(String text, List<EntityMention> candidates) {
    List<EntityMention> ranked = new ArrayList<>();
    for (EntityMention m : candidates) {
      if (!notAName(m)) {
        ranked.add(m);
      }
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
    return joinSurnames(text, accepted);
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
    return !words.isEmpty() && words.stream().allMatch(w -> notNames.contains(w.key()));
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
  private static List<EntityMention> joinSurnames(String text, List<EntityMention> mentions) {
    Map<String, EntityMention> fullBySurname = new HashMap<>();
    List<EntityMention> out = new ArrayList<>();
    int next = 0;
    List<Token> tokens = Token.tokenize(text);
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
      List<Token> words = Token.tokenize(m.name());
      if (m.type() == EntityType.PERSON && words.size() == 1 && fullBySurname.containsKey(words.get(0).key())) {
        EntityMention full = fullBySurname.get(words.get(0).key());
        resolved = m.renamed(full.name(), EntityType.PERSON);
      } else if (m.type() == EntityType.PERSON && words.size() >= 2) {
        fullBySurname.putIfAbsent(words.get(words.size() - 1).key(), m);
      }
      out.add(resolved);
    }
    for (; t < tokens.size(); t++) {
      addSurnameMention(tokens.get(t), fullBySurname, out);
    }
    out.sort(Comparator.comparingInt(EntityMention::start));
    return out;
  }

  private static void addSurnameMention(Token token, Map<String, EntityMention> fullBySurname, List<EntityMention> out) {
    EntityMention full = fullBySurname.get(token.key());
    if (full != null && token.capitalized() && !full.origin().equals(EntityMention.GAZETTEER)) {
      // Gazetteer people list their surnames as aliases already; only rule and model names need this.
      out.add(new EntityMention(full.name(), EntityType.PERSON, token.start(), token.end(), token.text(), full.origin()));
    }
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
