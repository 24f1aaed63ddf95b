package org.steppe.enrich.ner;

import org.steppe.enrich.Token;

/**
 * Turns a sentence into feature rows of the model's weight table: each token's word, shape,
 * affixes, clusters and gazetteer types, the same of its neighbours, and what its document says
 * about the word. Each token's attributes are hashed once; every feature is then a hash of a
 * template number and those hashes, so nothing is allocated per token. One thread; reused for
 * every sentence.
 */
final class FeatureExtractor {
  // Feature templates: a template's number is part of every hash it makes.
  private static final int BIAS = 0;
  private static final int WORD = 1;
  private static final int LOWER = 2; // 2..6: the lower-case words at -2..+2
  private static final int BIGRAM_LEFT = 7;
  private static final int BIGRAM_RIGHT = 8;
  private static final int SHAPE = 9; // 9..11: shapes at -1..+1
  private static final int SHAPE_EXACT = 12;
  private static final int SHAPE_LEFT = 13;
  private static final int SHAPE_RIGHT = 14;
  private static final int SHAPE_TRIGRAM = 15;
  private static final int PREFIX = 16; // 16..19
  private static final int SUFFIX = 20; // 20..23
  private static final int FIRST = 24;
  private static final int CLUSTER = 25; // 25..33: 3 resolutions at -1, 0, +1
  private static final int GAZETTEER = 34; // 34..36: at -1..+1
  private static final int DOCUMENT_CASE = 37;
  private static final int HISTORY = 38;
  private static final int LEFT_WORD_SHAPE = 39;
  private static final int CONTEXT_BEFORE = 40;
  private static final int CONTEXT_AFTER = 41;
  /** Most document-context features a token gets on each side. */
  private static final int CONTEXTS = 6;

  private static final int AFFIXES = 4;
  /** Most features a token can have. */
  static final int MAX_PER_TOKEN = 40 + 2 * CONTEXTS;
  private static final long BOUNDARY_LEFT = FeatureHashes.mix(-1);
  private static final long BOUNDARY_RIGHT = FeatureHashes.mix(-2);

  private final int bits;
  private final WordTable clusters;
  private final int resolutions;
  private final WordTable gazetteer;

  /** Each token's lower-case hash and clusters, for the whole document, computed once by {@link #observe}. */
  private long[] documentLower = new long[0];
  private int[] documentCluster = new int[0];
  private int observed;
  private int extracted;
  private long[] lower = new long[0];
  private long[] shape = new long[0];
  private int[] cluster = new int[0];
  private int[] gazetteerTypes = new int[0];
  /** Feature rows, {@link #MAX_PER_TOKEN} slots per token, and how many each token uses. */
  private int[] rows = new int[0];
  private int[] counts = new int[0];

  FeatureExtractor(int bits, WordTable clusters, int resolutions, WordTable gazetteer) {
    this.bits = bits;
    this.clusters = clusters;
    this.resolutions = resolutions;
    this.gazetteer = gazetteer;
  }

  /**
   * Notes in {@code memory} how the document writes each of its words and, for capitalised words,
   * the coarse clusters of the words around them.
   */
  void observe(String[] words, DocumentMemory memory) {
    int n = words.length;
    if (documentLower.length < observed + n) {
      int size = Math.max(observed + n, documentLower.length * 2);
      documentLower = java.util.Arrays.copyOf(documentLower, size);
      documentCluster = java.util.Arrays.copyOf(documentCluster, size);
    }
    long[] lowers = documentLower;
    int[] clusters = documentCluster;
    int at = observed;
    for (int i = 0; i < n; i++) {
      lowers[at + i] = FeatureHashes.lower(words[i]);
      clusters[at + i] = clusterOf(words[i]);
    }
    for (int i = 0; i < n; i++) {
      String w = words[i];
      char c = w.charAt(0);
      if (Character.isLowerCase(c)) {
        memory.see(lowers[at + i], DocumentMemory.LOWER);
      } else if (Character.isUpperCase(c)) {
        long key = lowers[at + i];
        memory.see(key, allCaps(w) ? DocumentMemory.ALL_CAPS : i > 0 ? DocumentMemory.CAPITALISED_INSIDE : 0);
        if (resolutions > 0) {
          memory.context(key, i > 0 ? coarse(clusters[at + i - 1]) : -1, i + 1 < n ? coarse(clusters[at + i + 1]) : -1);
        }
      }
    }
    observed += n;
  }

