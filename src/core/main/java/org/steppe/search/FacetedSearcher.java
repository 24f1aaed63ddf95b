package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A searcher that carries its facet state and facet labels, built once per reader rather than once per query.
 * The state is {@code null} while the index has no facet values (an empty index).
 */
final class FacetedSearcher extends IndexSearcher {
  /** Threads one search may use when no setting says otherwise: the machine's cores, at most four. */
  static final int DEFAULT_SEARCH_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

  /**
   * The threads one search may use, from the system property {@code steppe.searchThreads} (at least
   * 1), else {@link #DEFAULT_SEARCH_THREADS}. With more than one, a search's segments are searched and
   * its facets counted in slices at once, the calling thread taking a share.
   */
  static int searchThreadsFromSystemProperty() {
    return Math.max(1, Integer.getInteger("steppe.searchThreads", DEFAULT_SEARCH_THREADS));
  }

  /** Below this many documents an index is searched in one slice (tests lower it to split small indexes). */
  static int minDocsToSplit = 20_000;

  private final SortedSetDocValuesReaderState facetState;
  private final FacetLabels facetLabels;
  private final Executor executor;
  /** The threads a search may use: the executor's and the caller's. */
  private final int parallelism;

  private FacetedSearcher(IndexReader reader, Executor executor, int parallelism, SortedSetDocValuesReaderState facetState,
      FacetLabels facetLabels) {
    super(reader, executor);
    this.executor = executor;
    this.parallelism = executor == null ? 1 : Math.max(1, parallelism);
    this.facetState = facetState;
    this.facetLabels = facetLabels;
  }

  /**
   * With an executor, {@link #parallelism} slices of about equal size (the largest segments first,
   * each to the slice with the fewest documents so far), rather than Lucene's slices of at most
   * 250,000 documents: on a machine of few cores, one slice per thread keeps the threads equally busy
   * and no slice waits for a thread. A small index is one slice: handing it over would cost more than it saves.
   */
  @Override
  protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
    int n = Math.min(parallelism, leaves.size());
    int docs = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
    if (n <= 1 || docs < minDocsToSplit) {
      return new LeafSlice[] {new LeafSlice(leaves.stream().map(LeafReaderContextPartition::createForEntireSegment).toList())};
    }
    List<LeafReaderContext> bySize = new ArrayList<>(leaves);
    bySize.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed());
    List<List<LeafReaderContextPartition>> groups = new ArrayList<>();
    long[] size = new long[n];
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
    }
    for (LeafReaderContext leaf : bySize) {
      int least = 0;
      for (int i = 1; i < n; i++) {
        if (size[i] < size[least]) {
          least = i;
        }
      }
      groups.get(least).add(LeafReaderContextPartition.createForEntireSegment(leaf));
      size[least] += leaf.reader().maxDoc();
    }
    return groups.stream().filter(g -> !g.isEmpty())
        .map(g -> {
          g.sort(Comparator.comparingInt(p -> p.ctx.docBase));
          return new LeafSlice(g);
        })
        .toArray(LeafSlice[]::new);
  }

  /** How many slices a search's work (segments, facet counting) may run in at once; 1 without an executor. */
  int parallelism() {
    return parallelism;
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
    FacetedSearcher s = new FacetedSearcher(getIndexReader(), executor, parallelism, facetState, facetLabels);
    s.setSimilarity(getSimilarity());
    s.setQueryCache(getQueryCache());
    s.setQueryCachingPolicy(getQueryCachingPolicy());
    s.setTimeout(new org.apache.lucene.index.QueryTimeoutImpl(Math.max(0, limit.toMillis())));
    return s;
  }

  /** Makes {@link FacetedSearcher}s with the index's similarity, for a SearcherManager; one thread per search. */
  static SearcherFactory factory(Similarity similarity, FacetsConfig config) {
    return factory(similarity, config, null, 1);
  }

  /**
   * Makes {@link FacetedSearcher}s with the index's similarity, for a SearcherManager, whose searches
   * run their slices on {@code executor} (none: on the calling thread) with up to {@code parallelism}
   * slices at once.
   */
  static SearcherFactory factory(Similarity similarity, FacetsConfig config, Executor executor, int parallelism) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
        SortedSetDocValuesReaderState state;
        try {
          state = new DefaultSortedSetDocValuesReaderState(reader, config);
        } catch (IllegalArgumentException e) {
          state = null; // no document has facet values yet
        }
        FacetedSearcher s = new FacetedSearcher(reader, executor, parallelism, state, state == null ? null : new FacetLabels(state));
        s.setSimilarity(similarity);
        return s;
      }
    };
  }
}
