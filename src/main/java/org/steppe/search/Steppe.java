package org.steppe.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
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
import org.steppe.index.StoredEnrichment;
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
 */
public final class Steppe implements Closeable {
  private final Directory directory;
  private final ArticleIndex writable;
  private final SearcherManager searchers;
  private final Analysis analysis;
  private final FacetsConfig facetsConfig = DocumentBuilder.facetsConfig();
  /** Words more-like-this never matches on, in the configuration folder. */
  private static final String STOP_WORDS = "stopwords.txt";

  private final QueryFactory queries;
  private final Suggestions names;
  private final TitleSuggestions titles;
  private final SpellingCorrector spelling;
  private final SimilarArticles similar;
  private final ScheduledExecutorService refresher;

  private Steppe(Directory directory, ArticleIndex writable, SearcherManager searchers, Analysis analysis, ConfigDir config,
      Gazetteer gazetteer) {
    this.directory = directory;
    this.writable = writable;
    this.searchers = searchers;
    this.analysis = analysis;
    this.queries = new QueryFactory(analysis.queryAnalyzer(), facetsConfig, QueryFactory.acronymsOf(gazetteer));
    Analyzer asTyped = Suggestions.wordsAsTyped();
    this.names = new Suggestions(gazetteer, asTyped);
    this.titles = new TitleSuggestions(analysis.indexAnalyzer(), asTyped);
    this.spelling = new SpellingCorrector(analysis.indexAnalyzer(), analysis.queryAnalyzer());
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
   * Searches keep seeing the previous commit until then.
   */
  public IndexSummary indexCorpus(Path corpus, ConfigDir config, IndexProgress progress) throws IOException {
    IndexSummary summary = new CorpusSync(requireWritable(), Runtime.getRuntime().availableProcessors()).run(corpus, config, progress);
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
    return search(request, false, this::articleHits);
  }

  private List<ArticleHit> articleHits(IndexSearcher searcher, TopDocs top, Query query) throws IOException {
    String[] snippets = Snippets.highlight(searcher, analysis.queryAnalyzer(), Fields.BODY, query, top);
    StoredFields stored = searcher.getIndexReader().storedFields();
    List<ArticleHit> hits = new ArrayList<>();
    for (int i = 0; i < top.scoreDocs.length; i++) {
      Document d = stored.document(top.scoreDocs[i].doc);
      StoredEnrichment e = StoredEnrichment.fromJson(d.get(Fields.ENRICHMENT));
      List<EntityRef> entities = e.entities().stream().map(x -> new EntityRef(x.name(), x.type())).toList();
      hits.add(new ArticleHit(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.SOURCE), d.get(Fields.DATE),
          d.get(Fields.AUTHOR), d.get(Fields.URL), top.scoreDocs[i].score, snippets[i], entities));
    }
    return hits;
  }

  /** Quotes matching {@code request}, each linked to its article. */
  public SearchResult<QuoteHit> searchQuotes(SearchRequest request) throws IOException {
    return search(request, true, (searcher, top, query) -> {
      String[] snippets = Snippets.highlight(searcher, analysis.queryAnalyzer(), Fields.QUOTE, query, top);
      StoredFields stored = searcher.getIndexReader().storedFields();
      List<QuoteHit> hits = new ArrayList<>();
      for (int i = 0; i < top.scoreDocs.length; i++) {
        Document d = stored.document(top.scoreDocs[i].doc);
        String text = d.get(Fields.QUOTE);
        hits.add(new QuoteHit(d.get(Fields.ID), text, snippets[i] != null ? snippets[i] : Snippets.escape(text),
            d.get(Fields.QUOTE_KIND), d.get(Fields.SPEAKER), d.get(Fields.ROLE), d.get(Fields.CONTEXT),
            new QuoteHit.ArticleRef(d.get(Fields.ARTICLE_ID), d.get(Fields.TITLE), d.get(Fields.SOURCE), d.get(Fields.DATE)),
            top.scoreDocs[i].score));
      }
      return hits;
    });
  }

