package org.steppe.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.steppe.index.Analysis;
import org.steppe.index.Fields;

/**
 * Ranks a TREC collection the way Steppe ranks article bodies (the configured index and query
 * chains, query-time synonyms included, and BM25 with the configured k1 and b) and scores it.
 * The collection is indexed in memory; an 11,000-document collection takes seconds.
 */
public final class RelevanceEvaluation {
  private static final String DOCNO = "docno";

  private final Analysis analysis;
  private final int depth;

  /**
   * @param analysis the chains and similarity under test
   * @param depth how many documents each ranking keeps (1000, as in TREC runs)
   */
  public RelevanceEvaluation(Analysis analysis, int depth) {
    if (depth < 10) {
      throw new IllegalArgumentException("depth must be at least 10 (P@10), not " + depth);
    }
    this.analysis = analysis;
    this.depth = depth;
  }

  /** What a run scored, overall and per topic. */
  public record Result(int documents, int topics, double map, double precisionAt10, Map<String, List<String>> rankings,
      Map<String, Double> averagePrecision) {}

  /** Indexes the collection's documents, runs every judged topic and scores the rankings. */
  public Result run(TrecCollection collection) throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig iwc = new IndexWriterConfig(analysis.indexAnalyzer()).setSimilarity(analysis.similarity());
      try (IndexWriter writer = new IndexWriter(dir, iwc)) {
        for (Map.Entry<String, String> d : collection.documents().entrySet()) {
          Document doc = new Document();
          doc.add(new StringField(DOCNO, d.getKey(), Field.Store.YES));
          doc.add(new TextField(Fields.BODY, d.getValue(), Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(analysis.similarity());
        StoredFields stored = reader.storedFields();
        QueryBuilder builder = new QueryBuilder(analysis.queryAnalyzer());
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true); // as Steppe's query parser does
        Map<String, List<String>> rankings = new LinkedHashMap<>();
        Map<String, Double> ap = new LinkedHashMap<>();
        double sumAp = 0;
        double sumP10 = 0;
        List<String> topics = collection.judgedTopics();
        for (String topic : topics) {
          Query q = builder.createBooleanQuery(Fields.BODY, collection.topics().get(topic));
          List<String> ranking = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(q == null ? new MatchNoDocsQuery() : q, depth).scoreDocs) {
            ranking.add(stored.document(sd.doc).get(DOCNO));
          }
          double a = RankingMetrics.averagePrecision(ranking, collection.relevant().get(topic));
          rankings.put(topic, ranking);
          ap.put(topic, a);
          sumAp += a;
          sumP10 += RankingMetrics.precisionAt(10, ranking, collection.relevant().get(topic));
        }
        int n = Math.max(1, topics.size());
        return new Result(collection.documents().size(), topics.size(), sumAp / n, sumP10 / n, rankings, ap);
      }
    }
  }
}
