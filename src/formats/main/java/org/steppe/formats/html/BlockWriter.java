package org.steppe.formats.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Lays an element's text out as paragraphs, the way a browser breaks it: every block element
 * starts a paragraph, {@code <br>} breaks a line and two of them a paragraph, whitespace collapses
 * except in {@code <pre>}.
 */
final class BlockWriter {
  private final Set<Element> skip;
  private final List<TextBlock> out = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private int chars;
  private int linkChars;
  private int linkDepth;
  private int preDepth;
  private int breaks;
  private Element block;

  private BlockWriter(Set<Element> skip) {
    this.skip = skip;
  }

  /** The paragraphs of {@code roots}, in order, leaving out {@code skip} elements. */
  static List<TextBlock> write(List<Element> roots, Set<Element> skip) {
    BlockWriter w = new BlockWriter(skip);
    for (Element root : roots) {
      w.block = root;
      NodeTraversor.filter(w.visitor(), root);
      w.flush();
    }
    return w.out;
  }

  private NodeFilter visitor() {
    return new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          append(t.getWholeText());
        } else if (node instanceof Element e) {
          if (skip.contains(e)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          String tag = e.normalName();
          if (tag.equals("br")) {
            lineBreak();
          } else if (Blocks.isBlock(e)) {
            flush();
            block = e;
          } else if (tag.equals("img")) {
            return FilterResult.CONTINUE;
          }
          if (tag.equals("a")) {
            linkDepth++;
          }
          if (tag.equals("pre")) {
            preDepth++;
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
          String tag = e.normalName();
          if (tag.equals("a")) {
            linkDepth--;
          }
          if (tag.equals("pre")) {
            preDepth--;
          }
          if (Blocks.isBlock(e)) {
            flush();
            block = e.parent() == null ? e : e.parent();
          }
        }
        return FilterResult.CONTINUE;
      }
    };
  }

  private void append(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B';
      if (preDepth > 0 && c == '\n') {
        lineBreak();
      } else if (space) {
        if (!text.isEmpty() && !endsWithSpace()) {
          text.append(' ');
        }
      } else {
        if (breaks > 0) {
          trimEnd();
          text.append(breaks > 1 ? "\n\n" : "\n");
          breaks = 0;
        }
        text.append(c);
        chars++;
        if (linkDepth > 0) {
          linkChars++;
        }
      }
    }
  }

  private void lineBreak() {
    if (!text.isEmpty()) {
      breaks++;
    }
  }

  private boolean endsWithSpace() {
    char last = text.charAt(text.length() - 1);
    return last == ' ' || last == '\n';
  }

  private void trimEnd() {
    while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
      text.setLength(text.length() - 1);
    }
  }

  /** Ends the current paragraph; two line breaks inside it split it into two. */
  private void flush() {
    trimEnd();
    if (chars > 0) {
      String t = text.toString().strip();
      int linkShare = linkChars;
      for (String part : t.split("\n\n")) {
        int partChars = letters(part);
        // Link letters are shared out in proportion: a paragraph split by <br><br> is rarely mixed.
        int partLinks = (int) Math.round((double) linkShare * partChars / Math.max(1, chars));
        if (partChars > 0) {
          out.add(new TextBlock(part.strip(), Math.min(partLinks, partChars), partChars, block));
        }
      }
    }
    text.setLength(0);
    chars = 0;
    linkChars = 0;
    breaks = 0;
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
