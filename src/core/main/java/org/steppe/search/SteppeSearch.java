package org.steppe.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What a reader of the archive can ask: the one seam between Steppe's users (the web server, the
 * read-only commands, an embedding program) and an engine. {@link Steppe} is the embedded Lucene
 * engine; another engine implements this interface and passes the same conformance suite.
 *
 * <p>Implementations are thread-safe: one instance serves every thread.
 */
public interface SteppeSearch extends Closeable {

  /**
   * Articles matching {@code request}, with facets and highlighted snippets.
   *
   * @param request the query, filters, order and page
   * @return one page of article hits with facet counts
   * @throws IOException when the index cannot be read
   * @throws QuerySyntaxException when the query text cannot be read or breaks a limit
   * @throws IllegalArgumentException when the cursor does not belong to this search or index
   */
  SearchResult<ArticleHit> searchArticles(SearchRequest request) throws IOException;

  /**
   * Quotes matching {@code request}, each linked to its article; the same filters and facets as
   * {@link #searchArticles}.
   *
   * @param request the query, filters, order and page
   * @return one page of quote hits with facet counts
   * @throws IOException when the index cannot be read
   * @throws QuerySyntaxException when the query text cannot be read or breaks a limit
   * @throws IllegalArgumentException when the cursor does not belong to this search or index
   */
  SearchResult<QuoteHit> searchQuotes(SearchRequest request) throws IOException;

  /**
   * One article with its entities and quotes.
   *
   * @param id the article's id
   * @return the article, or empty when no article has that id
   * @throws IOException when the index cannot be read
   */
  Optional<ArticleView> article(String id) throws IOException;

  /**
   * Autocomplete: entity names, speakers and titles that start with (or contain a word starting
   * with) {@code prefix}, best first. Names come first, most mentioned first, each under its
   * canonical spelling even when an alias matched ("Nazarbaev" suggests "Nursultan Nazarbayev");
   * titles fill the rest, with at least a third of the places when there are enough of them.
   *
   * @param prefix what has been typed, at most {@value SearchRequest#MAX_SUGGEST_LENGTH} characters;
   *     {@code null} or blank gives no suggestions
   * @param limit at most this many, 0 to {@value SearchRequest#MAX_SIZE}
   * @return the suggestions, best first
   * @throws IOException when the index cannot be read
   * @throws IllegalArgumentException when the prefix is longer than its limit, or the limit out of range
   */
  List<Suggestion> suggest(String prefix, int limit) throws IOException;

  /**
   * Articles most like article {@code id} (shared title and body words and entities), best first,
   * without the article itself; no facets. Empty when there is no such article.
   *
   * @param id the article's id
   * @param size at most this many, 0 to {@value SearchRequest#MAX_SIZE}
   * @return the similar articles, without facets
   * @throws IOException when the index cannot be read
   */
  SearchResult<ArticleHit> similar(String id, int size) throws IOException;

  /**
   * How many articles the index holds.
   *
   * @return the count
   * @throws IOException when the index cannot be read
   */
  long articleCount() throws IOException;

  /**
   * How many quotes the index holds.
   *
   * @return the count
   * @throws IOException when the index cannot be read
   */
  long quoteCount() throws IOException;
}
