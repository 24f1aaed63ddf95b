package org.steppe.server;

import java.io.IOException;
import java.util.List;
import org.steppe.search.ArticleHit;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.SteppeSearch;

/**
 * What the API does, without HTTP: searches, looks up and exports through one shared
 * {@link SteppeSearch} engine, turning the library's refusals into {@link BadRequest} or
 * {@link NotFound}. Thread-safe, like the engine it wraps.
 */
public final class SearchService {
  /** Most suggestions one request may ask for. */
  static final int MAX_SUGGESTIONS = 20;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private final SteppeSearch steppe;
  private final int exportPage;
  private final BatchSearch batch;
  private final JsonOnce json = new JsonOnce(SteppeServer.mapper());

  public SearchService(SteppeSearch steppe) {
    // Exports fetch the largest page the library serves: fewest round trips, bounded memory.
    this(steppe, SearchRequest.MAX_SIZE);
  }

  /** With a smaller export page, so tests can make a handful of articles span several pages. */
  SearchService(SteppeSearch steppe, int exportPage) {
    this.steppe = steppe;
    this.exportPage = exportPage;
    this.batch = new BatchSearch(steppe);
  }

  /** One page of articles with facets. */
  ApiJson.ArticlesPage articles(SearchRequest request) throws IOException {
    return ApiJson.ArticlesPage.of(refusingBadInput(() -> steppe.searchArticles(request)));
  }

  /** {@link #articles}, as the JSON the API answers with ({@link JsonOnce}). */
  byte[] articlesJson(SearchRequest request) throws IOException {
    SearchResult<ArticleHit> r = refusingBadInput(() -> steppe.searchArticles(request));
    return json.json(List.of("articles", request), r, () -> ApiJson.ArticlesPage.of(r));
  }

  /** {@link #quotes}, as the JSON the API answers with ({@link JsonOnce}). */
  byte[] quotesJson(SearchRequest request, boolean collapse) throws IOException {
    SearchResult<QuoteHit> r = refusingBadInput(() -> steppe.searchQuotes(request));
    return json.json(List.of("quotes", request, collapse), r, () -> ApiJson.QuotesPage.of(r, collapse));
  }

  /** One page of quotes with facets; collapsed, each quotation once (see {@link ApiJson.QuotesPage#of(SearchResult, boolean)}). */
  ApiJson.QuotesPage quotes(SearchRequest request, boolean collapse) throws IOException {
    return ApiJson.QuotesPage.of(refusingBadInput(() -> steppe.searchQuotes(request)), collapse);
  }

  /** One page of article hits as the library gives them, for feeds. */
  List<ArticleHit> articleHits(SearchRequest request) throws IOException {
    return refusingBadInput(() -> steppe.searchArticles(request)).hits();
  }

  /** One page of quote hits as the library gives them, for feeds. */
  List<QuoteHit> quoteHits(SearchRequest request) throws IOException {
    return refusingBadInput(() -> steppe.searchQuotes(request)).hits();
  }

  /**
   * A batch search from a request body {@code {"queries": ["…", …]}}: one row per query, a query
   * that is not text or cannot be run reported in its row; a body that is not such an object, or
   * holds more than {@value BatchSearch#MAX_QUERIES} queries, is a {@link BadRequest}.
   */
  List<BatchSearch.Row> batch(String body) throws IOException {
    com.fasterxml.jackson.databind.JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw BadRequest.parameter("the body must be JSON {\"queries\": [\"...\", ...]}: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("queries").isArray()) {
      throw BadRequest.parameter("the body must be a JSON object {\"queries\": [\"...\", ...]}");
    }
    com.fasterxml.jackson.databind.JsonNode queries = root.get("queries");
    if (queries.size() > BatchSearch.MAX_QUERIES) {
      throw BadRequest.parameter("a batch holds at most " + BatchSearch.MAX_QUERIES + " queries, not " + queries.size());
    }
    List<BatchSearch.Query> texts = new java.util.ArrayList<>();
    queries.forEach(q -> texts.add(new BatchSearch.Query(texts.size() + 1, q.isTextual() ? q.asText() : null)));
    return batch.run(texts);
  }

