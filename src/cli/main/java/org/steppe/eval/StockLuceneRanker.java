package org.steppe.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The baseline: stock Lucene as a newcomer would set it up. Title and text in one field analysed
 * by {@code EnglishAnalyzer}, BM25 with Lucene's defaults (k1 1.2, b 0.75), the query's words
 * (any may match) through Lucene's {@code QueryBuilder}: a bag of words, so an "AND" in an
 * all-capitals topic is a word, not an operator. Indexed in memory.
 */
public final class StockLuceneRanker implements RelevanceEvaluation.Ranker, AutoCloseable {
  private static final String ID = "id";
  private static final String TEXT = "text";

  private final Directory dir = new ByteBuffersDirectory();
  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public StockLuceneRanker(Map<String, TestCollection.Doc> documents) throws IOException {
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
      for (Map.Entry<String, TestCollection.Doc> d : documents.entrySet()) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.getKey(), Field.Store.YES));
        String title = d.getValue().title();
        doc.add(new TextField(TEXT, (title == null ? "" : title + "\n\n") + d.getValue().text(), Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
  }

  @Override
  public List<String> rank(String query, int depth) throws IOException {
    Query q = new QueryBuilder(analyzer).createBooleanQuery(TEXT, query);
    if (q == null) {
      return List.of(); // nothing left after analysis
    }
    StoredFields stored = reader.storedFields();
    List<String> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(q, depth).scoreDocs) {
      out.add(stored.document(sd.doc).get(ID));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
