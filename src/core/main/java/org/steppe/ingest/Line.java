package org.steppe.ingest;

import java.util.ArrayList;
import java.util.List;

/** One line of a text with its offsets, without the line break. */
record Line(int start, int end, String text) {

  /** The lines of {@code text}, with {@code \r\n} and {@code \n} breaks. */
  static List<Line> split(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      lines.add(new Line(start, contentEnd, text.substring(start, contentEnd)));
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return lines;
  }

  /** Blank also when made of no-break spaces, which pages use as spacer paragraphs. */
  boolean isBlank() {
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
