package org.steppe.enrich.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Tags the sentences of one document at a time with a shared {@link NerModel}: features per
 * token, label scores summed from the weight table, Viterbi decoding, and the document's memory
 * of how its words are written and were tagged. Not thread-safe: one per thread, reused.
 */
public final class DocumentTagger {
  private static final int L = NerLabels.COUNT;

  private final NerModel model;
  private final FeatureExtractor features;
  private final DocumentMemory memory = new DocumentMemory();
  private final Viterbi viterbi = new Viterbi();
  private double[] emissions = new double[0];
  private int[] labels = new int[0];

  DocumentTagger(NerModel model) {
    this.model = model;
    this.features = model.newExtractor();
  }

  /** The names in each sentence of one document, in order; each sentence is a non-empty array of words. */
  public List<NameSpan[]> tag(List<String[]> sentences) {
    startDocument(sentences);
    List<NameSpan[]> out = new ArrayList<>(sentences.size());
    for (String[] words : sentences) {
      out.add(NerLabels.decode(labels(words), words.length));
    }
    return out;
  }

  /** Forgets the last document and reads how this one writes its words. */
  void startDocument(List<String[]> sentences) {
    int tokens = 0;
    for (String[] words : sentences) {
      tokens += words.length;
    }
    memory.clear(tokens);
    features.startDocument();
    for (String[] words : sentences) {
      features.observe(words, memory);
    }
  }

  /** The labels of the document's next sentence (valid until the next call). */
  int[] labels(String[] words) {
    int n = words.length;
    if (labels.length < n) {
      labels = new int[Math.max(n, labels.length * 2)];
      emissions = new double[labels.length * L];
    }
    features.extract(words, memory);
    score(n);
    viterbi.decode(emissions, n, model.transitions, model.start, labels);
    FeatureExtractor.remember(words, labels, memory);
    return labels;
  }

  private void score(int n) {
    int[] rows = features.rows();
    int[] counts = features.counts();
    short[] w = model.weights;
    double unit = 1 / model.scale;
    for (int i = 0; i < n; i++) {
      int base = i * FeatureExtractor.MAX_PER_TOKEN;
      int end = base + counts[i];
      // Integer sums of the quantised weights, one per label, scaled once at the end.
      int s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      for (int k = base; k < end; k++) {
        int r = rows[k] * L;
        s0 += w[r];
        s1 += w[r + 1];
        s2 += w[r + 2];
        s3 += w[r + 3];
        s4 += w[r + 4];
        s5 += w[r + 5];
        s6 += w[r + 6];
        s7 += w[r + 7];
        s8 += w[r + 8];
      }
      int e = i * L;
      emissions[e] = s0 * unit;
      emissions[e + 1] = s1 * unit;
      emissions[e + 2] = s2 * unit;
      emissions[e + 3] = s3 * unit;
      emissions[e + 4] = s4 * unit;
      emissions[e + 5] = s5 * unit;
      emissions[e + 6] = s6 * unit;
      emissions[e + 7] = s7 * unit;
      emissions[e + 8] = s8 * unit;
    }
  }

  static {
    // score() is unrolled for nine labels: O and B-/I- of four entity types.
    if (L != 9) {
      throw new AssertionError("DocumentTagger.score assumes 9 labels, not " + L);
    }
  }
}
