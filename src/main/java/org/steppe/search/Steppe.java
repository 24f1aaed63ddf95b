package org.steppe.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.Analysis;
import org.steppe.index.ArticleIndex;
import org.steppe.index.CorpusSync;
import org.steppe.index.DocumentBuilder;
import org.steppe.index.Fields;
import org.steppe.index.IndexProgress;
import org.steppe.index.IndexSummary;
import org.steppe.index.RemovalLimit;
import org.steppe.ingest.Article;
import org.steppe.ingest.Metadata;
import org.steppe.ingest.SourceDocument;

/**
 * Steppe's entry point: an open index that searches articles and quotes and, when opened
 * writable, adds, replaces and deletes articles.
 *
 * <pre>{@code
 * try (Steppe steppe = Steppe.open(Path.of("steppe-index"))) {
 *   SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of("sovereignty").withSources(List.of("Tengrinews")));
 *   r.hits().forEach(h -> System.out.println(h.title()));
 * }
 * }</pre>
 *
 * <p>One instance is meant to be shared: every method is thread-safe. Searches see each new
 * commit without a restart: a writable instance right after {@link #commit()}, a read-only one
 * within a second of another process committing.
 *
 * <p>A search runs for at most 2 seconds (system property {@code steppe.searchTimeoutMillis}, or
 * {@link #setSearchTimeout}); one that runs out of time returns the hits found until then, with
 * {@link SearchResult#timedOut()} set. Query text is checked before parsing (length, nesting
 * depth, clause count): a query that breaks a limit fails with a {@link QuerySyntaxException}.
 */
public final class Steppe implements Closeable {
  private final Directory directory;
  private final ArticleIndex writable;
  private final SearcherManager searchers;
  private final Analysis analysis;
  private final FacetsConfig facetsConfig = DocumentBuilder.facetsConfig();
  /** Words more-like-this never matches on, in the configuration folder. */
  private static final String STOP_WORDS = "stopwords.txt";

  /** Longest text {@link #suggest} completes, in characters: autocomplete is for what is being typed. */
  public static final int MAX_SUGGEST_LENGTH = 200;

  private final FacetedSearch search;
  private final StoredHits hits;
  private final Suggestions names;
  private final TitleSuggestions titles;
  private final SimilarArticles similar;
  private final ScheduledExecutorService refresher;
  private volatile java.time.Duration searchTimeout = QueryLimits.DEFAULT_SEARCH_TIMEOUT;

