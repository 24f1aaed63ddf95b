package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the stretches of an article between quotation marks, in one pass with a stack per paragraph,
 * so the time is linear whatever the marks. It reads straight ("), curly (“ ”), low („), guillemet
 * (« »), doubled-apostrophe ('') and old wire copy's ``backtick'' double marks and single marks
 * (‘ ’, ` and '), tells apostrophes
 * (doesn’t, members’) from closing marks, pairs a single opening mark with a double closing one
 * when a writer mixed them, and continues a quote left open at a paragraph's end into the next
 * paragraph when that one opens with a quotation mark. Stateless and thread-safe.
 */
final class QuoteScanner {
  private static final int DOUBLE = 0;
  private static final int SINGLE = 1;

  /** A mark on the stack: where it is, how wide, which family. */
  private record Mark(int pos, int width, int family) {}

  /** The quoted stretches of {@code text}, outermost only, in text order. */
  List<QuoteSpan> scan(String text) {
    List<QuoteSpan> out = new ArrayList<>();
    QuoteSpan pending = null; // a quote left open at the end of the previous paragraph
    int n = text.length();
    int ps = 0;
    while (ps < n) {
      int nl = text.indexOf('\n', ps);
      int pe = nl < 0 ? n : nl;
      int first = skipSpace(text, ps, pe);
      if (first < pe) {
        List<QuoteSpan> spans = new ArrayList<>();
        QuoteSpan unclosed = scanParagraph(text, ps, pe, spans);
        if (pending != null) {
          QuoteSpan head = !spans.isEmpty() && spans.get(0).open() == first ? spans.get(0)
              : unclosed != null && unclosed.open() == first ? unclosed : null;
          if (head != null) {
            // The same speaker goes on: one quote from the first opening mark to this paragraph's close.
            QuoteSpan merged = new QuoteSpan(pending.open(), pending.start(), head.end(), head.close(),
                head.closed(), pending.paragraphs() + 1, false);
            if (head == unclosed) {
              unclosed = merged;
            } else {
              spans.set(0, merged);
            }
          } else {
            out.add(pending);
          }
          pending = null;
        }
        out.addAll(spans);
        pending = unclosed;
      }
      ps = pe + 1;
    }
    if (pending != null) {
      out.add(pending);
    }
    out.sort(Comparator.comparingInt(QuoteSpan::open));
    List<QuoteSpan> outer = new ArrayList<>();
    for (QuoteSpan s : out) {
      if (outer.isEmpty() || s.open() >= outer.get(outer.size() - 1).close()) {
        if (s.end() > s.start()) {
          outer.add(s);
        }
      }
    }
    return outer;
  }

  /** Adds the closed quotes of one paragraph to {@code spans}; returns the one left open, if any. */
  private static QuoteSpan scanParagraph(String text, int ps, int pe, List<QuoteSpan> spans) {
    MarkStack stack = new MarkStack();
    int i = ps;
    while (i < pe) {
      char c = text.charAt(i);
      if (!isMarkChar(c)) {
        i++;
        continue;
      }
      if (c == '"' && apostrophe(text, ps, pe, i)) {
        i++; // Nakasone"s: an apostrophe typed as a double mark
        continue;
      }
      int width = (c == '\'' || c == '`') && i + 1 < pe && text.charAt(i + 1) == c ? 2 : 1;
      int family = width == 2 || c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E'
          || c == '\u00AB' || c == '\u00BB' || c == '\u201F' ? DOUBLE : SINGLE;
      boolean canOpen = canOpen(text, ps, pe, i, width);
      boolean canClose = canClose(text, ps, i);
      if (family == DOUBLE) {
        boolean hasDouble = stack.doubles > 0;
        boolean opener;
        if (c == '`') {
          opener = canOpen; // ``old wire copy'' opens with two backticks, never closes with them
          if (!opener) {
            i += width;
            continue;
          }
        } else if (c == '\u201C' || c == '\u201E' || c == '\u00AB' || c == '\u201F') {
          opener = !(canClose && !canOpen && hasDouble); // a “ written where ” belongs
        } else if (c == '\u201D' || c == '\u00BB') {
          opener = canOpen && !canClose && !hasDouble; // a ” written where “ belongs
        } else {
          opener = (!(hasDouble && canClose) && canOpen) || (!hasDouble && opensAfterSentence(text, ps, pe, i));
          if (!opener && !canClose && !hasDouble) {
            i += width;
            continue; // a stray mark between spaces, with no quote open
          }
          // between spaces with a quote open: a closing mark typed after a space ("…re-introduction, " he said)
        }
        if (opener) {
          stack.push(new Mark(i, width, DOUBLE));
        } else {
          closeDouble(text, stack, i, width, spans);
        }
      } else {
        boolean letterBefore = i > ps && Character.isLetterOrDigit(text.charAt(i - 1));
        boolean letterAfter = i + 1 < pe && Character.isLetterOrDigit(text.charAt(i + 1));
        if (letterBefore && letterAfter) {
          i++; // an apostrophe: doesn’t, O'Brien
          continue;
        }
        boolean opener = (c == '\u2018' || c == '\u201A' || c == '\u2039' || c == '\'' || c == '`') && canOpen
            && (c != '\'' || (letterAfter && Character.isLetter(text.charAt(i + 1))));
        if (opener) {
          stack.push(new Mark(i, 1, SINGLE));
        } else if (canClose && !letterAfter && !stack.marks.isEmpty()
            && stack.marks.get(stack.marks.size() - 1).family() == SINGLE) {
          Mark m = stack.pop();
          addSpan(text, m, i, 1, spans, true);
        }
      }
      i += width;
    }
    for (Mark m : stack.marks) {
      if (m.family() == DOUBLE) {
        int next = firstOpenAfter(spans, m.pos());
        int end = trimEnd(text, m.pos() + m.width(), next < 0 ? pe : next);
        int start = skipSpace(text, m.pos() + m.width(), end);
        QuoteSpan unclosed = new QuoteSpan(m.pos(), start, end, end, false, 1, false);
        if (next < 0) {
          return unclosed; // may go on in the next paragraph
        }
        // A quote closed later in the paragraph is not inside this one: it ends where that one opens.
        spans.add(unclosed);
        return null;
      }
    }
    return null;
  }

  /** A straight mark glued to the end of a sentence and to a capitalised word: countryside."There is … */
  private static boolean opensAfterSentence(String text, int ps, int pe, int i) {
    return i > ps && i + 1 < pe && ".!?".indexOf(text.charAt(i - 1)) >= 0
        && (Character.isUpperCase(text.charAt(i + 1)) || Character.isDigit(text.charAt(i + 1)));
  }

  /** Where the first span opening after {@code pos} opens, or -1. */
  private static int firstOpenAfter(List<QuoteSpan> spans, int pos) {
    int best = -1;
    for (QuoteSpan s : spans) {
      if (s.open() > pos && (best < 0 || s.open() < best)) {
        best = s.open();
      }
    }
    return best;
  }

  /** A straight double mark between two letters or before a possessive s (Nakasone"s, <QNB>"s): an apostrophe, not a quote. */
  private static boolean apostrophe(String text, int ps, int pe, int i) {
    if (i == ps || i + 1 >= pe || Character.isWhitespace(text.charAt(i - 1))) {
      return false;
    }
    char before = text.charAt(i - 1);
    char after = text.charAt(i + 1);
    boolean possessive = after == 's' && (i + 2 >= pe || !Character.isLetter(text.charAt(i + 2)))
        && (Character.isLetterOrDigit(before) || before == '>' || before == ')');
    return possessive || (Character.isLetter(before) && Character.isLetter(after));
  }

  /** The open marks of a paragraph, counting the double ones so that checking for one is cheap. */
  private static final class MarkStack {
    final List<Mark> marks = new ArrayList<>();
    int doubles;

    void push(Mark m) {
      marks.add(m);
      doubles += m.family() == DOUBLE ? 1 : 0;
    }

    Mark pop() {
      Mark m = marks.remove(marks.size() - 1);
      doubles -= m.family() == DOUBLE ? 1 : 0;
      return m;
    }

    void truncate(int size) {
      while (marks.size() > size) {
        pop();
      }
    }
  }

  /** Closes the innermost open double mark, or a single one a writer closed with a double mark. */
  private static void closeDouble(String text, MarkStack stack, int i, int width, List<QuoteSpan> spans) {
    List<Mark> marks = stack.marks;
    if (stack.doubles > 0) {
      int k = marks.size() - 1;
      while (marks.get(k).family() != DOUBLE) {
        k--;
      }
      Mark m = marks.get(k);
      stack.truncate(k);
      addSpan(text, m, i, width, spans, false);
    } else if (!marks.isEmpty()) {
      // ‘The ‘protector’ of Russians recognises no borders.” — opened single, closed double.
      Mark m = marks.get(0);
      stack.truncate(0);
      addSpan(text, m, i, width, spans, false);
    }
  }

  private static void addSpan(String text, Mark m, int closeAt, int closeWidth, List<QuoteSpan> spans, boolean single) {
    int start = skipSpace(text, m.pos() + m.width(), closeAt);
    int end = trimEnd(text, start, closeAt);
    spans.add(new QuoteSpan(m.pos(), start, end, closeAt + closeWidth, true, 1, single));
  }

  private static boolean isMarkChar(char c) {
    return c == '"' || c == '\'' || c == '`' || (c >= '\u2018' && c <= '\u201F') || c == '\u00AB' || c == '\u00BB'
        || c == '\u2039' || c == '\u203A';
  }

  /** An opening mark follows a space, a bracket, a dash or another mark, and precedes a word. */
  private static boolean canOpen(String text, int ps, int pe, int i, int width) {
    if (i + width >= pe || Character.isWhitespace(text.charAt(i + width))) {
      return false;
    }
    if (i == ps) {
      return true;
    }
    char b = text.charAt(i - 1);
    return Character.isWhitespace(b) || "([{\u2014\u2013-/:;\u2018\u201C\"'".indexOf(b) >= 0;
  }

  /** A closing mark follows a word or punctuation, not a space. */
  private static boolean canClose(String text, int ps, int i) {
    if (i == ps) {
      return false;
    }
    char b = text.charAt(i - 1);
    return !Character.isWhitespace(b) && "([{".indexOf(b) < 0;
  }

  private static int skipSpace(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimEnd(String text, int from, int to) {
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }
}
