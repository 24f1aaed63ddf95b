package org.steppe.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;

/**
 * A DrillSideways search that keeps the matches it collected and counts the facets itself
 * ({@link #counts}): each dimension over the matches ignoring that dimension's own filter. One per
 * search; not thread-safe.
 */
final class SidewaysMatches extends DrillSideways {
  private FacetsCollector drillDowns;
  private FacetsCollector[] sideways = new FacetsCollector[0];
  private String[] sidewaysDims = new String[0];

  SidewaysMatches(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState state) {
    super(searcher, config, state);
  }

  @Override
  protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims)
      throws IOException {
    this.drillDowns = drillDowns;
    this.sideways = drillSideways == null ? new FacetsCollector[0] : drillSideways;
    this.sidewaysDims = drillSidewaysDims == null ? new String[0] : drillSidewaysDims;
    return null; // counted by counts(), for the dimensions a result shows, with a per-searcher label cache
  }

  /**
   * The facet counts of each of {@code dims}, over the matches that ignore its own filter:
   * one count of the drill-down matches serves every dimension without a filter of its own, and a
   * filtered dimension's own matches are counted for that dimension only.
   *
   * @param exactUpTo matches counted exactly; above it, a sample ({@link FacetCounts})
   * @param parallelism groups of segments counted at once on the searcher's executor
   */
  java.util.Map<String, FacetCounts> counts(List<String> dims, FacetLabels cache, int exactUpTo, int parallelism)
      throws IOException {
    java.util.Map<String, FacetCounts> out = new java.util.LinkedHashMap<>();
    FacetCounts down = null;
    for (String dim : dims) {
      FacetsCollector own = sideways(dim);
      if (own != null) {
        out.put(dim, FacetCounts.count(state, cache, own, dim, exactUpTo, searcher.getTaskExecutor(), parallelism));
      } else {
        if (down == null) {
          down = FacetCounts.count(state, cache, drillDowns, null, exactUpTo, searcher.getTaskExecutor(), parallelism);
        }
        out.put(dim, down);
      }
    }
    return out;
  }

  private FacetsCollector sideways(String dim) {
    for (int i = 0; i < sidewaysDims.length && i < sideways.length; i++) {
      if (sidewaysDims[i].equals(dim) && sideways[i] != null) {
        return sideways[i];
      }
    }
    return null;
  }

}
