package org.steppe.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.Entity;
import org.steppe.enrich.Mention;
import org.steppe.enrich.Quote;

/** What a quote is about: the entities of its article mentioned inside the quoted words. */
public final class QuoteAbout {
  private static final String QUOTE_MARKS = "\"“”«»„‟";

  private QuoteAbout() {}

  /**
   * The canonical names of the entities mentioned inside {@code quote}'s own words, in the
   * article's entity order. A quote split by its attribution ({@code “…,” she said of Trump. “…}) spans
   * the words between its pieces too: a mention there is the reporter's, not the speaker's, and
   * does not count.
   */
  public static List<String> names(EnrichedArticle article, Quote quote) {
    String text = article.article().text();
    if (quote.start() < 0 || quote.end() > text.length() || quote.start() >= quote.end()) {
      return List.of();
    }
    boolean[] quoted = quotedChars(text, quote.start(), quote.end());
    Set<String> out = new LinkedHashSet<>();
    for (Entity entity : article.entities()) {
      for (Mention m : entity.mentions()) {
        if (m.start() >= quote.start() && m.end() <= quote.end() && quoted[m.start() - quote.start()]) {
          out.add(entity.name());
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Which characters of the span are quoted words: a span starts inside the quote, and each
   * quotation mark within it closes or reopens it.
   */
  private static boolean[] quotedChars(String text, int start, int end) {
    boolean[] out = new boolean[end - start];
    boolean inside = true;
    for (int i = start; i < end; i++) {
      if (QUOTE_MARKS.indexOf(text.charAt(i)) >= 0) {
        inside = !inside;
      }
      out[i - start] = inside;
    }
    return out;
  }
}
