package org.steppe.enrich;

import java.util.List;

/** Finds quotations in an article and attributes them to speakers. Thread-safe. */
public interface QuoteExtractor {

  /**
   * The quotes in {@code text}, in text order.
   *
   * @param text the article's clean text (same length as the original)
   * @param entities the article's resolved entity mentions, canonical names joined, in text order
   */
  List<Quote> extract(String text, List<EntityMention> entities);
}
