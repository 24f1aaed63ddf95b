package org.steppe.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.steppe.ingest.CorpusWatcher;

/**
 * Keeps an index in line with a corpus folder while files appear, change and go
 * ({@link WritableSteppe#watchCorpus}): each burst of changes is read, indexed and committed as
 * one batch, usually within a second or two, while searches go on against the last commit.
 * Close it to stop watching. Thread-safe.
 */
public final class CorpusWatch implements Closeable {
  /** How long the folder must be still before a batch is indexed. */
  static final Duration QUIET = Duration.ofMillis(500);
  /** How long a burst may go on before what has arrived is indexed anyway. */
  static final Duration MAX_DELAY = Duration.ofSeconds(3);

  /** Hears about each batch, on the watch's own thread. */
  public interface Listener {
    /**
     * A batch was indexed and committed.
     *
     * @param summary what it added, updated and removed, and what it skipped
     */
    void synced(IndexSummary summary);

    /**
     * A batch could not be indexed; the index keeps its last commit and the watch goes on.
     *
     * @param e why (the folder is gone, too many removals…)
     */
    default void failed(Exception e) {}
  }

  private final CorpusWatcher watcher;

  private CorpusWatch(CorpusWatcher watcher) {
    this.watcher = watcher;
  }

  static CorpusWatch start(Path corpus, LuceneWriter writer, LuceneSearch reader, RemovalLimit limit, Listener listener)
      throws IOException {
    return new CorpusWatch(CorpusWatcher.start(corpus, changed -> sync(corpus, changed, writer, reader, limit, listener),
        QUIET, MAX_DELAY));
  }

  private static void sync(Path corpus, Set<String> changed, LuceneWriter writer, LuceneSearch reader, RemovalLimit limit,
      Listener listener) {
    try {
      IndexSummary summary = writer.indexChanges(corpus, changed, IndexProgress.NONE, limit);
      reader.refresh();
      listener.synced(summary);
    } catch (Exception e) {
      listener.failed(e);
    }
  }

  /** Stops watching; a batch being indexed is finished and committed first. */
  @Override
  public void close() throws IOException {
    watcher.close();
  }
}
