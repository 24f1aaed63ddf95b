package org.steppe.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.Analysis;
import org.steppe.index.Fields;
import org.steppe.search.ArticleHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.Steppe;

/**
 * Query latency in process over a Steppe index of {@code -Dscale=N} articles (built by
 * {@link IndexBench}), for each query kind (term, and, phrase; rotating real queries from
 * {@link QueryGen}) and thread count ({@code -Dquery.threads=1,2,4}), in two modes:
 *
 * <ul>
 *   <li>{@code steppe}: {@code Steppe.searchArticles}, the public API: the query over title, body
 *       and entity, facet counts on every dimension (source, speaker, year, month, four entity
 *       types), 10 hits with highlighted snippets and stored fields. The term kind is the
 *       "keyword + facets + 10 highlighted hits" figure.
 *   <li>{@code core}: the same parsed query (Steppe's query analyzer and field weights, articles
 *       only) on a plain IndexSearcher over the same index, top 10 ids: no facets, no highlights.
 *       The difference is what facets and highlighting cost.
 * </ul>
 *
 * Each configuration runs {@code -Dquery.warmup.seconds} unmeasured, then
 * {@code -Dquery.seconds}; every thread walks the rotating list from its own offset.
 *
 * <p>Steppe's result cache is off here unless {@code -Dsteppe.resultCache=N} is given: the lists
 * rotate over 200 queries, so with it every measured search would be a cache hit, and this
 * benchmark measures what a search costs when it is computed.
 */