  /** One article with its entities and quotes, or empty when no article has that id. */
  public Optional<ArticleView> article(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Document d = storedArticle(searcher, id);
      if (d == null) {
        return Optional.empty();
      }
      StoredEnrichment e = StoredEnrichment.fromJson(d.get(Fields.ENRICHMENT));
      return Optional.of(new ArticleView(d.get(Fields.ID), d.get(Fields.FILE), d.get(Fields.TITLE), d.get(Fields.SOURCE),
          d.get(Fields.DATE), d.get(Fields.AUTHOR), d.get(Fields.URL), d.get(Fields.BODY), e.entities(), e.quotes()));
    } finally {
      searchers.release(searcher);
    }
  }

  /** The stored article with this id, or {@code null}. */
  private static Document storedArticle(IndexSearcher searcher, String id) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
        .build();
    TopDocs top = searcher.search(q, 1);
    return top.scoreDocs.length == 0 ? null : searcher.getIndexReader().storedFields().document(top.scoreDocs[0].doc);
  }

  /**
   * Autocomplete: entity names, speakers and titles that start with (or contain a word starting
   * with) {@code prefix}, best first. Names come first, most mentioned first, each under its
   * canonical spelling even when an alias matched ("Nazarbaev" suggests "Nursultan Nazarbayev");
   * titles fill the rest, with at least a third of the places when there are enough of them.
   *
   * @param prefix what has been typed; blank gives no suggestions
   * @param limit at most this many, 0 to {@value SearchRequest#MAX_SIZE}
   */
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    if (limit < 0 || limit > SearchRequest.MAX_SIZE) {
      throw new IllegalArgumentException("limit must be between 0 and " + SearchRequest.MAX_SIZE + ", not " + limit);
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
      Document d = storedArticle(searcher, id);
      if (d == null) {
        return new SearchResult<>(0, List.of(), Map.of(), null, null);
      }
      Query like = similar.likeThis(searcher.getIndexReader(), d);
      TopDocs top = searcher.search(like, Math.max(1, size));
      long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : searcher.count(like);
      ScoreDoc[] page = pageOf(top.scoreDocs, 0, size);
      List<ArticleHit> hits = page.length == 0 ? List.of() : articleHits(searcher, new TopDocs(top.totalHits, page), like);
      return new SearchResult<>(total, hits, Map.of(), null, null);
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

  @FunctionalInterface
  private interface HitReader<H> {
    List<H> read(IndexSearcher searcher, TopDocs top, Query textQuery) throws IOException;
  }

  private <H> SearchResult<H> search(SearchRequest request, boolean quotes, HitReader<H> reader) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Query text = queries.text(request, quotes);
      DrillDownQuery ddq = queries.drillDown(request, quotes, searcher.getIndexReader());
      Sort sort = sortFor(request.sort());
      ScoreDoc after = Cursor.decode(request.cursor(), request.sort());
      int want = after != null ? request.size() : request.offset() + request.size();
      if (want > 10_000) {
        throw new IllegalArgumentException("offset + size may not pass 10000; use the cursor (nextCursor) to page deeper");
      }
      int topN = Math.max(1, want);
      FacetedSearcher fs = (FacetedSearcher) searcher;
      TopDocs top;
      Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
      try {
        if (fs.facetState() != null) {
          DrillSideways ds = new DrillSideways(searcher, facetsConfig, fs.facetState());
          DrillSideways.DrillSidewaysResult r = sort == null
              ? (after == null ? ds.search(ddq, topN) : ds.search(after, ddq, topN))
              : ds.search(ddq, null, (FieldDoc) after, topN, sort, false);
          top = r.hits;
          facets = readFacets(r.facets);
        } else {
          top = sort == null ? searcher.searchAfter(after, ddq, topN) : searcher.searchAfter(after, ddq, topN, sort, false);
        }
      } catch (IndexSearcher.TooManyClauses e) {
        throw new QuerySyntaxException("the query expands to too many terms; make wildcards and fuzzy terms more specific", 0);
      }
      long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : searcher.count(ddq);
      ScoreDoc[] page = pageOf(top.scoreDocs, after != null ? 0 : request.offset(), request.size());
      TopDocs pageDocs = new TopDocs(top.totalHits, page);
      List<H> hits = page.length == 0 ? List.of() : reader.read(searcher, pageDocs, text);
      String next = page.length == request.size() && page.length > 0 && (after != null || request.offset() + page.length < total)
          ? Cursor.encode(page[page.length - 1]) : null;
      String didYouMean = after != null || request.offset() > 0 ? null
          : spelling.correct(searcher.getIndexReader(), request.query(), total,
              q -> searcher.count(queries.drillDown(request.withQuery(q), quotes, searcher.getIndexReader())));
      return new SearchResult<>(total, hits, facets, didYouMean, next);
    } finally {
      searchers.release(searcher);
    }
  }

  private static ScoreDoc[] pageOf(ScoreDoc[] all, int offset, int size) {
    if (offset >= all.length || size == 0) {
      return new ScoreDoc[0];
    }
    int end = Math.min(all.length, offset + size);
    ScoreDoc[] out = new ScoreDoc[end - offset];
    System.arraycopy(all, offset, out, 0, out.length);
    return out;
  }

  private static Sort sortFor(SortOrder order) {
    if (order == SortOrder.RELEVANCE) {
      return null;
    }
    boolean newest = order == SortOrder.NEWEST;
    SortField byDate = new SortedNumericSortField(Fields.DATE, SortField.Type.LONG, newest);
    byDate.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE); // undated last either way
    return new Sort(byDate, SortField.FIELD_DOC);
  }

  private static Map<String, List<FacetValue>> readFacets(Facets facets) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : DocumentBuilder.dims()) {
      boolean byValue = dim.equals(Fields.FACET_YEAR) || dim.equals(Fields.FACET_MONTH);
      FacetResult r;
      try {
        r = byValue ? facets.getAllChildren(dim) : facets.getTopChildren(50, dim);
      } catch (IllegalArgumentException e) {
        r = null; // the dimension has no values in this index
      }
      List<FacetValue> values = new ArrayList<>();
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.add(new FacetValue(lv.label, lv.value.longValue()));
        }
      }
      if (byValue) {
        values.sort(java.util.Comparator.comparing(FacetValue::value));
      }
      out.put(dim, values);
    }
    return out;
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

  /** Deep-paging cursors: the last hit of a page, as an opaque string. */
  static final class Cursor {
    private Cursor() {}

    static String encode(ScoreDoc last) {
      String raw = last instanceof FieldDoc fd && fd.fields != null && fd.fields.length > 0 && fd.fields[0] instanceof Long v
          ? "d:" + fd.doc + ":" + v
          : "r:" + last.doc + ":" + Float.floatToIntBits(last.score);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ScoreDoc decode(String cursor, SortOrder sort) {
      if (cursor == null || cursor.isBlank()) {
        return null;
      }
      try {
        String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        int doc = Integer.parseInt(p[1]);
        if (p[0].equals("d") && sort != SortOrder.RELEVANCE) {
          return new FieldDoc(doc, Float.NaN, new Object[] {Long.parseLong(p[2]), doc});
        }
        if (p[0].equals("r") && sort == SortOrder.RELEVANCE) {
          return new ScoreDoc(doc, Float.intBitsToFloat(Integer.parseInt(p[2])));
        }
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        // fall through to the error below
      }
      throw new IllegalArgumentException("the cursor is not valid for this search; start again from the first page");
    }
  }

}
