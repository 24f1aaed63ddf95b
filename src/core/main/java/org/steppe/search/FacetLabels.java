package org.steppe.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * The facet values of one searcher's reader by global ordinal, each read from the terms dictionary
 * the first time a search shows it, and each segment's ordinals mapped to the reader's. Every search shows the top values of eight dimensions and every
 * month and year it matched (about 600 values at a million articles, decades of dates), and each
 * lookup decompresses a block of the dictionary. Thread-safe.
 */
final class FacetLabels {
  private final SortedSetDocValuesReaderState state;
  /**
   * Filled lazily by whichever search reads an ordinal first. Searches race to fill a slot only with
   * the same value, and a {@code String} is safely published through its final fields, so a plain
   * array needs no locking: a search that sees {@code null} reads the label itself.
   */
  private final String[] labels;
  /**
   * Each segment's facet ordinals mapped to the reader's, as plain arrays made the first time a search
   * counts in that segment: read through Lucene's packed {@code OrdinalMap} for every value of every
   * match, the mapping was three quarters of the counting time at a million articles. An atomic
   * array publishes each mapping whole to other threads; two searches may both build one, harmlessly.
   */
  private final java.util.concurrent.atomic.AtomicReferenceArray<int[]> segmentToReader;

  FacetLabels(SortedSetDocValuesReaderState state) {
    this.state = state;
    this.labels = new String[state.getSize()];
    this.segmentToReader = new java.util.concurrent.atomic.AtomicReferenceArray<>(state.getReader().leaves().size());
  }

  /** Segment {@code leaf}'s facet ordinals as the reader's. */
  int[] toReader(int leaf, int segmentOrds) throws IOException {
    int[] known = segmentToReader.get(leaf);
    if (known != null && known.length == segmentOrds) {
      return known;
    }
    // The state's doc values open every segment's: only here, once per segment and searcher.
    SortedSetDocValues top = state.getDocValues();
    org.apache.lucene.index.OrdinalMap map = top instanceof org.apache.lucene.index.MultiDocValues.MultiSortedSetDocValues multi
        ? multi.mapping : null;
    int[] out = new int[segmentOrds];
    org.apache.lucene.util.LongValues global = map == null ? org.apache.lucene.util.LongValues.IDENTITY : map.getGlobalOrds(leaf);
    for (int ord = 0; ord < segmentOrds; ord++) {
      out[ord] = (int) global.get(ord);
    }
    segmentToReader.set(leaf, out);
    return out;
  }

  /** A reader of labels for one search (it holds doc values, which are not thread-safe). */
  Reader reader() {
    return new Reader();
  }

  /** Labels for one search. Not thread-safe. */
  final class Reader {
    private SortedSetDocValues values;

    /** The reader ordinal of {@code dim}'s {@code value}, or a negative number when the reader has no such value. */
    long ord(String dim, String value) throws IOException {
      if (values == null) {
        values = state.getDocValues();
      }
      return values.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, value)));
    }

    /** The value (the last path component) of global ordinal {@code ord}. */
    String label(int ord) throws IOException {
      String known = labels[ord];
      if (known != null) {
        return known;
      }
      if (values == null) {
        values = state.getDocValues();
      }
      BytesRef term = values.lookupOrd(ord);
      String[] path = FacetsConfig.stringToPath(term.utf8ToString());
      String label = path[path.length - 1];
      labels[ord] = label;
      return label;
    }
  }
}
