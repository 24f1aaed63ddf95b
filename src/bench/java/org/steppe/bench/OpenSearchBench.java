package org.steppe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steppe.opensearch.BulkWriter;
import org.steppe.opensearch.ClusterAddress;
import org.steppe.opensearch.OpenSearchSteppe;
import org.steppe.opensearch.WritableOpenSearchSteppe;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.SearchRequest;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;
import org.steppe.search.WritableSteppe;

/**
 * The OpenSearch backend against the embedded engine on the same data in the same run (issue 15):
 * the scale corpus of {@code -Dscale=N} Reuters stories indexed by each engine's own
 * {@code indexCorpus} (read, enrich on every core, write, one commit: into a folder, or bulk into
 * the cluster of {@code -Dopensearch.url} over {@code -Dopensearch.shards} primaries with
 * {@code -Dopensearch.replicas} replicas), then {@link QueryGen}'s term, and and phrase lists through
 * each engine's {@code searchArticles} (the public API: facets on every dimension, 10 highlighted
 * hits) on {@code -Dquery.threads} threads, the two engines taking turns per configuration; then the
 * cluster index's layout (documents and bytes per shard, articles against quote documents), force
 * merged to one segment per shard as a settled index is.
 *
 * <p>The cluster's nodes run on the same machine and share its cores with this JVM, so its
 * indexing and query figures include the nodes' own work; the embedded engine's do too, in process.
 */
public final class OpenSearchBench {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Queries when QueryGen's lists are absent: Reuters keywords, phrases, Boolean operators, fields, wildcards. */
  static final List<String> MIXED = List.of("oil", "oil prices", "crude oil output", "wheat", "coffee", "sugar exports", "gold",
      "interest rates", "dollar", "OPEC", "trade deficit", "Japan", "tariffs", "shares", "acquisition", "net loss", "profit",
      "strike", "central bank", "merger talks", "U.S. Treasury", "Saudi Arabia", "grain", "soybeans", "copper", "steel",
      "\"oil prices\"", "\"trade deficit\"", "\"interest rates\"", "\"central bank\"", "\"net loss\" OR \"net profit\"",
      "oil AND prices", "wheat OR corn", "bank NOT Japan", "+coffee -Brazil", "title:oil", "(gold OR silver) AND prices",
      "export*", "cof?ee", "source:reuters AND dollar", "said", "loan", "debt", "tax", "budget", "yen", "mark", "shipping",
      "harvest", "cocoa");

  public static void main(String[] args) throws Exception {
    if (System.getProperty("steppe.resultCache") == null) {
      System.setProperty("steppe.resultCache", "0"); // the embedded engine computes every search, as the cluster does
    }
    int scale = Bench.intProp("scale", 5000);
    int warmup = Bench.intProp("opensearch.warmup", Math.min(scale, 1000));
    URI url = URI.create(Bench.prop("opensearch.url", "http://127.0.0.1:9200"));
    int shards = Bench.intProp("opensearch.shards", 2);
    int replicas = Bench.intProp("opensearch.replicas", 1);
    double seconds = Bench.doubleProp("query.seconds", 5);
    double warmupSeconds = Bench.doubleProp("query.warmup.seconds", 2);
    List<Integer> threadCounts = List.of(Bench.prop("opensearch.threads", "1,4").split(",")).stream().map(Integer::parseInt).toList();
    // QueryGen's lists when a run made them; else a fixed mix of keywords, phrases, operators and fields.
    boolean generated = java.nio.file.Files.isRegularFile(Bench.out().resolve("queries").resolve("term.txt"));
    List<String> kinds = List.of(Bench.prop("query.kinds", generated ? "term,and,phrase" : "mixed").split(","));
    SteppeConfig config = Bench.steppeConfig();
    ClusterAddress address = ClusterAddress.of(List.of(url));
    String indexName = "bench-" + scale;

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Bench.machine());
    result.put("scale", scale);
    result.put("cluster", Map.of("url", url.toString(), "nodes", get(url, "/_cat/nodes?format=json&h=name,heap.max,node.role").size(),
        "shards", shards, "replicas", replicas, "version", get(url, "/").path("version").path("number").asText()));
    Path corpus = ScaleCorpus.ensure(scale);
    result.put("corpus_file_mb", Bench.round(Bench.sizeOf(corpus) / 1048576.0, 1));

