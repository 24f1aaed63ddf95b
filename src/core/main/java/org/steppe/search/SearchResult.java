package org.steppe.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits with facet counts.
 *
 * @param total every hit, not only this page's
 * @param hits this page
 * @param facets counts per facet, multi-select ({@link Facets})
 * @param didYouMean a corrected query when this one found little, else {@code null}
 * @param nextCursor pass to {@link SearchRequest#withCursor} for the next page; {@code null} at the end.
 *     A cursor names a position in the index as it was: a walk across a commit may skip or repeat
 *     articles that commit changed
 * @param timedOut the search ran out of time ({@link Steppe#setSearchTimeout}): hits, total and facets
 *     are what was found until then
 * @param notice what lenient reading changed in the query and where ("the quote at position 1 is not
 *     closed: its words were searched as words"), or {@code null} when it was read as written
 * @param similar with {@link SearchRequest#withGroupSimilar}: for a hit id, the repeats of it that
 *     were on this page and left out of {@code hits}; {@code total} and the facets still count them
 * @param <H> {@link ArticleHit} or {@link QuoteHit}
 */
public record SearchResult<H>(long total, List<H> hits, Facets facets, String didYouMean,
    String nextCursor, boolean timedOut, String notice, Map<String, List<SimilarStory>> similar) {

  /** Copies the hits and the repeats; {@code null} facets mean none, {@code null} repeats none. */
  public SearchResult {
    hits = List.copyOf(hits);
    facets = facets == null ? Facets.NONE : facets;
    similar = similar == null ? Map.of() : Map.copyOf(similar);
  }

  /**
   * A complete result (not timed out) of a query read as written.
   *
   * @param total every hit, not only this page's
   * @param hits this page
   * @param facets counts per facet
   * @param didYouMean a corrected query, or {@code null}
   * @param nextCursor the cursor for the next page, or {@code null} at the end
   */
  public SearchResult(long total, List<H> hits, Facets facets, String didYouMean, String nextCursor) {
    this(total, hits, facets, didYouMean, nextCursor, false, null, Map.of());
  }
}
