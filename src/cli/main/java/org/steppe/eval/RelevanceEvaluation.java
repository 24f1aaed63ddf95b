package org.steppe.eval;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks every judged topic of a test collection with two systems, Steppe (through its public search
 * API, as {@code /api/search} does) and stock Lucene (BM25 with {@code EnglishAnalyzer}), and scores
 * both the same way: MAP, P@10 and nDCG@10 as trec_eval computes them.
 */
public final class RelevanceEvaluation {
  private final int depth;

  /** @param depth how many documents each ranking keeps (1000, as in TREC runs) */
  public RelevanceEvaluation(int depth) {
    if (depth < 10) {
      throw new IllegalArgumentException("depth must be at least 10 (P@10), not " + depth);
    }
    this.depth = depth;
  }

  /** What one system scored, overall and per topic. */
  public record Scores(double map, double precisionAt10, double ndcgAt10, Map<String, List<String>> rankings,
      Map<String, Double> averagePrecision, Map<String, Double> ndcg) {}

  /** Ranks the collection's judged topics with {@code ranker} and scores the rankings. */
  public Scores run(TestCollection collection, Ranker ranker) throws IOException {
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    Map<String, Double> ap = new LinkedHashMap<>();
    Map<String, Double> ndcg = new LinkedHashMap<>();
    double sumAp = 0;
    double sumP10 = 0;
    double sumNdcg = 0;
    List<String> topics = collection.judgedTopics();
    for (String topic : topics) {
      List<String> ranking = ranker.rank(collection.topics().get(topic), depth);
      double a = RankingMetrics.averagePrecision(ranking, collection.relevant(topic));
      double n = RankingMetrics.ndcgAt(10, ranking, collection.grades().get(topic));
      rankings.put(topic, ranking);
      ap.put(topic, a);
      ndcg.put(topic, n);
      sumAp += a;
      sumNdcg += n;
      sumP10 += RankingMetrics.precisionAt(10, ranking, collection.relevant(topic));
    }
    int n = Math.max(1, topics.size());
    return new Scores(sumAp / n, sumP10 / n, sumNdcg / n, rankings, ap, ndcg);
  }

  /** A system under test: the document numbers it ranks for a query, best first. */
  public interface Ranker {
    List<String> rank(String query, int depth) throws IOException;
  }
}
