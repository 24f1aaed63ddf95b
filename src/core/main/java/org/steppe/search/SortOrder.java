package org.steppe.search;

import java.util.Locale;

/** How hits are ordered. */
public enum SortOrder {
  /** Best match first (BM25). */
  RELEVANCE,
  /** Most recent publication date first; undated articles last. */
  NEWEST,
  /** Oldest publication date first; undated articles last. */
  OLDEST;

  /**
   * Parses an order's name, case-insensitively.
   *
   * @param s {@code relevance}, {@code newest} or {@code oldest}
   * @return the order
   * @throws IllegalArgumentException for any other text
   */
  public static SortOrder parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown sort '" + s + "': use relevance, newest or oldest");
    }
  }
}
