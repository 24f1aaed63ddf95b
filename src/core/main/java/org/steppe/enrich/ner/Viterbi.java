package org.steppe.enrich.ner;

/**
 * First-order Viterbi decoding over the tagger's labels: the best label sequence given each
 * token's label scores and the scores of label pairs, never putting an {@code I-} label after
 * anything but its own type. One thread; its buffers grow with the longest sentence seen.
 */
final class Viterbi {
  private static final int L = NerLabels.COUNT;
  private static final boolean[] ALLOWED = new boolean[(L + 1) * L];

  static {
    for (int p = -1; p < L; p++) {
      for (int y = 0; y < L; y++) {
        ALLOWED[(p + 1) * L + y] = NerLabels.allowed(p, y);
      }
    }
  }

  private double[] best = new double[0];
  private int[] back = new int[0];

  /**
   * Writes the best labels of {@code n} tokens into {@code out}.
   *
   * @param emissions token {@code i}'s score for label {@code y} at {@code i * L + y}
   * @param transitions the score of label {@code y} after label {@code p} at {@code p * L + y}
   * @param start the score of each label on the first token
   */
  void decode(double[] emissions, int n, double[] transitions, double[] start, int[] out) {
    if (n == 0) {
      return;
    }
    if (best.length < n * L) {
      best = new double[Math.max(n * L, best.length * 2)];
      back = new int[best.length];
    }
    for (int y = 0; y < L; y++) {
      best[y] = ALLOWED[y] ? start[y] + emissions[y] : Double.NEGATIVE_INFINITY;
    }
    for (int i = 1; i < n; i++) {
      int prev = (i - 1) * L;
      int cur = i * L;
      for (int y = 0; y < L; y++) {
        double top = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p = 0; p < L; p++) {
          if (ALLOWED[(p + 1) * L + y]) {
            double s = best[prev + p] + transitions[p * L + y];
            if (s > top) {
              top = s;
              arg = p;
            }
          }
        }
        best[cur + y] = top + emissions[cur + y];
        back[cur + y] = arg;
      }
    }
    int last = (n - 1) * L;
    int arg = 0;
    for (int y = 1; y < L; y++) {
      if (best[last + y] > best[last + arg]) {
        arg = y;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * L + arg];
    }
  }
}
