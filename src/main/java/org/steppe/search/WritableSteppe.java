package org.steppe.search;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;

/**
 * The embedded engine opened for writing ({@link Steppe#openWritable}): searches its last commit
 * and changes the index. Thread-safe; closing it drops what was not committed.
 */
public final class WritableSteppe extends Steppe implements SteppeWriter {
  private final LuceneSearch reader;
  private final LuceneWriter writer;

  WritableSteppe(LuceneSearch reader, LuceneWriter writer, Directory ownDirectory) {
    super(reader, ownDirectory);
    this.reader = reader;
    this.writer = writer;
  }

  @Override
  public void put(ArticleInput article) throws IOException {
    writer.put(article);
  }

  @Override
  public void delete(String id) throws IOException {
    writer.delete(id);
  }

  @Override
  public long deleteByQuery(SearchRequest request) throws IOException {
    return writer.deleteByQuery(request);
  }

  @Override
  public void deleteAll() throws IOException {
    writer.deleteAll();
  }

  @Override
  public IndexSummary indexCorpus(Path corpus, IndexProgress progress, RemovalLimit limit) throws IOException {
    IndexSummary summary = writer.indexCorpus(corpus, progress, limit);
    reader.refresh();
    return summary;
  }

  @Override
  public void commit() throws IOException {
    writer.commit();
    reader.refresh();
  }

  /** Closes the writer, dropping what was not committed, then the index. */
  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      super.close();
    }
  }
}
