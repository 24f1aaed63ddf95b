package org.steppe.eval;

import java.util.List;
import java.util.Set;

/** Average precision and precision at a cut-off of one ranking, as trec_eval defines them. */
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
}