public final class QueryBench {
  interface Runner {
    long run(String query) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("steppe.resultCache") == null) {
      System.setProperty("steppe.resultCache", "0");
    }
    int scale = Bench.intProp("scale", 5000);
    double seconds = Bench.doubleProp("query.seconds", 5);
    double warmup = Bench.doubleProp("query.warmup.seconds", 2);
    List<Integer> threadCounts = List.of(Bench.prop("query.threads", "1,2,4").split(",")).stream().map(Integer::parseInt).toList();
    List<String> kinds = List.of(Bench.prop("query.kinds", "term,and,phrase").split(","));
    List<String> modes = List.of(Bench.prop("query.modes", "core,steppe").split(","));
    Path index = Bench.steppeIndex(scale);
    ConfigDir config = ConfigDir.defaultLocation();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Bench.machine());
    result.put("scale", scale);
    long t0 = System.nanoTime();
    try (Steppe steppe = Steppe.open(index, Bench.steppeConfig());
        FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      result.put("open_ms", (System.nanoTime() - t0) / 1_000_000);
      result.put("articles", steppe.articleCount());
      result.put("heap_after_open_mb", Bench.heapAfterGcMb());
      Analysis analysis = Analysis.load(config, Gazetteer.load(config));
      IndexSearcher core = new IndexSearcher(reader);
      core.setSimilarity(analysis.similarity());
      Analyzer qa = analysis.queryAnalyzer();
      Map<String, Runner> runners = new LinkedHashMap<>();
      runners.put("steppe", q -> {
        SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of(q));
        return r.total();
      });
      runners.put("core", q -> {
        TopDocs top = core.search(coreQuery(qa, q), 10);
        StoredFields stored = reader.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
          stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID);
        }
        return top.totalHits.value();
      });
      // Sanity: the full query really counts facets and highlights.
      SearchResult<ArticleHit> sample = steppe.searchArticles(SearchRequest.of("oil"));
      Map<String, Object> sanity = new LinkedHashMap<>();
      sanity.put("query", "oil");
      sanity.put("total", sample.total());
      sanity.put("hits", sample.hits().size());
      org.steppe.search.Facets f = sample.facets();
      sanity.put("facet_values", Map.of("source", f.source().size(), "speaker", f.speaker().size(), "entity", f.entity().size(),
          "date", f.date().size(), "year", f.year().size()));
      sanity.put("highlighted_hits", sample.hits().stream().filter(h -> h.snippet() != null && h.snippet().contains("<mark>")).count());
      sanity.put("first_snippet", sample.hits().isEmpty() ? null : sample.hits().get(0).snippet());
      result.put("sanity", sanity);
      Bench.log("sanity: %s", sanity);
      // JIT warm-up before the first measured configuration: every mode and kind, one thread.
      double jit = Bench.doubleProp("query.jit.seconds", 4);
      for (String mode : modes) {
        for (String kind : kinds) {
          loop(runners.get(mode), Bench.lines(Bench.out().resolve("queries").resolve(kind + ".txt")), 1,
              jit / modes.size() / kinds.size(), null);
        }
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String kind : kinds) {
        List<String> queries = Bench.lines(Bench.out().resolve("queries").resolve(kind + ".txt"));
        for (String mode : modes) {
          for (int threads : threadCounts) {
            Map<String, Object> row = measure(runners.get(mode), queries, threads, warmup, seconds);
            row.put("mode", mode);
            row.put("kind", kind);
            rows.add(row);
            Bench.log("scale %d %s %s threads=%d: %s", scale, mode, kind, threads, row);
          }
        }
      }
      result.put("rows", rows);
      result.put("heap_after_queries_mb", Bench.heapAfterGcMb());
    }
    result.put("peak_rss_mb", Bench.peakRssMb());
    result.put("peak_heap_mb", Bench.peakHeapMb());
    result.put("loadavg_end", Bench.loadAverage());
    Bench.write(Bench.prop("query.result", "query-steppe-" + scale + ".json"), result);
  }

  static Query coreQuery(Analyzer analyzer, String q) throws Exception {
    Map<String, Float> boosts = Map.of(Fields.TITLE, 3f, Fields.BODY, 1f, Fields.ENTITY, 2f);
    QueryParser parser = new MultiFieldQueryParser(boosts.keySet().toArray(String[]::new), analyzer, boosts);
    parser.setSplitOnWhitespace(false);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    return new BooleanQuery.Builder()
        .add(parser.parse(q), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
        .build();
  }

  /** Runs {@code runner} on {@code threads} threads for a warm-up, then for {@code seconds}, recording every latency. */
  static Map<String, Object> measure(Runner runner, List<String> queries, int threads, double warmup, double seconds)
      throws Exception {
    loop(runner, queries, threads, warmup, null);
    long[][] lat = new long[threads][];
    int[] counts = new int[threads];
    AtomicLong hits = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    long t0 = System.nanoTime();
    loop(runner, queries, threads, seconds, (t, arr, n, h, c) -> {
      lat[t] = arr;
      counts[t] = n;
      hits.addAndGet(h);
      cpu.addAndGet(c);
    });
    double elapsed = (System.nanoTime() - t0) / 1e9;
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int pos = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(lat[t], 0, all, pos, counts[t]);
      pos += counts[t];
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("threads", threads);
    row.putAll(Bench.latency(all, total));
    row.put("qps", Bench.round(total / elapsed, 1));
    // CPU time of the querying threads per query: unlike latency, barely moved by other processes
    // on a shared machine (work handed to other threads, e.g. a searcher's executor, is not in it).
    row.put("cpu_ms_per_query", total == 0 ? 0 : Bench.round(cpu.get() / 1e6 / total, 3));
    row.put("mean_total_hits", total == 0 ? 0 : hits.get() / total);
    row.put("loadavg", Bench.loadAverage().split(" ")[0]);
    return row;
  }

  interface Sink {
    void accept(int thread, long[] latencies, int n, long hits, long cpuNanos);
  }

  static void loop(Runner runner, List<String> queries, int threads, double seconds, Sink sink) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    CountDownLatch done = new CountDownLatch(threads);
    Exception[] failure = new Exception[1];
    for (int t = 0; t < threads; t++) {
      final int id = t;
      Thread th = new Thread(() -> {
        long[] lat = new long[1 << 16];
        int n = 0;
        long hits = 0;
        int i = id * queries.size() / threads;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        try {
          while (System.nanoTime() < deadline) {
            String q = queries.get(i++ % queries.size());
            long s = System.nanoTime();
            hits += runner.run(q);
            long e = System.nanoTime() - s;
            if (n == lat.length) {
              lat = java.util.Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = e;
          }
        } catch (Exception ex) {
          failure[0] = ex;
        } finally {
          if (sink != null) {
            sink.accept(id, lat, n, hits, mx.getCurrentThreadCpuTime() - cpu0);
          }
          done.countDown();
        }
      }, "bench-query-" + t);
      th.start();
    }
    done.await();
    if (failure[0] != null) {
      throw failure[0];
    }
  }
}
