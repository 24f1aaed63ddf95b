package org.steppe.search;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A searcher that carries its facet state, built once per reader rather than once per query.
 * The state is {@code null} while the index has no facet values (an empty index).
 */
final class FacetedSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facetState;
  private final ExecutorService executor;

  private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState, ExecutorService executor) {
    super(reader, executor);
    this.facetState = facetState;
    this.executor = executor;
  }

  SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /** Counts facets over {@code matches}, segments in parallel on the search threads. */
  Facets countFacets(FacetsCollector matches) throws IOException {
    try {
      return new ConcurrentSortedSetDocValuesFacetCounts(facetState, matches, executor);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while counting facets");
    }
  }

  /**
   * A searcher over the same reader and facet state that stops collecting after {@code limit} and
   * then reports {@link #timedOut()}. One per search: the timed-out flag belongs to the searcher,
   * and shared searchers serve many threads at once.
   */
  FacetedSearcher limitedTo(java.time.Duration limit) {
    FacetedSearcher s = new FacetedSearcher(getIndexReader(), facetState, executor);
    s.setSimilarity(getSimilarity());
    s.setQueryCache(getQueryCache());
    s.setQueryCachingPolicy(getQueryCachingPolicy());
    s.setTimeout(new org.apache.lucene.index.QueryTimeoutImpl(Math.max(0, limit.toMillis())));
    return s;
  }

  /**
   * Makes {@link FacetedSearcher}s with the index's similarity, for a SearcherManager. Large
   * indexes are searched a slice of segments per {@code executor} thread, so one search can use
   * every core.
   */
  static SearcherFactory factory(Similarity similarity, FacetsConfig config, ExecutorService executor) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
        SortedSetDocValuesReaderState state;
        try {
          state = new DefaultSortedSetDocValuesReaderState(reader, config);
        } catch (IllegalArgumentException e) {
          state = null; // no document has facet values yet
        }
        FacetedSearcher s = new FacetedSearcher(reader, state, executor);
        s.setSimilarity(similarity);
        return s;
      }
    };
  }
}
