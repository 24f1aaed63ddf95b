package org.steppe.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steppe.SeedCorpus;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.Entity;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.Quote;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.index.Fields;
import org.steppe.index.StoredEnrichment;
import org.steppe.ingest.Article;

/**
 * Enriched seed articles go into a real 2-node cluster through the bulk writer: every article and
 * quote arrives with the embedded index's ids and values, facets count what enrichment found,
 * spellings find each other, re-indexing leaves no stale quote, and push-back is retried.
 */
@Tag("opensearch")
@ExtendWith(OpenSearchCluster.class)
class BulkWriterTest {
  static OpenSearchCluster.Running cluster;
  static Connection connection;
  static Rest rest;
  static List<EnrichedArticle> seeds;
  static final List<String> INDEXES = new ArrayList<>();

  @BeforeAll
  static void enrichSeeds(OpenSearchCluster.Running running) {
    cluster = running;
    connection = cluster.connect();
    rest = new Rest(connection);
    Enricher enricher = Enricher.load(SeedCorpus.CONFIG);
    seeds = SeedCorpus.articles().values().stream().map(enricher::enrich).toList();
  }

  @AfterAll
  static void cleanUp() throws IOException {
    for (String index : INDEXES) {
      rest.deleteIndex(index);
    }
    connection.close();
  }

  private static String newIndex(String name) throws IOException {
    INDEXES.add(name);
    rest.createIndex(name, IndexDefinition.of(SeedCorpus.CONFIG, Gazetteer.load(SeedCorpus.CONFIG),
        OpenSearchCluster.SHARDS, OpenSearchCluster.REPLICAS));
    return name;
  }

  private static BulkWriter.Stats write(Connection via, String index, int maxBytes, BulkWriter.Backoff backoff,
      List<EnrichedArticle> articles) throws IOException {
    try (BulkWriter writer = new BulkWriter(via.client(), index, maxBytes, backoff)) {
      for (EnrichedArticle e : articles) {
        writer.add(ArticleDocuments.of(e, "fp-" + e.article().text().hashCode(), 0));
      }
      writer.flush();
      rest.call("POST", "/" + index + "/_refresh", null);
      return writer.stats();
    }
  }

  @Test
  void everyArticleAndQuoteArrivesAsTheEmbeddedIndexStoresIt() throws IOException {
    String index = newIndex("bulk-seeds");
    int maxBytes = 16 * 1024;
    BulkWriter.Stats stats = write(connection, index, maxBytes, BulkWriter.Backoff.DEFAULT, seeds);
    int quotes = seeds.stream().mapToInt(e -> e.quotes().size()).sum();
    assertEquals(seeds.size() + quotes, stats.actions());
    assertTrue(stats.requests() >= stats.bytes() / maxBytes, "requests are cut at the byte limit: " + stats);
    assertTrue(stats.requests() > 1, "the seeds span several 16 KB requests: " + stats);

    assertEquals(seeds.size(), count(index, Map.of("term", Map.of(Fields.KIND, Fields.KIND_ARTICLE))));
    assertEquals(quotes, count(index, Map.of("term", Map.of(Fields.KIND, Fields.KIND_QUOTE))));
    for (EnrichedArticle e : seeds) {
      Article a = e.article();
      JsonNode doc = rest.call("GET", "/" + index + "/_doc/" + encode(a.id()) + "?routing=" + encode(a.id()), null).path("_source");
      assertEquals(a.body(), doc.path(Fields.BODY).asText());
      assertEquals(String.valueOf(a.metadata().title()), doc.path(Fields.TITLE).asText("null"));
      assertEquals(StoredEnrichment.of(e), StoredEnrichment.fromJson(doc.path(Fields.ENRICHMENT).asText()));
      assertEquals(e.quotes().size(), doc.path(Fields.QUOTE_COUNT).asInt());
      for (int n = 0; n < e.quotes().size(); n++) {
        String id = ArticleDocuments.quoteId(a.id(), n);
        JsonNode q = rest.call("GET", "/" + index + "/_doc/" + encode(id) + "?routing=" + encode(a.id()), null).path("_source");
        assertEquals(e.quotes().get(n).text(), q.path(Fields.QUOTE).asText());
        assertEquals(e.quotes().get(n).start(), q.path(Fields.QUOTE_START).asInt());
      }
    }
  }

