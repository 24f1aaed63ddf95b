package org.steppe.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Average precision, precision and nDCG at a cut-off of one ranking, as trec_eval defines them. */
public final class RankingMetrics {
  private RankingMetrics() {}

  /**
   * Average precision: the mean, over every relevant document, of the precision at the rank it was
   * retrieved (0 for relevant documents not retrieved).
   */
  public static double averagePrecision(List<String> ranking, Set<String> relevant) {
    if (relevant.isEmpty()) {
      return 0;
    }
    double sum = 0;
    int found = 0;
    for (int i = 0; i < ranking.size(); i++) {
      if (relevant.contains(ranking.get(i))) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / relevant.size();
  }

  /** The share of the first {@code k} ranks holding relevant documents (missing ranks count as misses). */
  public static double precisionAt(int k, List<String> ranking, Set<String> relevant) {
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      if (relevant.contains(ranking.get(i))) {
        hits++;
      }
    }
    return (double) hits / k;
  }

  /**
   * Normalised discounted cumulative gain of the first {@code k} ranks (trec_eval's {@code ndcg_cut}:
   * the gain is the grade, discounted by log2 of rank + 1, divided by the ideal ranking's).
   */
  public static double ndcgAt(int k, List<String> ranking, Map<String, Integer> grades) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      dcg += Math.max(0, grades.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = grades.values().stream().filter(g -> g > 0).sorted(java.util.Comparator.reverseOrder()).toList();
    double best = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      best += ideal.get(i) / log2(i + 2);
    }
    return best == 0 ? 0 : dcg / best;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
