package org.steppe.enrich.ner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.steppe.enrich.Gazetteer;

/**
 * Trains the entity tagger: an averaged structured perceptron (Collins 2002) over hashed
 * features with first-order Viterbi decoding, documents in a seeded random order each pass. The
 * same sentences, clusters, gazetteer and settings always give the same model, byte for byte.
 *
 * @param iterations passes over the training documents
 * @param bits the weight table has {@code 2^bits} rows
 * @param seed the seed of the document order
 */
public record NerTrainer(int iterations, int bits, long seed) {
  /** The settings the shipped model was trained with (see docs/ner.md). */
  public static final NerTrainer DEFAULT = new NerTrainer(20, 19, 16);
  private static final int L = NerLabels.COUNT;

  public NerTrainer {
    if (iterations < 1 || bits < 10 || bits > 24) {
      throw new IllegalArgumentException("iterations must be positive and bits between 10 and 24");
    }
  }

  /** A model trained on {@code sentences}, with {@code clusters} and {@code gazetteer}'s words as features. */
  public NerModel train(List<ConllSentence> sentences, WordClusters clusters, Gazetteer gazetteer) {
    return train(sentences, clusters, gazetteer, null, null);
  }

  /**
   * As {@link #train(List, WordClusters, Gazetteer)}, printing each pass's training error to
   * {@code progress} and, when {@code dev} is given, the F1 of the averaged model on it.
   */
  public NerModel train(List<ConllSentence> sentences, WordClusters clusters, Gazetteer gazetteer,
      PrintStream progress, List<ConllSentence> dev) {
    WordTable gazetteerWords = GazetteerWords.of(gazetteer);
    List<List<ConllSentence>> documents = documents(sentences);
    Weights weights = new Weights(bits);
    FeatureExtractor features = new FeatureExtractor(bits, clusters.table(), clusters.resolutions(), gazetteerWords);
    DocumentMemory memory = new DocumentMemory();
    Viterbi viterbi = new Viterbi();
    double[] emissions = new double[0];
    int[] gold = new int[0];
    int[] predicted = new int[0];
    Random random = new Random(seed);
    for (int pass = 1; pass <= iterations; pass++) {
      List<List<ConllSentence>> order = new ArrayList<>(documents);
      Collections.shuffle(order, random);
      long tokens = 0;
      long errors = 0;
      for (List<ConllSentence> document : order) {
        int docTokens = 0;
        for (ConllSentence s : document) {
          docTokens += s.tokens().length;
        }
        memory.clear(docTokens);
        features.startDocument();
        for (ConllSentence s : document) {
          features.observe(s.tokens(), memory);
        }
        for (ConllSentence s : document) {
          String[] words = s.tokens();
          int n = words.length;
          if (gold.length < n) {
            gold = new int[n * 2];
            predicted = new int[n * 2];
            emissions = new double[n * 2 * L];
          }
          features.extract(words, memory);
          weights.score(features, n, emissions);
          viterbi.decode(emissions, n, weights.transitions, weights.start, predicted);
          NerLabels.encode(s.names(), n, gold);
          int wrong = weights.update(features, n, gold, predicted);
          FeatureExtractor.remember(words, predicted, memory);
          tokens += n;
          errors += wrong;
        }
      }
      if (progress != null) {
        String line = String.format(Locale.ROOT, "pass %d: %.2f %% of training tokens mislabelled", pass, 100.0 * errors / tokens);
        if (dev != null) {
          NerEvaluation eval = NerTagger.evaluate(weights.averaged(clusters, gazetteerWords), dev);
          line += String.format(Locale.ROOT, "; dev F1 %.2f", eval.overall().f1());
        }
        progress.println(line);
      }
    }
    return weights.averaged(clusters, gazetteerWords);
  }

  /** Splits sentences into documents at each {@code documentStart}. */
  static List<List<ConllSentence>> documents(List<ConllSentence> sentences) {
    List<List<ConllSentence>> out = new ArrayList<>();
    for (ConllSentence s : sentences) {
      if (s.documentStart() || out.isEmpty()) {
        out.add(new ArrayList<>());
      }
      out.get(out.size() - 1).add(s);
    }
    return out;
  }

  /** The perceptron's weights, with the running sums that give their average over all updates. */
  private static final class Weights {
    final int bits;
    final double[] emission;
    final double[] emissionSum;
    final double[] transitions = new double[L * L];
    final double[] transitionSum = new double[L * L];
    final double[] start = new double[L];
    final double[] startSum = new double[L];
    /** Sentences seen so far, plus one: the weight of an update in the running sums. */
    long clock = 1;

    Weights(int bits) {
      this.bits = bits;
      this.emission = new double[(1 << bits) * L];
      this.emissionSum = new double[emission.length];
    }

    void score(FeatureExtractor features, int n, double[] out) {
      int[] rows = features.rows();
      int[] counts = features.counts();
      for (int i = 0; i < n; i++) {
        int e = i * L;
        java.util.Arrays.fill(out, e, e + L, 0);
        int base = i * FeatureExtractor.MAX_PER_TOKEN;
        for (int k = base; k < base + counts[i]; k++) {
          int r = rows[k] * L;
          for (int y = 0; y < L; y++) {
            out[e + y] += emission[r + y];
          }
        }
      }
    }

    /** Moves the weights towards {@code gold} and away from {@code predicted}; returns the tokens that differ. */
    int update(FeatureExtractor features, int n, int[] gold, int[] predicted) {
      int wrong = 0;
      int[] rows = features.rows();
      int[] counts = features.counts();
      for (int i = 0; i < n; i++) {
        if (gold[i] != predicted[i]) {
          wrong++;
          int base = i * FeatureExtractor.MAX_PER_TOKEN;
          for (int k = base; k < base + counts[i]; k++) {
            int r = rows[k] * L;
            add(emission, emissionSum, r + gold[i], 1);
            add(emission, emissionSum, r + predicted[i], -1);
          }
        }
        int goldPair = i == 0 ? -1 : gold[i - 1] * L + gold[i];
        int predictedPair = i == 0 ? -1 : predicted[i - 1] * L + predicted[i];
        if (goldPair != predictedPair) {
          add(transitions, transitionSum, goldPair, 1);
          add(transitions, transitionSum, predictedPair, -1);
        }
      }
      if (n > 0 && gold[0] != predicted[0]) {
        add(start, startSum, gold[0], 1);
        add(start, startSum, predicted[0], -1);
      }
      clock++;
      return wrong;
    }

    private void add(double[] w, double[] sum, int index, double delta) {
      w[index] += delta;
      sum[index] += clock * delta;
    }

    /** The averaged weights as a model, emission weights rounded to 16 bits. */
    NerModel averaged(WordClusters clusters, WordTable gazetteer) {
      double max = 0;
      for (int i = 0; i < emission.length; i++) {
        max = Math.max(max, Math.abs(average(emission, emissionSum, i)));
      }
      double scale = max == 0 ? 1 : Short.MAX_VALUE / max;
      short[] quantised = new short[emission.length];
      for (int i = 0; i < emission.length; i++) {
        quantised[i] = (short) Math.round(average(emission, emissionSum, i) * scale);
      }
      double[] t = new double[transitions.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = average(transitions, transitionSum, i);
      }
      double[] s = new double[start.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = average(start, startSum, i);
      }
      return new NerModel(bits, quantised, scale, t, s, clusters.table(), clusters.resolutions(), gazetteer);
    }

    private double average(double[] w, double[] sum, int i) {
      return w[i] - sum[i] / clock;
    }
  }
}
