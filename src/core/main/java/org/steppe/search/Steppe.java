package org.steppe.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.steppe.index.AnalysisConfig;
import org.steppe.index.ArticleIndex;
import org.steppe.index.IndexSetup;

/**
 * Steppe's embedded engine: an index, in a folder or a Lucene {@code Directory}, that searches
 * articles and quotes; {@link #openWritable} also writes it ({@link WritableSteppe}).
 *
 * <pre>{@code
 * try (Steppe steppe = Steppe.open(Path.of("steppe-index"), SteppeConfig.fromFolder(Path.of("index-config")))) {
 *   SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of("sovereignty").withSources(List.of("Tengrinews")));
 *   r.hits().forEach(h -> System.out.println(h.title()));
 * }
 * }</pre>
 *
 * <p>One instance is meant to be shared: every method is thread-safe. Searches see each new
 * commit without a restart: a writable instance right after {@link WritableSteppe#commit()}, a
 * read-only one within a second of another writer committing.
 *
 * <p>An index remembers the analysis it was built with: opening it with a configuration whose
 * index-time analysis differs fails with a {@link ConfigurationException} saying what differs.
 *
 * <p>A search runs for at most 2 seconds (system property {@code steppe.searchTimeoutMillis}, or
 * {@link #setSearchTimeout}); one that runs out of time returns the hits found until then, with
 * {@link SearchResult#timedOut()} set. Query text is checked before parsing (length, nesting
 * depth, clause count): a query that breaks a limit fails with a {@link QuerySyntaxException}.
 */
public sealed class Steppe implements SteppeSearch permits WritableSteppe {
  private final LuceneSearch reader;
  private final Directory ownDirectory;

  /** @param ownDirectory the directory this instance opened and closes, or {@code null} when it is the caller's */
  Steppe(LuceneSearch reader, Directory ownDirectory) {
    this.reader = reader;
    this.ownDirectory = ownDirectory;
  }

  /**
   * Opens the index in the folder {@code index} for searching, with the built-in configuration.
   *
   * @param index the index folder
   * @return the engine, to close after use
   * @throws IOException when there is no index there
   * @throws ConfigurationException when the index was built with other analysis than the built-in one
   */
  public static Steppe open(Path index) throws IOException {
    return open(index, SteppeConfig.defaults());
  }

