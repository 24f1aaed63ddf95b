package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TaskExecutor;
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
    return count(state, cache, matches, dim, exactUpTo, null, 1);
  }

  /**
   * As {@link #count(SortedSetDocValuesReaderState, FacetLabels, FacetsCollector, String, int)}, the
   * segments split into up to {@code parallelism} groups counted at once on {@code tasks} (none: one
   * group, on this thread). Each group counts into its own array; the sums are the same.
   */
  static FacetCounts count(SortedSetDocValuesReaderState state, FacetLabels cache, FacetsCollector matches, String dim,
      int exactUpTo, TaskExecutor tasks, int parallelism) throws IOException {
    long total = 0;
    List<FacetsCollector.MatchingDocs> withHits = new ArrayList<>();
    for (FacetsCollector.MatchingDocs md : matches.getMatchingDocs()) {
      total += md.totalHits();
      if (md.totalHits() > 0 && md.bits() != null) {
        withHits.add(md);
      }
    }
    Sample sample = Sample.of(total, exactUpTo);
    List<Segment> segments = new ArrayList<>();
    for (FacetsCollector.MatchingDocs md : withHits) {
      segments.add(new Segment(md.context(), md.totalHits(), () -> md.bits().iterator(), sample));
    }
    Partial all = countSegments(state, cache, dim, segments, tasks, parallelism, sample == null ? total : exactUpTo);
    boolean approximate = sample != null && all.sampled > 0;
    return new FacetCounts(state, all.counts, approximate ? (double) total / all.sampled : 1, approximate, all.speakers);
  }

  /**
   * Every dimension's counts over segments whose iterators give a sample of the matches only
   * ({@link SampledMatches}), scaled up to {@code total} matches; {@code expected} is about how many
   * the sample holds.
   */
  static FacetCounts fromSample(SortedSetDocValuesReaderState state, FacetLabels cache, List<Segment> segments, long total,
      long expected, TaskExecutor tasks, int parallelism) throws IOException {
    Partial all = countSegments(state, cache, null, segments, tasks, parallelism, expected);
    boolean approximate = all.sampled < total;
    return new FacetCounts(state, all.counts, approximate && all.sampled > 0 ? (double) total / all.sampled : 1, approximate,
        all.speakers);
  }

  /**
   * One segment's documents to count: {@code docs} makes their iterator (in the thread that counts
   * them), {@code sample} (when not {@code null}) keeps some of them; {@code weight} is about how
   * many, to share the segments out.
   */
  record Segment(LeafReaderContext context, long weight, IteratorSource docs, Sample sample) {}

  /** Makes a segment's iterator; {@code null} when it has no documents to count. */
  @FunctionalInterface
  interface IteratorSource {
    DocIdSetIterator iterator() throws IOException;
  }

  private static Partial countSegments(SortedSetDocValuesReaderState state, FacetLabels cache, String dim,
      List<Segment> segments, TaskExecutor tasks, int parallelism, long counted) throws IOException {
    Counter counter = new Counter(state, cache, dim);
    List<List<Segment>> groups = groups(segments, tasks == null ? 1 : parallelism, counted);
    if (groups.size() <= 1) {
      return counter.count(segments);
    }
    List<Callable<Partial>> work = new ArrayList<>();
    for (List<Segment> g : groups) {
      work.add(() -> counter.count(g));
    }
    return Partial.sum(tasks.invokeAll(work));
  }

  /**
   * Documents to count below which one thread counts: handing over the work would cost more than it
   * saves (tests lower it to split small counts).
   */
  static long minCountedToSplit = 5_000;

  /**
   * The segments in up to {@code n} groups of consecutive segments of about equal weight
   * (consecutive, so the speaker pairs of the groups join in document order); one group when fewer
   * than {@link #minCountedToSplit} documents are to be counted.
   */
  static List<List<Segment>> groups(List<Segment> segments, int n, long counted) {
    if (n <= 1 || segments.size() <= 1 || counted < minCountedToSplit) {
      return List.of(segments);
    }
    long total = 0;
    for (Segment s : segments) {
      total += s.weight();
    }
    List<List<Segment>> out = new ArrayList<>();
    List<Segment> current = new ArrayList<>();
    long sum = 0;
    for (Segment s : segments) {
      current.add(s);
      sum += s.weight();
      // close the group once it holds its share
      if (out.size() < n - 1 && sum * n >= total * (out.size() + 1)) {
        out.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** The counts of one group of segments. */
  private record Partial(int[] counts, Pairs speakers, long sampled) {
    /** The groups' counts added up, their speaker pairs joined in group order. */
    static Partial sum(List<Partial> parts) {
      Partial first = parts.get(0);
      int[] counts = first.counts;
      Pairs speakers = first.speakers;
      long sampled = first.sampled;
      for (Partial p : parts.subList(1, parts.size())) {
        for (int i = 0; i < counts.length; i++) {
          counts[i] += p.counts[i];
        }
        for (int i = 0; i < p.speakers.size; i++) {
          speakers.add(p.speakers.docs[i], p.speakers.ords[i]);
        }
        sampled += p.sampled;
      }
      return new Partial(counts, speakers, sampled);
    }
  }

  /** Counts groups of segments: shared by the groups of one count, each counting into arrays of its own. */
  private record Counter(SortedSetDocValuesReaderState state, FacetLabels cache, String dim) {
    Partial count(List<Segment> segments) throws IOException {
      int[] counts = new int[state.getSize()];
      String field = state.getField();
      long sampled = 0;
      // The speaker values are also kept, so that merged spellings can be counted without another pass.
      OrdRange speakerRange = state.getOrdRange(org.steppe.index.Fields.FACET_SPEAKER);
      int speakerLo = speakerRange == null ? Integer.MAX_VALUE : speakerRange.start();
      int speakerHi = speakerRange == null ? Integer.MIN_VALUE : speakerRange.end();
      Pairs speakers = new Pairs();
      for (Segment segment : segments) {
        SortedSetDocValues dv = DocValues.getSortedSet(segment.context().reader(), field);
        DocIdSetIterator docs = segment.docs().iterator();
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
        int[] toReader = cache.toReader(segment.context().ord, (int) dv.getValueCount());
        int docBase = segment.context().docBase;
        Sample sample = segment.sample();
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
      return new Partial(counts, speakers, sampled);
    }
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

    /**
     * The first document from {@code from} (a segment's, whose first document is {@code docBase}) that
     * the sample keeps, or {@link DocIdSetIterator#NO_MORE_DOCS} when none below {@code maxDoc} is kept.
     */
    int nextKept(int docBase, int from, int maxDoc) {
      for (int doc = from; doc < maxDoc; doc++) {
        if (keeps(docBase + doc)) {
          return doc;
        }
      }
      return DocIdSetIterator.NO_MORE_DOCS;
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
