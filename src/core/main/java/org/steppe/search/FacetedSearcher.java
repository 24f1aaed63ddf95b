package org.steppe.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A searcher that carries its facet state and facet labels, built once per reader rather than once per query.
 * The state is {@code null} while the index has no facet values (an empty index).
 */
final class FacetedSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facetState;
  private final FacetLabels facetLabels;

  private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState, FacetLabels facetLabels) {
    super(reader);
    this.facetState = facetState;
    this.facetLabels = facetLabels;
  }

  SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /** The facet values this reader's searches have shown, by ordinal; {@code null} with the state. */
  FacetLabels facetLabels() {
    return facetLabels;
  }

  /**
   * A searcher over the same reader and facet state that stops collecting after {@code limit} and
   * then reports {@link #timedOut()}. One per search: the timed-out flag belongs to the searcher,
   * and shared searchers serve many threads at once.
   */
  FacetedSearcher limitedTo(java.time.Duration limit) {
    FacetedSearcher s = new FacetedSearcher(getIndexReader(), facetState, facetLabels);
    s.setSimilarity(getSimilarity());
    s.setQueryCache(getQueryCache());
    s.setQueryCachingPolicy(getQueryCachingPolicy());
    s.setTimeout(new org.apache.lucene.index.QueryTimeoutImpl(Math.max(0, limit.toMillis())));
    return s;
  }

  /** Makes {@link FacetedSearcher}s with the index's similarity, for a SearcherManager. */
  static SearcherFactory factory(Similarity similarity, FacetsConfig config) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
        SortedSetDocValuesReaderState state;
        try {
          state = new DefaultSortedSetDocValuesReaderState(reader, config);
        } catch (IllegalArgumentException e) {
          state = null; // no document has facet values yet
        }
        FacetedSearcher s = new FacetedSearcher(reader, state, state == null ? null : new FacetLabels(state));
        s.setSimilarity(similarity);
        return s;
      }
    };
  }
}
