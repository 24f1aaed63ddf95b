package org.steppe.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.store.Directory;

/**
 * The embedded engine opened for writing ({@link Steppe#openWritable}): searches its last commit
 * and changes the index. Thread-safe; closing it drops what was not committed.
 */
public final class WritableSteppe extends Steppe implements SteppeWriter {
  private final LuceneSearch reader;
  private final LuceneWriter writer;
  private final List<CorpusWatch> watches = new CopyOnWriteArrayList<>();

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

  /**
   * Watches a corpus folder and keeps the index in line with it: new, changed and removed files
   * are indexed in batches (a burst of files is one commit) within seconds, as
   * {@link #indexCorpus} would, reading only the files that changed. Changes made after this
   * returns are seen; call {@link #indexCorpus} after it to catch up with earlier ones. Closing
   * this writer stops the watch too.
   *
   * @param corpus the folder of article files
   * @param limit the largest share of the corpus's articles one batch may remove (a batch over it changes nothing)
   * @param listener told of every batch
   * @return the watch; close it to stop watching
   * @throws IOException when the folder cannot be watched
   */
  public CorpusWatch watchCorpus(Path corpus, RemovalLimit limit, CorpusWatch.Listener listener) throws IOException {
    CorpusWatch watch = CorpusWatch.start(corpus, writer, reader, limit, listener);
    watches.add(watch);
    return watch;
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
      for (CorpusWatch watch : watches) {
        watch.close();
      }
      writer.close();
    } finally {
      super.close();
    }
  }
}
