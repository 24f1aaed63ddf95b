package org.steppe.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Changes an index: articles from code ({@link #put}), a corpus folder ({@link #indexCorpus}),
 * deletions, and commits. Nothing is visible to searches before {@link #commit()}; closing without
 * a commit drops what was not committed. Thread-safe: articles may be put from many threads.
 *
 * <p>Articles put from code and articles read from the corpus folder live side by side: a corpus
 * run never removes or replaces an article put from code.
 */
public interface SteppeWriter extends Closeable {

  /**
   * Adds an article, replacing one with the same id (and its quotes). Its entities and quotes are
   * found by the configured enrichment, unless the input gives them.
   *
   * @param article the article
   * @throws IOException when the index cannot be written
   */
  void put(ArticleInput article) throws IOException;

  /**
   * Deletes an article and its quotes; nothing happens when there is no such article.
   *
   * @param id the article's id
   * @throws IOException when the index cannot be written
   */
  void delete(String id) throws IOException;

  /**
   * Deletes every article the request's query and filters match (page, size, sort and cursor are
   * ignored), with their quotes. Sees what was put or deleted since the last commit.
   *
   * @param request the query and filters
   * @return how many articles it deleted
   * @throws IOException when the index cannot be read or written
   * @throws QuerySyntaxException when the query text cannot be read
   */
  long deleteByQuery(SearchRequest request) throws IOException;

  /**
   * Deletes every article and quote.
   *
   * @throws IOException when the index cannot be written
   */
  void deleteAll() throws IOException;

  /**
   * Brings the index in line with a corpus folder, removing at most half of the corpus's articles
   * in one run: {@link #indexCorpus(Path, IndexProgress, RemovalLimit)} with {@link RemovalLimit#DEFAULT}.
   *
   * @param corpus the folder of article files
   * @param progress told of each file; {@code null} for none
   * @return what the run did
   * @throws IOException when the corpus folder cannot be read, or the index cannot be written
   */
  default IndexSummary indexCorpus(Path corpus, IndexProgress progress) throws IOException {
    return indexCorpus(corpus, progress, RemovalLimit.DEFAULT);
  }

  /**
   * Brings the index in line with a corpus folder: adds new articles, replaces changed ones
   * (text, metadata or the configuration's fingerprint), removes those whose file is gone, and
   * commits once; what was changed before the run is committed first. Searches keep seeing the
   * previous commit until then. The configuration is the one this writer was opened with.
   *
   * <p>Articles put from code are left alone; a file whose article id an article from code holds
   * is skipped and reported. What cannot be read is never taken for gone: a file or folder that
   * cannot be read this time keeps what was indexed from it.
   *
   * @param corpus the folder of article files
   * @param progress told of each file; {@code null} for none
   * @param limit the largest share of the corpus's articles the run may remove
   * @return what the run did, files skipped included (problems with single files are reported, never thrown)
   * @throws TooManyRemovalsException when the run would remove more than {@code limit} allows; nothing is changed
   * @throws IOException when the corpus folder itself is missing or cannot be read (nothing is
   *     changed), or the index cannot be written
   */
  IndexSummary indexCorpus(Path corpus, IndexProgress progress, RemovalLimit limit) throws IOException;

  /**
   * Makes every change durable and visible to searches, atomically.
   *
   * @throws IOException when the index cannot be written
   */
  void commit() throws IOException;
}