  /** The page of the speaker {@code name} names (any spelling), or {@link NotFound}. */
  SpeakerProfile.Page speaker(String name) throws IOException {
    if (name == null || name.isBlank()) {
      throw BadRequest.parameter("name a speaker: /api/speakers/NAME");
    }
    SpeakerProfile.Page page = refusingBadInput(() -> SpeakerProfile.of(steppe, name.strip()));
    if (page == null) {
      throw new NotFound("the archive quotes no speaker named '" + name.strip() + "'");
    }
    return page;
  }

  /** How many articles the index holds. */
  long articleCount() throws IOException {
    return steppe.articleCount();
  }

  /** The article with this id, or {@link NotFound}. */
  ApiJson.Article article(String id) throws IOException {
    return ApiJson.Article.of(steppe.article(id).orElseThrow(() -> new NotFound("no article has the id '" + id + "'")));
  }

  /** Autocomplete for {@code prefix}; none for a blank prefix. */
  ApiJson.Suggestions suggest(String prefix, int limit) throws IOException {
    if (limit < 1 || limit > MAX_SUGGESTIONS) {
      throw BadRequest.parameter("limit must be between 1 and " + MAX_SUGGESTIONS + ", not " + limit);
    }
    if (prefix == null || prefix.isBlank()) {
      return new ApiJson.Suggestions(List.of());
    }
    try {
      return ApiJson.Suggestions.of(steppe.suggest(prefix.strip(), limit));
    } catch (IllegalArgumentException e) {
      throw BadRequest.parameter("q: " + e.getMessage());
    }
  }

  /** Articles like article {@code id}; {@link NotFound} when there is no such article. */
  ApiJson.ArticlesPage similar(String id, int size) throws IOException {
    if (size < 1 || size > SearchRequest.MAX_SIZE) {
      throw BadRequest.parameter("size must be between 1 and " + SearchRequest.MAX_SIZE + ", not " + size);
    }
    article(id);
    return ApiJson.ArticlesPage.of(steppe.similar(id, size));
  }

  /**
   * Every article matching {@code request} (its page and size ignored), page by page through the
   * cursor so no more than one page is held at a time. The first page is fetched before
   * {@code sink} sees anything, so a bad request fails while an error status can still be sent.
   */
  void eachArticle(SearchRequest request, Rows<ArticleHit> sink) throws IOException {
    each(request.withPage(0, exportPage), r -> refusingBadInput(() -> steppe.searchArticles(r)), sink);
  }

  /** Every quote matching {@code request}, like {@link #eachArticle}. */
  void eachQuote(SearchRequest request, Rows<QuoteHit> sink) throws IOException {
    each(request.withPage(0, exportPage), r -> refusingBadInput(() -> steppe.searchQuotes(r)), sink);
  }

  /** Receives export rows; {@link #start()} comes once, after the first page was found. */
  interface Rows<H> {
    void start() throws IOException;

    void row(H hit) throws IOException;
  }

  private interface Search<H> {
    SearchResult<H> run(SearchRequest request) throws IOException;
  }

  private static <H> void each(SearchRequest request, Search<H> search, Rows<H> sink) throws IOException {
    SearchRequest page = request.withCursor(null);
    SearchResult<H> r = search.run(page);
    sink.start();
    while (true) {
      for (H h : r.hits()) {
        sink.row(h);
      }
      if (r.nextCursor() == null || r.hits().isEmpty()) {
        return;
      }
      r = search.run(page.withCursor(r.nextCursor()));
    }
  }

  private interface Call<T> {
    T run() throws IOException;
  }

  /** The library refuses a bad cursor or too deep a page with IllegalArgumentException: the client's fault. */
  private static <T> T refusingBadInput(Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (IllegalArgumentException e) {
      throw BadRequest.parameter(e.getMessage());
    }
  }
}
