package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.search.Query;
import org.steppe.index.Fields;
import org.steppe.index.IndexSetup;
import org.steppe.search.ArticleHit;
import org.steppe.search.ArticleView;
import org.steppe.engine.EngineSupport;
import org.steppe.search.Facets;
import org.steppe.search.QuerySyntaxException;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.SimilarStory;
import org.steppe.search.SortOrder;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;
import org.steppe.search.Suggestion;

/**
 * Steppe on an OpenSearch cluster: the same read API as the embedded engine, answered by the
 * cluster. A request is read by the embedded engine's own parser and analysis, and the Lucene
 * query it makes is sent as the OpenSearch query that builds it again on every shard
 * ({@link QueryTranslator}); filters, multi-select facets, highlighting, the cursor, suggestions,
 * did-you-mean and more-like-this are OpenSearch features set to answer as the embedded engine does.
 *
 * <p>Searches use {@code dfs_query_then_fetch}, so every shard scores with the statistics of the
 * whole index, and refuse partial results: while a node leaves, a search waits (up to
 * {@link ClusterIndex#PATIENCE}) for the replicas to take over rather than answer with half the
 * hits. Searches see what a writer committed ({@link WritableOpenSearchSteppe#commit}).
 * Thread-safe: one instance serves every thread.
 */
public class OpenSearchSteppe implements SteppeSearch {
  final ClusterIndex index;
  final IndexSetup setup;
  final EngineSupport.Reading reading;
  /** Bumped by a commit of this process, so suggestions rebuild at once; otherwise they follow the clock. */
  final AtomicLong generation = new AtomicLong();
  private final ClusterLexicon lexicon;
  private final ClusterNames names;
  private final boolean ownsConnection;
  private volatile Duration searchTimeout = Duration.ofMillis(Long.getLong("steppe.searchTimeoutMillis", 2000));

  OpenSearchSteppe(ClusterIndex index, IndexSetup setup, boolean ownsConnection) {
    this.index = index;
    this.setup = setup;
    this.reading = EngineSupport.reading(setup);
    this.lexicon = new ClusterLexicon(index);
    this.names = new ClusterNames(index);
    this.ownsConnection = ownsConnection;
  }

