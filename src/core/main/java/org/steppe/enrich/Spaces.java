package org.steppe.enrich;

/**
 * White space made single, without a regular expression: names and mentions are cleaned this way
 * for every article, and {@code String.replaceAll} compiled its pattern each time (issue 16).
 */
public final class Spaces {
  private Spaces() {}

  /** As {@code s.replaceAll("\\s+", " ")}: every run of white space (Java's {@code \s}) becomes one space. */
  public static String collapse(String s) {
    return collapse(s, false);
  }

  /** As {@code s.replaceAll("[\\s\u00A0]+", " ")}: no-break spaces count as white space too. */
  public static String collapseWithNoBreak(String s) {
    return collapse(s, true);
  }

  private static String collapse(String s, boolean noBreak) {
    int n = s.length();
    StringBuilder out = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c, noBreak)) {
        int j = i + 1;
        while (j < n && isSpace(s.charAt(j), noBreak)) {
          j++;
        }
        if (out == null && (c != ' ' || j - i > 1)) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        if (out != null) {
          out.append(' ');
        }
        i = j - 1;
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Java's {@code \s} (space, tab, line feed, vertical tab, form feed, carriage return), and optionally U+00A0. */
  private static boolean isSpace(char c, boolean noBreak) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || noBreak && c == '\u00A0';
  }
}
