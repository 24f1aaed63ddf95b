package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * A DrillSideways search that keeps the matches it counted, so that counts the facets do not give
 * can be read from them instead of by searching again: each dimension's matches ignoring that
 * dimension's own filter, as its facet was counted. One per search; not thread-safe.
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
   * The facet counts of each of {@code dims}, over the matches it is counted on ({@link #ignoring}):
   * one count of the drill-down matches serves every dimension without a filter of its own, and a
   * filtered dimension's own matches are counted for that dimension only.
   *
   * @param exactUpTo matches counted exactly; above it, a sample ({@link FacetCounts})
   */
  java.util.Map<String, FacetCounts> counts(List<String> dims, int exactUpTo) throws IOException {
    java.util.Map<String, FacetCounts> out = new java.util.LinkedHashMap<>();
    FacetCounts down = null;
    for (String dim : dims) {
      FacetsCollector own = sideways(dim);
      if (own != null) {
        out.put(dim, FacetCounts.count(state, own, dim, exactUpTo));
      } else {
        if (down == null) {
          down = FacetCounts.count(state, drillDowns, null, exactUpTo);
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

  /** The matches {@code dim}'s facet was counted over: every filter but its own; {@code null} before the search. */
  FacetsCollector ignoring(String dim) {
    FacetsCollector own = sideways(dim);
    return own != null ? own : drillDowns;
  }

  /**
   * For each group of values of {@code dim}, how many of {@code matches}' documents hold at least
   * one of them: what a filter ORing the group's values would count, in one pass over the matches.
   */
  static long[] countAny(FacetsCollector matches, FacetsConfig config, String dim, List<Set<String>> groups) throws IOException {
    long[] out = new long[groups.size()];
    String field = config.getDimConfig(dim).indexFieldName;
    int[] lastDoc = new int[groups.size()];
    for (FacetsCollector.MatchingDocs md : matches.getMatchingDocs()) {
      if (md.totalHits() == 0 || md.bits() == null) {
        continue;
      }
      SortedSetDocValues dv = md.context().reader().getSortedSetDocValues(field);
      if (dv == null) {
        continue;
      }
      // This segment's ordinals of the groups' values, sorted, each with its group.
      List<long[]> ordGroup = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        for (String value : groups.get(g)) {
          long ord = dv.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, value)));
          if (ord >= 0) {
            ordGroup.add(new long[] {ord, g});
          }
        }
      }
      if (ordGroup.isEmpty()) {
        continue;
      }
      ordGroup.sort((x, y) -> Long.compare(x[0], y[0]));
      long[] ords = new long[ordGroup.size()];
      int[] group = new int[ordGroup.size()];
      for (int i = 0; i < ords.length; i++) {
        ords[i] = ordGroup.get(i)[0];
        group[i] = (int) ordGroup.get(i)[1];
      }
      long lo = ords[0];
      long hi = ords[ords.length - 1];
      Arrays.fill(lastDoc, -1);
      DocIdSetIterator docs = md.bits().iterator();
      if (docs == null) {
        continue;
      }
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (!dv.advanceExact(doc)) {
          continue;
        }
        for (int i = 0, n = dv.docValueCount(); i < n; i++) {
          long ord = dv.nextOrd();
          if (ord > hi) {
            break; // a document's ordinals come in increasing order
          }
          if (ord < lo) {
            continue;
          }
          // The same ordinal may stand in several groups (a spelling shared by two names): every one counts it.
          for (int at = firstAtLeast(ords, ord); at < ords.length && ords[at] == ord; at++) {
            int g = group[at];
            if (lastDoc[g] != doc) {
              lastDoc[g] = doc;
              out[g]++;
            }
          }
        }
      }
    }
    return out;
  }

  private static int firstAtLeast(long[] sorted, long key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