  /** Starts a document: {@link #observe} each of its sentences, then {@link #extract} them in the same order. */
  void startDocument() {
    observed = 0;
    extracted = 0;
  }

  /** The coarsest cluster of a packed entry (0 to 63), or -1 for a word without one. */
  private static int coarse(int packed) {
    return packed < 0 ? -1 : packed & 63;
  }

  /** The lower-case word hash the memory knows a word by. */
  static long memoryKey(String word) {
    return FeatureHashes.lower(word);
  }

  /**
   * Computes the features of the document's next sentence, {@code words}, which {@link #observe}
   * has seen; read them with {@link #row} and {@link #count}.
   */
  void extract(String[] words, DocumentMemory memory) {
    int n = words.length;
    if (extracted + n > observed) {
      throw new IllegalStateException("a sentence must be observed before its features are extracted");
    }
    ensure(n);
    System.arraycopy(documentLower, extracted, lower, 0, n);
    System.arraycopy(documentCluster, extracted, cluster, 0, n);
    extracted += n;
    for (int i = 0; i < n; i++) {
      String w = words[i];
      shape[i] = FeatureHashes.shape(w, true);
      gazetteerTypes[i] = gazetteerTypes(w, lower[i]);
    }
    for (int i = 0; i < n; i++) {
      String w = words[i];
      int base = i * MAX_PER_TOKEN;
      int k = base;
      long lm2 = i > 1 ? lower[i - 2] : BOUNDARY_LEFT;
      long lm1 = i > 0 ? lower[i - 1] : BOUNDARY_LEFT;
      long l0 = lower[i];
      long lp1 = i + 1 < n ? lower[i + 1] : BOUNDARY_RIGHT;
      long lp2 = i + 2 < n ? lower[i + 2] : BOUNDARY_RIGHT;
      long sm1 = i > 0 ? shape[i - 1] : BOUNDARY_LEFT;
      long s0 = shape[i];
      long sp1 = i + 1 < n ? shape[i + 1] : BOUNDARY_RIGHT;
      rows[k++] = bucket(BIAS, 0);
      rows[k++] = bucket(WORD, FeatureHashes.exact(w));
      rows[k++] = bucket(LOWER, lm2);
      rows[k++] = bucket(LOWER + 1, lm1);
      rows[k++] = bucket(LOWER + 2, l0);
      rows[k++] = bucket(LOWER + 3, lp1);
      rows[k++] = bucket(LOWER + 4, lp2);
      rows[k++] = bucket(BIGRAM_LEFT, FeatureHashes.pair(lm1, l0));
      rows[k++] = bucket(BIGRAM_RIGHT, FeatureHashes.pair(l0, lp1));
      rows[k++] = bucket(SHAPE, sm1);
      rows[k++] = bucket(SHAPE + 1, s0);
      rows[k++] = bucket(SHAPE + 2, sp1);
      if (w.length() <= 5) {
        rows[k++] = bucket(SHAPE_EXACT, FeatureHashes.shape(w, false));
      }
      rows[k++] = bucket(SHAPE_LEFT, FeatureHashes.pair(sm1, s0));
      rows[k++] = bucket(SHAPE_RIGHT, FeatureHashes.pair(s0, sp1));
      rows[k++] = bucket(SHAPE_TRIGRAM, FeatureHashes.pair(FeatureHashes.pair(sm1, s0), sp1));
      int affixes = Math.min(AFFIXES, w.length());
      for (int a = 1; a <= affixes; a++) {
        rows[k++] = bucket(PREFIX + a - 1, FeatureHashes.prefix(w, a));
        rows[k++] = bucket(SUFFIX + a - 1, FeatureHashes.suffix(w, a));
      }
      if (i == 0) {
        rows[k++] = bucket(FIRST, s0);
      }
      for (int r = 0; r < resolutions; r++) {
        rows[k++] = bucket(CLUSTER + r, clusterId(i > 0 ? cluster[i - 1] : -2, r));
        rows[k++] = bucket(CLUSTER + 3 + r, clusterId(cluster[i], r));
        rows[k++] = bucket(CLUSTER + 6 + r, clusterId(i + 1 < n ? cluster[i + 1] : -3, r));
      }
      for (int d = -1; d <= 1; d++) {
        int j = i + d;
        if (j >= 0 && j < n && gazetteerTypes[j] != 0) {
          rows[k++] = bucket(GAZETTEER + d + 1, gazetteerTypes[j]);
        }
      }
      char c = w.charAt(0);
      if (Character.isUpperCase(c)) {
        int caps = allCaps(w) ? 1 : 0;
        rows[k++] = bucket(DOCUMENT_CASE, memory.flags(l0) | (i == 0 ? 8 : 0) | caps << 4);
        k = contexts(CONTEXT_BEFORE, memory.before(l0), k);
        k = contexts(CONTEXT_AFTER, memory.after(l0), k);
      }
      int history = memory.labels(l0);
      if (history != 0) {
        rows[k++] = bucket(HISTORY, history);
      }
      rows[k++] = bucket(LEFT_WORD_SHAPE, FeatureHashes.pair(lm1, s0));
      counts[i] = k - base;
    }
  }

