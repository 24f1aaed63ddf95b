package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Facet counts of an unfiltered search that matches many more documents than facets are counted
 * exactly for, without visiting every match: the search's iterator is advanced to the documents of
 * {@link FacetCounts.Sample} only (the same fixed sample the counts of all matches would keep), so
 * the counting costs what the sample costs, and the total comes from an unscored count. The counts
 * are those {@link FacetCounts#count} gives over all the matches with the same limit: flagged
 * approximate, scaled up to the total. The caller takes the top hits from a search that may skip
 * (block-max WAND, sorted early termination), as nothing else needs every match scored.
 *
 * <p>Opt-in ({@code steppe.sampledCounts=true}): at a million articles it was no faster than the one
 * scored pass. For the largest term queries the sample (about 50,000 of 300,000 matches) is as dense
 * in the document numbers as the matches, so advancing the query to each sampled document costs about
 * what visiting every match does, and counting the sample's facet values (the same either way) is most
 * of the time.
 */
final class SampledMatches {
  private final FacetedSearcher searcher;
  private final Weight weight;
  private final long total;
  private final FacetCounts.Sample sample;
  private final int exactUpTo;

  private SampledMatches(FacetedSearcher searcher, Weight weight, long total, int exactUpTo) {
    this.searcher = searcher;
    this.weight = weight;
    this.total = total;
    this.exactUpTo = exactUpTo;
    this.sample = FacetCounts.Sample.of(total, exactUpTo);
  }

  /**
   * The sampled counting of {@code query}'s matches when they are more than {@code exactUpTo}, else
   * {@code null} (count them all, exactly). An estimate of the matches from the scorers' costs (an
   * upper bound for terms, disjunctions and conjunctions) spares small searches the extra count.
   */
  static SampledMatches ifMoreThan(FacetedSearcher searcher, Query query, int exactUpTo) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long cost = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier s = weight.scorerSupplier(leaf);
      if (s != null) {
        cost += s.cost();
      }
    }
    if (cost <= exactUpTo) {
      return null;
    }
    long total = searcher.count(query);
    return total > exactUpTo ? new SampledMatches(searcher, weight, total, exactUpTo) : null;
  }

  /** Every match counted, unscored. */
  long total() {
    return total;
  }

  /**
   * Every dimension's counts from the sample's matches, scaled up to {@link #total()}; segments are
   * counted in up to {@code parallelism} groups at once. Stops reading segments once {@code expired}.
   */
  FacetCounts counts(int parallelism, BooleanSupplier expired) throws IOException {
    List<FacetCounts.Segment> segments = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      segments.add(new FacetCounts.Segment(leaf, leaf.reader().maxDoc(),
          () -> expired.getAsBoolean() ? null : sampledMatches(leaf), null));
    }
    return FacetCounts.fromSample(searcher.facetState(), searcher.facetLabels(), segments, total, exactUpTo,
        searcher.getTaskExecutor(), parallelism);
  }

  /** The matches of {@code leaf} that the sample keeps, in document order; {@code null} when it has none. */
  private DocIdSetIterator sampledMatches(LeafReaderContext leaf) throws IOException {
    ScorerSupplier supplier = weight.scorerSupplier(leaf);
    if (supplier == null) {
      return null;
    }
    int maxDoc = leaf.reader().maxDoc();
    Scorer scorer = supplier.get(Math.max(1, (long) (maxDoc * (double) exactUpTo / total)));
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
    Bits live = leaf.reader().getLiveDocs();
    int docBase = leaf.docBase;
    return new DocIdSetIterator() {
      private int doc = -1;

      @Override
      public int docID() {
        return doc;
      }

      @Override
      public int nextDoc() throws IOException {
        return advance(doc + 1);
      }

      @Override
      public int advance(int target) throws IOException {
        // Leapfrog: the next sampled document, the first match from there, the next sampled document from that match...
        int kept = sample.nextKept(docBase, target, maxDoc);
        while (kept != NO_MORE_DOCS) {
          int match = approximation.docID() < kept ? approximation.advance(kept) : approximation.docID();
          if (match == NO_MORE_DOCS) {
            break;
          }
          if (match == kept && (live == null || live.get(kept)) && (twoPhase == null || twoPhase.matches())) {
            return doc = kept;
          }
          kept = sample.nextKept(docBase, match == kept ? kept + 1 : match, maxDoc);
        }
        return doc = NO_MORE_DOCS;
      }

      @Override
      public long cost() {
        return approximation.cost();
      }
    };
  }
}
