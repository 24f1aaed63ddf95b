package org.steppe.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rebuilds the paragraphs of an article from its kept lines, deciding per document, from the shape
 * of its lines alone, whether the text is hard-wrapped (wire copy, e-mail, typewritten text) or
 * holds one paragraph per line.
 *
 * <p>A document is hard-wrapped when the lines that run straight on into the next one end near a
 * common right margin between {@value #MIN_WIDTH} and {@value #MAX_WIDTH} columns, or stop in
 * mid-sentence. In such a document a line is joined to the next unless a paragraph ends there: at a
 * blank or dropped line, before a line indented deeper than the document's usual indentation, after
 * a line that ends a sentence and is short (the next line's first word would have fitted on it),
 * and around lines laid out in columns (tables). A word hyphenated across the break is joined
 * without a space; its hyphen is dropped only when the document spells the word elsewhere without
 * one ("govern-/ment" where "government" occurs) and never with one. Text that is not wrapped keeps
 * its lines as they are. Stateless and thread-safe; linear in the text's length.
 */
final class ParagraphRebuilder {
  /** No one wraps prose narrower than this: shorter lines are headings, lists or tables. */
  static final int MIN_WIDTH = 40;
  /** Terminals, e-mail and wire copy wrap at 60–80 columns; lines longer than this were not wrapped. */
  static final int MAX_WIDTH = 100;
  /** The share of run-on lines that must be full or stop mid-sentence for the text to count as wrapped. */
  private static final double RUN_ON_SHARE = 0.6;
  /** Lines this much longer than the margin were not wrapped with the rest. */
  private static final double OVERLONG = 1.3;

  private enum Join { BREAK, SPACE, HYPHEN, DROP_HYPHEN }

  /** One line of the text: the kept segments on it, where it starts and how far it reaches. */
  private record TextLine(int first, int last, int start, int end, int indent, int endColumn, boolean adjacent,
      boolean table) {}

  private ParagraphRebuilder() {}

  /**
   * The body of {@code text} made from its {@code kept} segments, wrapped lines rejoined when the
   * text is wrapped; {@code mayBeWrapped} false (a format that laid out its own paragraphs) keeps every line.
   */
  static Paragraphs rebuild(String text, List<Segment> kept, boolean mayBeWrapped) {
    List<TextLine> lines = lines(text, kept);
    Join[] joins = mayBeWrapped ? joins(text, lines) : breaks(lines.size());
    boolean wrapped = wrapped(joins);
    Paragraphs.Builder body = new Paragraphs.Builder(text);
    for (int i = 0; i < lines.size(); i++) {
      TextLine line = lines.get(i);
      for (int k = line.first(); k <= line.last(); k++) {
        Segment s = kept.get(k);
        if (k > line.first()) {
          body.insert(" "); // furniture was cut out of the line here
        }
        boolean dropHyphen = k == line.last() && i < joins.length && joins[i] == Join.DROP_HYPHEN;
        body.copy(s.start(), dropHyphen ? s.end() - 1 : s.end());
      }
      if (i + 1 < lines.size()) {
        Join join = joins[i];
        if (join == Join.SPACE) {
          body.insert(" ");
        } else if (join == Join.BREAK) {
          body.insert(line.adjacent() && !wrapped ? "\n" : "\n\n"); // a wrapped text's paragraphs get a blank line
        }
      }
    }
    return body.build();
  }

  /** A paragraph break after every one of {@code lines} lines but the last. */
  private static Join[] breaks(int lines) {
    Join[] out = new Join[Math.max(0, lines - 1)];
    Arrays.fill(out, Join.BREAK);
    return out;
  }

  /** Whether any line was joined to the next: the text was read as wrapped. */
  private static boolean wrapped(Join[] joins) {
    for (Join j : joins) {
      if (j != Join.BREAK) {
        return true;
      }
    }
    return false;
  }

  /** The text's lines, each from the kept segments that share it. */
  private static List<TextLine> lines(String text, List<Segment> kept) {
    List<TextLine> lines = new ArrayList<>();
    int i = 0;
    while (i < kept.size()) {
      int first = i;
      int start = kept.get(i).start();
      while (i + 1 < kept.size() && breaksBetween(text, kept.get(i).end(), kept.get(i + 1).start()) == 0) {
        i++;
      }
      int end = kept.get(i).end();
      int lineStart = text.lastIndexOf('\n', start - 1) + 1;
      int indent = 0;
      boolean blankLead = true;
      for (int k = lineStart; k < start; k++) {
        char c = text.charAt(k);
        blankLead &= Line.isSpace(c);
        indent += c == '\t' ? 4 : 1;
      }
      indent = blankLead ? indent : 0;
      int next = i + 1 < kept.size() ? kept.get(i + 1).start() : -1;
      boolean adjacent = next >= 0 && breaksBetween(text, end, next) == 1;
      lines.add(new TextLine(first, i, start, end, indent, indent + (end - start), adjacent, table(text, start, end)));
      i++;
    }
    return lines;
  }

  private static int breaksBetween(String text, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      if (text.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** A line laid out in columns: three or more spaces, or a tab, between its words. */
  private static boolean table(String text, int start, int end) {
    int spaces = 0;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c == '\t') {
        return true;
      }
      spaces = c == ' ' ? spaces + 1 : 0;
      if (spaces >= 3) {
        return true;
      }
    }
    return false;
  }

  /** How each line goes on into the next; all breaks when the text is not wrapped. */
  private static Join[] joins(String text, List<TextLine> lines) {
    int n = lines.size();
    Join[] joins = new Join[Math.max(0, n - 1)];
    Arrays.fill(joins, Join.BREAK);
    int base = usualIndent(lines);
    int width = margin(lines);
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      return joins;
    }
    int candidates = 0;
    int runOn = 0;
    for (int i = 0; i + 1 < n; i++) {
      if (runsStraightOn(lines, i, base)) {
        candidates++;
        if (full(text, lines, i, width) || !endsSentence(text, lines.get(i))) {
          runOn++;
        }
      }
    }
    if (candidates == 0 || runOn < RUN_ON_SHARE * candidates) {
      return joins;
    }
    Set<String> words = null;
    for (int i = 0; i + 1 < n; i++) {
      TextLine line = lines.get(i);
      if (!runsStraightOn(lines, i, base)
          || (endsSentence(text, line) && (!full(text, lines, i, width) || line.endColumn() > OVERLONG * width))) {
        continue;
      }
      if (hyphenated(text, line, lines.get(i + 1))) {
        if (words == null) {
          words = words(text);
        }
        joins[i] = dropHyphen(text, line, lines.get(i + 1), words) ? Join.DROP_HYPHEN : Join.HYPHEN;
      } else {
        joins[i] = Join.SPACE;
      }
    }
    return joins;
  }

  /** Whether line {@code i} is followed straight on by a line of the same paragraph's shape: adjacent, not indented, not a table. */
  private static boolean runsStraightOn(List<TextLine> lines, int i, int base) {
    TextLine line = lines.get(i);
    TextLine next = lines.get(i + 1);
    return line.adjacent() && next.indent() <= base && !line.table() && !next.table();
  }

  /** The most common indentation, the smaller on a tie. */
  private static int usualIndent(List<TextLine> lines) {
    java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
    for (TextLine l : lines) {
      counts.merge(l.indent(), 1, Integer::sum);
    }
    int best = 0;
    int bestCount = -1;
    for (var e : counts.entrySet()) {
      if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  /** The right margin: the 90th percentile of where the lines that touch another line end. */
  private static int margin(List<TextLine> lines) {
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      boolean touches = lines.get(i).adjacent() || (i > 0 && lines.get(i - 1).adjacent());
      if (touches && !lines.get(i).table()) {
        ends.add(lines.get(i).endColumn());
      }
    }
    if (ends.isEmpty()) {
      return 0;
    }
    ends.sort(null);
    return ends.get((int) Math.ceil(0.9 * ends.size()) - 1);
  }

  /** Whether the next line's first word would not have fitted on line {@code i}: the writer's margin broke it. */
  private static boolean full(String text, List<TextLine> lines, int i, int width) {
    TextLine next = lines.get(i + 1);
    int word = 0;
    while (next.start() + word < next.end() && !Line.isSpace(text.charAt(next.start() + word))) {
      word++;
    }
    return lines.get(i).endColumn() + 1 + word > width;
  }

  /** Whether the line ends with a full stop, question or exclamation mark or colon, closing marks aside. */
  private static boolean endsSentence(String text, TextLine line) {
    int k = line.end() - 1;
    while (k > line.start() && "\"'\u201D\u2019)]\u00BB".indexOf(text.charAt(k)) >= 0) {
      k--;
    }
    return ".!?:".indexOf(text.charAt(k)) >= 0;
  }

  /** A word broken at the line's end with a hyphen ("English-" / "language"), not a dash. */
  private static boolean hyphenated(String text, TextLine line, TextLine next) {
    int e = line.end();
    return e - line.start() >= 2 && text.charAt(e - 1) == '-' && Character.isLetter(text.charAt(e - 2))
        && Character.isLetterOrDigit(text.charAt(next.start()));
  }

  /** Drop the hyphen only when the document writes the joined word without one and never with one. */
  private static boolean dropHyphen(String text, TextLine line, TextLine next, Set<String> words) {
    if (!Character.isLowerCase(text.charAt(next.start()))) {
      return false;
    }
    int a = line.end() - 1;
    int from = a;
    while (from > line.start() && Character.isLetter(text.charAt(from - 1))) {
      from--;
    }
    int to = next.start();
    while (to < next.end() && Character.isLetter(text.charAt(to))) {
      to++;
    }
    String head = text.substring(from, a).toLowerCase(Locale.ROOT);
    String tail = text.substring(next.start(), to).toLowerCase(Locale.ROOT);
    return words.contains(head + tail) && !words.contains(head + "-" + tail);
  }

  /** Every word of the text in lower case, hyphenated compounds both whole and in parts. */
  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && (Character.isLetter(text.charAt(i))
          || (text.charAt(i) == '-' && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
        i++;
      }
      String w = text.substring(s, i).toLowerCase(Locale.ROOT);
      out.add(w);
      for (String part : w.split("-")) {
        out.add(part);
      }
    }
    return out;
  }
}
