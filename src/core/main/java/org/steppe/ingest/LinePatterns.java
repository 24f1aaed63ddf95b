package org.steppe.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configured patterns tested against one line at a time, each only on lines holding the literals
 * it requires ({@link RequiredLiterals}): the same answers as running every pattern's matcher on
 * every line, without running most of them. Immutable and thread-safe; a {@link Scan} reuses its
 * matchers and belongs to one thread.
 */
final class LinePatterns {
  private final Pattern[] patterns;
  private final RequiredLiterals[] required;
  private final boolean anyIgnoreCase;

  /**
   * @param prefilter whether to rule lines out by required literals; without, every pattern's
   *     matcher runs on every line (the plain path the fast one is checked against)
   */
  LinePatterns(List<Pattern> patterns, boolean prefilter) {
    this.patterns = patterns.toArray(Pattern[]::new);
    this.required = new RequiredLiterals[this.patterns.length];
    boolean ignoreCase = false;
    for (int i = 0; i < this.patterns.length; i++) {
      required[i] = prefilter ? RequiredLiterals.of(this.patterns[i]) : RequiredLiterals.NONE;
      ignoreCase |= required[i].ignoreCase();
    }
    this.anyIgnoreCase = ignoreCase;
  }

  /** A scan over one text's lines, on one thread. */
  Scan scan() {
    return new Scan();
  }

  /** Matchers made once per scan and reset per line, and the line's lower case made once. */
  final class Scan {
    private final Matcher[] matchers = new Matcher[patterns.length];
    private String line;
    private String lower;

    /** Whether some pattern is found in {@code text}, as {@code pattern.matcher(text).find()}. */
    boolean anyFind(String text) {
      for (int i = 0; i < patterns.length; i++) {
        if (find(i, text)) {
          return true;
        }
      }
      return false;
    }

    /** The matcher of pattern {@code i} after a successful {@code find()} on {@code text}, or null. */
    Matcher found(int i, String text) {
      return find(i, text) ? matchers[i] : null;
    }

    int size() {
      return patterns.length;
    }

    private boolean find(int i, String text) {
      if (text != line) {
        line = text;
        lower = anyIgnoreCase ? RequiredLiterals.lowerAscii(text) : text;
      }
      if (!required[i].mayMatch(text, lower)) {
        return false;
      }
      Matcher m = matchers[i];
      if (m == null) {
        m = matchers[i] = patterns[i].matcher(text);
      } else {
        m.reset(text);
      }
      return m.find();
    }
  }
}