  private Steppe(Directory directory, ArticleIndex writable, SearcherManager searchers, Analysis analysis, ConfigDir config,
      Gazetteer gazetteer) {
    this.directory = directory;
    this.writable = writable;
    this.searchers = searchers;
    this.analysis = analysis;
    QueryFactory queries = new QueryFactory(analysis.queryAnalyzer(), facetsConfig, gazetteer);
    this.search = new FacetedSearch(queries, facetsConfig,
        new SpellingCorrector(analysis.indexAnalyzer(), analysis.queryAnalyzer()));
    this.hits = new StoredHits(analysis.queryAnalyzer());
    Analyzer asTyped = Suggestions.wordsAsTyped();
    this.names = new Suggestions(gazetteer, asTyped);
    this.titles = new TitleSuggestions(analysis.indexAnalyzer(), asTyped);
    this.similar = new SimilarArticles(analysis.indexAnalyzer(), config.readLines(STOP_WORDS));
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "steppe-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /** Opens an existing index for searching, with the configuration in {@code index-config/} (or built in). */
  public static Steppe open(Path index) throws IOException {
    return open(index, ConfigDir.defaultLocation());
  }

  /**
   * Opens an existing index for searching.
   *
   * @throws IOException when there is no index at {@code index}
   */
  public static Steppe open(Path index, ConfigDir config) throws IOException {
    if (!Files.isDirectory(index)) {
      throw new IOException("no index at " + index + ": build one first (steppe index)");
    }
    Directory dir = FSDirectory.open(index);
    try {
      Gazetteer gazetteer = Gazetteer.load(config);
      Analysis analysis = Analysis.load(config, gazetteer);
      SearcherManager sm = new SearcherManager(dir, FacetedSearcher.factory(analysis.similarity(), DocumentBuilder.facetsConfig()));
      return new Steppe(dir, null, sm, analysis, config, gazetteer);
    } catch (IndexNotFoundException e) {
      dir.close();
      throw new IOException("no index at " + index + ": build one first (steppe index)", e);
    }
  }

  /**
   * Opens (or creates) an index for searching and writing. Only one writer may hold an index:
   * a second fails at once with {@link org.steppe.index.IndexLockedException}.
   */
  public static Steppe openWritable(Path index, ConfigDir config) throws IOException {
    ArticleIndex ai = ArticleIndex.open(index, config);
    try {
      if (!DirectoryReader.indexExists(ai.directory())) {
        ai.commit(Map.of()); // a new index: commit it empty, so there is a commit to search
      }
      // Searchers read commits, not the writer: a near-real-time reader would show puts and a
      // half-done corpus sync within a second (the refresher's tick), before commit() publishes them.
      SearcherManager sm = new SearcherManager(ai.directory(), FacetedSearcher.factory(ai.analysis().similarity(), ai.facetsConfig()));
      return new Steppe(null, ai, sm, ai.analysis(), config, ai.enricher().gazetteer());
    } catch (IOException | RuntimeException e) {
      ai.close();
      throw e;
    }
  }

  // ---- writing -------------------------------------------------------------------------------

  /** Enriches and adds an article, replacing one with the same id; visible after {@link #commit()}. */
  public void put(ArticleInput input) throws IOException {
    ArticleIndex ai = requireWritable();
    String text = input.title() == null ? input.body() : input.title() + "\n\n" + input.body();
    Metadata stated = new Metadata(input.title(), input.source(), input.date(), input.author(), input.url());
    Article article = ai.cleaner().clean(new SourceDocument(input.id(), input.id(), text, stated), Metadata.NONE);
    ai.put(article);
  }

  /** Deletes an article and its quotes; visible after {@link #commit()}. */
  public void delete(String id) throws IOException {
    requireWritable().delete(id);
  }

  /** Makes every change durable and visible to searches, atomically. */
  public void commit() throws IOException {
    requireWritable().commit(Map.of());
    searchers.maybeRefreshBlocking();
  }

  /**
   * Brings the index in line with a corpus folder (add, update, remove) and commits once.
   * Searches keep seeing the previous commit until then. At most half the index may be removed in
   * one run: see {@link #indexCorpus(Path, ConfigDir, IndexProgress, RemovalLimit)}.
   */
  public IndexSummary indexCorpus(Path corpus, ConfigDir config, IndexProgress progress) throws IOException {
    return indexCorpus(corpus, config, progress, RemovalLimit.DEFAULT);
  }

  /**
   * Brings the index in line with a corpus folder, removing at most {@code limit}'s share of it.
   * Files that cannot be read this time (and folders that cannot be listed) keep what was indexed
   * from them; only articles whose file is gone, or no longer holds them, are removed.
   *
   * @throws org.steppe.ingest.UnreadableCorpusException when the corpus folder is missing, not a
   *     folder or unreadable; nothing is changed
   * @throws org.steppe.index.TooManyRemovalsException when the run would remove more than
   *     {@code limit} allows ({@link RemovalLimit#NONE} lifts it); nothing is changed
   */
  public IndexSummary indexCorpus(Path corpus, ConfigDir config, IndexProgress progress, RemovalLimit limit) throws IOException {
    IndexSummary summary = new CorpusSync(requireWritable(), Runtime.getRuntime().availableProcessors())
        .run(corpus, config, progress, limit);
    searchers.maybeRefreshBlocking();
    return summary;
  }

  private ArticleIndex requireWritable() {
    if (writable == null) {
      throw new IllegalStateException("this index was opened for searching only: use Steppe.openWritable to change it");
    }
    return writable;
  }

  // ---- searching -----------------------------------------------------------------------------

  /** Articles matching {@code request}, with facets and highlighted snippets. */
  public SearchResult<ArticleHit> searchArticles(SearchRequest request) throws IOException {
    return search(request, false, hits::articles);
  }

  /** Quotes matching {@code request}, each linked to its article. */
  public SearchResult<QuoteHit> searchQuotes(SearchRequest request) throws IOException {
    return search(request, true, hits::quotes);
  }

  private <H> SearchResult<H> search(SearchRequest request, boolean quotes, FacetedSearch.HitReader<H> reader)
      throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return search.run(searcher, request, quotes, reader, searchTimeout);
    } finally {
      searchers.release(searcher);
    }
  }

  /** One article with its entities and quotes, or empty when no article has that id. */
  public Optional<ArticleView> article(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Document d = StoredHits.article(searcher, id);
      return d == null ? Optional.empty() : Optional.of(StoredHits.view(d));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Autocomplete: entity names, speakers and titles that start with (or contain a word starting
   * with) {@code prefix}, best first. Names come first, most mentioned first, each under its
   * canonical spelling even when an alias matched ("Nazarbaev" suggests "Nursultan Nazarbayev");
   * titles fill the rest, with at least a third of the places when there are enough of them.
   *
   * @param prefix what has been typed, at most {@value #MAX_SUGGEST_LENGTH} characters; blank gives no suggestions
   * @param limit at most this many, 0 to {@value SearchRequest#MAX_SIZE}
   * @throws IllegalArgumentException when the prefix is too long or the limit out of range
   */
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    if (limit < 0 || limit > SearchRequest.MAX_SIZE) {
      throw new IllegalArgumentException("limit must be between 0 and " + SearchRequest.MAX_SIZE + ", not " + limit);
    }
    if (prefix != null && prefix.length() > MAX_SUGGEST_LENGTH) {
      // Every word is a clause of the lookup: a pasted page would pass Lucene's clause limit.
      throw new IllegalArgumentException("the text to complete is " + prefix.length() + " characters long; the limit is "
          + MAX_SUGGEST_LENGTH);
    }
    if (prefix == null || prefix.isBlank() || limit == 0) {
      return List.of();
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      List<Suggestion> byName = names.names((FacetedSearcher) searcher, prefix, limit);
      List<Suggestion> byTitle = titles.titles(searcher, prefix, limit);
      int titleSlots = Math.min(byTitle.size(), Math.max(limit - byName.size(), limit / 3));
      List<Suggestion> out = new ArrayList<>(byName.subList(0, Math.min(byName.size(), limit - titleSlots)));
      out.addAll(byTitle.subList(0, titleSlots));
      return out;
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Articles most like article {@code id} (more-like-this over title, body and entities), best
   * first, without the article itself; no facets. Empty when there is no such article.
   */
  public SearchResult<ArticleHit> similar(String id, int size) throws IOException {
    if (size < 0 || size > SearchRequest.MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 0 and " + SearchRequest.MAX_SIZE + ", not " + size);
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      Document d = StoredHits.article(searcher, id);
      if (d == null) {
        return new SearchResult<>(0, List.of(), Map.of(), null, null);
      }
      Query like = similar.likeThis(searcher.getIndexReader(), d);
      TopDocs top = searcher.search(like, Math.max(1, size));
      long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : searcher.count(like);
      ScoreDoc[] page = FacetedSearch.pageOf(top.scoreDocs, 0, size);
      List<ArticleHit> found = page.length == 0 ? List.of() : hits.articles(searcher, new TopDocs(top.totalHits, page), like);
      return new SearchResult<>(total, found, Map.of(), null, null);
    } finally {
      searchers.release(searcher);
    }
  }

  /** How many articles the index holds. */
  public long articleCount() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)));
    } finally {
      searchers.release(searcher);
    }
  }

  /** Sees the latest commit now rather than within the second. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Sets how long one search may run before it returns what it found so far; positive. */
  public void setSearchTimeout(java.time.Duration limit) {
    if (limit == null || limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the search timeout must be positive, not " + limit);
    }
    searchTimeout = limit;
  }

  private void refreshQuietly() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // A failed refresh keeps the current searcher; the next tick tries again.
    }
  }

  /** Closes the index (and the writer, when writable); uncommitted changes are dropped. */
  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      names.close();
      searchers.close();
    } finally {
      if (writable != null) {
        writable.close();
      }
      if (directory != null) {
        directory.close();
      }
    }
  }


}
