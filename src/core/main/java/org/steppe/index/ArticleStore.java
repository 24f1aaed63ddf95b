package org.steppe.index;

import java.io.IOException;
import java.util.Map;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.ingest.Article;

/**
 * Where a corpus sync writes: the embedded {@link ArticleIndex}, or another engine's index (an
 * OpenSearch cluster). The sync decides what to add, replace and remove; a store only holds
 * articles and says what it holds.
 */
public interface ArticleStore {
  /** An article the store holds: what decides whether it changed, where it came from. */
  record Stored(String fingerprint, String file, boolean fromCode) {}

  /** What the store's articles are enriched and analysed with. */
  IndexSetup setup();

  /** Every article held, by id, as the writer sees them (changes not yet committed included). */
  Map<String, Stored> storedArticles() throws IOException;

  /** Enriches a corpus article and adds it, replacing any article with the same id and its quotes. */
  EnrichedArticle put(Article article) throws IOException;

  /** Removes an article and its quotes. */
  void delete(String articleId) throws IOException;

  /**
   * Whether {@link #discardChanges} can undo what was written since the last commit. A store that
   * cannot (a cluster applies every write as it comes) is checked before anything is written
   * instead: the sync reads the whole corpus once first to decide what it would remove.
   */
  boolean canDiscard();

  /** Drops every change since the last commit, when {@link #canDiscard} says it can. */
  void discardChanges() throws IOException;

  /**
   * Writes out part of what is buffered for the next {@link #commit}, changing nothing a reader
   * sees: a sync thread that has run out of files calls it, so the commit has less left to do
   * alone while other threads still enrich. Stores that buffer nothing do nothing.
   */
  default void flushSome() throws IOException {}

  /** Makes every change durable and visible; {@code data} says where the changes came from. */
  void commit(Map<String, String> data) throws IOException;

  /** What decides whether a stored article is current: its text, metadata and the configuration. */
  default String fingerprint(Article a) {
    return ArticleIndex.fingerprint(setup(), a);
  }
}
