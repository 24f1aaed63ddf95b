package org.steppe.ingest;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A clean article: its original text, the parts of it that are the article proper, and its
 * metadata.
 *
 * <p>Offsets (of entities, quotes) always index {@link #text()}, the file's decoded text, so that
 * {@code text.substring(start, end)} is what was found. {@link #cleanText()} has the same length
 * with boilerplate blanked out, so enrichment can run on it and still report such offsets;
 * {@link #body()} is the readable body that is indexed and shown.
 *
 * @param id stable id (relative path, or the format's key such as Reuters' NEWID)
 * @param file the source file relative to the corpus root
 * @param text the decoded text of the article
 * @param kept the paragraphs of {@code text} that make up the body, in order, each once
 * @param metadata title, source, date, author, URL; fields not stated are {@code null}
 */
public record Article(String id, String file, String text, List<Segment> kept, Metadata metadata) {
  public Article {
    kept = List.copyOf(kept);
  }

  /** The text with everything outside the kept paragraphs replaced by spaces (line breaks kept). */
  public String cleanText() {
    char[] out = text.toCharArray();
    int pos = 0;
    for (Segment s : kept) {
      blank(out, pos, s.start());
      pos = s.end();
    }
    blank(out, pos, out.length);
    return new String(out);
  }

  private static void blank(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      if (chars[i] != '\n') {
        chars[i] = ' ';
      }
    }
  }

  /**
   * The body to index and show: the kept lines, joined by a line break where they were adjacent
   * lines of one paragraph and by a blank line otherwise.
   */
  public String body() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < kept.size(); i++) {
      Segment s = kept.get(i);
      b.append(separatorBefore(i)).append(text, s.start(), s.end());
    }
    return b.toString();
  }

  private String separatorBefore(int i) {
    if (i == 0) {
      return "";
    }
    String gap = text.substring(kept.get(i - 1).end(), kept.get(i).start());
    return gap.equals("\n") || gap.equals("\r\n") ? "\n" : "\n\n";
  }

  /**
   * Maps an offset into {@link #text()} to the same character in {@link #body()}, or -1 when that
   * character was dropped as boilerplate. For many offsets, use {@link #bodyOffsets()}.
   */
  public int bodyOffset(int textOffset) {
    return bodyOffsets().applyAsInt(textOffset);
  }

  /**
   * {@link #bodyOffset} for many offsets: the kept paragraphs are laid out once and each offset is
   * found by binary search, so an article with thousands of mentions and paragraphs costs
   * {@code n log n}, not {@code n²}.
   */
  public IntUnaryOperator bodyOffsets() {
    int n = kept.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    int[] bodyStarts = new int[n];
    int bodyPos = 0;
    for (int i = 0; i < n; i++) {
      Segment s = kept.get(i);
      bodyPos += separatorBefore(i).length();
      starts[i] = s.start();
      ends[i] = s.end();
      bodyStarts[i] = bodyPos;
      bodyPos += s.end() - s.start();
    }
    return textOffset -> {
      // The first paragraph ending at or after the offset is the only one that can hold it.
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ends[mid] < textOffset) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo < n && starts[lo] <= textOffset ? bodyStarts[lo] + textOffset - starts[lo] : -1;
    };
  }
}
