package org.steppe.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.steppe.index.ArticleIndex;
import org.steppe.index.DocumentBuilder;
import org.steppe.index.Fields;

/** The embedded engine's write side: articles from code and from a corpus folder, deletions, commits. Thread-safe. */
final class LuceneWriter implements Closeable {
  private final ArticleIndex index;
  private final CodeArticles articles;
  private final QueryFactory queries;

  LuceneWriter(ArticleIndex index) {
    this.index = index;
    this.articles = new CodeArticles(index.setup());
    this.queries = new QueryFactory(index.setup().analysis().queryAnalyzer(),
        new org.apache.lucene.analysis.CharArraySet(index.setup().stopWords(), true), DocumentBuilder.facetsConfig(),
        index.setup().enricher().gazetteer());
  }

  void put(ArticleInput input) throws IOException {
    index.write(articles.enriched(input), Fields.ORIGIN_CODE);
  }

  void delete(String id) throws IOException {
    index.delete(id);
  }

  long deleteByQuery(SearchRequest request) throws IOException {
    // The writer's own view, so what was put and not yet committed is deleted too.
    try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // Read strictly: a delete never guesses what a malformed query meant.
      Query matches = queries.drillDown(queries.text(request.withStrict(true), false).query(), request, false, reader);
      TopDocs all = searcher.search(matches, Math.max(1, reader.maxDoc()));
      StoredFields stored = reader.storedFields();
      Set<String> ids = new LinkedHashSet<>();
      for (ScoreDoc sd : all.scoreDocs) {
        ids.add(stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
      }
      for (String id : ids) {
        index.delete(id);
      }
      return ids.size();
    }
  }

  void deleteAll() throws IOException {
    index.deleteAll();
  }

  IndexSummary indexCorpus(Path corpus, IndexProgress progress, RemovalLimit limit) throws IOException {
    return indexChanges(corpus, null, progress, limit);
  }

  /** A corpus run that reads only the files at or under {@code changed} ({@code null}: every file); one run at a time. */
  synchronized IndexSummary indexChanges(Path corpus, Set<String> changed, IndexProgress progress, RemovalLimit limit)
      throws IOException {
    if (index.writer().hasUncommittedChanges()) {
      // A run that stops (too many removals) drops what it did; what was put before it must not go with it.
      index.commit(Map.of());
    }
    return new CorpusSync(index, Runtime.getRuntime().availableProcessors())
        .run(corpus, progress == null ? IndexProgress.NONE : progress, limit == null ? RemovalLimit.DEFAULT : limit, changed);
  }

  void commit() throws IOException {
    index.commit(Map.of());
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
