package org.steppe.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the gazetteer's entities under any of their spellings, with a token trie: longest match
 * first, case-insensitive and accent-folded. Rules keep common words out: a match must start with
 * a capital letter or digit; an all-capitals alias ("EEU", "IS") matches only in capitals, and not
 * inside a heading set in capitals ("FED IS EXPECTED"); a spelling the gazetteer marks ambiguous
 * ("Senate") links to its entity only when its context (another spelling of the entity, or a name
 * or word listed as its context) stands within the gazetteer's context window, and otherwise stays
 * a plain mention under its own words ({@link EntityMention#UNLINKED}). Thread-safe once built.
 */
public final class GazetteerRecognizer implements EntityRecognizer {
  private final Node root = new Node();
  /** Plain words and phrases listed as context, to the entities they support. */
  private final Node contextRoot = new Node();
  /** Entities to those whose context names them. */
  private final Map<Gazetteer.Entry, List<Gazetteer.Entry>> supports = new HashMap<>();
  private final int window;

  private static final class Node {
    final Map<String, Node> next = new HashMap<>();
    Gazetteer.Entry entry;
    boolean exactCase;
    boolean ambiguous;
    String spelling;
    /** In the context trie: the entities this phrase supports. */
    List<Gazetteer.Entry> supported;
  }

  /** A spelling found in the text. */
  private record Match(Node node, int start, int end, int first, int last) {}

  public GazetteerRecognizer(Gazetteer gazetteer) {
    this.window = gazetteer.contextWindow();
    Map<String, Gazetteer.Entry> byName = new HashMap<>();
    for (Gazetteer.Entry e : gazetteer.entities()) {
      byName.putIfAbsent(key(e.name()), e);
    }
    for (Gazetteer.Entry e : gazetteer.entities()) {
      for (String spelling : e.spellings()) {
        add(spelling, e);
      }
      for (String c : e.context()) {
        Gazetteer.Entry named = byName.get(key(c));
        if (named != null) {
          supports.computeIfAbsent(named, k -> new ArrayList<>()).add(e);
        } else {
          Node node = path(contextRoot, c);
          if (node != null) {
            if (node.supported == null) {
              node.supported = new ArrayList<>();
            }
            node.supported.add(e);
          }
        }
      }
    }
  }

  private static String key(String phrase) {
    return String.join(" ", Token.tokenize(phrase).stream().map(Token::key).toList());
  }

  /** The trie node for {@code phrase}'s words under {@code from}, made as needed; null for no words. */
  private static Node path(Node from, String phrase) {
    List<Token> tokens = Token.tokenize(phrase);
    if (tokens.isEmpty()) {
      return null;
    }
    Node node = from;
    for (Token t : tokens) {
      node = node.next.computeIfAbsent(t.key(), k -> new Node());
    }
    return node;
  }

  private void add(String spelling, Gazetteer.Entry entry) {
    Node node = path(root, spelling);
    if (node == null) {
      return;
    }
    // The first entity to claim a spelling keeps it: the file's order decides ambiguous aliases.
    if (node.entry == null) {
      List<Token> tokens = Token.tokenize(spelling);
      node.entry = entry;
      node.exactCase = tokens.size() == 1 && tokens.get(0).allCaps();
      node.ambiguous = entry.ambiguous().contains(spelling);
      node.spelling = spelling;
    }
  }

  @Override
  public List<EntityMention> recognize(String text) {
    List<Token> tokens = Token.tokenize(text);
    List<Match> matches = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int matchEnd = -1;
      Node matched = null;
      Node node = root;
      for (int j = i; j < tokens.size(); j++) {
        if (j > i && !joinable(text, tokens.get(j - 1), tokens.get(j))) {
          break;
        }
        node = node.next.get(tokens.get(j).key());
        if (node == null) {
          break;
        }
        if (node.entry != null && accepts(node, tokens, i, text, j)) {
          matched = node;
          matchEnd = j;
        }
      }
      if (matched == null) {
        i++;
        continue;
      }
      int start = tokens.get(i).start();
      int end = tokens.get(matchEnd).end();
      if (matched.spelling.endsWith(".") && end < text.length() && text.charAt(end) == '.') {
        end++; // "U.S." keeps its last full stop, as the spelling has it
      }
      matches.add(new Match(matched, start, end, i, matchEnd));
      i = matchEnd + 1;
    }
    Map<Gazetteer.Entry, List<Integer>> support = matches.stream().anyMatch(m -> m.node().ambiguous)
        ? support(tokens, matches) : Map.of();
    List<EntityMention> out = new ArrayList<>(matches.size());
    for (Match m : matches) {
      Gazetteer.Entry e = m.node().entry;
      String written = text.substring(m.start(), m.end());
      if (!m.node().ambiguous || near(support.get(e), m.start(), m.end())) {
        out.add(new EntityMention(e.name(), e.type(), m.start(), m.end(), written, EntityMention.GAZETTEER));
      } else {
        out.add(new EntityMention(written, e.type(), m.start(), m.end(), written, EntityMention.UNLINKED));
      }
    }
    return out;
  }

  /** Where the text supports each entity: its unambiguous spellings, and the entities and words its context lists. */
  private Map<Gazetteer.Entry, List<Integer>> support(List<Token> tokens, List<Match> matches) {
    Map<Gazetteer.Entry, List<Integer>> at = new HashMap<>();
    for (Match m : matches) {
      if (m.node().ambiguous) {
        continue;
      }
      at.computeIfAbsent(m.node().entry, k -> new ArrayList<>()).add(m.start());
      for (Gazetteer.Entry supported : supports.getOrDefault(m.node().entry, List.of())) {
        at.computeIfAbsent(supported, k -> new ArrayList<>()).add(m.start());
      }
    }
    if (!contextRoot.next.isEmpty()) {
      for (int i = 0; i < tokens.size(); i++) {
        Node node = contextRoot;
        for (int j = i; j < tokens.size() && node != null; j++) {
          node = node.next.get(tokens.get(j).key());
          if (node != null && node.supported != null) {
            for (Gazetteer.Entry e : node.supported) {
              at.computeIfAbsent(e, k -> new ArrayList<>()).add(tokens.get(i).start());
            }
          }
        }
      }
    }
    for (List<Integer> positions : at.values()) {
      positions.sort(null);
    }
    return at;
  }

  /** Whether one of the sorted {@code positions} lies within the window around {@code [start, end)}. */
  private boolean near(List<Integer> positions, int start, int end) {
    if (positions == null || positions.isEmpty()) {
      return false;
    }
    if (window == 0) {
      return true;
    }
    int i = java.util.Collections.binarySearch(positions, start - window);
    int k = i >= 0 ? i : -i - 1;
    return k < positions.size() && positions.get(k) <= end + window;
  }

  private static boolean accepts(Node node, List<Token> tokens, int i, String text, int j) {
    Token first = tokens.get(i);
    if (node.exactCase) {
      return text.substring(first.start(), tokens.get(j).end()).equals(node.spelling)
          && !inCapitalsHeading(text, tokens, i, j);
    }
    return Character.isUpperCase(first.text().charAt(0)) || Character.isDigit(first.text().charAt(0));
  }

  /** "FED IS EXPECTED": the words on either side are in capitals too, so this is a heading, not an acronym. */
  private static boolean inCapitalsHeading(String text, List<Token> tokens, int i, int j) {
    boolean before = i > 0 && capitalsWord(tokens.get(i - 1)) && sameLine(text, tokens.get(i - 1).end(), tokens.get(i).start());
    boolean after = j + 1 < tokens.size() && capitalsWord(tokens.get(j + 1)) && sameLine(text, tokens.get(j).end(), tokens.get(j + 1).start());
    return before || after;
  }

  private static boolean capitalsWord(Token t) {
    return t.text().length() >= 2 && t.allCaps() && Character.isLetter(t.text().charAt(0));
  }

  private static boolean sameLine(String text, int from, int to) {
    return to - from <= 3 && text.substring(from, to).indexOf('\n') < 0;
  }

  /** Words of one name are separated by spaces or a hyphen, letters of an initialism by a full stop ("U.S."). */
  private static boolean joinable(String text, Token a, Token b) {
    int gap = b.start() - a.end();
    if (gap == 1 && text.charAt(a.end()) == '.' && a.text().length() == 1 && b.text().length() == 1) {
      return true;
    }
    if (gap < 1 || gap > 3) {
      return false;
    }
    for (int k = a.end(); k < b.start(); k++) {
      char c = text.charAt(k);
      if (c != ' ' && c != '-' && c != '\u2010' && c != '\u2011' && c != '\u00A0') {
        return false;
      }
    }
    return true;
  }
}
