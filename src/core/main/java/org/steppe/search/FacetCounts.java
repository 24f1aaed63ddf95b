package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Facet counts over the matches of one collector, for the dimensions a result shows: exact up to a
 * number of matches, above it estimated from a fixed sample of the matches ({@link #approximate()}).
 * Counts as Lucene's {@code SortedSetDocValuesFacetCounts} does (every dimension lives in one
 * doc-values field, each segment's ordinals mapped to the reader's), and reads the top values in
 * its order (most matches first, ties in value order), with labels from the searcher's
 * {@link FacetLabels}. Not thread-safe; one per collector and search.
 */
final class FacetCounts {
  /** Matches counted exactly when no setting says otherwise; above it, a sample of about this many. */
  static final int DEFAULT_EXACT_UP_TO = 50_000;

  /** The limit the system property {@code steppe.facetsExactUpTo} sets (at least 1), else the default. */
  static int exactUpToFromSystemProperty() {
    return Math.max(1, Integer.getInteger("steppe.facetsExactUpTo", DEFAULT_EXACT_UP_TO));
  }

  private final SortedSetDocValuesReaderState state;
  private final int[] counts;
  /** Matches over sampled matches; 1 when every match was counted. */
  private final double scale;
  private final boolean approximate;
  /** The speaker values of the counted documents, as (document, reader ordinal) pairs in document order. */
  private final int[] speakerDocs;
  private final int[] speakerOrds;
  private final int speakerPairs;

  private FacetCounts(SortedSetDocValuesReaderState state, int[] counts, double scale, boolean approximate,
      Pairs speakers) {
    this.state = state;
    this.counts = counts;
    this.scale = scale;
    this.approximate = approximate;
    this.speakerDocs = speakers.docs;
    this.speakerOrds = speakers.ords;
    this.speakerPairs = speakers.size;
  }

  /** A growing list of (document, ordinal) pairs. */
  private static final class Pairs {
    int[] docs = new int[16];
    int[] ords = new int[16];
    int size;

    void add(int doc, int ord) {
      if (size == docs.length) {
        docs = Arrays.copyOf(docs, size * 2);
        ords = Arrays.copyOf(ords, size * 2);
      }
      docs[size] = doc;
      ords[size++] = ord;
    }
  }

  /**
   * Counts {@code dim}'s values (every dimension's when {@code dim} is {@code null}) over
   * {@code matches}: all of them when they are at most {@code exactUpTo}, else a sample of about
   * {@code exactUpTo} whose counts are scaled up to the number of matches.
   */
  static FacetCounts count(SortedSetDocValuesReaderState state, FacetLabels cache, FacetsCollector matches, String dim,
      int exactUpTo) throws IOException {
    int[] counts = new int[state.getSize()];
    long total = 0;
    for (FacetsCollector.MatchingDocs md : matches.getMatchingDocs()) {
      total += md.totalHits();
    }
    Sample sample = Sample.of(total, exactUpTo);
    String field = state.getField();
    long sampled = 0;
    // The speaker values are also kept, so that merged spellings can be counted without another pass.
    OrdRange speakerRange = state.getOrdRange(org.steppe.index.Fields.FACET_SPEAKER);
    int speakerLo = speakerRange == null ? Integer.MAX_VALUE : speakerRange.start();
    int speakerHi = speakerRange == null ? Integer.MIN_VALUE : speakerRange.end();
    Pairs speakers = new Pairs();
    for (FacetsCollector.MatchingDocs md : matches.getMatchingDocs()) {
      if (md.totalHits() == 0 || md.bits() == null) {
        continue;
      }
      SortedSetDocValues dv = DocValues.getSortedSet(md.context().reader(), field);
      DocIdSetIterator docs = md.bits().iterator();
      if (docs == null) {
        continue;
      }
      // The dimension's values are one run of ordinals (values sort by "dim\u001fvalue"), and a
      // document's ordinals come in increasing order: skip to the run, stop after it.
      long lo = 0;
      long hi = Long.MAX_VALUE;
      if (dim != null) {
        lo = insertionPoint(dv, dim + FacetsConfig.DELIM_CHAR);
        hi = insertionPoint(dv, dim + (char) (FacetsConfig.DELIM_CHAR + 1)) - 1;
        if (hi < lo) {
          continue; // the dimension has no value in this segment
        }
      }
      int[] toReader = cache.toReader(md.context().ord, (int) dv.getValueCount());
      int docBase = md.context().docBase;
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (sample != null && !sample.keeps(docBase + doc)) {
          continue;
        }
        sampled++;
        if (!dv.advanceExact(doc)) {
          continue;
        }
        for (int i = 0, n = dv.docValueCount(); i < n; i++) {
          long ord = dv.nextOrd();
          if (ord > hi) {
            break;
          }
          if (ord >= lo) {
            int global = toReader[(int) ord];
            counts[global]++;
            if (global >= speakerLo && global <= speakerHi) {
              speakers.add(docBase + doc, global);
            }
          }
        }
      }
    }
    boolean approximate = sample != null && sampled > 0;
    return new FacetCounts(state, counts, approximate ? (double) total / sampled : 1, approximate, speakers);
  }

  /**
   * For each group of speaker values (reader ordinals), how many counted documents hold at least one
   * of them: what a filter ORing the group's values would count, estimated like every count here.
   */
  long[] countAnySpeaker(List<int[]> groups) {
    // (ordinal, group) in one sorted array: a value may stand in several groups, and each counts it.
    int size = 0;
    for (int[] g : groups) {
      size += g.length;
    }
    long[] keys = new long[size];
    int k = 0;
    for (int g = 0; g < groups.size(); g++) {
      for (int ord : groups.get(g)) {
        keys[k++] = ((long) ord << 32) | g;
      }
    }
    Arrays.sort(keys);
    long[] n = new long[groups.size()];
    int[] lastDoc = new int[groups.size()];
    Arrays.fill(lastDoc, -1);
    for (int i = 0; i < speakerPairs; i++) {
      long ord = speakerOrds[i];
      int at = Arrays.binarySearch(keys, ord << 32);
      for (at = at >= 0 ? at : -at - 1; at < keys.length && (keys[at] >>> 32) == ord; at++) {
        int g = (int) keys[at];
        if (lastDoc[g] != speakerDocs[i]) {
          lastDoc[g] = speakerDocs[i];
          n[g]++;
        }
      }
    }
    long[] out = new long[n.length];
    for (int g = 0; g < n.length; g++) {
      out[g] = n[g] == 0 ? 0 : estimate((int) n[g]);
    }
    return out;
  }

  private static long insertionPoint(SortedSetDocValues dv, String term) throws IOException {
    long at = dv.lookupTerm(new BytesRef(term));
    return at >= 0 ? at : -at - 1;
  }

  /** Whether the counts were estimated from a sample of the matches rather than counted. */
  boolean approximate() {
    return approximate;
  }

  /** {@code dim}'s {@code n} values with the most matches, ties in value order; empty when it has none. */
  List<FacetValue> top(String dim, int n, FacetLabels.Reader labels) throws IOException {
    OrdRange range = state.getOrdRange(dim);
    if (range == null) {
      return List.of();
    }
    // Count descending, then ordinal (value order) ascending: Lucene's facet order, in one long per value.
    long[] best = new long[n];
    int size = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      int c = counts[ord];
      if (c > 0) {
        long key = ((long) c << 32) | (0xFFFFFFFFL - ord); // larger is better
        if (size < n) {
          best[size++] = key;
          if (size == n) {
            Arrays.sort(best);
          }
        } else if (key > best[0]) {
          int at = Arrays.binarySearch(best, 1, n, key);
          int insert = (at >= 0 ? at : -at - 1) - 1;
          System.arraycopy(best, 1, best, 0, insert);
          best[insert] = key;
        }
      }
    }
    long[] kept = Arrays.copyOf(best, size);
    Arrays.sort(kept);
    List<FacetValue> out = new ArrayList<>(size);
    for (int i = size - 1; i >= 0; i--) {
      int ord = (int) (0xFFFFFFFFL - (kept[i] & 0xFFFFFFFFL));
      out.add(new FacetValue(labels.label(ord), estimate((int) (kept[i] >>> 32))));
    }
    return out;
  }

  /** Every value of {@code dim} with a match, in value order. */
  List<FacetValue> all(String dim, FacetLabels.Reader labels) throws IOException {
    OrdRange range = state.getOrdRange(dim);
    if (range == null) {
      return List.of();
    }
    List<FacetValue> out = new ArrayList<>();
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] > 0) {
        out.add(new FacetValue(labels.label(ord), estimate(counts[ord])));
      }
    }
    return out;
  }

  private long estimate(int count) {
    return approximate ? Math.max(1, Math.round(count * scale)) : count;
  }

  /**
   * About a given share of the index's documents, chosen by a hash of the document number: the same
   * documents for every search of a reader, so a repeated search gives the same estimate.
   */
  record Sample(long threshold) {
    Sample(double share) {
      this((long) (Math.min(1, share) * (1L << 32)));
    }

    /** About {@code exactUpTo} of {@code total} matches, or {@code null} (count them all) when there are no more. */
    static Sample of(long total, int exactUpTo) {
      return total > exactUpTo ? new Sample((double) Math.max(0, exactUpTo) / total) : null;
    }

    boolean keeps(int doc) {
      // Murmur3's finaliser: neighbouring documents (an article and its quotes) land far apart.
      int h = doc;
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      h *= 0xc2b2ae35;
      h ^= h >>> 16;
      return (h & 0xFFFFFFFFL) < threshold;
    }
  }
}
