package org.steppe.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * The facet values of one searcher's reader by global ordinal, each read from the terms dictionary
 * the first time a search shows it. Every search shows the top values of eight dimensions and every
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

  FacetLabels(SortedSetDocValuesReaderState state) {
    this.state = state;
    this.labels = new String[state.getSize()];
  }

  /** A reader of labels for one search (it holds doc values, which are not thread-safe). */
  Reader reader() {
    return new Reader();
  }

  /** Labels for one search. Not thread-safe. */
  final class Reader {
    private SortedSetDocValues values;

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
