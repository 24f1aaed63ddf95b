package org.steppe.enrich;

import java.util.List;
import org.steppe.ingest.Article;

/**
 * An article with what enrichment found in it.
 *
 * @param mentions every resolved entity mention, in text order, under canonical names
 * @param entities the same, grouped by entity
 * @param quotes quotations with their speakers, in text order
 */
public record EnrichedArticle(Article article, List<EntityMention> mentions, List<Entity> entities, List<Quote> quotes) {
  public EnrichedArticle {
    mentions = List.copyOf(mentions);
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
  }
}
