package org.steppe.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
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
import org.steppe.index.DocumentBuilder;
import org.steppe.index.Fields;
import org.steppe.index.IndexSetup;

/**
 * The embedded engine's read side: searches the index's last commit through a
 * {@link SearcherManager}, refreshed every second (or at once after a commit of this process).
 * Thread-safe.
 */
final class LuceneSearch implements SteppeSearch {
  private final SearcherManager searchers;
  private final FacetedSearch search;
  private final StoredHits hits;
  private final Suggestions names;
  private final TitleSuggestions titles;
  private final SimilarArticles similar;
  private final ScheduledExecutorService refresher;
  /** Threads one search may use ({@code steppe.searchThreads}), read when the engine opens. */
  private final int searchThreads = FacetedSearcher.searchThreadsFromSystemProperty();
  /**
   * The threads that take a share of a search's slices beside the thread that asked (none with one
   * search thread). Daemons, so an engine left open does not keep the process alive; a busy pool is
   * no wait, since the asking thread runs the slices no pool thread has started (Lucene's TaskExecutor).
   */
  private final java.util.concurrent.ExecutorService searchPool = searchThreads <= 1 ? null
      : Executors.newFixedThreadPool(searchThreads - 1, r -> {
        Thread t = new Thread(r, "steppe-search");
        t.setDaemon(true);
        return t;
      });
  private final ResultCache results = ResultCache.fromSystemProperty();
  private volatile Duration searchTimeout = QueryLimits.DEFAULT_SEARCH_TIMEOUT;

  /**
   * Searches the last commit in {@code dir}, analysed as {@code setup} says.
   *
   * @throws IOException when {@code dir} holds no index
   */
  LuceneSearch(Directory dir, IndexSetup setup, String where) throws IOException {
    FacetsConfig facets = DocumentBuilder.facetsConfig();
    try {
      // Searchers read commits, not a writer: a near-real-time reader would show puts and a
      // half-done corpus sync within a second, before commit() publishes them.
      this.searchers = new SearcherManager(dir, FacetedSearcher.factory(setup.analysis().similarity(), facets, searchPool,
          searchThreads));
    } catch (IndexNotFoundException e) {
      if (searchPool != null) {
        searchPool.shutdown();
      }
      throw new IOException("there is no index at " + where, e);
    }
    CharArraySet stopWords = new CharArraySet(setup.stopWords(), true);
    QueryFactory queries = new QueryFactory(setup.analysis().queryAnalyzer(), stopWords, facets, setup.enricher().gazetteer());
    this.search = new FacetedSearch(queries, facets,
        new SpellingCorrector(setup.analysis().indexAnalyzer(), setup.analysis().queryAnalyzer()), FacetCounts.exactUpToFromSystemProperty());
    this.hits = new StoredHits(setup.analysis().queryAnalyzer());
    Analyzer asTyped = Suggestions.wordsAsTyped();
    this.names = new Suggestions(setup.enricher().gazetteer(), asTyped);
    this.titles = new TitleSuggestions(setup.analysis().indexAnalyzer(), asTyped);
    this.similar = new SimilarArticles(setup.analysis().indexAnalyzer(), setup.stopWords());
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "steppe-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public SearchResult<ArticleHit> searchArticles(SearchRequest request) throws IOException {
    return search(request, false, hits::articles);
  }

  @Override
  public SearchResult<QuoteHit> searchQuotes(SearchRequest request) throws IOException {
    return search(request, true, (s, top, q, group) -> new FacetedSearch.Page<>(hits.quotes(s, top, q), java.util.Map.of()));
  }

  private <H> SearchResult<H> search(SearchRequest request, boolean quotes, FacetedSearch.HitReader<H> reader)
      throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Duration limit = searchTimeout;
      return results.get(searcher.getIndexReader(), request, quotes, limit, () -> search.run(searcher, request, quotes, reader, limit));
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public Optional<ArticleView> article(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Document d = StoredHits.article(searcher, id);
      return d == null ? Optional.empty() : Optional.of(StoredHits.view(d));
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    checkSize("limit", limit);
    if (prefix != null && prefix.length() > SearchRequest.MAX_SUGGEST_LENGTH) {
      // Every word is a clause of the lookup: a pasted page would pass Lucene's clause limit.
      throw new IllegalArgumentException("the text to complete is " + prefix.length() + " characters long; the limit is "
          + SearchRequest.MAX_SUGGEST_LENGTH);
    }
    if (prefix == null || prefix.isBlank() || limit == 0) {
      return List.of();
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      return interleave(names.names((FacetedSearcher) searcher, prefix, limit), titles.titles(searcher, prefix, limit), limit);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Names first, titles after them with at least a third of the places when there are enough titles. */
  static List<Suggestion> interleave(List<Suggestion> byName, List<Suggestion> byTitle, int limit) {
    int titleSlots = Math.min(byTitle.size(), Math.max(limit - byName.size(), limit / 3));
    List<Suggestion> out = new ArrayList<>(byName.subList(0, Math.min(byName.size(), limit - titleSlots)));
    out.addAll(byTitle.subList(0, titleSlots));
    return out;
  }

  @Override
  public SearchResult<ArticleHit> similar(String id, int size) throws IOException {
    checkSize("size", size);
    IndexSearcher searcher = searchers.acquire();
    try {
      Document d = StoredHits.article(searcher, id);
      if (d == null) {
        return new SearchResult<>(0, List.of(), Facets.NONE, null, null);
      }
      Query like = similar.likeThis(searcher.getIndexReader(), d);
      TopDocs top = searcher.search(like, Math.max(1, size));
      long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : searcher.count(like);
      ScoreDoc[] page = FacetedSearch.pageOf(top.scoreDocs, 0, size);
      List<ArticleHit> found = page.length == 0 ? List.of() : hits.articles(searcher, new TopDocs(top.totalHits, page), like);
      return new SearchResult<>(total, found, Facets.NONE, null, null);
    } finally {
      searchers.release(searcher);
    }
  }

  private static void checkSize(String name, int n) {
    if (n < 0 || n > SearchRequest.MAX_SIZE) {
      throw new IllegalArgumentException(name + " must be between 0 and " + SearchRequest.MAX_SIZE + ", not " + n);
    }
  }

  @Override
  public long articleCount() throws IOException {
    return count(Fields.KIND_ARTICLE);
  }

  @Override
  public long quoteCount() throws IOException {
    return count(Fields.KIND_QUOTE);
  }

  private long count(String kind) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(new Term(Fields.KIND, kind)));
    } finally {
      searchers.release(searcher);
    }
  }

  /** Sees the latest commit now rather than within the second. */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  void setSearchTimeout(Duration limit) {
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

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    if (searchPool != null) {
      searchPool.shutdown();
    }
    try {
      names.close();
    } finally {
      searchers.close();
    }
  }
}
