package org.steppe.ingest;

import java.util.Arrays;

/**
 * An article's body as it reads: its kept paragraphs with hard-wrapped lines rejoined, and a map
 * from every offset of that text back to the file's decoded text.
 *
 * <p>The body is made of runs copied from the file's text and of separators put between them (a
 * space where a wrapped line was joined, a line break or a blank line between paragraphs). A
 * character of a run maps to the character it was copied from; a separator maps to where the text
 * between the two runs starts. Immutable and thread-safe.
 */
public final class Paragraphs {
  private final String text;
  private final int sourceLength;
  private final int[] bodyStart;
  private final int[] sourceStart;
  private final int[] length;

  private Paragraphs(String text, int sourceLength, int[] bodyStart, int[] sourceStart, int[] length) {
    this.text = text;
    this.sourceLength = sourceLength;
    this.bodyStart = bodyStart;
    this.sourceStart = sourceStart;
    this.length = length;
  }

  /** The body: paragraphs separated by line breaks, the lines of a wrapped paragraph joined. */
  public String text() {
    return text;
  }

  /**
   * The offset in the file's text of the body character at {@code offset}; for a separator, where
   * the text between its neighbouring runs starts; for {@code text().length()}, the end of the last run.
   */
  public int toSource(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside the body [0, " + text.length() + "]");
    }
    int r = runAtOrBefore(bodyStart, offset);
    if (r < 0) {
      return 0;
    }
    return sourceStart[r] + Math.min(offset - bodyStart[r], length[r]);
  }

  /**
   * The stretch of the file's text that body {@code [start, end)} was made from: from the first
   * copied character to just after the last, so that the file's text there holds the same words.
   * An empty stretch maps to an empty one.
   *
   * @return {@code {sourceStart, sourceEnd}}
   */
  public int[] toSource(int start, int end) {
    if (start > end) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    int s = toSource(start);
    int r = runAtOrBefore(bodyStart, start);
    if (r + 1 < bodyStart.length && (r < 0 || start >= bodyStart[r] + length[r]) && bodyStart[r + 1] < end) {
      s = sourceStart[r + 1]; // the span opens on a separator: start at the next copied character
    }
    if (end == start) {
      return new int[] {s, s};
    }
    int e = toSource(end - 1);
    int last = runAtOrBefore(bodyStart, end - 1);
    if (last >= 0 && end - 1 < bodyStart[last] + length[last]) {
      e++; // the last character was copied: the stretch ends just after it
    }
    return new int[] {s, Math.max(s, e)};
  }

  /**
   * The body offset of the file's character at {@code sourceOffset} (an offset just after a run's
   * last character maps to just after its copy), or -1 when that character is not in the body
   * (boilerplate, or the line break and indentation of a joined line).
   */
  public int fromSource(int sourceOffset) {
    if (sourceOffset < 0 || sourceOffset > sourceLength) {
      return -1;
    }
    int r = runAtOrBefore(sourceStart, sourceOffset);
    if (r >= 0 && sourceOffset <= sourceStart[r] + length[r]) {
      return bodyStart[r] + sourceOffset - sourceStart[r];
    }
    return -1;
  }

  /** The index of the last run starting at or before {@code offset} in {@code starts}, or -1. */
  private static int runAtOrBefore(int[] starts, int offset) {
    int i = Arrays.binarySearch(starts, offset);
    if (i >= 0) {
      while (i + 1 < starts.length && starts[i + 1] == offset) {
        i++;
      }
      return i;
    }
    return -i - 2;
  }

  /** Builds a body by copying runs of a source text and putting separators between them. */
  static final class Builder {
    private final String source;
    private final StringBuilder out = new StringBuilder();
    private int[] bodyStart = new int[16];
    private int[] sourceStart = new int[16];
    private int[] length = new int[16];
    private int runs;

    Builder(String source) {
      this.source = source;
    }

    /** Copies {@code source[from, to)}. */
    Builder copy(int from, int to) {
      if (to <= from) {
        return this;
      }
      if (runs > 0 && sourceStart[runs - 1] + length[runs - 1] == from && bodyStart[runs - 1] + length[runs - 1] == out.length()) {
        length[runs - 1] += to - from; // continues the last run
      } else {
        if (runs == bodyStart.length) {
          bodyStart = Arrays.copyOf(bodyStart, runs * 2);
          sourceStart = Arrays.copyOf(sourceStart, runs * 2);
          length = Arrays.copyOf(length, runs * 2);
        }
        bodyStart[runs] = out.length();
        sourceStart[runs] = from;
        length[runs] = to - from;
        runs++;
      }
      out.append(source, from, to);
      return this;
    }

    /** Puts {@code separator}, which the source does not hold there. */
    Builder insert(String separator) {
      out.append(separator);
      return this;
    }

    Paragraphs build() {
      return new Paragraphs(out.toString(), source.length(), Arrays.copyOf(bodyStart, runs),
          Arrays.copyOf(sourceStart, runs), Arrays.copyOf(length, runs));
    }
  }
}
