package org.steppe.enrich.ner;

/**
 * A name over a sentence's tokens: tokens {@code start} (inclusive) to {@code end} (exclusive),
 * typed with an {@link org.steppe.enrich.EntityType} label ("person").
 */
public record NameSpan(int start, int end, String type) {
  public NameSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a name spans at least one token: " + start + ".." + end);
    }
  }
}