    // Warm-up: both engines index a small slice first, so neither pays the enrichment's JIT alone.
    if (warmup > 0 && warmup != scale) {
      Path wc = ScaleCorpus.ensure(warmup);
      Bench.log("warm-up on %d stories", warmup);
      indexEmbedded(wc, Bench.out().resolve("idx").resolve("warmup-embedded"), config);
      delete(url, "/bench-warmup");
      indexCluster(wc, address, "bench-warmup", config, shards, replicas, url);
      delete(url, "/bench-warmup");
    }
    Path embeddedDir = Bench.out().resolve("idx").resolve("opensearch-embedded-" + scale);
    Map<String, Object> embedded = indexEmbedded(corpus, embeddedDir, config);
    Bench.log("embedded: %s", embedded);
    delete(url, "/" + indexName);
    Map<String, Object> cluster = indexCluster(corpus, address, indexName, config, shards, replicas, url);
    Bench.log("OpenSearch: %s", cluster);
    result.put("indexing", Map.of("embedded", embedded, "opensearch", cluster,
        "opensearch_over_embedded", Bench.round((double) cluster.get("articles_per_s") / (double) embedded.get("articles_per_s"), 3)));

    List<Map<String, Object>> rows = new ArrayList<>();
    try (SteppeSearch e = Steppe.open(embeddedDir, config); SteppeSearch o = OpenSearchSteppe.open(address, indexName, config)) {
      Map<String, QueryBench.Runner> runners = new LinkedHashMap<>();
      runners.put("embedded", q -> e.searchArticles(SearchRequest.of(q)).total());
      runners.put("opensearch", q -> o.searchArticles(SearchRequest.of(q)).total());
      for (String kind : kinds) {
        List<String> queries = kind.equals("mixed") ? MIXED : Bench.lines(Bench.out().resolve("queries").resolve(kind + ".txt"));
        for (String engine : runners.keySet()) { // JIT and caches, unmeasured
          QueryBench.loop(runners.get(engine), queries, 1, warmupSeconds, null);
        }
        for (int threads : threadCounts) {
          Map<String, Map<String, Object>> pair = new LinkedHashMap<>();
          for (String engine : runners.keySet()) {
            Map<String, Object> row = QueryBench.measure(runners.get(engine), queries, threads, warmupSeconds, seconds);
            row.put("engine", engine);
            row.put("kind", kind);
            rows.add(row);
            pair.put(engine, row);
            Bench.log("%s %s threads=%d: %s", engine, kind, threads, row);
          }
          Bench.log("%s threads=%d: OpenSearch p50 %.2fx, p99 %.2fx the embedded engine's", kind, threads,
              ratio(pair, "p50_ms"), ratio(pair, "p99_ms"));
        }
      }
    }
    result.put("queries", rows);
    result.put("layout", layout(url, indexName, embeddedDir));
    result.put("loadavg_end", Bench.loadAverage());
    Bench.write(Bench.prop("opensearch.result", "opensearch-" + scale + ".json"), result);
    if (!Boolean.getBoolean("opensearch.keep")) {
      delete(url, "/" + indexName);
    }
  }

  private static double ratio(Map<String, Map<String, Object>> pair, String key) {
    return ((Number) pair.get("opensearch").get(key)).doubleValue() / ((Number) pair.get("embedded").get(key)).doubleValue();
  }

  private static Map<String, Object> indexEmbedded(Path corpus, Path dir, SteppeConfig config) throws IOException {
    Bench.deleteTree(dir);
    long t0 = System.nanoTime();
    IndexSummary s;
    try (WritableSteppe w = Steppe.openWritable(dir, config)) {
      s = w.indexCorpus(corpus, IndexProgress.NONE);
    }
    Map<String, Object> m = summary(s, System.nanoTime() - t0);
    m.put("index_mb", Bench.round(Bench.sizeOf(dir) / 1048576.0, 1));
    return m;
  }

  private static Map<String, Object> indexCluster(Path corpus, ClusterAddress address, String name, SteppeConfig config,
      int shards, int replicas, URI url) throws IOException, InterruptedException {
    long cpu0 = clusterCpuMillis(url);
    long t0 = System.nanoTime();
    IndexSummary s;
    BulkWriter.Stats bulk;
    try (WritableOpenSearchSteppe w = WritableOpenSearchSteppe.openWritable(address, name, config, shards, replicas)) {
      s = w.indexCorpus(corpus, IndexProgress.NONE);
      bulk = w.bulkStats();
    }
    long nanos = System.nanoTime() - t0;
    Map<String, Object> m = summary(s, nanos);
    m.put("bulk_requests", bulk.requests());
    m.put("bulk_actions", bulk.actions());
    m.put("bulk_mb", Bench.round(bulk.bytes() / 1048576.0, 1));
    m.put("bulk_mb_per_s", Bench.round(bulk.bytes() / 1048576.0 / (nanos / 1e9), 2));
    m.put("bulk_retries", bulk.retries());
    m.put("cluster_cpu_s", Bench.round((clusterCpuMillis(url) - cpu0) / 1000.0, 1));
    return m;
  }

  private static Map<String, Object> summary(IndexSummary s, long nanos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articles", s.articles());
    m.put("quotes", s.quotes());
    m.put("seconds", Bench.round(nanos / 1e9, 1));
    m.put("articles_per_s", Bench.round(s.articles() / (nanos / 1e9), 1));
    return m;
  }

  /** Documents and bytes per shard copy, articles against quote documents, before and after a force merge. */
  private static Map<String, Object> layout(URI url, String index, Path embeddedDir) throws IOException, InterruptedException {
    Map<String, Object> m = new LinkedHashMap<>();
    long articles = count(url, index, "article");
    long quotes = count(url, index, "quote");
    m.put("articles", articles);
    m.put("quote_documents", quotes);
    m.put("quote_share_of_documents", Bench.round((double) quotes / (articles + quotes), 3));
    m.put("shards_as_indexed", shards(url, index));
    send(url, "POST", "/" + index + "/_forcemerge?max_num_segments=1");
    List<Map<String, Object>> merged = shards(url, index);
    m.put("shards_merged", merged);
    long primaryBytes = merged.stream().filter(s -> "p".equals(s.get("prirep"))).mapToLong(s -> (long) s.get("bytes")).sum();
    m.put("primary_mb_merged", Bench.round(primaryBytes / 1048576.0, 1));
    m.put("primary_bytes_per_article_merged", articles == 0 ? 0 : primaryBytes / articles);
    m.put("embedded_mb", Bench.round(Bench.sizeOf(embeddedDir) / 1048576.0, 1));
    m.put("embedded_bytes_per_article", articles == 0 ? 0 : Bench.sizeOf(embeddedDir) / articles);
    Bench.log("layout: %s", m);
    return m;
  }

  private static List<Map<String, Object>> shards(URI url, String index) throws IOException, InterruptedException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode s : get(url, "/_cat/shards/" + index + "?format=json&bytes=b&h=shard,prirep,docs,store,node,segments.count")) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("shard", s.path("shard").asInt());
      row.put("prirep", s.path("prirep").asText());
      row.put("node", s.path("node").asText());
      row.put("docs", s.path("docs").asLong()); // Lucene documents: articles, quotes
      row.put("bytes", s.path("store").asLong());
      row.put("segments", s.path("segments.count").asInt());
      out.add(row);
    }
    return out;
  }

  private static long count(URI url, String index, String kind) throws IOException, InterruptedException {
    String body = "{\"query\":{\"term\":{\"kind\":\"" + kind + "\"}}}";
    return send(url, "POST", "/" + index + "/_count", body).path("count").asLong();
  }

  private static long clusterCpuMillis(URI url) throws IOException, InterruptedException {
    long sum = 0;
    for (JsonNode node : get(url, "/_nodes/stats/process").path("nodes")) {
      sum += node.path("process").path("cpu").path("total_in_millis").asLong();
    }
    return sum;
  }

  private static JsonNode get(URI url, String path) throws IOException, InterruptedException {
    return send(url, "GET", path, null);
  }

  private static void delete(URI url, String path) throws IOException, InterruptedException {
    HTTP.send(HttpRequest.newBuilder(url.resolve(path)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
  }

  private static JsonNode send(URI url, String method, String path) throws IOException, InterruptedException {
    return send(url, method, path, null);
  }

  private static JsonNode send(URI url, String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IOException(method + " " + path + " answered HTTP " + r.statusCode() + ": " + r.body());
    }
    return Bench.JSON.readTree(r.body());
  }
}
