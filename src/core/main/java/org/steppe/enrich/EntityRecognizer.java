package org.steppe.enrich;

import java.util.List;

/**
 * Finds named entities in an article's text. Implementations are loaded once and shared, so they
 * must be thread-safe; each states in its Javadoc what it finds.
 */
public interface EntityRecognizer {

  /**
   * The mentions in {@code text}, in any order; overlaps between recognisers are resolved later.
   *
   * @param text an article's clean text (boilerplate blanked, same length as the original), so
   *     offsets index the original text
   */
  List<EntityMention> recognize(String text);
}
