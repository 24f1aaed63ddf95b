package org.steppe.formats.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Text counts for every element of a page, computed bottom-up in one pass (so a deep or huge page
 * costs time linear in its size): letters in the subtree, how many of them are link text, commas,
 * and the letters of the element's own paragraph (its text outside child blocks).
 */
final class ElementStats {
  /** Counts of one element. */
  static final class Counts {
    int chars;
    int linkChars;
    int commas;
    int ownChars;
    int ownLinkChars;
    int ownCommas;
    int paragraphs;
    /** Letters in paragraphs of prose: long ones that are mostly not links. */
    int proseChars;

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  private static final Counts NONE = new Counts();
  /** A paragraph this long is prose rather than a label, a link or a headline. */
  static final int PROSE_PARAGRAPH = 80;
  private final Map<Element, Counts> counts = new IdentityHashMap<>();

  private ElementStats() {}

  /** Counts for {@code root}'s subtree, leaving out {@code skip} elements and theirs. */
  static ElementStats of(Element root, Set<Element> skip) {
    ElementStats stats = new ElementStats();
    // The blocks and links open around the current node, so each text costs the same however deep it sits.
    Deque<Element> blocks = new ArrayDeque<>(List.of(root));
    int[] linkDepth = {0};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element e) {
          if (skip.contains(e)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (e != root && Blocks.isBlock(e)) {
            blocks.push(e);
          }
          if (e.normalName().equals("a")) {
            linkDepth[0]++;
          }
        } else if (node instanceof TextNode t) {
          stats.addText(t, blocks.peek(), linkDepth[0] > 0);
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && node != root) {
          if (e.normalName().equals("a")) {
            linkDepth[0]--;
          }
          if (Blocks.isBlock(e)) {
            blocks.pop();
          }
          if (e.parent() != null) {
            stats.addChild(e);
          }
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    return stats;
  }

  Counts get(Element e) {
    return counts.getOrDefault(e, NONE);
  }

  private Counts of(Element e) {
    return counts.computeIfAbsent(e, k -> new Counts());
  }

  private void addText(TextNode t, Element block, boolean inLink) {
    if (!(t.parent() instanceof Element parent)) {
      return;
    }
    String s = t.getWholeText();
    int letters = 0;
    int commas = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00A0') {
        letters++;
        if (c == ',' || c == '，' || c == '、' || c == '،') {
          commas++;
        }
      }
    }
    Counts p = of(parent);
    p.chars += letters;
    p.commas += commas;
    if (parent.normalName().equals("a")) {
      p.linkChars += letters;
    }
    // The text belongs to the paragraph of the nearest block around it.
    Counts b = of(block);
    b.ownChars += letters;
    b.ownCommas += commas;
    if (inLink) {
      b.ownLinkChars += letters;
    }
  }

  private void addChild(Element e) {
    Counts c = counts.get(e);
    if (c == null) {
      return;
    }
    if (c.ownChars > 0) {
      c.paragraphs++;
    }
    if (c.ownChars >= PROSE_PARAGRAPH && c.ownLinkChars * 10 < c.ownChars * 3) {
      c.proseChars += c.ownChars;
    }
    Counts p = of(e.parent());
    p.chars += c.chars;
    p.commas += c.commas;
    p.linkChars += e.normalName().equals("a") ? c.chars : c.linkChars;
    p.paragraphs += c.paragraphs;
    p.proseChars += c.proseChars;
  }
}