  /** One feature per cluster in {@code mask}, at most {@link #CONTEXTS}; returns the next free slot. */
  private int contexts(int template, long mask, int k) {
    for (int m = 0; m < CONTEXTS && mask != 0; m++) {
      rows[k++] = bucket(template, Long.numberOfTrailingZeros(mask));
      mask &= mask - 1;
    }
    return k;
  }

  /** Feature row {@code f} of token {@code i}. */
  int row(int i, int f) {
    return rows[i * MAX_PER_TOKEN + f];
  }

  /** How many features token {@code i} has. */
  int count(int i) {
    return counts[i];
  }

  /** The flat feature array: token {@code i}'s rows start at {@code i * MAX_PER_TOKEN}. */
  int[] rows() {
    return rows;
  }

  int[] counts() {
    return counts;
  }

  /** Remembers the labels given to a sentence's words, for the history feature of later sentences. */
  static void remember(String[] words, int[] labels, DocumentMemory memory) {
    for (int i = 0; i < words.length; i++) {
      if (labels[i] != NerLabels.OUTSIDE) {
        memory.tagged(FeatureHashes.lower(words[i]), labels[i]);
      }
    }
  }

  private int bucket(int template, long value) {
    return FeatureHashes.bucket(template, value, bits);
  }

  /** A resolution's cluster id of a packed cluster entry (negative entries: boundary or unknown word). */
  private static long clusterId(int packed, int resolution) {
    return packed < 0 ? packed : (packed >>> (10 * resolution)) & 1023;
  }

  private int clusterOf(String w) {
    if (resolutions == 0) {
      return -1;
    }
    int c = clusters.get(FeatureHashes.exact(w));
    if (c < 0 && w.length() > 1 && allCaps(w)) {
      c = clusters.get(FeatureHashes.titleCase(w));
    }
    if (c < 0) {
      c = clusters.get(FeatureHashes.lower(w));
    }
    return c;
  }

  private int gazetteerTypes(String w, long lowerHash) {
    if (gazetteer.size() == 0 || !Character.isUpperCase(w.charAt(0))) {
      return 0;
    }
    int t = gazetteer.get(ascii(w) ? lowerHash : FeatureHashes.exact(Token.key(w)));
    return Math.max(t, 0);
  }

  private static boolean ascii(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  static boolean allCaps(String w) {
    boolean letter = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  private void ensure(int n) {
    if (lower.length < n) {
      int size = Math.max(n, lower.length * 2);
      lower = new long[size];
      shape = new long[size];
      cluster = new int[size];
      gazetteerTypes = new int[size];
      rows = new int[size * MAX_PER_TOKEN];
      counts = new int[size];
    }
  }
}
