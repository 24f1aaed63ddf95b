package org.steppe.ingest;

import java.util.regex.Pattern;

/** Tells text written in HTML from plain text, so a format knows when a body needs an HTML reader. */
public final class Markup {
  private static final Pattern TAG = Pattern.compile(
      "</?(p|br|div|h[1-6]|ul|ol|li|blockquote|table|tr|td|span|a|em|strong|b|i|img|figure|section|article)\\b[^<>]*>",
      Pattern.CASE_INSENSITIVE);

  private Markup() {}

  /** Whether {@code text} is written in HTML (has tags such as {@code <p>}, {@code <br>} or {@code </a>}), not plain text. */
  public static boolean isMarkup(String text) {
    return TAG.matcher(text).find();
  }
}
