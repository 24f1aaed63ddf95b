package org.steppe.enrich.quote;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.PersonRules;
import org.steppe.enrich.Token;

/**
 * The roles of an article's people: read where the text states one next to a name ("Galym
 * Ageleuov, head of …", "the Vice-Minister of … Askar Musinov"), else taken from the gazetteer.
 * Built per article.
 */
final class PersonRoles {
  /** Small words a role stated before a name may hold ("Minister of Foreign Affairs"). */
  private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "for", "on", "de", "in");

  private final ArticleView view;
  private final Map<String, String> gazetteerRoles;
  private final Set<String> roleWordKeys;
  /** Person name → the role first stated next to one of its mentions outside quotes. */
  private final Map<String, String> statedRoles = new HashMap<>();

  /**
   * @param roleWordKeys the keys of the words a stated role may hold ({@link #roleWordKeys(QuoteRules, PersonRules)},
   *     made once per extractor: tokenising the rule files for every article cost a tenth of quote extraction)
   */
  PersonRoles(ArticleView view, Set<String> roleWordKeys, Map<String, String> gazetteerRoles) {
    this.view = view;
    this.gazetteerRoles = gazetteerRoles;
    this.roleWordKeys = roleWordKeys;
    for (EntityMention m : view.entities) {
      if (m.type() == EntityType.PERSON && !view.quoted(m.start())) {
        String role = statedRole(m);
        if (role != null) {
          statedRoles.putIfAbsent(m.name(), role);
        }
      }
    }
  }

  /** The keys of the words a stated role may hold: the person rules' roles and titles and the quote rules' role nouns. */
  static Set<String> roleWordKeys(QuoteRules rules, PersonRules personRules) {
    Set<String> roleWords = new HashSet<>(personRules.keys(personRules.roles()));
    roleWords.addAll(rules.roleNouns());
    roleWords.addAll(personRules.keys(personRules.titles()));
    return Set.copyOf(roleWords);
  }

  /** The role to show: stated at the quote, else stated anywhere in the article, else the gazetteer's. */
  String of(String name, String localRole) {
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
}
