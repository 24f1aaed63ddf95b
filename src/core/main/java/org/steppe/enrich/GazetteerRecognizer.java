package org.steppe.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the gazetteer's entities under any of their spellings, with a token trie: longest match
 * first, case-insensitive and accent-folded. Two rules keep common words out: a match must start
 * with a capital letter or digit, and an all-capitals alias ("EEU", "IS") matches only in capitals.
 * Thread-safe once built.
 */
public final class GazetteerRecognizer implements EntityRecognizer {
  private final Node root = new Node();

  private static final class Node {
    final Map<String, Node> next = new HashMap<>();
    Gazetteer.Entry entry;
    boolean exactCase;
    String spelling;
  }

  public GazetteerRecognizer(Gazetteer gazetteer) {
    for (Gazetteer.Entry e : gazetteer.entities()) {
      for (String spelling : e.spellings()) {
        add(spelling, e);
      }
    }
  }

  private void add(String spelling, Gazetteer.Entry entry) {
    List<Token> tokens = Token.tokenize(spelling);
    if (tokens.isEmpty()) {
      return;
    }
    Node node = root;
    for (Token t : tokens) {
      node = node.next.computeIfAbsent(t.key(), k -> new Node());
    }
    // The first entity to claim a spelling keeps it: the file's order decides ambiguous aliases.
    if (node.entry == null) {
      node.entry = entry;
      node.exactCase = tokens.size() == 1 && tokens.get(0).allCaps();
      node.spelling = spelling;
    }
  }

  @Override
  public List<EntityMention> recognize(String text) {
    List<Token> tokens = Token.tokenize(text);
    List<EntityMention> out = new ArrayList<>();
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
        if (node.entry != null && accepts(node, tokens.get(i), text, tokens.get(j))) {
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
      out.add(new EntityMention(matched.entry.name(), matched.entry.type(), start, end,
          text.substring(start, end), EntityMention.GAZETTEER));
      i = matchEnd + 1;
    }
    return out;
  }

  private static boolean accepts(Node node, Token first, String text, Token last) {
    if (node.exactCase) {
      return text.substring(first.start(), last.end()).equals(node.spelling);
    }
    return Character.isUpperCase(first.text().charAt(0)) || Character.isDigit(first.text().charAt(0));
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