  /**
   * Opens the index in the folder {@code index} for searching.
   *
   * @param index the index folder
   * @param config the configuration it was built with (at least the same index-time analysis)
   * @return the engine, to close after use
   * @throws IOException when there is no index there
   * @throws ConfigurationException when the index was built with other analysis than {@code config}'s
   */
  public static Steppe open(Path index, SteppeConfig config) throws IOException {
    noDirectory(config);
    if (!Files.isDirectory(index)) {
      throw new IOException("there is no index at " + index);
    }
    Directory dir = FSDirectory.open(index);
    try {
      return new Steppe(searching(dir, config, index.toString()), dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens the index in the configuration's {@link SteppeConfig.Builder#directory directory} for searching.
   *
   * @param config the configuration, with its directory
   * @return the engine, to close after use
   * @throws IOException when there is no index there
   * @throws ConfigurationException when the index was built with other analysis than {@code config}'s
   */
  public static Steppe open(SteppeConfig config) throws IOException {
    return new Steppe(searching(directoryOf(config), config, "the configured directory"), null);
  }

  /**
   * Opens (or creates) the index in the folder {@code index} for searching and writing. Only one
   * writer may hold an index: a second fails at once with {@link IndexLockedException}.
   *
   * @param index the index folder; created when missing
   * @param config the configuration to enrich and analyse with
   * @return the engine, to close after use
   * @throws IOException when the index cannot be opened (another writer holds it: {@link IndexLockedException})
   * @throws ConfigurationException when the index was built with other analysis than {@code config}'s
   */
  public static WritableSteppe openWritable(Path index, SteppeConfig config) throws IOException {
    noDirectory(config);
    Files.createDirectories(index);
    Directory dir = FSDirectory.open(index);
    try {
      return writing(dir, dir, config, index.toString());
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens (or creates) the index in the configuration's {@link SteppeConfig.Builder#directory
   * directory} for searching and writing.
   *
   * @param config the configuration, with its directory
   * @return the engine, to close after use
   * @throws IOException when the index cannot be opened (another writer holds it: {@link IndexLockedException})
   * @throws ConfigurationException when the index was built with other analysis than {@code config}'s
   */
  public static WritableSteppe openWritable(SteppeConfig config) throws IOException {
    return writing(directoryOf(config), null, config, "the configured directory");
  }

  private static LuceneSearch searching(Directory dir, SteppeConfig config, String where) throws IOException {
    checkAnalysis(dir, config.setup(), where);
    return new LuceneSearch(dir, config.setup(), where);
  }

  private static WritableSteppe writing(Directory dir, Directory own, SteppeConfig config, String where) throws IOException {
    checkAnalysis(dir, config.setup(), where);
    Optional<String> layout = ArticleIndex.layoutDifference(dir);
    if (layout.isPresent()) {
      // Searching such an index works; adding to it would fail article by article.
      throw new ConfigurationException(where, 0, "the index at " + where + " cannot be updated: " + layout.get()
          + ". Re-index to write to it (delete the index and index again).", null);
    }
    ArticleIndex index;
    try {
      index = ArticleIndex.open(dir, config.setup());
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException(where, e);
    }
    try {
      if (!DirectoryReader.indexExists(dir)) {
        index.commit(Map.of()); // a new index: commit it empty, so there is a commit to search
      }
      return new WritableSteppe(new LuceneSearch(dir, config.setup(), where), new LuceneWriter(index), own);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  private static void checkAnalysis(Directory dir, IndexSetup setup, String where) throws IOException {
    Optional<String> difference = setup.analysisDifference(dir);
    if (difference.isPresent()) {
      String file = setup.config().describe(AnalysisConfig.FILE);
      throw new ConfigurationException(file, 0, file + ": the analysis differs from the index at " + where + ": "
          + difference.get() + ". Re-index to change it (delete the index and index again).", null);
    }
  }

  private static void noDirectory(SteppeConfig config) {
    if (config.directory() != null) {
      throw new IllegalArgumentException("this configuration names its own directory: open it with Steppe.open(config) "
          + "or Steppe.openWritable(config), without a folder");
    }
  }

  private static Directory directoryOf(SteppeConfig config) {
    if (config.directory() == null) {
      throw new IllegalArgumentException("this configuration names no directory: give one (SteppeConfig.Builder.directory) "
          + "or open a folder with Steppe.open(path, config)");
    }
    return config.directory();
  }

  @Override
  public SearchResult<ArticleHit> searchArticles(SearchRequest request) throws IOException {
    return reader.searchArticles(request);
  }

  @Override
  public SearchResult<QuoteHit> searchQuotes(SearchRequest request) throws IOException {
    return reader.searchQuotes(request);
  }

  @Override
  public Optional<ArticleView> article(String id) throws IOException {
    return reader.article(id);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    return reader.suggest(prefix, limit);
  }

  @Override
  public SearchResult<ArticleHit> similar(String id, int size) throws IOException {
    return reader.similar(id, size);
  }

  @Override
  public long articleCount() throws IOException {
    return reader.articleCount();
  }

  @Override
  public long quoteCount() throws IOException {
    return reader.quoteCount();
  }

  /**
   * Sees the latest commit now rather than within the second.
   *
   * @throws IOException when the index cannot be read
   */
  public void refresh() throws IOException {
    reader.refresh();
  }

  /**
   * Sets how long one search may run before it returns what it found so far.
   *
   * @param limit a positive duration
   */
  public void setSearchTimeout(Duration limit) {
    reader.setSearchTimeout(limit);
  }

  /** Closes the index; a directory given in the configuration stays open. */
  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      if (ownDirectory != null) {
        ownDirectory.close();
      }
    }
  }
}