  @Test
  void facetsOverTwoShardsCountWhatEnrichmentFound() throws IOException {
    String index = newIndex("bulk-facets");
    write(connection, index, BulkWriter.DEFAULT_MAX_BYTES, BulkWriter.Backoff.DEFAULT, seeds);
    Map<String, Integer> sources = new TreeMap<>();
    Map<String, Integer> entities = new TreeMap<>();
    Map<String, Integer> speakers = new TreeMap<>();
    for (EnrichedArticle e : seeds) {
      String source = e.article().metadata().source();
      if (source != null) {
        sources.merge(source, 1, Integer::sum);
      }
      for (Entity entity : e.entities()) {
        entities.merge(entity.type().label() + "/" + entity.name(), 1, Integer::sum);
      }
      for (Quote q : e.quotes()) {
        if (q.speaker() != null) {
          speakers.merge(q.speaker(), 1, Integer::sum);
        }
      }
    }
    assertEquals(sources, terms(index, Fields.KIND_ARTICLE, Fields.SOURCE_EXACT));
    assertEquals(entities, terms(index, Fields.KIND_ARTICLE, Fields.ENTITY_TYPED));
    assertEquals(speakers, terms(index, Fields.KIND_QUOTE, Fields.SPEAKER_EXACT));
    assertTrue(entities.size() > 20, "the seeds mention many entities: " + entities.size());
  }

  @Test
  void anySpellingOfAnEntityFindsTheSameArticles() throws IOException {
    String index = newIndex("bulk-spellings");
    write(connection, index, BulkWriter.DEFAULT_MAX_BYTES, BulkWriter.Backoff.DEFAULT, seeds);
    int checked = 0;
    for (Gazetteer.Entry entry : Gazetteer.load(SeedCorpus.CONFIG).entities()) {
      boolean inSeeds = seeds.stream().anyMatch(e -> e.entities().stream().anyMatch(x -> x.name().equals(entry.name())));
      // An ambiguous spelling ("Ministry of Foreign Affairs") is an entity of its own too: not a synonym of the entry.
      List<String> spellings = entry.unambiguousSpellings();
      if (!inSeeds || spellings.size() < 2 || spellings.stream().anyMatch(s -> s.length() <= 4)) {
        continue;
      }
      TreeSet<String> first = null;
      for (String spelling : spellings) {
        // The text fields' search analyzer takes terms Steppe analysed; a query written by hand names the query chain.
        TreeSet<String> ids = ids(index, Map.of("match_phrase", Map.of(Fields.BODY,
            Map.of("query", spelling, "analyzer", AnalysisTranslator.QUERY_ANALYZER))));
        if (first == null) {
          first = ids;
          assertTrue(!ids.isEmpty(), entry.name() + " is in the seeds but '" + spelling + "' finds nothing");
        }
        assertEquals(first, ids, "'" + spelling + "' finds other articles than '" + spellings.get(0) + "'");
      }
      checked++;
    }
    assertTrue(checked >= 3, "too few entities with variant spellings in the seeds: " + checked);
  }

  @Test
  void reindexingAnArticleWithFewerQuotesLeavesNoStaleQuote() throws IOException {
    String index = newIndex("bulk-reindex");
    write(connection, index, BulkWriter.DEFAULT_MAX_BYTES, BulkWriter.Backoff.DEFAULT, seeds);
    EnrichedArticle most = seeds.stream().max((x, y) -> Integer.compare(x.quotes().size(), y.quotes().size())).orElseThrow();
    int before = most.quotes().size();
    assertTrue(before >= 2, "a seed with at least two quotes");
    String id = most.article().id();
    EnrichedArticle shorter = new EnrichedArticle(most.article(), most.mentions(), most.entities(), most.quotes().subList(0, 1));
    try (BulkWriter writer = new BulkWriter(connection.client(), index, BulkWriter.DEFAULT_MAX_BYTES, BulkWriter.Backoff.DEFAULT)) {
      writer.add(ArticleDocuments.of(shorter, "fp-2", before));
    }
    rest.call("POST", "/" + index + "/_refresh", null);
    assertEquals(1, count(index, Map.of("term", Map.of(Fields.ARTICLE_ID, id))) - 1, "one quote left besides the article");
    try (BulkWriter writer = new BulkWriter(connection.client(), index, BulkWriter.DEFAULT_MAX_BYTES, BulkWriter.Backoff.DEFAULT)) {
      writer.add(ArticleDocuments.delete(id, 1));
    }
    rest.call("POST", "/" + index + "/_refresh", null);
    assertEquals(0, count(index, Map.of("term", Map.of(Fields.ARTICLE_ID, id))));
    assertEquals(seeds.size() - 1, count(index, Map.of("term", Map.of(Fields.KIND, Fields.KIND_ARTICLE))));
  }