  /**
   * Opens Steppe's index on a cluster for searching.
   *
   * @param address the cluster
   * @param indexName the index ({@code steppe} by default)
   * @param config the configuration the index was built with (at least the same index-time analysis)
   * @return the engine, to close after use
   * @throws ClusterException when the cluster cannot be reached, is not an OpenSearch Steppe works with, or has no such Steppe index
   * @throws org.steppe.search.ConfigurationException when the index was built with other analysis than {@code config}'s
   */
  public static OpenSearchSteppe open(ClusterAddress address, String indexName, SteppeConfig config) throws IOException {
    Connection connection = Connection.open(address);
    try {
      ClusterIndex index = new ClusterIndex(new Cluster(connection), indexName);
      IndexSetup setup = EngineSupport.setup(config);
      index.checkCluster();
      index.check(setup);
      return new OpenSearchSteppe(index, setup, true);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public SearchResult<ArticleHit> searchArticles(SearchRequest request) throws IOException {
    return search(request, false);
  }

  @Override
  public SearchResult<QuoteHit> searchQuotes(SearchRequest request) throws IOException {
    return search(request, true);
  }

  @SuppressWarnings("unchecked")
  private <H> SearchResult<H> search(SearchRequest request, boolean quotes) throws IOException {
    EngineSupport.Text text = reading.text(request, quotes);
    ObjectNode textQuery = translated(text.query());
    Filters filters = filters(request, quotes);
    SortOrder order = text.order(request.sort());
    ClusterCursor after = ClusterCursor.decode(request.cursor(), order);
    int want = after != null ? request.size() : request.offset() + request.size();
    if (want > SearchRequest.MAX_OFFSET) {
      throw new IllegalArgumentException("offset + size may not pass " + SearchRequest.MAX_OFFSET
          + "; use the cursor (nextCursor) to page deeper");
    }
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", request.size());
    if (after == null) {
      body.put("from", request.offset());
    } else {
      body.set("search_after", after.after());
    }
    body.put("track_total_hits", true);
    body.put("timeout", searchTimeout.toMillis() + "ms");
    body.set("query", filters.query(textQuery));
    ObjectNode post = filters.postFilter();
    if (post != null) {
      body.set("post_filter", post);
    }
    int shardSize = ClusterFacets.FIRST_SHARD_SIZE;
    body.set("aggs", ClusterFacets.aggregations(filters, shardSize));
    body.set("sort", ClusterCursor.sortFor(order));
    ArrayNode source = body.putObject("_source").putArray("includes");
    (quotes ? ClusterHits.QUOTE_SOURCE : ClusterHits.ARTICLE_SOURCE).forEach(source::add);

    Answer answer = run(body, after, request);
    JsonNode aggs = answer.json().path("aggregations");
    while (!ClusterFacets.exact(aggs)) {
      shardSize = ClusterFacets.larger(shardSize);
      ObjectNode recount = Cluster.JSON.createObjectNode().put("size", 0);
      recount.set("query", filters.query(textQuery));
      recount.set("aggs", ClusterFacets.aggregations(filters, shardSize));
      aggs = run(recount, null, request).json().path("aggregations");
    }
    JsonNode hitsNode = answer.json().path("hits");
    long total = hitsNode.path("total").path("value").asLong();
    JsonNode page = hitsNode.path("hits");
    // Highlighted here, with the embedded engine's highlighter: the cluster's marks a phrase word by
    // word and picks passages by term, not by whole match (BENCHMARKS.md, OpenSearch side by side).
    JsonNode shown = page;
    Map<String, List<SimilarStory>> similar = Map.of();
    if (!quotes && request.groupSimilar()) {
      ClusterHits.Grouped grouped = ClusterHits.grouped(page);
      shown = grouped.leaders();
      similar = grouped.similar();
    }
    String[] snippets = reading.snippets(quotes ? Fields.QUOTE : Fields.BODY, text.query(), ClusterHits.texts(shown));
    List<H> hits = (List<H>) (quotes ? ClusterHits.quotes(shown, snippets, this::reports) : ClusterHits.articles(shown, snippets));
    String next = page.size() == request.size() && page.size() > 0 && (after != null || request.offset() + page.size() < total)
        ? ClusterCursor.after(order, page.get(page.size() - 1), answer.pit()) : null;
    String didYouMean = after != null || request.offset() > 0 ? null
        : reading.didYouMean(lexicon, request.query(), total, q -> count(request.withQuery(q), quotes));
    Facets facets = ClusterFacets.read(aggs);
    SearchRequest asked = request;
    facets = new Facets(facets.source(), reading.speakersAsOne(facets.speaker(), speakerValues(),
        full -> count(asked.withSpeakers(List.of(full)), quotes)), facets.entity(), facets.date(), facets.year());
    return new SearchResult<>(total, hits, facets, didYouMean, next,
        answer.json().path("timed_out").asBoolean(false), text.notice(), similar);
  }

  /** An answer, and the point in time the next page of its walk should read ({@code null}: none). */
  private record Answer(JsonNode json, String pit) {}

  /**
   * Runs a search: a first page on the index; a page after a cursor in the walk's point in time,
   * opened for the walk's second page and kept alive from page to page. A point in time that
   * expired is replaced by a new one: the walk goes on over the index as it is then.
   */
  private Answer run(ObjectNode body, ClusterCursor after, SearchRequest request) throws IOException {
    String params = "?search_type=dfs_query_then_fetch&allow_partial_search_results=false";
    if (after == null) {
      // The same shard copies for the same search, so offset pages tile even where copies differ slightly.
      String preference = "steppe-" + Integer.toHexString(String.valueOf(request.query()).hashCode());
      return new Answer(index.cluster().sendPatiently("POST", "/" + index.name() + "/_search" + params + "&preference=" + preference,
          body, ClusterIndex.PATIENCE), null);
    }
    String pit = after.pit() != null ? after.pit() : openPit();
    body.putObject("pit").put("id", pit).put("keep_alive", ClusterCursor.KEEP_ALIVE);
    JsonNode json;
    try {
      json = index.cluster().sendPatiently("POST", "/_search" + params, body, ClusterIndex.PATIENCE);
    } catch (ClusterException e) {
      if (after.pit() == null || (e.status() != 404 && !String.valueOf(e.getMessage()).contains("search_context_missing"))) {
        throw e;
      }
      pit = openPit();
      body.putObject("pit").put("id", pit).put("keep_alive", ClusterCursor.KEEP_ALIVE);
      json = index.cluster().sendPatiently("POST", "/_search" + params, body, ClusterIndex.PATIENCE);
    }
    return new Answer(json, json.path("pit_id").asText(pit));
  }

  private String openPit() throws IOException {
    return index.cluster().sendPatiently("POST", "/" + index.name() + "/_search/point_in_time?keep_alive=" + ClusterCursor.KEEP_ALIVE,
        null, ClusterIndex.PATIENCE).path("pit_id").asText();
  }

  /** The other articles reporting the quote stored in {@code quote} ({@code _source}), as the embedded engine finds them. */
  private List<QuoteHit.Report> reports(JsonNode quote) throws IOException {
    var q = ClusterHits.stored(quote);
    Query candidates = reading.reportQuery(q.apply(Fields.QUOTE), q.apply(Fields.ARTICLE_ID));
    if (candidates == null) {
      return List.of();
    }
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", reading.reportCandidates());
    body.set("query", translated(candidates));
    body.set("sort", ClusterCursor.sortFor(SortOrder.RELEVANCE));
    ArrayNode source = body.putObject("_source").putArray("includes");
    List.of(Fields.ID, Fields.QUOTE, Fields.SPEAKER, Fields.ARTICLE_ID, Fields.ARTICLE_TITLE, Fields.SOURCE, Fields.DATE).forEach(source::add);
    JsonNode hits = index.cluster().sendPatiently("POST", "/" + index.name() + "/_search?search_type=dfs_query_then_fetch", body,
        ClusterIndex.PATIENCE).path("hits").path("hits");
    List<java.util.function.Function<String, String>> found = new ArrayList<>();
    hits.forEach(h -> found.add(ClusterHits.stored(h.path("_source"))));
    return reading.reports(q.apply(Fields.QUOTE), q.apply(Fields.SPEAKER), found);
  }

  /** Every speaker value the index holds (read again after a commit here, or once a minute). */
  private List<String> speakerValues() throws IOException {
    return names.speakerValues((generation.get() << 32) | (System.currentTimeMillis() / ClusterNames.REFRESH_MILLIS));
  }

  /** The filters of {@code request}, its "about" names resolved against the names the index holds. */
  Filters filters(SearchRequest request, boolean quotes) throws IOException {
    if (!request.speakers().isEmpty()) {
      // every spelling the archive has for each speaker ("Volcker" and "Paul Volcker"), as the embedded engine filters
      java.util.Set<String> spellings = new java.util.LinkedHashSet<>();
      for (String s : request.speakers()) {
        spellings.addAll(reading.speakerSpellings(speakerValues(), s));
      }
      request = request.withSpeakers(List.copyOf(spellings));
    }
    Query about = reading.about(request, quotes, names.indexed());
    return Filters.of(request, quotes, reading, about == null ? null : translated(about));
  }

  /** How many hits {@code request} has, every filter applied. */
  long count(SearchRequest request, boolean quotes) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", 0).put("track_total_hits", true);
    body.set("query", filters(request, quotes).everything(translated(reading.text(request, quotes).query())));
    return index.cluster().sendPatiently("POST", "/" + index.name() + "/_search?search_type=dfs_query_then_fetch", body,
        ClusterIndex.PATIENCE).path("hits").path("total").path("value").asLong();
  }

  /** The OpenSearch form of a query the embedded parser made; one it cannot take is a query the user must change. */
  static ObjectNode translated(Query q) {
    try {
      return QueryTranslator.translate(q);
    } catch (IllegalArgumentException e) {
      throw new QuerySyntaxException("the query cannot be run on OpenSearch: " + e.getMessage(), 0);
    }
  }

  @Override
  public Optional<ArticleView> article(String id) throws IOException {
    JsonNode doc = document(id);
    return doc == null ? Optional.empty() : Optional.of(ClusterHits.view(doc));
  }

  /** The stored article {@code id} as searches see it (what was committed), or {@code null}. */
  JsonNode document(String id) throws IOException {
    String path = "/" + index.name() + "/_doc/" + Cluster.encode(id) + "?routing=" + Cluster.encode(id) + "&realtime=false";
    JsonNode doc = index.cluster().sendAllowing("GET", path, null, 404);
    if (doc == null || !doc.path("found").asBoolean() || !Fields.KIND_ARTICLE.equals(doc.path("_source").path(Fields.KIND).asText())) {
      return null;
    }
    return doc.path("_source");
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    checkSize("limit", limit);
    if (prefix == null || prefix.isBlank() || limit == 0) {
      return List.of();
    }
    long version = (generation.get() << 32) | (System.currentTimeMillis() / ClusterNames.REFRESH_MILLIS);
    List<Suggestion> byName = reading.names(version, names, prefix, limit);
    return reading.interleave(byName, titles(prefix, limit), limit);
  }

  private List<Suggestion> titles(String prefix, int limit) throws IOException {
    Query q = reading.titleQuery(prefix);
    if (q == null) {
      return List.of();
    }
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", limit * 2);
    body.set("query", translated(q));
    body.set("sort", ClusterCursor.sortFor(org.steppe.search.SortOrder.RELEVANCE));
    body.putObject("_source").putArray("includes").add(Fields.TITLE);
    JsonNode hits = index.cluster().sendPatiently("POST", "/" + index.name() + "/_search?search_type=dfs_query_then_fetch", body,
        ClusterIndex.PATIENCE).path("hits").path("hits");
    List<String> found = new ArrayList<>();
    hits.forEach(h -> found.add(ClusterHits.stored(h.path("_source")).apply(Fields.TITLE)));
    return reading.titles(found, limit);
  }

  @Override
  public SearchResult<ArticleHit> similar(String id, int size) throws IOException {
    checkSize("size", size);
    JsonNode doc = document(id);
    if (doc == null) {
      return new SearchResult<>(0, List.of(), Facets.NONE, null, null);
    }
    Query like = new ClusterSimilar(index, reading).query(doc);
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", size).put("track_total_hits", true);
    body.set("query", translated(like));
    body.set("sort", ClusterCursor.sortFor(SortOrder.RELEVANCE));
    ArrayNode source = body.putObject("_source").putArray("includes");
    ClusterHits.ARTICLE_SOURCE.forEach(source::add);
    JsonNode hits = index.cluster().sendPatiently("POST", "/" + index.name() + "/_search?search_type=dfs_query_then_fetch", body,
        ClusterIndex.PATIENCE).path("hits");
    String[] snippets = reading.snippets(Fields.BODY, like, ClusterHits.texts(hits.path("hits")));
    return new SearchResult<>(hits.path("total").path("value").asLong(), ClusterHits.articles(hits.path("hits"), snippets),
        Facets.NONE, null, null);
  }

  private static void checkSize(String name, int n) {
    if (n < 0 || n > SearchRequest.MAX_SIZE) {
      throw new IllegalArgumentException(name + " must be between 0 and " + SearchRequest.MAX_SIZE + ", not " + n);
    }
  }

  @Override
  public long articleCount() throws IOException {
    return index.count(Fields.KIND_ARTICLE);
  }

  @Override
  public long quoteCount() throws IOException {
    return index.count(Fields.KIND_QUOTE);
  }

  /**
   * Sets how long one search may run on the cluster before it returns what it found so far.
   *
   * @param limit a positive duration
   */
  public void setSearchTimeout(Duration limit) {
    if (limit == null || limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the search timeout must be positive, not " + limit);
    }
    searchTimeout = limit;
  }

  /** The cluster and index this engine reads, for messages: {@code index at URLs}. */
  public String describe() {
    return "the index '" + index.name() + "' on OpenSearch at " + index.cluster().where();
  }

  @Override
  public void close() throws IOException {
    try {
      reading.close();
    } finally {
      if (ownsConnection) {
        index.cluster().connection().close();
      }
    }
  }

  /** Request parameters as a map, for the few requests made of plain values. */
  static Map<String, Object> term(String field, String value) {
    return Map.of("term", Map.of(field, value));
  }
}
