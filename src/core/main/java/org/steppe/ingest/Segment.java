package org.steppe.ingest;

/** A stretch of an article's text kept in its clean body: {@code text[start, end)}. */
public record Segment(int start, int end) {
  public Segment {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad segment [" + start + ", " + end + ")");
    }
  }
}