  @Test
  void pushBackIsRetriedUntilTheClusterTakesEverything() throws IOException {
    String index = newIndex("bulk-pushback");
    // The first two bulk requests are refused, as a busy cluster does (429, then 503); the rest go through.
    try (FaultProxy proxy = new FaultProxy(cluster.urls().get(0), n -> n == 1 ? 429 : n == 2 ? 503 : 0);
        Connection via = Connection.open(List.of(proxy.uri()))) {
      BulkWriter.Stats stats = write(via, index, 32 * 1024, new BulkWriter.Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 5), seeds);
      assertEquals(2, stats.retries());
    }
    int quotes = seeds.stream().mapToInt(e -> e.quotes().size()).sum();
    assertEquals(seeds.size() + quotes, count(index, Map.of("match_all", Map.of())));
  }

  @Test
  void aClusterThatKeepsRefusingFailsWithTheReasonAfterTheRetries() throws IOException {
    String index = newIndex("bulk-refused");
    try (FaultProxy proxy = new FaultProxy(cluster.urls().get(0), n -> 429);
        Connection via = Connection.open(List.of(proxy.uri()))) {
      BulkException e = assertThrows(BulkException.class,
          () -> write(via, index, 1 << 20, new BulkWriter.Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 3), seeds));
      assertTrue(e.getMessage().contains("still refused") && e.getMessage().contains("after 3 attempts")
          && e.getMessage().contains("HTTP 429"), e.getMessage());
    }
  }

  @Test
  void aDocumentTheMappingRefusesFailsNamingIt() throws IOException {
    String index = newIndex("bulk-strict");
    var bad = Rest.JSON.createObjectNode().put(Fields.KIND, Fields.KIND_ARTICLE).put("headline", "not a Steppe field");
    try (BulkWriter writer = new BulkWriter(connection.client(), index, BulkWriter.DEFAULT_MAX_BYTES, BulkWriter.Backoff.DEFAULT)) {
      writer.add(ArticleDocuments.of(seeds.get(0), "fp", 0));
      writer.add(List.of(BulkAction.index("bad-doc", "bad-doc", bad)));
      BulkException e = assertThrows(BulkException.class, writer::flush);
      assertTrue(e.documents().size() == 1 && e.documents().get(0).startsWith("bad-doc: strict_dynamic_mapping_exception"),
          e.documents().toString());
    }
  }

  private static long count(String index, Map<String, Object> query) throws IOException {
    return rest.call("POST", "/" + index + "/_count", Map.of("query", query)).path("count").asLong();
  }

  private static TreeSet<String> ids(String index, Map<String, Object> query) throws IOException {
    JsonNode hits = rest.call("POST", "/" + index + "/_search", Map.of("size", 100, "_source", false,
        "query", Map.of("bool", Map.of("must", query, "filter", Map.of("term", Map.of(Fields.KIND, Fields.KIND_ARTICLE))))));
    TreeSet<String> ids = new TreeSet<>();
    hits.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
    return ids;
  }

  /** Exact counts of a keyword field over the documents of one kind: shard_size covers every value. */
  private static Map<String, Integer> terms(String index, String kind, String field) throws IOException {
    JsonNode answer = rest.call("POST", "/" + index + "/_search", Map.of("size", 0,
        "query", Map.of("term", Map.of(Fields.KIND, kind)),
        "aggs", Map.of("values", Map.of("terms", Map.of("field", field, "size", 10_000, "shard_size", 10_000)))));
    JsonNode agg = answer.path("aggregations").path("values");
    assertEquals(0, agg.path("sum_other_doc_count").asInt());
    assertEquals(0, agg.path("doc_count_error_upper_bound").asInt());
    Map<String, Integer> out = new TreeMap<>();
    agg.path("buckets").forEach(b -> out.put(b.path("key").asText(), b.path("doc_count").asInt()));
    return out;
  }

  private static String encode(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * A loopback proxy in front of one node that answers the n-th {@code _bulk} request (1-based) with
   * the status {@code fault} gives, or forwards it when that is 0.
   */
  static final class FaultProxy implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    FaultProxy(URI target, IntUnaryOperator fault) throws IOException {
      AtomicInteger bulks = new AtomicInteger();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        int status = path.endsWith("/_bulk") ? fault.applyAsInt(bulks.incrementAndGet()) : 0;
        byte[] answer;
        if (status != 0) {
          answer = ("{\"error\":{\"type\":\"injected\",\"reason\":\"fault " + status + "\"},\"status\":" + status + "}").getBytes();
        } else {
          String query = exchange.getRequestURI().getRawQuery();
          HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(path + (query == null ? "" : "?" + query)))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
          String type = exchange.getRequestHeaders().getFirst("Content-Type");
          if (type != null) {
            forward.header("Content-Type", type);
          }
          try {
            HttpResponse<byte[]> r = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = r.statusCode();
            answer = r.body();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
          }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      });
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      server.stop(0);
      http.close();
    }
  }
}
